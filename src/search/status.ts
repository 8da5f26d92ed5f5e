import type { SearchHit, SearchStatus } from './types.js';
import { ambiguousAt, foundAt } from './weights.js';

/**
 * found, ambiguous or not_found from the best hits. Two unrelated facts that fit equally well
 * ("troops": the troop cap, or foreign troops?) make a question back, not a coin toss; facts in one
 * thread (`related`) are no rivals.
 */
export function statusOfHits(
  hits: readonly SearchHit[],
  related: (a: string, b: string) => boolean,
): SearchStatus {
  const [first, second] = hits;
  const best = first?.confidence ?? 0;
  if (best < ambiguousAt) return 'not_found';
  if (best < foundAt) return 'ambiguous';
  const decisive = first!.matchedBy === 'exact' || first!.matchedBy === 'alias';
  const rival =
    second &&
    second.kind === first!.kind &&
    second.confidence >= best * 0.97 &&
    !related(first!.id, second.id);
  return !decisive && rival ? 'ambiguous' : 'found';
}
