import { withinEdits } from '../text/edits.js';

/**
 * The index's words: each stemmed term with the documents that hold it (and in which field's weight),
 * how rare it is (idf), and the ways a query word can stand for one — itself, a typo away (a deletion
 * neighbourhood: every term under each one-letter deletion), or the start of one (autocomplete).
 */

export interface Posting {
  doc: number;
  weight: number;
}

export class TermIndex {
  private readonly postings = new Map<string, Posting[]>();
  private readonly idf = new Map<string, number>();
  private readonly deletions = new Map<string, string[]>();
  private sortedTerms: string[] = [];
  /** How much a word the base has never seen weighs: as much as the rarest word. */
  unknownIdf = 0;

  /** Records that document `doc` holds `term` in a field of `weight` (the highest weight counts). */
  add(term: string, doc: number, weight: number): void {
    const list = this.postings.get(term);
    if (!list) this.postings.set(term, [{ doc, weight }]);
    else {
      const last = list[list.length - 1]!;
      if (last.doc === doc) last.weight = Math.max(last.weight, weight);
      else list.push({ doc, weight });
    }
  }

  /** Once every document is added: rarity, the sorted terms for prefixes, the typo neighbourhoods. */
  finish(documents: number): void {
    const n = documents || 1;
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

  postingsOf(term: string): readonly Posting[] {
    return this.postings.get(term) ?? [];
  }

  idfOf(term: string): number {
    return this.idf.get(term) ?? 0;
  }

  /** The terms a query word stands for: itself, a typo away, or (autocomplete) a prefix. */
  match(token: string, asPrefix: boolean, unstemmed = token): { term: string; factor: number }[] {
    const found: { term: string; factor: number }[] = [];
    if (this.postings.has(token)) found.push({ term: token, factor: 1 });
    if (asPrefix && unstemmed.length >= 2) {
      for (const term of this.withPrefix(unstemmed.slice(0, Math.max(2, token.length)), 30)) {
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
