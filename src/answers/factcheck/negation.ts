import { tokenize } from '../../text/normalise.js';
import type { Vocabulary } from './vocabulary.js';
import { findPhrase, phraseAt, wordStem } from './words.js';

/** Negations, bars and offers in a folded text: which words they are and how far they reach. */

/**
 * The negations and bars among a folded text's words: where each starts → how many words it spans. A
 * phrase that holds a negation but denies nothing ("no deal came out of the summit", "no later than
 * 100 days") shields its words, so only real negations are counted.
 */
export function negationSpans(
  vocabulary: Vocabulary,
  words: readonly string[],
): Map<number, { size: number; wide: boolean }> {
  const taken = new Set<number>();
  const take = (at: number, size: number) => {
    for (let k = 0; k < size; k += 1) taken.add(at + k);
  };
  const free = (at: number, size: number) =>
    Array.from({ length: size }, (_, k) => at + k).every((i) => !taken.has(i));
  for (const phrase of vocabulary.notNegative)
    for (let at = 0; at + phrase.length <= words.length; at += 1)
      if (phraseAt(words, phrase, at)) take(at, phrase.length);
  const spans = new Map<number, { size: number; wide: boolean }>();
  const phrases = [
    ...vocabulary.wideNegative.map((phrase) => ({ phrase, wide: true })),
    ...vocabulary.negativePhrases.map((phrase) => ({ phrase, wide: false })),
  ];
  for (const { phrase, wide } of phrases)
    for (let at = 0; at + phrase.length <= words.length; at += 1)
      if (phraseAt(words, phrase, at) && free(at, phrase.length)) {
        spans.set(at, { size: phrase.length, wide });
        take(at, phrase.length);
      }
  words.forEach((word, at) => {
    if (!taken.has(at) && vocabulary.negative.has(word)) spans.set(at, { size: 1, wide: false });
  });
  return spans;
}

/** How many negations and bars a normalised, folded text holds ("not", "bans", "rules out"). */
export function negativeCount(vocabulary: Vocabulary, normalised: string): number {
  return negationSpans(vocabulary, tokenize(normalised.replace(/\s+/g, ' ').trim())).size;
}
export interface MarkedToken {
  stem?: string;
  negative: boolean;
  /** A participle or state ("dropped", "barred", "void") that negates the words before it too. */
  backward?: boolean;
  /** It denies everything after it ("no source shows that …"). */
  wide?: boolean;
}

/** Words after which a negation is passive ("are outlawed", "was dropped") and reaches back to its subject. */
const passive = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'get',
  'gets',
  'got',
  'become',
  'becomes',
  'remain',
  'remains',
]);

/** A folded text's words in order, with negations and bars (words and phrases) marked. */
export function markTokens(vocabulary: Vocabulary, folded: string): MarkedToken[] {
  const words = folded.split(' ').filter(Boolean);
  const spans = negationSpans(vocabulary, words);
  const tokens: MarkedToken[] = [];
  for (let i = 0; i < words.length;) {
    const span = spans.get(i);
    if (span !== undefined) {
      tokens.push({
        negative: true,
        ...(passive.has(words[i - 1] ?? '') ? { backward: true } : {}),
        ...(span.wide ? { wide: true } : {}),
      });
      i += span.size;
      continue;
    }
    const content = wordStem(vocabulary, words[i]!);
    tokens.push(content ? { stem: content, negative: false } : { negative: false });
    i += 1;
  }
  return tokens;
}

/**
 * Negations whose reach takes in one of the given stems: the next few content words (all of them after a
 * wide one), or, for a passive ("X … was denied"), anything before it in the clause.
 */
export function negationsOn(
  tokens: readonly MarkedToken[],
  stems: ReadonlySet<string>,
  reach: number,
): number {
  let count = 0;
  tokens.forEach((token, i) => {
    if (!token.negative) return;
    const ahead = token.wide
      ? tokens.slice(i + 1)
      : tokens
          .slice(i + 1, i + 1 + reach * 2)
          .filter((t) => t.stem !== undefined)
          .slice(0, reach);
    const behind = token.backward ? tokens.slice(0, i) : [];
    if ([...ahead, ...behind].some((t) => t.stem !== undefined && stems.has(t.stem))) count += 1;
  });
  return count;
}
/** The text puts something in the unrealised: proposed, offered, possible, planned. */
export function unrealisedIn(vocabulary: Vocabulary, normalised: string): boolean {
  return vocabulary.unrealised.some((cue) => findPhrase(normalised, cue) >= 0);
}

/**
 * The text puts one of these stems in the unrealised: a cue ("proposed", "ready to") reaches it within the
 * next few content words ("proposed meeting Putin"), as a negation would.
 */
export function unrealisedOn(
  vocabulary: Vocabulary,
  folded: string,
  stems: ReadonlySet<string>,
  reach: number,
): boolean {
  const words = folded.split(' ');
  return vocabulary.unrealised.some((cue) => {
    for (let at = findPhrase(folded, cue); at >= 0; at = findPhrase(folded, cue, at + 1)) {
      const after = folded.slice(0, at + cue.length).split(' ').length;
      const ahead = words
        .slice(after, after + reach * 2)
        .map((w) => wordStem(vocabulary, w))
        .filter(Boolean)
        .slice(0, reach);
      if (ahead.some((s) => stems.has(s))) return true;
    }
    return false;
  });
}
