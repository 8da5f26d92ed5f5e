/** knowledge/meta.json. */
import { z } from '../zod.js';
import { Gap } from './facts.js';
import { isoDate, looseDate, text } from './fields.js';

/**
 * The fact base's dates, kept apart so no reply implies that the newest headline is the present:
 * when it was last reviewed against the fact sheet (`asOf`, the date every answer is "as of"), its
 * latest reliably reported development, and the latest date of any item at all, however weak.
 */
export const Meta = z.strictObject({
  title: text,
  /** When the fact base was last reviewed against the fact sheet ("reviewed 1 Dec 2026"). */
  asOf: isoDate,
  /** The latest development found in reliable reporting ("latest reliable report 4 Jun 2026"). */
  latestReliable: isoDate,
  latestReliableNote: text,
  /** The latest date of any item or source, headline-only ones included; nothing is dated later. */
  latestAny: looseDate,
  latestAnyNote: text,
  /** What the dates mean and what no source shows, in a sentence or three. */
  asOfNote: text,
  corrections: text,
  repository: z.url().optional(),
  /** What the fact base knows it does not know (fact sheet section K). */
  gaps: z.array(Gap).default([]),
});
export type Meta = z.infer<typeof Meta>;
