import { factView } from '../views.js';
import type { IntentAnswer } from './shared.js';

/**
 * "Who is Umerov?", "who r the E3": the person or body named, when the question is about them and not about
 * something they did ("who leaked the plan" is answered by the fact about the leak).
 */
export const whoAnswer: IntentAnswer = ({ core, query, result }) => {
  const named = query.people[0];
  if (!named) return undefined;
  const best = result.hits[0];
  const aboutThem = !best || best.id === named || best.kind === 'actor' || best.confidence < 0.75;
  return aboutThem ? factView(core, named) : undefined;
};
