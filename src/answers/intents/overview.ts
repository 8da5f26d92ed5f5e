import { humanDate } from '../../text/dates.js';
import { resolveCitations } from '../citations.js';
import { withSectionsFirst } from '../common.js';
import { answerPlan } from '../listings.js';
import { leadWith, type IntentAnswer } from './shared.js';

/**
 * "What's the Berlin statement?", "summarize Trump's plan": the plan at a glance — how many points, when, by
 * whom, every point by its title (so a summary names the amnesty of point 26, not only the first page) —
 * and its first points in full.
 */
export const overviewAnswer: IntentAnswer = ({ core, query }) => {
  const planId = query.plans[0];
  const plan = planId ? core.kb.plans.get(planId) : undefined;
  if (!plan) return undefined;
  const points = [...core.kb.provisions.values()]
    .filter((p) => p.plan === plan.id)
    .sort((a, b) => a.number - b.number || (a.part ?? '').localeCompare(b.part ?? ''));
  const answer = leadWith(
    answerPlan(core, plan.id),
    `**${plan.name}:** ${plan.pointCount ?? points.length} points, ${humanDate(plan.date)}. Proposed by ${plan.proposedBy}.`,
  );
  if (points.length <= 1) return answer;
  return withSectionsFirst(answer, [
    {
      heading: `All ${plan.pointCount ?? points.length} points at a glance`,
      // each point by the head of its title ("Frozen Russian assets", not the scheme's detail): one field's worth
      text: points.map((p) => `${p.number}${p.part ?? ''}. ${p.title.split(/[:;]/)[0]!.trim()}`).join(' · '),
      citations: resolveCitations(core, plan.citations).slice(0, 1),
    },
  ]);
};
