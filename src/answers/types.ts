import type { Reliability } from '../knowledge/schema.js';

/** A citation with everything a reader needs to weigh it; built from sources.json by the resolver. */
export interface ResolvedCitation {
  sourceId: string;
  title: string;
  publisher: string;
  date: string | null;
  url: string | null;
  reliability: Reliability;
  /** The reliability in a reader's words: "major outlet", "⚠ anonymous, low reliability". */
  reliabilityLabel: string;
  /** True for sources a reader should weigh with care (anonymous posts, state media, aggregators). */
  weak: boolean;
  /** A verbatim excerpt of a shipped source document (the first, when several are cited). */
  quote?: string;
  /** Every distinct excerpt, when an answer quotes the same document more than once. */
  quotes?: string[];
  /** What a reference supports, in our words (several notes merged with "; "). */
  note?: string;
}

export interface AnswerSection {
  heading: string;
  text: string;
  citations: ResolvedCitation[];
}

export type AnswerStatus = 'found' | 'ambiguous' | 'not_found' | 'error';

/** What every command produces: plain data, no Discord types, no I/O. */
export interface Answer {
  status: AnswerStatus;
  title: string;
  /** Neutral, short, plain markdown. */
  text: string;
  sections: AnswerSection[];
  /** Every citation the answer rests on, deduplicated, in order of first use. */
  citations: ResolvedCitation[];
  /** Ids of the facts the answer used, best first. */
  factIds: string[];
  /** "Did you mean" fact ids when ambiguous / not found. */
  suggestions: string[];
  /** The fact base's "as of" date: nothing later is known. */
  asOf: string;
  /** ISO date of the latest reliably reported development, when the fact base records it. */
  latestReliable?: string;
  /** Paging of long lists (a plan's points, the timeline): 1-based. */
  page?: { index: number; count: number };
  /** A long list (a plan's points, the timeline): renderers show one line per section. */
  listing?: boolean;
  /** The fact-check verdict, when the answer is one. */
  verdict?: Verdict;
}

export type Verdict = 'supported' | 'contradicted' | 'depends_on_plan' | 'disputed' | 'not_in_sources';
