import type { PartyId, PlanId } from '../knowledge/schema.js';
import type { Intent, PointRef } from './types.js';

/** The intent a question is answered by, from the cue words and the things it names. */

export const intentOrder: Intent[] = [
  'status',
  'when',
  'who',
  'compare',
  'what-changed',
  'figure',
  'party-position',
  'plan-overview',
  'list',
  'timeline',
];

interface Signals {
  cues: ReadonlySet<Intent>;
  plans: readonly PlanId[];
  point: PointRef | undefined;
  parties: readonly PartyId[];
  people: readonly string[];
  content: readonly string[];
  topics: readonly string[];
}

/** The one intent a question is answered by; the order says which cue wins when several occur. */
export function decideIntent({ cues, plans, point, parties, people, content }: Signals): Intent {
  if (point?.plan) return 'lookup';
  // "timeline of the Geneva talks", "chronology of the energy truce": the dated events, listed
  if (cues.has('timeline')) return 'timeline';
  if (cues.has('status')) return 'status';
  if (cues.has('when')) return 'when';
  // "Who sits on the council now vs before?": the change answers it.
  if (cues.has('who') && (cues.has('compare') || cues.has('what-changed'))) return 'what-changed';
  if (cues.has('who')) return 'who';
  if (cues.has('compare')) return 'compare';
  if (cues.has('what-changed')) return 'what-changed';
  if (plans.length >= 2) return 'compare';
  // "How many points does the 20-point plan have?": the plan at a glance, with its count.
  if (plans.length === 1 && content.length === 0) return 'plan-overview';
  if (cues.has('figure')) return 'figure';
  if (cues.has('party-position') && (parties.length > 0 || people.length > 0)) return 'party-position';
  if (plans.length === 1 && (cues.has('plan-overview') || content.length === 0)) return 'plan-overview';
  if (cues.has('list')) return 'list';
  return 'lookup';
}
