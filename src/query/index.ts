/**
 * The query reader: one reading of a question into a typed Query (intent, plans, point, parties, people,
 * topics, figures, dates, negation), shared by search, /ask, /provision, /compare, /timeline and /factcheck.
 *
 *   import { readQuery, vocabularyOf } from '../query/index.js';
 *   const query = readQuery('28pt vs 20pt territory', vocabularyOf(core.kb));
 *   query.intent // 'compare'; query.plans // ['us-28', 'us-ua-20']; query.topics // ['territory-…']
 *
 * The vocabulary (slang, variants, translations, synonyms, plan nicknames, cue words) is data in
 * knowledge/lexicon.json, checked by the zod schema in src/knowledge/schema.ts.
 */
export { isMonthWord, readQuery } from './read.js';
export { vocabularyOf, phraseWords, type Vocabulary } from './vocabulary.js';
export type { Figure, Intent, PointRef, Query, QueryDate } from './types.js';
