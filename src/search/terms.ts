import { withinEdits } from '../text/edits.js';
import { hashOf, IntMultiMap } from './multimap.js';

/**
 * The index's words: each stemmed term with the documents that hold it (and in which field's weight),
 * how rare it is (idf), and the ways a query word can stand for one — itself, a typo away (a deletion
 * neighbourhood: every term under each one-letter deletion), or the start of one (autocomplete).
 * Built once, then held in typed arrays: the index lives as long as the process, and arrays of objects
 * and maps of strings cost several times the memory for the same numbers.
 */

/** The documents holding a term, in document order, and the field weight each holds it with. */
export interface Postings {
  docs: Int32Array;
  weights: Float64Array;
}

export class TermIndex {
  /** While documents are added: each term's postings, in document order. */
  private building: Map<string, { docs: number[]; weights: number[] }> | undefined = new Map();
  /** Once finished, a term's id is its place among the sorted terms; its postings are one run of `docs`. */
  private readonly ids = new Map<string, number>();
  private sortedTerms: string[] = [];
  private starts = new Int32Array(1);
  private docs = new Int32Array(0);
  private weights = new Float64Array(0);
  private idf = new Float64Array(0);
  /** Typo neighbourhoods: the hash of each one-letter deletion of a term → the ids of the terms. */
  private deletions = new IntMultiMap([]);
  /** How much a word the base has never seen weighs: as much as the rarest word. */
  unknownIdf = 0;

  /** Records that document `doc` holds `term` in a field of `weight` (the highest weight counts). */
  add(term: string, doc: number, weight: number): void {
    if (!this.building) throw new Error('TermIndex.add after finish');
    const list = this.building.get(term);
    if (!list) this.building.set(term, { docs: [doc], weights: [weight] });
    else if (list.docs[list.docs.length - 1] === doc) {
      const last = list.weights.length - 1;
      list.weights[last] = Math.max(list.weights[last]!, weight);
    } else {
      list.docs.push(doc);
      list.weights.push(weight);
    }
  }

  /** Once every document is added: rarity, the sorted terms for prefixes, the typo neighbourhoods. */
  finish(documents: number): void {
    const building = this.building ?? new Map<string, { docs: number[]; weights: number[] }>();
    this.building = undefined;
    const n = documents || 1;
    this.unknownIdf = Math.log(1 + n);
    this.sortedTerms = [...building.keys()].sort();
    const total = [...building.values()].reduce((sum, list) => sum + list.docs.length, 0);
    this.starts = new Int32Array(this.sortedTerms.length + 1);
    this.docs = new Int32Array(total);
    this.weights = new Float64Array(total);
    this.idf = new Float64Array(this.sortedTerms.length);
    const deletions: [number, number][] = [];
    let at = 0;
    this.sortedTerms.forEach((term, id) => {
      const list = building.get(term)!;
      this.ids.set(term, id);
      this.starts[id] = at;
      this.docs.set(list.docs, at);
      this.weights.set(list.weights, at);
      at += list.docs.length;
      this.idf[id] = Math.log(1 + n / list.docs.length);
      if (term.length < 4 || /^\d+$/.test(term)) return;
      for (const variant of deletionsOf(term)) deletions.push([hashOf(variant), id]);
    });
    this.starts[this.sortedTerms.length] = at;
    this.deletions = new IntMultiMap(deletions);
  }

  postingsOf(term: string): Postings {
    const id = this.ids.get(term);
    if (id === undefined) return noPostings;
    const [from, to] = [this.starts[id]!, this.starts[id + 1]!];
    return { docs: this.docs.subarray(from, to), weights: this.weights.subarray(from, to) };
  }

  idfOf(term: string): number {
    const id = this.ids.get(term);
    return id === undefined ? 0 : this.idf[id]!;
  }

  /** The terms a query word stands for: itself, a typo away, or (autocomplete) a prefix. */
  match(token: string, asPrefix: boolean, unstemmed = token): { term: string; factor: number }[] {
    const found: { term: string; factor: number }[] = [];
    if (this.ids.has(token)) found.push({ term: token, factor: 1 });
    if (asPrefix && unstemmed.length >= 2) {
      for (const term of this.withPrefix(unstemmed.slice(0, Math.max(2, token.length)), 30)) {
        if (term !== token) found.push({ term, factor: 0.9 });
      }
    }
    // A four-letter word one letter off is too often another word ("sick" is no "Dick").
    if (found.length > 0 || unstemmed.length < 5 || /^\d+$/.test(token)) return found;
    const seen = new Set<string>();
    for (const variant of [token, ...deletionsOf(token)]) {
      for (const id of this.deletions.get(hashOf(variant))) {
        const term = this.sortedTerms[id]!;
        if (seen.has(term) || !withinEdits(token, term, token.length >= 8 ? 2 : 1)) continue;
        seen.add(term);
        found.push({ term, factor: 0.85 });
      }
      if (this.ids.has(variant) && variant.length >= 4 && !seen.has(variant)) {
        seen.add(variant);
        found.push({ term: variant, factor: 0.85 });
      }
    }
    return found;
  }

  private withPrefix(prefix: string, max: number): string[] {
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
}

function deletionsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

const noPostings: Postings = { docs: new Int32Array(0), weights: new Float64Array(0) };
