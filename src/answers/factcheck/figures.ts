/**
 * Figures and dates as people write them ("600k", "$100bn", "50/50", "30-50 years", "2 Dec", "December
 * 2025"), read from lower-cased raw text — before the matching normal form drops "$" and "%".
 */
import { numberWordValues, scaleValues } from '../../text/normalise.js';

export type FigureUnit =
  | 'troops'
  | 'usd'
  | 'eur'
  | 'percent'
  | 'days'
  | 'years'
  | 'months'
  | 'weeks'
  | 'hours'
  | 'km'
  | 'points'
  | 'people'
  | 'none';

export interface Figure {
  amount: number;
  unit: FigureUnit;
  /** "more than 500,000" (at least), "up to 50%" (at most); exact when absent. */
  bound?: 'at-least' | 'at-most';
}

export interface DateMention {
  /** 1-12 */
  month: number;
  day?: number;
  year?: number;
}

const monthNames = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
] as const;
const monthPattern =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const monthOf = (word: string) => monthNames.indexOf(word.slice(0, 3) as (typeof monthNames)[number]) + 1;

const numberWordPattern = new RegExp(`\\b(?:${Object.keys(numberWordValues).join('|')})\\b`, 'g');

const unitWords: [RegExp, FigureUnit][] = [
  [/^(?:troops?|soldiers?|army|armed|strong|personnel|servicemen|men|military|forces)\b/, 'troops'],
  [/^(?:days?)\b/, 'days'],
  [/^(?:years?|yrs?)\b/, 'years'],
  [/^(?:months?)\b/, 'months'],
  [/^(?:weeks?)\b/, 'weeks'],
  [/^(?:hours?|hrs?)\b/, 'hours'],
  [/^(?:km|kilomet(?:er|re)s?)\b/, 'km'],
  [/^(?:points?|pts?|pt)\b/, 'points'],
  [/^(?:people|prisoners?|pows?|civilians?|children|detainees|captives)\b/, 'people'],
  [/^(?:percent|per cent|%)/, 'percent'],
  [/^(?:dollars?|usd)\b/, 'usd'],
  [/^(?:euros?|eur)\b/, 'eur'],
];

/** Lower-case, number words to digits, "3-way"/"a third" to a percentage, thousands separators dropped. */
export function figureText(raw: string): string {
  return (
    raw
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/\b(?:three|3)[ -]?ways?\b|\ba third each\b|\bthirds\b/g, ' 33% ')
      .replace(/\b(?:half|fifty[ -]fifty)\b/g, ' 50% ')
      .replace(/\b(\d{1,3})\s?[/:]\s?(\d{1,3})\b(?!\s*(?:am|pm))/g, (m, a: string, b: string) =>
        a === b ? ` ${a}% ` : m,
      )
      .replace(/\ba (month|year|day|week)\b/g, '1 $1')
      .replace(numberWordPattern, (w) => String(numberWordValues[w]))
      .replace(/\b(\d+) hundred\b/g, (_m, n: string) => String(Number(n) * 100))
      .replace(/\b(?:a )?hundred\b/g, '100')
      .replace(/\ba (\d+)\b/g, '$1')
      .replace(/(\d),(\d{3})\b/g, '$1$2')
      .replace(/(\d),(\d{3})\b/g, '$1$2')
      // "600.000": a dot between thousands, as much of Europe writes it
      .replace(/\b(\d{1,3})\.(\d{3})\b(?![.,]?\d)/g, '$1$2')
      .replace(/(\d) (\d{3})\b/g, '$1$2')
  );
}

/** Numbers that name something rather than count it: plan names, points, articles, dates, years. */
const namingNumber =
  /^(?:\s*-?\s*(?:points?|pts?)\s*(?:peace\s+)?(?:plan|proposal|draft|deal|framework|statement|version|text|list|document)|\s*(?:th|st|nd|rd)\b)/;

export function readFigures(raw: string): Figure[] {
  const text = figureText(raw);
  const figures: Figure[] = [];
  const pattern =
    /(\$|€|usd ?|eur ?|us\$)?(\d+(?:\.\d+)?)(?:\s?(k|thousand|m|mn|million|bn|bln|b|billion|tn|trillion)\b)?(\s?%| percent| per cent)?/g;
  for (const match of text.matchAll(pattern)) {
    const [whole, currency, digits, scale, percent] = match;
    const at = match.index;
    const before = text.slice(Math.max(0, at - 12), at);
    const after = text.slice(at + whole.length, at + whole.length + 24);
    // inside a longer number or a word ("e3", "f-16", "g8")
    if (/[\d\p{L}]$/u.test(before) || /^(?:\d|\.\d)/.test(after)) continue;
    if (/\p{L}-$/u.test(before)) continue;
    if (isDatePart(text, at, whole.length)) continue;
    if (/(?:article|art|point|pt|clause|no)\.?\s*$/.test(before)) continue;
    if (!currency && !percent && namingNumber.test(after)) continue;
    const amount = Number(digits) * (scale ? scaleValues[scale]! : 1);
    let unit: FigureUnit = 'none';
    if (currency) unit = /€|eur/.test(currency) ? 'eur' : 'usd';
    else if (percent) unit = 'percent';
    else {
      const next = after
        .replace(/^[\s-]+/, '')
        .replace(/^(?:to|-)\s*\d+\s*/, '')
        .replace(/^(?:whole|full|entire|long|straight|more|extra|additional)\s+/, '');
      for (const [word, u] of unitWords) if (word.test(next)) unit = u;
      if (unit === 'none' && /^\s*-?\s*(?:year|day|month)[\s-]/.test(after))
        unit = /year/.test(after) ? 'years' : 'days';
    }
    if (unit === 'none' && amount >= 1900 && amount <= 2100 && !scale) continue;
    if (unit === 'usd' || unit === 'eur') {
      // "$100bn of assets" and "$100 billion" are the same; "€90bn" is not "$90bn"
    }
    const bound = /(?:more than|over|at least|above|upwards of|exceeding)\s*$/.test(before)
      ? 'at-least'
      : /(?:less than|fewer than|under|at most|up to|below|no more than|maximum of)\s*$/.test(before)
        ? 'at-most'
        : undefined;
    figures.push(bound ? { amount, unit, bound } : { amount, unit });
  }
  // a range "30-50 years": the first number takes the unit of the second
  for (let i = 0; i + 1 < figures.length; i += 1) {
    if (figures[i]!.unit === 'none' && figures[i + 1]!.unit !== 'none') {
      const re = new RegExp(`\\b${figures[i]!.amount}\\s*(?:-|to|or)\\s*${figures[i + 1]!.amount}\\b`);
      if (re.test(text)) figures[i] = { ...figures[i]!, unit: figures[i + 1]!.unit };
    }
  }
  return figures;
}

function isDatePart(text: string, at: number, length: number): boolean {
  const before = text.slice(Math.max(0, at - 12), at);
  const after = text.slice(at + length, at + length + 12);
  return (
    new RegExp(`${monthPattern}\\s*$`).test(before) ||
    new RegExp(`^\\s*(?:st|nd|rd|th)?\\s*(?:of )?${monthPattern}\\b`).test(after)
  );
}

export function readDates(raw: string): DateMention[] {
  const text = figureText(raw);
  const dates: DateMention[] = [];
  const add = (d: DateMention) => {
    if (!dates.some((x) => x.month === d.month && x.day === d.day && x.year === d.year)) dates.push(d);
  };
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})(?:-(\d{2}))?\b/g)) {
    add({ year: Number(m[1]), month: Number(m[2]), ...(m[3] ? { day: Number(m[3]) } : {}) });
  }
  const yearAfter = (from: number) => /^,?\s*(20\d\d)\b/.exec(text.slice(from))?.[1];
  for (const m of text.matchAll(
    new RegExp(
      `\\b(\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|to|–)\\s*\\d{1,2})?\\s*(?:of )?${monthPattern}\\b`,
      'g',
    ),
  )) {
    const year = yearAfter(m.index + m[0].length);
    add({ month: monthOf(m[2]!), day: Number(m[1]), ...(year ? { year: Number(year) } : {}) });
  }
  for (const m of text.matchAll(
    new RegExp(`\\b${monthPattern}\\s*(\\d{1,2})(?:st|nd|rd|th)?\\b(?!\\d)`, 'g'),
  )) {
    const year = yearAfter(m.index + m[0].length);
    add({ month: monthOf(m[1]!), day: Number(m[2]), ...(year ? { year: Number(year) } : {}) });
  }
  for (const m of text.matchAll(
    new RegExp(
      `\\b(?:in |since |until |by |of |from |late |early |mid |the )${monthPattern}(?:\\s+(20\\d\\d))?\\b(?!\\s*\\d)`,
      'g',
    ),
  )) {
    if (m[1] === 'may' && !m[2] && !/^in /.test(m[0])) continue;
    add({ month: monthOf(m[1]!), ...(m[2] ? { year: Number(m[2]) } : {}) });
  }
  // a month with its year is a date whatever comes before it ("reported Feb 2026")
  for (const m of text.matchAll(new RegExp(`\\b${monthPattern}\\s+(20\\d\\d)\\b`, 'g'))) {
    const month = monthOf(m[1]!);
    const year = Number(m[2]);
    if (!dates.some((d) => d.month === month && (d.year === year || d.year === undefined)))
      add({ month, year });
  }
  // "in feb 2026 … on the 16th": a day named by its ordinal alone is a day of the one month named
  const ordinals = [...text.matchAll(/\bon the (\d{1,2})(?:st|nd|rd|th)\b/g)].map((m) => Number(m[1]));
  const month = dates.length === 1 && dates[0]!.day === undefined ? dates[0]! : undefined;
  if (month && ordinals.length === 1 && ordinals[0]! >= 1 && ordinals[0]! <= 31) {
    dates[0] = { ...month, day: ordinals[0]! };
  }
  if (/\bchristmas eve\b/.test(text)) add({ month: 12, day: 24 });
  if (/\bchristmas day\b/.test(text)) add({ month: 12, day: 25 });
  if (/\bnew year'?s? eve\b/.test(text)) add({ month: 12, day: 31 });
  return dates;
}

/** The years a text names on their own ("in 2025"). */
export function readYears(raw: string): number[] {
  return [...figureText(raw).matchAll(/\b(20[12]\d)\b/g)].map((m) => Number(m[1]));
}

const hoursIn: Partial<Record<FigureUnit, number>> = {
  hours: 1,
  days: 24,
  weeks: 24 * 7,
  months: 24 * 30,
  years: 24 * 365,
};

/** The words that name a unit in a text ("euro" for €; "year" and "years"). */
export function unitNames(unit: FigureUnit): string[] {
  if (unit === 'eur') return ['euro', 'euros'];
  if (unit === 'usd') return ['dollar', 'dollars'];
  return [unit, unit.replace(/s$/, '')];
}

/** A span of time ("100 days", "2 years"): a window or a duration, not a date. */
export function isSpanOfTime(unit: FigureUnit): boolean {
  return hoursIn[unit] !== undefined;
}

export function sameFigure(a: Figure, b: Figure, tolerance: number): boolean {
  // a bound is met by any figure on its side: "more than 500,000" holds for 600,000
  if (a.bound === 'at-least' && !b.bound)
    return b.amount * (hoursIn[b.unit] ?? 1) >= a.amount * (hoursIn[a.unit] ?? 1);
  if (a.bound === 'at-most' && !b.bound)
    return b.amount * (hoursIn[b.unit] ?? 1) <= a.amount * (hoursIn[a.unit] ?? 1);
  const ha = hoursIn[a.unit];
  const hb = hoursIn[b.unit];
  if (ha && hb && ha !== hb)
    return sameFigure(
      { amount: a.amount * ha, unit: 'hours' },
      { amount: b.amount * hb, unit: 'hours' },
      tolerance,
    );
  if (a.amount === b.amount) return true;
  const larger = Math.max(Math.abs(a.amount), Math.abs(b.amount));
  return larger > 0 && Math.abs(a.amount - b.amount) / larger <= tolerance;
}

/** Units that can be compared: a bare number compares with anything but money and percentages. */
export function comparableUnits(a: FigureUnit, b: FigureUnit): boolean {
  if (a === b) return true;
  if (hoursIn[a] && hoursIn[b]) return true;
  const loose = (u: FigureUnit) => u === 'none' || u === 'troops' || u === 'people';
  return loose(a) && loose(b) && (a !== 'none' || b !== 'none');
}

export function dateMatches(claim: DateMention, fact: DateMention): boolean {
  if (claim.month !== fact.month) return false;
  if (claim.day !== undefined && fact.day !== undefined && claim.day !== fact.day) return false;
  if (claim.day !== undefined && fact.day === undefined) return false;
  if (claim.year !== undefined && fact.year !== undefined && claim.year !== fact.year) return false;
  return true;
}

/** A knowledge value's unit as a figure's: a calendar year is not a figure, a count is a bare number. */
export function figureOfValue(value: { amount: number; unit: string }): Figure | undefined {
  if (value.unit === 'year') return undefined;
  const unit = value.unit === 'count' ? 'none' : (value.unit as FigureUnit);
  return { amount: value.amount, unit };
}
