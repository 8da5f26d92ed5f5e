/** knowledge/sources/sources.json, and how a fact cites a source: a verbatim quote or a note in our words. */
import { reliabilityTiers } from '../constants.js';
import { z } from '../zod.js';
import { isoDate, slug, text } from './fields.js';

export const Reliability = z.enum(reliabilityTiers);
export type Reliability = z.infer<typeof Reliability>;

/** Tiers a reply flags so readers weigh them accordingly. */

export const Source = z.strictObject({
  id: slug,
  title: text,
  publisher: text,
  author: text.nullable(),
  date: isoDate.nullable(),
  url: z.url().nullable(),
  language: z.string().min(2),
  reliability: Reliability,
  note: z.string(),
  /** Only source documents have a text file in knowledge/sources/, and only they can be quoted. */
  file: z
    .string()
    .regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in knowledge/sources/')
    .optional(),
});
export type Source = z.infer<typeof Source>;
export const SourcesFile = z.array(Source);

/** A verbatim excerpt of a shipped source document. */
export const QuoteCitation = z.strictObject({ source: slug, quote: text });
/** Reporting we describe in our own words; the reference's metadata lives in sources.json. */
export const ReferenceCitation = z.strictObject({ source: slug, note: text });
export const Citation = z.union([QuoteCitation, ReferenceCitation]);
export type Citation = z.infer<typeof Citation>;
