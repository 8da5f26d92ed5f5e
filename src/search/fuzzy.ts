import Fuse from 'fuse.js';
import type { Doc, SearchHit } from './types.js';
import { fieldWeights } from './weights.js';

/**
 * The fuzzy fallback: fuse.js over each fact's id, aliases and title catches what the words miss
 * (run-together or badly mangled names). Fuse's cost grows with every document it scans, so it scans
 * only those sharing the most (and rarest) character trigrams with the query. Its scores do not depend
 * on the collection, and a close match shares most of the query's trigrams, so the matches that count
 * are the same, found at a fraction of the cost.
 */

/** The longest query fuzzy matching is tried on: one bitap chunk. */
export const fuzzyMaxLength = 32;

/** How many documents Fuse scans at most: those sharing the most character trigrams with the query. */
const fuzzyCandidates = 8;

export class FuzzyNames {
  /** Character trigrams of each document's id, aliases and title → documents. */
  private readonly trigramDocs = new Map<string, number[]>();

  constructor(private readonly docs: readonly Doc[]) {
    docs.forEach((doc, i) => {
      for (const gram of trigramsOf([doc.idKey, ...doc.aliasKeys, doc.titleKey])) {
        const list = this.trigramDocs.get(gram);
        if (list) list.push(i);
        else this.trigramDocs.set(gram, [i]);
      }
    });
  }

  /** The hits with Fuse's close matches of the whole query merged in, best first. */
  merge(hits: SearchHit[], key: string, allowed: (doc: number) => boolean, limit: number): SearchHit[] {
    const candidates = this.candidates(key, allowed);
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
  private candidates(key: string, allowed: (doc: number) => boolean): number[] {
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
}

/** The distinct character trigrams of some keys, word boundaries included (" na", "nat", "to "). */
function trigramsOf(keys: readonly string[]): Set<string> {
  const grams = new Set<string>();
  for (const key of keys) {
    const padded = ` ${key} `;
    for (let i = 0; i + 3 <= padded.length; i += 1) grams.add(padded.slice(i, i + 3));
  }
  return grams;
}
