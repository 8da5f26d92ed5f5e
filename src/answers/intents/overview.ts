import { humanDate } from '../../text/dates.js';
import { answerPlan } from '../listings.js';
import { leadWith, type IntentAnswer } from './shared.js';

/** "What's the Berlin statement?": the plan at a glance — how many points, when, by whom — and its points. */
export const overviewAnswer: IntentAnswer = ({ core, query }) => {
  const planId = query.plans[0];
  const plan = planId ? core.kb.plans.get(planId) : undefined;
  if (!plan) return undefined;
  const points = [...core.kb.provisions.values()].filter((p) => p.plan === plan.id).length;
  return leadWith(
    answerPlan(core, plan.id),
    `**${plan.name}:** ${plan.pointCount ?? points} points, ${humanDate(plan.date)}. Proposed by ${plan.proposedBy}.`,
  );
};
