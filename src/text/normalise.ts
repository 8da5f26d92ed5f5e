/**
 * One normal form for everything the search compares: fact ids, aliases, titles, and what people type.
 * Case, diacritics, punctuation, common abbreviations and the usual ways of writing numbers (600,000 / 600k /
 * 600 000 / six hundred thousand; $100bn) all fold to one form, so "100 billion" equals "$100bn". Spelling
 * variants ("Zaporozhye", "Kiev") are vocabulary, not code: they live in knowledge/lexicon.json and are folded
 * by `foldVariants` with the table the knowledge provides.
 */

/** Number words and their values (one … ninety), shared by everything that reads figures. */
export const numberWordValues: Readonly<Record<string, number>> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
/** Scale words and suffixes (hundred, thousand, k, million, bn …) and their values. */
export const scaleValues: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  k: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  m: 1e6,
  billion: 1e9,
  bn: 1e9,
  b: 1e9,
  bln: 1e9,
  trillion: 1e12,
  tn: 1e12,
};

/** Words that only join a spelled-out number ("one hundred and twenty"). */
const numberWordPattern = new RegExp(
  `\\b(?:${Object.keys(numberWordValues).join('|')})(?:[ -](?:${Object.keys(numberWordValues).join('|')}|hundred|thousand|million|billion|and))*\\b`,
  'g',
);

function wordsToNumber(phrase: string): string {
  let total = 0;
  let current = 0;
  const words = phrase.split(/[ -]/).filter((w) => w !== 'and');
  for (const word of words) {
    if (word in numberWordValues) current += numberWordValues[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word in scaleValues) {
      total += (current || 1) * scaleValues[word]!;
      current = 0;
    }
  }
  return String(total + current);
}

/** "600,000" / "600 000" / "600.000" → "600000"; "1.5bn" → "1500000000"; "600k" → "600000". */
function foldNumbers(text: string): string {
  return (
    text
      // thousands separators: groups of exactly three digits
      .replace(/\b\d{1,3}(?:[, .\u00a0\u202f]\d{3})+\b(?![.,]\d)/g, (m) =>
        m.replace(/[, .\u00a0\u202f]/g, ''),
      )
      // "a million", "half a million", "a quarter of a million": the article stands for one
      .replace(
        /\b(half|quarter)(?: of)? an? (hundred|thousand|million|billion)\b/g,
        (_m, part: string, scale: string) => String((part === 'half' ? 0.5 : 0.25) * scaleValues[scale]!),
      )
      .replace(/\ban? (hundred|thousand|million|billion)\b/g, (_m, scale: string) =>
        String(scaleValues[scale]!),
      )
      .replace(numberWordPattern, (m) => wordsToNumber(m))
      // a number followed by a scale word or suffix: 600k, 100 bn, 1.5 billion, 2 thousand
      .replace(
        /\b(\d+(?:\.\d+)?) ?(thousand|million|billion|trillion|mln|bln|mn|bn|tn|k|m|b)\b/g,
        (_m, digits: string, scale: string) => String(Math.round(Number(digits) * scaleValues[scale]!)),
      )
  );
}

const cache = new Map<string, string>();
const cacheLimit = 5000;

/** The normal form used for every comparison in search and for alias uniqueness. */
export function normaliseForMatching(input: string): string {
  const cached = cache.get(input);
  if (cached !== undefined) return cached;
  let text = input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    // invisible and zero-width characters split nothing and mean nothing
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\bu\.s\.a?\.?|\bu\.s\b/g, 'us')
    .replace(/\be\.u\.?/g, 'eu')
    .replace(/'s\b/g, '')
    .replace(/'/g, '')
    .replace(/[$€£]/g, ' ');
  text = foldNumbers(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\b(?:art|article)\s*(?:5|v)\b/g, 'article 5')
    .trim();
  if (cache.size >= cacheLimit) cache.clear();
  cache.set(input, text);
  return text;
}

/**
 * A light English stemmer for matching single words, shared by the search and the fact-checker: plural,
 * tense and -ation endings fold ("withdraws"/"withdrawal" meet "withdraw"). Phrases (aliases) are matched
 * unstemmed, so "START treaty" stays exact.
 */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  for (const suffix of stemSuffixes) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    if (suffix === 's' && word.endsWith('ss')) return word;
    let base = word.slice(0, -suffix.length);
    if (suffix === 'ies' || suffix === 'ied') base += 'y';
    if ((suffix === 'ed' || suffix === 'ing') && /([bdgmnprt])\1$/.test(base)) base = base.slice(0, -1);
    return sameStem[base] ?? base;
  }
  return sameStem[word] ?? word;
}
const stemSuffixes =
  `isations izations isation ization ations itions ation ition ators ator ating ated ates ate ments ment
  ings ing ised ized ises izes ise ize isms ism ists ist ies ied ed es al ly s e`
    .split(/\s+/)
    .filter(Boolean);

/** A few words the sources use for the same thing: frozen, immobilised and seized assets; a freeze. */
const sameStem: Record<string, string> = {
  freez: 'frozen',
  immobil: 'frozen',
  seiz: 'frozen',
  froz: 'frozen',
};

/**
 * Spelling variants → the form the fact base uses, word by word, on already normalised text
 * ("zaporozhye" → "zaporizhzhia"); the table comes from knowledge/lexicon.json.
 */
export function foldVariants(normalised: string, variants: ReadonlyMap<string, string>): string {
  if (variants.size === 0 || !normalised) return normalised;
  return normalised
    .split(' ')
    .map((word) => variants.get(word) ?? word)
    .join(' ');
}

export function tokenize(normalised: string): string[] {
  return normalised ? normalised.split(' ') : [];
}
