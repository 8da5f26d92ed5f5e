import { factView } from '../views.js';
import { leadWith, type IntentAnswer } from './shared.js';

/**
 * "Who is Umerov?", "who r the E3": the person or body named, when the question is about them and not about
 * something they did ("who leaked the plan" is answered by the fact about the leak). "Who drew up the
 * 20-point plan?": the plan's authors first.
 */
export const whoAnswer: IntentAnswer = ({ core, query, result }) => {
  const named = query.people[0];
  const best = result.hits[0];
  if (named) {
    const aboutThem = !best || best.id === named || best.kind === 'actor' || best.confidence < 0.75;
    if (aboutThem) return factView(core, named);
  }
  if (query.plans.length === 1) {
    const plan = core.kb.plans.get(query.plans[0]!)!;
    // The plan's background note the question fits best, else the plan itself.
    const note = result.hits.find(
      (hit) => hit.kind === 'plan-note' && core.index.entry(hit.id)?.parent === plan.id,
    );
    const onThePlan = !best || best.id === plan.id || best.kind === 'plan' || note !== undefined;
    if (onThePlan)
      return leadWith(factView(core, note?.id ?? plan.id)!, `**${plan.shortName}:** ${plan.proposedBy}.`);
  }
  return undefined;
};
