import { stem } from '../../text/normalise.js';
import type { Vocabulary } from './vocabulary.js';

/** Word-level helpers the claim and fact readers share: phrases found whole, and a word's content stem. */

/** Finds a whole-word phrase in a normalised text. */
export function findPhrase(text: string, phrase: string, from = 0): number {
  if (!phrase) return -1;
  for (let at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 || text[at - 1] === ' ';
    const after = at + phrase.length === text.length || text[at + phrase.length] === ' ';
    if (before && after) return at;
  }
  return -1;
}

/** Blanks a span of a text, keeping positions. */
export function blank(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`;
}

/** Where a text's words hold a pair of words in order. */
export function phraseAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((word, k) => words[at + k] === word);
}

/** One word's content stem, or "" for a word that carries no content; remembered per vocabulary. */
export function wordStem(vocabulary: Vocabulary, word: string): string {
  const known = vocabulary.stems.get(word);
  if (known !== undefined) return known;
  let result = '';
  if (!word || /^\d/.test(word) || vocabulary.casual.has(word)) result = '';
  else if (vocabulary.keep.has(word)) result = word;
  else if (!vocabulary.stopwords.has(word) || vocabulary.keep.has(stem(word))) {
    const s = stem(word);
    result = s && (!vocabulary.stopwords.has(s) || vocabulary.keep.has(s)) ? s : '';
  }
  vocabulary.stems.set(word, result);
  return result;
}
