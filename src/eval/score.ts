/**
 * Scoring of the development set, the same rules as the shared runner: an expected string is a
 * case-insensitive substring of the answer after folding white space, quotes, dashes, accents and the
 * usual number forms (800,000 = 800k; $100bn = 100 billion; 50% = 50 percent; 40km = 40 km; 50/50 = 50:50).
 */

const dashes = /[\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d-]/g;
const singleQuotes = /[\u2018\u2019\u201a\u201b\u2032\u2035\u00b4`]/g;
const doubleQuotes = /[\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb]/g;

const smallNumbers: Record<string, number> = Object.fromEntries([
  ...'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty'
    .split(' ')
    .map((word, i) => [word, i] as const),
  ...['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'].map(
    (word, i) => [word, 30 + 10 * i] as const,
  ),
]);
const numberWords = new RegExp(`\\b(?:${Object.keys(smallNumbers).join('|')})\\b`, 'g');

export function normaliseForScoring(input: string): string {
  let s = input.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.replace(singleQuotes, "'").replace(doubleQuotes, '"').replace(dashes, ' ').replace(/\s+/g, ' ');
  s = s.replace(numberWords, (word) => String(smallNumbers[word]));
  s = s.replace(/(?<![\d.,])\d{1,3}(?:[, ]\d{3})+(?![\d])(?!,\d)/g, (m) => m.replace(/[, ]/g, ''));
  s = s.replace(/(?<![\d.])(\d+(?:\.\d+)?) ?(?:k|thousand)\b/g, (_m, n: string) =>
    String(Math.round(parseFloat(n) * 1000)),
  );
  s = s.replace(/(\d+(?:\.\d+)?) ?(?:bn|bln|billion)\b/g, '$1 billion');
  s = s.replace(/(\d+(?:\.\d+)?) ?(?:%|percent\b|per cent\b)/g, '$1%');
  s = s.replace(/(\d+) ?(?:km|kilomet(?:re|er)s?)\b/g, '$1 km');
  s = s.replace(/(?<![\d:/])(\d{1,3}) ?[:/] ?(\d{1,3})(?![\d:/])/g, '$1:$2');
  return s.trim();
}

/** True when the normalised haystack holds the expected string, not as part of a longer number. */
export function containsExpected(haystack: string, expected: string): boolean {
  const needle = normaliseForScoring(expected);
  if (!needle) return true;
  const digitStart = /\d/.test(needle[0]!);
  const digitEnd = /\d/.test(needle[needle.length - 1]!);
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
    const before = haystack.slice(Math.max(0, i - 2), i);
    const after = haystack.slice(i + needle.length, i + needle.length + 2);
    if (digitStart && /(\d|\d[.,])$/.test(before)) continue;
    if (digitEnd && /^(\d|[.,]\d)/.test(after)) continue;
    return true;
  }
  return false;
}

export interface ScoredAnswer {
  status?: string;
  verdict?: string;
  title?: string;
  text?: string;
  sections?: { heading?: string; text?: string }[];
}

/** The parts of an answer that are searched: title, text, section headings and texts. */
export function answerText(answer: ScoredAnswer): string {
  const parts = [answer.title, answer.text];
  for (const section of answer.sections ?? []) parts.push(section.heading, section.text);
  return parts.filter((p): p is string => typeof p === 'string').join('\n');
}

export interface QuestionItem {
  id: string;
  command: string;
  query: string;
  expect: string[];
  kind: string;
}
export interface ClaimItem {
  id: string;
  claim: string;
  verdict: string;
  expect: string[];
}
export type Outcome = { pass: true } | { pass: false; why: string };

const missingFrom = (answer: ScoredAnswer, expect: readonly string[]) => {
  const text = normaliseForScoring(answerText(answer));
  return expect.filter((e) => !containsExpected(text, e));
};

export function scoreQuestion(item: QuestionItem, answer: ScoredAnswer): Outcome {
  const status = answer.status ?? '(no answer)';
  if (item.kind === 'out-of-scope') {
    return status === 'not_found' ? { pass: true } : { pass: false, why: `status ${status}, want not_found` };
  }
  if (status !== 'found') return { pass: false, why: `status ${status}, want found` };
  const missing = missingFrom(answer, item.expect);
  return missing.length ? { pass: false, why: `missing ${JSON.stringify(missing)}` } : { pass: true };
}

const verdictKey = (v: string | undefined) =>
  (v ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');

export function scoreClaim(item: ClaimItem, answer: ScoredAnswer): Outcome {
  const want = verdictKey(item.verdict);
  const got = verdictKey(answer.verdict) || `(none; status ${answer.status ?? 'no answer'})`;
  const why: string[] = [];
  if (got !== want) why.push(`verdict ${got}, want ${want}`);
  const missing = missingFrom(answer, item.expect);
  if (missing.length) why.push(`missing ${JSON.stringify(missing)}`);
  return why.length ? { pass: false, why: why.join('; ') } : { pass: true };
}
