import type { PlanId } from '../knowledge/schema.js';
import { cleanText } from '../text/clean.js';
import { normaliseForMatching, tokenize } from '../text/normalise.js';
import type { Span } from './phrases.js';
import type { Figure, PointRef, Query, QueryDate } from './types.js';
import { acronymsNamed, type Vocabulary } from './vocabulary.js';
import { decideIntent, intentOrder } from './intent.js';

/**
 * The query reader: a question is read here once, into a typed Query; search and answers use the Query and
 * never re-read the raw text.
 *
 *   readQuery(raw, vocabularyOf(kb)) → Query
 *
 * Steps: clean and normalise (case, accents, number forms) → split glued forms ("28pt", "40km") → rewrite
 * slang, spelling variants, Ukrainian/Russian forms and synonyms (knowledge/lexicon.json) → find plans
 * (names, nicknames before a plan word, "28 and 20 point"), a point reference, parties, people, topics,
 * figures with units, dates, negation, off-topic and verbatim markers → decide the intent.
 */
export function readQuery(raw: string, vocabulary: Vocabulary): Query {
  const cleaned = cleanText(raw);
  const prepared = cleaned.replace(/(\d)\s*%/g, '$1 percent ');
  const words = rewrite(splitGlued(tokenize(normaliseForMatching(prepared)), vocabulary), vocabulary);

  const planSpans = findPlans(words, vocabulary);
  const plans = unique(planSpans.map((s) => s.value));
  const point = findPoint(words, planSpans, vocabulary);
  const cueSpans = vocabulary.intents.matchAll(words);
  const cues = new Set(cueSpans.map((s) => s.value));
  // "Trump's plan" names a plan, not Trump.
  const outsidePlans = <T>(spans: Span<T>[]) =>
    spans.filter((s) => !planSpans.some((p) => s.start >= p.start && s.end <= p.end)).map((s) => s.value);
  const parties = unique(outsidePlans(vocabulary.parties.matchAll(words)));
  const people = unique(outsidePlans(vocabulary.people.matchAll(words)));
  // A party's name is no topic ("the EU says…" is not about EU membership).
  const partySpans = vocabulary.parties.matchAll(words);
  const named = acronymsNamed(cleaned, vocabulary);
  const topics = unique([
    ...vocabulary.topics
      .matchAll(words)
      .filter((t) => !partySpans.some((p) => p.start === t.start && p.end === t.end))
      // the topic named by more words is the more specific: "nato foreign troops" is about foreign troops
      .sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
      .map((s) => s.value),
    ...[...named].map((w) => vocabulary.acronyms.get(w)!),
  ]);
  const roles = unique(vocabulary.roles.matchAll(words).map((s) => s.value));
  const dates = findDates(words);
  const figures = findFigures(words, cleaned, planSpans, point, vocabulary);
  const negated = vocabulary.negations.matchAll(words).length > 0;
  const offTopic = vocabulary.outOfScope.matchAll(words).map((s) => s.value);
  const verbatim = vocabulary.verbatimCues.matchAll(words).length > 0;
  const present = vocabulary.presentCues.matchAll(words).length > 0;
  const reaction = vocabulary.reactionCues.matchAll(words).length > 0;

  const structural = new Set<number>();
  for (const span of [...planSpans, ...cueSpans]) {
    for (let i = span.start; i < span.end; i += 1) structural.add(i);
  }
  const content = words.filter(
    (word, i) =>
      !structural.has(i) &&
      (!vocabulary.stopwords.has(word) || named.has(word)) &&
      !vocabulary.planWords.matchAt([word], 0),
  );

  const intent = decideIntent({ cues, plans, point, parties, people, content, topics });
  return {
    raw: cleaned,
    words,
    text: words.join(' '),
    content,
    intent,
    cues: intentOrder.filter((name) => cues.has(name)),
    plans,
    ...(point ? { point } : {}),
    parties,
    people,
    topics,
    roles,
    figures,
    dates,
    negated,
    offTopic,
    verbatim,
    present,
    reaction,
  };
}

/** "28pt" → "28 pt", "40km" → "40 km": a number glued to a word the lexicon knows. Names ("g8", "e3") stay. */
function splitGlued(words: string[], vocabulary: Vocabulary): string[] {
  return words.flatMap((word) => {
    const glued = /^(\d+)([a-z]+)$/.exec(word);
    if (!glued) return [word];
    const tail = glued[2]!;
    const known = vocabulary.rewrites.matchAt([tail], 0) ?? vocabulary.units.matchAt([tail], 0);
    return known ? [glued[1]!, tail] : [word];
  });
}

/** One pass of the lexicon's rewrites, longest phrase first; rewritten words are not rewritten again. */
function rewrite(words: string[], vocabulary: Vocabulary): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const span = vocabulary.rewrites.matchAt(words, i);
    if (span) {
      out.push(...span.value);
      i = span.end;
    } else {
      out.push(words[i]!);
      i += 1;
    }
  }
  return out;
}

/**
 * Plans by name ("28 point", "Berlin statement"), by nickname before a plan word ("Trump's plan", "the new
 * draft"), and by bare number when another plan is named next to it ("the 28 and 20 point plans").
 */
function findPlans(words: readonly string[], vocabulary: Vocabulary): Span<PlanId>[] {
  const spans: Span<PlanId>[] = [];
  for (let i = 0; i < words.length;) {
    const named = vocabulary.planNames.matchAt(words, i);
    if (named) {
      spans.push(named);
      i = named.end;
      continue;
    }
    const nick = vocabulary.planNicknames.matchAt(words, i);
    if (nick) {
      // "trump plan", "trump peace plan", "zelensky s new plan"
      let j = nick.end;
      while (j < nick.end + 2 && j < words.length && !vocabulary.planWords.matchAt(words, j)) {
        if (!['peace', 'own', 'new', 's'].includes(words[j]!)) break;
        j += 1;
      }
      const planWord = vocabulary.planWords.matchAt(words, j);
      if (planWord) {
        spans.push({ start: i, end: planWord.end, value: nick.value });
        i = planWord.end;
        continue;
      }
    }
    // "план Трампа", "plan of Zelensky": a plan word, then the person it is named after (the order
    // Ukrainian and Russian use, translated word for word)
    const planWord = vocabulary.planWords.matchAt(words, i);
    if (planWord) {
      const at = words[planWord.end] === 'of' ? planWord.end + 1 : planWord.end;
      const owner = vocabulary.planNicknames.matchAt(words, at);
      if (owner && vocabulary.people.matchAt(words, at)) {
        spans.push({ start: i, end: owner.end, value: owner.value });
        i = owner.end;
        continue;
      }
    }
    i += 1;
  }
  // "28 and 20 point", "from 28 to 20 points": a plan's number joined to another plan's name.
  for (let i = 0; i < words.length; i += 1) {
    const plan = /^\d+$/.test(words[i]!) ? vocabulary.planNumbers.get(Number(words[i])) : undefined;
    if (!plan || spans.some((s) => i >= s.start && i < s.end)) continue;
    const joiner = words[i + 1];
    if (!['and', 'or', 'versus', 'to', 'vs'].includes(joiner ?? '')) continue;
    if (spans.some((s) => s.start === i + 2)) spans.push({ start: i, end: i + 1, value: plan });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** "point 7", "pt 14a", "us 28 6", "the 20 point plan 5": a numbered point, of the plan named if any. */
function findPoint(
  words: readonly string[],
  planSpans: readonly Span<PlanId>[],
  vocabulary: Vocabulary,
): PointRef | undefined {
  const inPlan = (i: number) => planSpans.some((s) => i >= s.start && i < s.end);
  let found: { number: number; part?: string; at: number } | undefined;
  for (let i = 0; i < words.length && !found; i += 1) {
    const afterPlan = planSpans.some((s) => s.end === i);
    const marker = vocabulary.pointWords.has(words[i]!) && !inPlan(i);
    const at = marker ? i + 1 : afterPlan ? i : -1;
    const match = at >= 0 ? /^(\d{1,2})([a-e])?$/.exec(words[at] ?? '') : null;
    if (!match || inPlan(at)) continue;
    found = { number: Number(match[1]), ...(match[2] ? { part: match[2] } : {}), at };
  }
  if (!found) return undefined;
  // The plan nearest the number.
  const plan = [...planSpans].sort((a, b) => Math.abs(a.start - found.at) - Math.abs(b.start - found.at))[0]
    ?.value;
  if (!plan) return { number: found.number, ...(found.part ? { part: found.part } : {}) };
  const id =
    [`${plan}-${found.number}${found.part ?? ''}`, `${plan}-${found.number}`].find((candidate) =>
      vocabulary.provisions.has(candidate),
    ) ?? undefined;
  return { plan, number: found.number, ...(found.part ? { part: found.part } : {}), ...(id ? { id } : {}) };
}

const months: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
}; // prettier-ignore

/** A month's name or its short form ("dec", "december"). */
export function isMonthWord(word: string): boolean {
  return months[word] !== undefined;
}

/** Dates as people write them: "9 may", "may 9", "in december", "feb 2026", "2026". */
function findDates(words: readonly string[]): QueryDate[] {
  const dates: QueryDate[] = [];
  const day = (word: string | undefined) =>
    word && /^\d{1,2}$/.test(word) && Number(word) >= 1 && Number(word) <= 31 ? Number(word) : undefined;
  const year = (word: string | undefined) => (word && /^20\d\d$/.test(word) ? Number(word) : undefined);
  const used = new Set<number>();
  // "a deal by June", "the target for 2040": a deadline or target, not when something happened.
  const deadlineAt = (i: number) =>
    ['by', 'until', 'till', 'before', 'for'].includes(words[i - 1] ?? '') ||
    ['target', 'targets', 'deadline', 'goal'].includes(words[i - 2] ?? '');
  words.forEach((word, i) => {
    const month = months[word];
    // "Mar-a-Lago" is a place.
    if (!month || (word === 'mar' && words[i + 1] === 'a')) return;
    const before = day(words[i - 1]);
    const after = day(words[i + 1]);
    const yearAt = year(words[i + 1]) ? i + 1 : year(words[i + 2]) ? i + 2 : -1;
    // "may" is also a verb: it is a month only next to a number or after "in", "on", "since", "by".
    if (word === 'may' && before === undefined && after === undefined && yearAt < 0) {
      if (!['in', 'on', 'since', 'by', 'until', 'early', 'late', 'mid'].includes(words[i - 1] ?? '')) return;
    }
    const dayValue = before ?? after;
    const date: QueryDate = { month };
    if (deadlineAt(before !== undefined ? i - 1 : i)) date.deadline = true;
    if (dayValue !== undefined) date.day = dayValue;
    if (yearAt >= 0) {
      date.year = Number(words[yearAt]);
      used.add(yearAt);
    }
    dates.push(date);
  });
  words.forEach((word, i) => {
    if (!used.has(i) && year(word))
      dates.push({ year: Number(word), ...(deadlineAt(i) ? { deadline: true } : {}) });
  });
  return dates;
}

/** Numbers with the unit after them ("600000 troops", "40 km", "60 days"), or a currency sign before. */
function findFigures(
  words: readonly string[],
  cleaned: string,
  planSpans: readonly Span<PlanId>[],
  point: PointRef | undefined,
  vocabulary: Vocabulary,
): Figure[] {
  const figures: Figure[] = [];
  const currency = /\$\s?\d/.test(cleaned) ? 'usd' : /€\s?\d/.test(cleaned) ? 'eur' : undefined;
  words.forEach((word, i) => {
    if (!/^\d+(?:\.\d+)?$/.test(word)) return;
    if (planSpans.some((s) => i >= s.start && i < s.end)) return;
    // Numbers that name a point ("point 8", "us 28 6") are no figures.
    if (vocabulary.pointWords.has(words[i - 1] ?? '')) return;
    if (point && Number(word) === point.number && planSpans.some((s) => s.end === i)) return;
    if (months[words[i - 1] ?? ''] || months[words[i + 1] ?? ''] || /^20\d\d$/.test(word)) return;
    const unit = vocabulary.units.matchAt(words, i + 1)?.value;
    const amount = Number(word);
    figures.push(
      unit ? { amount, unit } : currency && amount >= 1000 ? { amount, unit: currency } : { amount },
    );
  });
  return figures;
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
