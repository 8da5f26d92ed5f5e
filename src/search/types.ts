import type { FactEntry, FactKind } from '../knowledge/load.js';

/** What a search returns and takes, and a fact as the index holds it. */

export type SearchStatus = 'found' | 'ambiguous' | 'not_found';

export interface SearchHit {
  id: string;
  kind: FactKind;
  /** 0..1: how much of the query this fact explains. */
  confidence: number;
  matchedBy: 'exact' | 'alias' | 'words' | 'fuzzy';
}

export interface SearchResult {
  status: SearchStatus;
  hits: SearchHit[];
  /** Query words the fact base does not know, for "not found" replies. */
  unknownWords: string[];
}

export interface SearchOptions {
  kinds?: readonly FactKind[];
  limit?: number;
  /** Autocomplete: the last word may be unfinished, so it also matches as a prefix. */
  prefix?: boolean;
  /**
   * Whole-query fuzzy matching (fuse.js) when the words explain too little (default on). Autocomplete turns
   * it off: it runs on every keystroke, where an unfinished word is no misspelling.
   */
  fuzzy?: boolean;
}

/** A fact with its texts normalised once, as every part of the index reads them. */
export interface Doc {
  entry: FactEntry;
  idKey: string;
  titleKey: string;
  aliasKeys: string[];
  topicKeys: string[];
  contextKeys: string[];
  summaryKey: string;
}
