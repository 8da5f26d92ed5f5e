/**
 * Multi-word phrase lookup over a list of words: the longest phrase starting at each position wins.
 * A phrase word ending in "*" matches any word starting with the rest (inflected Ukrainian and Russian forms).
 */

export interface Span<T> {
  start: number;
  /** One past the last word. */
  end: number;
  value: T;
}

interface Entry<T> {
  words: string[];
  value: T;
}

export class PhraseTable<T> {
  private readonly byFirst = new Map<string, Entry<T>[]>();
  /** Entries whose first word is a prefix pattern, by the pattern's first two letters. */
  private readonly byPrefix = new Map<string, Entry<T>[]>();

  add(words: readonly string[], value: T): void {
    if (words.length === 0 || words.some((w) => w === '' || w === '*')) return;
    const entry = { words: [...words], value };
    const first = words[0]!;
    const table = first.endsWith('*') ? this.byPrefix : this.byFirst;
    const key = first.endsWith('*') ? first.slice(0, 2) : first;
    const list = table.get(key);
    if (list) list.push(entry);
    else table.set(key, [entry]);
  }

  /** The longest phrase starting at `start`, if any. */
  matchAt(words: readonly string[], start: number): Span<T> | undefined {
    const word = words[start];
    if (word === undefined) return undefined;
    let best: Span<T> | undefined;
    for (const entry of [...(this.byFirst.get(word) ?? []), ...(this.byPrefix.get(word.slice(0, 2)) ?? [])]) {
      if (!entry.words.every((w, k) => wordMatches(w, words[start + k]))) continue;
      const end = start + entry.words.length;
      if (!best || end > best.end) best = { start, end, value: entry.value };
    }
    return best;
  }

  /** Every longest, non-overlapping phrase, left to right. */
  matchAll(words: readonly string[]): Span<T>[] {
    const spans: Span<T>[] = [];
    for (let i = 0; i < words.length;) {
      const span = this.matchAt(words, i);
      if (span) {
        spans.push(span);
        i = span.end;
      } else i += 1;
    }
    return spans;
  }
}

function wordMatches(pattern: string, word: string | undefined): boolean {
  if (word === undefined) return false;
  if (!pattern.endsWith('*')) return pattern === word;
  return word.startsWith(pattern.slice(0, -1));
}
