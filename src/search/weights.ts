import type { FactKind } from '../knowledge/load.js';
import type { SearchHit } from './types.js';

/** How the index weighs what it finds: fields, kinds of match, and the thresholds on confidence. */

/** Thresholds on the confidence of the best hit. */
export const foundAt = 0.62;
export const ambiguousAt = 0.5;

export const fieldWeights = { id: 3, alias: 3, title: 2.5, context: 2.2, topic: 1.2, summary: 1 } as const;
export type Field = keyof typeof fieldWeights;

/** Between equally confident hits, the broader view answers more: a topic before one of its points. */
export const kindRank: Record<FactKind, number> = {
  topic: 0,
  issue: 1,
  // A name on its own means the person more often than the plan nicknamed after them ("Witkoff plan").
  actor: 2,
  plan: 3,
  provision: 4,
  event: 5,
  change: 6,
  position: 7,
  'plan-note': 8,
  'issue-note': 9,
};

/** On a tie, a fact the query names (by id or alias) beats one that merely contains its words. */
export const matchRank: Record<SearchHit['matchedBy'], number> = { exact: 0, alias: 1, words: 2, fuzzy: 3 };

/** A fact whose text holds this share of the query's meaning counts its summary words as nearly named. */
export const summaryHoldsAt = 0.6;
export const summaryShareHeld = 2.2;

/** Confidences within a few hundredths are a tie; the score then decides. */
export function roundConfidence(confidence: number): number {
  return Math.round(confidence * 20) / 20;
}
