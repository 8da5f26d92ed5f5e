import type { FactEntry } from '../knowledge/load.js';
import { foldVariants, normaliseForMatching, stem, tokenize } from '../text/normalise.js';
import { DocAccumulator } from './accumulator.js';
import { FuzzyNames, fuzzyMaxLength } from './fuzzy.js';
import { TermIndex } from './terms.js';
import { statusOfHits } from './status.js';
import { topK } from './top.js';
import type { Doc, SearchHit, SearchOptions, SearchResult, SearchStatus } from './types.js';
import {
  fieldWeights,
  foundAt,
  kindRank,
  matchRank,
  roundConfidence as round,
  summaryHoldsAt,
  summaryShareHeld,
  type Field,
} from './weights.js';

export type { SearchHit, SearchOptions, SearchResult, SearchStatus } from './types.js';
export { ambiguousAt, foundAt } from './weights.js';

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

interface Phrase {
  tokens: string[];
  doc: number;
}

export class SearchIndex {
  private readonly docs: Doc[];
  private readonly byId = new Map<string, number>();
  private readonly exact = new Map<string, number>();
  private readonly phrasesByFirstToken = new Map<string, Phrase[]>();
  private readonly terms = new TermIndex();
  private readonly fuzzy: FuzzyNames;
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
    });
    this.terms.finish(this.docs.length);
    this.fuzzy = new FuzzyNames(this.docs);
    this.scores = new DocAccumulator(this.docs.length);
    this.held = new DocAccumulator(this.docs.length);
    this.heldExplained = new DocAccumulator(this.docs.length);
    this.perDoc = new DocAccumulator(this.docs.length);
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
      const found = this.terms.match(stem(token), isLast(position), token);
      matches.set(position, found);
      const idf =
        found.length > 0 ? Math.max(...found.map((m) => this.terms.idfOf(m.term))) : this.terms.unknownIdf;
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
      for (const doc of this.terms.postingsOf(stem(token)).docs) {
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
        const { docs, weights } = this.terms.postingsOf(term);
        for (let k = 0; k < docs.length; k += 1) {
          const doc = docs[k]!;
          const value = weights[k]! * factor;
          perDoc.touch(doc);
          if (value > perDoc.first[doc]!) perDoc.first[doc] = value;
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
      hits = this.fuzzy.merge(hits, key, allowed, limit);
    }

    return { status: this.statusOf(hits), hits, unknownWords };
  }

  /** found, ambiguous or not_found from the best hits (src/search/status.ts). */
  statusOf(hits: readonly SearchHit[]): SearchStatus {
    return statusOfHits(hits, (a, b) => this.related(a, b));
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
        this.terms.add(stem(word), i, fieldWeights[field]);
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
