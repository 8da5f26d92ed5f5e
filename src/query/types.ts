import type { intentNames, PartyId, PlanId } from '../knowledge/schema.js';

/**
 * What a question asks for. `lookup` is the default: show the fact that fits best.
 * - compare: plans side by side ("28pt vs 20pt territory");
 * - what-changed: the change between the drafts ("did the 20pt drop the amnesty");
 * - when: an event and its date; who: a person or body;
 * - figure: a number (how many, how much, how long);
 * - party-position: what a party wants or says ("what does russia want on nato");
 * - status: the latest known state ("is the war over", "any deal yet");
 * - plan-overview: one plan at a glance; list: several facts of one kind.
 */
export type Intent = 'lookup' | (typeof intentNames)[number];

/** "point 7 of the 28-point plan": the plan may be unnamed; `id` is set only when that point exists. */
export interface PointRef {
  plan?: PlanId;
  number: number;
  part?: string;
  id?: string;
}

/** A number in the question with its unit, if one follows or precedes it ("600k troops", "$100bn", "33 %"). */
export interface Figure {
  amount: number;
  unit?: string;
}

/** A date as people write it ("9 May", "in december", "feb 2026"); every part is optional. */
export interface QueryDate {
  year?: number;
  month?: number;
  day?: number;
  /** A deadline or target ("by 2040", "until June"), not a date the question asks about. */
  deadline?: boolean;
}

export interface Query {
  /** As typed, with invisible characters removed and white space folded. */
  raw: string;
  /** Normalised words after slang, spelling variants, translations and synonyms are rewritten. */
  words: string[];
  /** `words` joined: the text the search matches. */
  text: string;
  /** Words that carry meaning: no stopwords, no cue words of the intent, no plan names. */
  content: string[];
  intent: Intent;
  /** Every intent whose cue words occur, in priority order (the first is usually `intent`). */
  cues: Intent[];
  /** Plans named, in order of first mention, each once. */
  plans: PlanId[];
  point?: PointRef;
  parties: PartyId[];
  /** People and bodies named (actor ids from parties.json), parties excluded. */
  people: string[];
  /** Topics named by title or alias (topic ids). */
  topics: string[];
  /** Role words ("defence minister", "envoy", "negotiator"), as the lexicon writes them. */
  roles: string[];
  figures: Figure[];
  dates: QueryDate[];
  /** The question contains a negation ("not", "never", "dropped"). */
  negated: boolean;
  /** Phrases that place the question outside the fact base ("weather", "how old"). */
  offTopic: string[];
  /** It asks for a verbatim text ("full text", "exact wording"). */
  verbatim: boolean;
  /** It asks about the present ("now", "currently", "rn"): the latest state or role wins. */
  present: boolean;
  /** It asks for a response to something or its outcome ("how did Putin react to…", "did it take place"). */
  reaction: boolean;
}
