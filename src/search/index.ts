import Fuse from 'fuse.js';
import type { FactEntry, FactKind } from '../knowledge/load.js';
import { withinEdits } from '../text/edits.js';
import { foldVariants, normaliseForMatching, stem, tokenize } from '../text/normalise.js';
import { DocAccumulator } from './accumulator.js';
import { topK } from './top.js';

/**
 * Free text → ranked facts with a confidence.
 * 1. the whole query is a fact id or alias → that fact, certain;
 * 2. aliases that occur inside the query ("how big is the *army cap*") → strong evidence;
 * 3. every other word is weighed by how rare it is in the fact base (idf), with typos tolerated;
 * 4. fuse.js over weighted keys catches what the words miss (run-together or badly mangled names).
 * The confidence is the share of the query's meaning that the best fact explains: words the fact base
 * has never seen ("weather", "football") pull it down, so out-of-scope questions come back not_found
 * instead of as the least-bad match.
 */

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

/** Thresholds on the confidence of the best hit. */
export const foundAt = 0.62;
export const ambiguousAt = 0.5;

const fieldWeights = { id: 3, alias: 3, title: 2.5, context: 2.2, topic: 1.2, summary: 1 } as const;

/** Between equally confident hits, the broader view answers more: a topic before one of its points. */
const kindRank: Record<FactKind, number> = {
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
type Field = keyof typeof fieldWeights;

interface Doc {
  entry: FactEntry;
  idKey: string;
  titleKey: string;
  aliasKeys: string[];
  topicKeys: string[];
  contextKeys: string[];
  summaryKey: string;
}

interface Posting {
  doc: number;
  weight: number;
}

interface Phrase {
  tokens: string[];
  doc: number;
}

export class SearchIndex {
  private readonly docs: Doc[];
  private readonly byId = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  private readonly phrasesByFirstToken = new Map<string, Phrase[]>();
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  private readonly deletions = new Map<string, string[]>();
  private readonly sortedTerms: string[];
  private readonly unknownIdf: number;
  /** Character trigrams of each document's id, aliases and title → documents: candidates for Fuse. */
  private readonly trigramDocs = new Map<string, number[]>();
  /** Per-document sums of a search, reused from search to search (one search runs at a time). */
  private readonly scores: DocAccumulator;
  private readonly held: DocAccumulator;
  private readonly heldExplained: DocAccumulator;
  private readonly perDoc: DocAccumulator;

  /** Words that carry no meaning for finding a fact (knowledge/lexicon.json `stopwords`). */
  private readonly stopwords: ReadonlySet<string>;

  /** Spelling variants (knowledge/lexicon.json), folded in the facts' text and in every query alike. */
  private readonly variants: ReadonlyMap<string, string>;

  constructor(
    entries: Iterable<FactEntry>,
    vocabulary: { stopwords: ReadonlySet<string>; variants: ReadonlyMap<string, string> },
  ) {
    this.stopwords = vocabulary.stopwords;
    this.variants = vocabulary.variants;
    const normalise = (text: string) => this.normalise(text);
    this.docs = [...entries].map((entry) => ({
      entry,
      idKey: normalise(entry.id),
      titleKey: normalise(entry.title),
      aliasKeys: entry.aliases.map(normalise),
      topicKeys: entry.topics.map(normalise),
      contextKeys: entry.context.map(normalise),
      summaryKey: normalise(entry.summary),
    }));
    this.docs.forEach((doc, i) => {
      this.byId.set(doc.entry.id, i);
      for (const key of [doc.idKey, ...doc.aliasKeys]) {
        if (!this.exact.has(key)) this.exact.set(key, i);
        this.addPhrase(key, i);
      }
      this.addPhrase(doc.titleKey, i);
      this.indexDoc(doc, i);
      for (const gram of trigramsOf([doc.idKey, ...doc.aliasKeys, doc.titleKey])) {
        const list = this.trigramDocs.get(gram);
        if (list) list.push(i);
        else this.trigramDocs.set(gram, [i]);
      }
    });
    this.scores = new DocAccumulator(this.docs.length);
    this.held = new DocAccumulator(this.docs.length);
    this.heldExplained = new DocAccumulator(this.docs.length);
    this.perDoc = new DocAccumulator(this.docs.length);
    const n = this.docs.length || 1;
    for (const [term, list] of this.postings) this.idf.set(term, Math.log(1 + n / list.length));
    this.unknownIdf = Math.log(1 + n);
    this.sortedTerms = [...this.postings.keys()].sort();
    for (const term of this.sortedTerms) {
      if (term.length < 4 || /^\d+$/.test(term)) continue;
      for (const variant of deletionsOf(term)) {
        const list = this.deletions.get(variant);
        if (list) list.push(term);
        else this.deletions.set(variant, [term]);
      }
    }
  }

  /** The normal form of a text for this index: normalised, spelling variants folded. */
  normalise(text: string): string {
    return foldVariants(normaliseForMatching(text), this.variants);
  }

  get size(): number {
    return this.docs.length;
  }

  entry(id: string): FactEntry | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.docs[i]!.entry;
  }

  search(query: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 10;
    const allowed = (doc: number) => !options.kinds || options.kinds.includes(this.docs[doc]!.entry.kind);
    const key = this.normalise(query);
    const tokens = tokenize(key);
    if (tokens.length === 0) return { status: 'not_found', hits: [], unknownWords: [] };

    const exactDoc = this.exact.get(key);
    // explained (first), score (second) and whether an alias matched (flag), per document
    const scores = this.scores;
    scores.reset();
    const credit = (doc: number, explained: number, score: number, by: 'alias' | 'words') => {
      if (!allowed(doc)) return;
      scores.touch(doc);
      scores.first[doc]! += explained;
      scores.second[doc]! += score;
      if (by === 'alias') scores.flag[doc] = 1;
    };

    // The meaning of each content word: rare words carry more. Unknown words count fully against.
    const content = tokens
      .map((token, position) => ({ token, position }))
      .filter(({ token }) => !this.stopwords.has(token));
    // A query of stopwords only ("plan", "what is it") can still name a fact by a whole alias, but its
    // words on their own are no evidence: they neither match nor get corrected into something else.
    const onlyStopwords = content.length === 0;
    const weighed = content;
    const weightOf = new Map<number, number>();
    if (onlyStopwords) tokens.forEach((_token, position) => weightOf.set(position, 1));
    const unknownWords: string[] = [];
    const isLast = (position: number) => options.prefix === true && position === tokens.length - 1;
    const matches = new Map<number, { term: string; factor: number }[]>();
    for (const { token, position } of weighed) {
      const found = this.matchTerm(stem(token), isLast(position), token);
      matches.set(position, found);
      const idf =
        found.length > 0 ? Math.max(...found.map((m) => this.idf.get(m.term) ?? 0)) : this.unknownIdf;
      weightOf.set(position, idf);
      if (found.length === 0) unknownWords.push(token);
    }
    const total = [...weightOf.values()].reduce((a, b) => a + b, 0) || 1;

    // Aliases and titles inside the query explain all the words they span.
    const coveredBy = new Map<number, Set<number>>();
    for (let i = 0; i < tokens.length; i += 1) {
      for (const phrase of this.phrasesByFirstToken.get(tokens[i]!) ?? []) {
        if (!phrase.tokens.every((t, k) => tokens[i + k] === t)) continue;
        const spanned = new Set<number>();
        for (let k = 0; k < phrase.tokens.length; k += 1) spanned.add(i + k);
        const already = coveredBy.get(phrase.doc) ?? new Set<number>();
        let explained = 0;
        for (const position of spanned) {
          if (!already.has(position)) explained += weightOf.get(position) ?? 0;
          already.add(position);
        }
        coveredBy.set(phrase.doc, already);
        credit(phrase.doc, explained, explained * fieldWeights.alias, 'alias');
      }
    }

    // How much of the query's meaning each fact's text holds at all: a fact whose summary holds most of
    // the question's rare words ("Russia's refining capacity cut by 30%") is what it asks about, though no
    // word is in its name.
    // Only words spelled as the fact spells them count: a typo's guess ("biden" → "widen") holds nothing.
    // share of the query's weight (first) and number of its words (second) each fact holds
    const held = this.held;
    held.reset();
    for (const { token, position } of weighed) {
      const exact = this.postings.get(stem(token)) ?? [];
      for (const { doc } of exact) {
        held.touch(doc);
        held.first[doc]! += (weightOf.get(position) ?? 0) / total;
        held.second[doc]! += 1;
      }
    }
    // Single words, by field weight and rarity.
    const heldExplained = this.heldExplained;
    heldExplained.reset();
    const perDoc = this.perDoc;
    for (const { position } of weighed) {
      perDoc.reset();
      for (const { term, factor } of matches.get(position) ?? []) {
        for (const posting of this.postings.get(term) ?? []) {
          const value = posting.weight * factor;
          perDoc.touch(posting.doc);
          if (value > perDoc.first[posting.doc]!) perDoc.first[posting.doc] = value;
        }
      }
      const weight = weightOf.get(position) ?? 0;
      for (const doc of perDoc.touched) {
        const fieldWeight = perDoc.first[doc]!;
        if (fieldWeight <= 0) continue;
        if (coveredBy.get(doc)?.has(position)) continue;
        // Summary-only words explain less of the query than words in a name or alias, unless together
        // they hold most of it.
        const heldNow = held.secondOf(doc) >= 3 ? held.firstOf(doc) : 0;
        const summaryShare = heldNow >= summaryHoldsAt ? summaryShareHeld : fieldWeights.summary;
        const share = Math.min(1, fieldWeight / fieldWeights.title);
        const heldShareOf = Math.min(1, Math.max(fieldWeight, summaryShare) / fieldWeights.title);
        credit(doc, weight * share, weight * fieldWeight, 'words');
        heldExplained.touch(doc);
        heldExplained.first[doc]! += weight * (heldShareOf - share);
      }
    }

    const scored = scores.touched.map((doc) => ({
      id: this.docs[doc]!.entry.id,
      kind: this.docs[doc]!.entry.kind,
      confidence: Math.min(1, scores.first[doc]! / total),
      matchedBy: (scores.flag[doc] ? 'alias' : 'words') as SearchHit['matchedBy'],
      score: scores.second[doc]!,
    }));
    let hits: SearchHit[] = topK(
      scored,
      limit,
      (a, b) =>
        round(b.confidence) - round(a.confidence) ||
        matchRank[a.matchedBy] - matchRank[b.matchedBy] ||
        b.score - a.score ||
        kindRank[a.kind] - kindRank[b.kind],
    ).map(({ score: _score, ...hit }) => hit);
    // The best facts, when their summary holds most of the question, explain more than their names say;
    // the order stays as the names and words decided it, except among facts that tied for first.
    const first = hits[0];
    if (first && first.matchedBy === 'words') {
      const tied = hits.filter((hit) => round(hit.confidence) === round(first.confidence));
      for (const hit of tied) {
        if (hit.matchedBy !== 'words') continue;
        const doc = this.byId.get(hit.id)!;
        hit.confidence = Math.min(1, hit.confidence + heldExplained.firstOf(doc) / total);
      }
      const reordered = [...tied].sort((a, b) => b.confidence - a.confidence);
      hits = [...reordered, ...hits.slice(tied.length)];
    }

    if (exactDoc !== undefined && allowed(exactDoc)) {
      const entry = this.docs[exactDoc]!.entry;
      hits = [
        { id: entry.id, kind: entry.kind, confidence: 1, matchedBy: 'exact' as const },
        ...hits.filter((hit) => hit.id !== entry.id),
      ].slice(0, limit);
    }

    // A query of only stopwords ("the", "and") means nothing: fuzzy matching would find it inside any title.
    // Fuzzy matching is for mangled or run-together names; a query longer than one bitap chunk (32
    // characters) is a sentence, which no name matches closely, and would cost several times as much.
    if (
      options.fuzzy !== false &&
      (hits[0]?.confidence ?? 0) < foundAt &&
      key.length <= fuzzyMaxLength &&
      content.length > 0
    ) {
      hits = this.mergeFuzzy(hits, key, allowed, limit);
    }

    return { status: this.statusOf(hits), hits, unknownWords };
  }

  /**
   * found, ambiguous or not_found from the best hits. Two unrelated facts that fit equally well
   * ("troops": the troop cap, or foreign troops?) make a question back, not a coin toss.
   */
  statusOf(hits: readonly SearchHit[]): SearchStatus {
    const [first, second] = hits;
    const best = first?.confidence ?? 0;
    if (best < ambiguousAt) return 'not_found';
    if (best < foundAt) return 'ambiguous';
    const decisive = first!.matchedBy === 'exact' || first!.matchedBy === 'alias';
    const rival =
      second &&
      second.kind === first!.kind &&
      second.confidence >= best * 0.97 &&
      !this.related(first!.id, second.id);
    if (!decisive && rival) {
      return 'ambiguous';
    }
    return 'found';
  }

  /** Facts in one thread: they share a topic, or one belongs to the other, or both to the same fact. */
  related(a: string, b: string): boolean {
    const thread = (id: string) => {
      const entry = this.entry(id);
      return new Set([id, ...(entry?.topics ?? []), ...(entry?.parent ? [entry.parent] : [])]);
    };
    const left = thread(a);
    return [...thread(b)].some((key) => left.has(key));
  }

  /** The vocabulary terms a query word stands for: itself, a typo away, or (autocomplete) a prefix. */
  private matchTerm(token: string, asPrefix: boolean, unstemmed = token): { term: string; factor: number }[] {
    const found: { term: string; factor: number }[] = [];
    if (this.postings.has(token)) found.push({ term: token, factor: 1 });
    if (asPrefix && unstemmed.length >= 2) {
      for (const term of this.termsWithPrefix(unstemmed.slice(0, Math.max(2, token.length)), 30)) {
        if (term !== token) found.push({ term, factor: 0.9 });
      }
    }
    // A four-letter word one letter off is too often another word ("sick" is no "Dick").
    if (found.length > 0 || unstemmed.length < 5 || /^\d+$/.test(token)) return found;
    const seen = new Set<string>();
    for (const variant of [token, ...deletionsOf(token)]) {
      for (const term of this.deletions.get(variant) ?? []) {
        if (seen.has(term) || !withinEdits(token, term, token.length >= 8 ? 2 : 1)) continue;
        seen.add(term);
        found.push({ term, factor: 0.85 });
      }
      if (this.postings.has(variant) && variant.length >= 4 && !seen.has(variant)) {
        seen.add(variant);
        found.push({ term: variant, factor: 0.85 });
      }
    }
    return found;
  }

  private termsWithPrefix(prefix: string, max: number): string[] {
    let lo = 0;
    let hi = this.sortedTerms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sortedTerms[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sortedTerms.length && out.length < max; i += 1) {
      if (!this.sortedTerms[i]!.startsWith(prefix)) break;
      out.push(this.sortedTerms[i]!);
    }
    return out;
  }

  private mergeFuzzy(
    hits: SearchHit[],
    key: string,
    allowed: (doc: number) => boolean,
    limit: number,
  ): SearchHit[] {
    // Fuse's cost grows with every document it scans: it scans only those sharing the most character
    // trigrams with the query. Its scores do not depend on the collection, and a close match shares
    // most of the query's trigrams, so the matches that count are the same, found at a fraction of the cost.
    const candidates = this.fuzzyCandidates(key, allowed);
    if (candidates.length === 0) return hits;
    const fuse = new Fuse(
      candidates.map((doc) => this.docs[doc]!),
      {
        keys: [
          { name: 'idKey', weight: fieldWeights.id },
          { name: 'aliasKeys', weight: fieldWeights.alias },
          { name: 'titleKey', weight: fieldWeights.title },
        ],
        includeScore: true,
        ignoreLocation: true,
        threshold: 0.3,
        minMatchCharLength: 3,
      },
    );
    const merged = new Map(hits.map((hit) => [hit.id, hit]));
    for (const result of fuse.search(key, { limit: limit * 2 })) {
      // Fuse scores 0 (perfect) to 1; only close matches of the whole query count as evidence.
      const confidence = Math.max(0, 1 - (result.score ?? 1) * 2.2);
      const existing = merged.get(result.item.entry.id);
      if (!existing || existing.confidence < confidence) {
        merged.set(result.item.entry.id, {
          id: result.item.entry.id,
          kind: result.item.entry.kind,
          confidence,
          matchedBy: 'fuzzy',
        });
      }
    }
    return [...merged.values()].sort((a, b) => b.confidence - a.confidence).slice(0, limit);
  }

  /** The allowed documents sharing the most (and rarest) trigrams with the query. */
  private fuzzyCandidates(key: string, allowed: (doc: number) => boolean): number[] {
    // rare trigrams count more: "rbá" says more about a name than "an "
    const shared = new Map<number, number>();
    for (const gram of trigramsOf([key])) {
      const docs = this.trigramDocs.get(gram);
      // a trigram in a quarter of the documents or more (" th", "ion") tells them apart too little to count
      if (!docs || docs.length * 4 > this.docs.length) continue;
      const weight = Math.log(1 + this.docs.length / docs.length);
      for (const doc of docs) shared.set(doc, (shared.get(doc) ?? 0) + weight);
    }
    return (
      [...shared]
        .filter(([doc]) => allowed(doc))
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, fuzzyCandidates)
        .map(([doc]) => doc)
        // in index order, so that Fuse breaks ties as it would over the whole collection
        .sort((a, b) => a - b)
    );
  }

  private addPhrase(key: string, doc: number): void {
    const tokens = tokenize(key);
    if (tokens.length === 0) return;
    // A one-word phrase that is a common word is no evidence on its own ("Ukraine", "plan").
    const list = this.phrasesByFirstToken.get(tokens[0]!);
    const phrase = { tokens, doc };
    if (list) list.push(phrase);
    else this.phrasesByFirstToken.set(tokens[0]!, [phrase]);
  }

  private indexDoc(doc: Doc, i: number): void {
    const add = (text: string, field: Field) => {
      for (const word of tokenize(text)) {
        if (this.stopwords.has(word)) continue;
        const term = stem(word);
        const list = this.postings.get(term);
        const weight = fieldWeights[field];
        if (!list) this.postings.set(term, [{ doc: i, weight }]);
        else {
          const last = list[list.length - 1]!;
          if (last.doc === i) last.weight = Math.max(last.weight, weight);
          else list.push({ doc: i, weight });
        }
      }
    };
    // Id words name the fact ("troop cap"); bare numbers in ids ("us-28-6") are no words of their own.
    add(doc.idKey.replace(/\b\d+\b/g, ' '), 'id');
    doc.aliasKeys.forEach((alias) => add(alias, 'alias'));
    add(doc.titleKey, 'title');
    doc.topicKeys.forEach((topic) => add(topic, 'topic'));
    doc.contextKeys.forEach((context) => add(context, 'context'));
    add(doc.summaryKey, 'summary');
  }
}

/** On a tie, a fact the query names (by id or alias) beats one that merely contains its words. */
const matchRank: Record<SearchHit['matchedBy'], number> = { exact: 0, alias: 1, words: 2, fuzzy: 3 };

/** A fact whose text holds this share of the query's meaning counts its summary words as nearly named. */
const summaryHoldsAt = 0.6;
const summaryShareHeld = 2.2;

/** Confidences within a few hundredths are a tie; the score then decides. */
/** The longest query fuzzy matching is tried on: one bitap chunk. */
const fuzzyMaxLength = 32;

/** How many documents Fuse scans at most: those sharing the most character trigrams with the query. */
const fuzzyCandidates = 8;

/** The distinct character trigrams of some keys, word boundaries included (" na", "nat", "to "). */
function trigramsOf(keys: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const key of keys) {
    const padded = ` ${key} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}

function round(confidence: number): number {
  return Math.round(confidence * 20) / 20;
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}
