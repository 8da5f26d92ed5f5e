import Fuse, { type FuseIndex } from 'fuse.js';
import type { Doc, SearchHit } from './types.js';
import { IntMultiMap } from './multimap.js';
import { fieldWeights } from './weights.js';

/**
 * The fuzzy fallback: fuse.js over each fact's id, aliases and title catches what the words miss
 * (run-together or badly mangled names). Fuse's cost grows with every document it scans, so it scans
 * only those sharing the most (and rarest) character trigrams with the query. Its scores do not depend
 * on the collection, and a close match shares most of the query's trigrams, so the matches that count
 * are the same, found at a fraction of the cost. Fuse's index (each key's value normalised, with its
 * length norm) is prepared once for every document; a search hands Fuse its candidates' records from it.
 */

/** The longest query fuzzy matching is tried on: one bitap chunk. */
export const fuzzyMaxLength = 32;

/** How many documents Fuse scans at most: those sharing the most character trigrams with the query. */
const fuzzyCandidates = 8;

const fuseKeys = [
  { name: 'idKey', weight: fieldWeights.id },
  { name: 'aliasKeys', weight: fieldWeights.alias },
  { name: 'titleKey', weight: fieldWeights.title },
];

const fuseOptions = {
  keys: fuseKeys,
  includeScore: true,
  ignoreLocation: true,
  threshold: 0.3,
  minMatchCharLength: 3,
};

export class FuzzyNames {
  /** Character trigrams (as numbers) of each document's id, aliases and title → documents, in order. */
  private readonly trigramDocs: IntMultiMap;
  /** Fuse's index of every document, prepared once. */
  private readonly prepared: FuseIndex<Doc>;

  constructor(private readonly docs: readonly Doc[]) {
    this.prepared = Fuse.createIndex(fuseKeys, docs);
    const pairs: [number, number][] = [];
    docs.forEach((doc, i) => {
      for (const gram of trigramsOf([doc.idKey, ...doc.aliasKeys, doc.titleKey])) pairs.push([gram, i]);
    });
    this.trigramDocs = new IntMultiMap(pairs);
  }

  /** The hits with Fuse's close matches of the whole query merged in, best first. */
  merge(hits: SearchHit[], key: string, allowed: (doc: number) => boolean, limit: number): SearchHit[] {
    const candidates = this.candidates(key, allowed);
    if (candidates.length === 0) return hits;
    // the candidates' prepared records, renumbered to their places in the list Fuse is given
    const records = candidates.map((doc, i) => ({ ...this.prepared.records[doc]!, i }));
    const index = Fuse.parseIndex<Doc>({ keys: this.prepared.keys, records });
    const fuse = new Fuse(
      candidates.map((doc) => this.docs[doc]!),
      fuseOptions,
      index,
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
  private candidates(key: string, allowed: (doc: number) => boolean): number[] {
    // rare trigrams count more: "rbá" says more about a name than "an "
    const shared = new Map<number, number>();
    for (const gram of trigramsOf([key])) {
      const docs = this.trigramDocs.get(gram);
      // a trigram in a quarter of the documents or more (" th", "ion") tells them apart too little to count
      if (docs.length === 0 || docs.length * 4 > this.docs.length) continue;
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
}

/**
 * The distinct character trigrams of some keys, word boundaries included (" na", "nat", "to "), each as
 * one number: its three UTF-16 code units side by side (exact, under 2^48).
 */
function trigramsOf(keys: readonly string[]): Set<number> {
  const grams = new Set<number>();
  for (const key of keys) {
    const padded = ` ${key} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) {
      grams.add(
        (padded.charCodeAt(i) * 0x10000 + padded.charCodeAt(i + 1)) * 0x10000 + padded.charCodeAt(i + 2),
      );
    }
  }
  return grams;
}
