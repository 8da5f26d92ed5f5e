import type { KnowledgeBase } from '../knowledge/load.js';
import { vocabularyOf, type Query } from '../query/index.js';
import type { SearchResult } from './index.js';
import { withinEdits } from '../text/edits.js';
import { stem } from '../text/normalise.js';

/**
 * Whether the fact base can answer a question at all, decided apart from ranking: a question about
 * something the fact base records as unknown, or outside it, is refused with the reason, however well some
 * fact happens to match its words. Ranking then only chooses among answerable questions.
 */
export type Refusal =
  | { reason: 'off-topic'; words: string[] }
  | { reason: 'no-such-point'; plan: string; number: number; count: number }
  | { reason: 'after-as-of'; asOf: string }
  | { reason: 'known-gap'; note: string };

export function refusalFor(
  kb: KnowledgeBase,
  query: Query,
  best?: { id: string; kind: string },
): Refusal | undefined {
  if (query.offTopic.length > 0 && !recordedEventOfTheDay(kb, query)) {
    return { reason: 'off-topic', words: query.offTopic };
  }
  const point = query.point;
  if (point?.plan && !point.id) {
    const count =
      kb.plans.get(point.plan)?.pointCount ??
      [...kb.provisions.values()].filter((p) => p.plan === point.plan).length;
    return { reason: 'no-such-point', plan: point.plan, number: point.number, count };
  }
  if (query.dates.some((date) => !date.deadline && afterAsOf(date, kb.meta.asOf))) {
    return { reason: 'after-as-of', asOf: kb.meta.asOf };
  }
  const holder = otherSidesHolder(kb, query, best);
  if (holder) return { reason: 'known-gap', note: holder };
  const partyGap = partyGapFor(kb, query);
  if (partyGap) return { reason: 'known-gap', note: partyGap };
  if (query.verbatim) {
    const gap = kb.meta.gaps.find((g) => sharedStems(g.note, query.content) >= 2);
    if (gap) return { reason: 'known-gap', note: gap.note };
  }
  return undefined;
}

/**
 * Whether a question the fact base does not refuse is answered: a confident match, or a plan, topic or person
 * named outright with few unknown words around it ("what r the security guarantees"), or a question about
 * where things stand, which the fact base always answers with its latest state, or one about an event
 * recorded on the day it names.
 */
export function isAnswerable(query: Query, result: SearchResult, kb?: KnowledgeBase): boolean {
  if (result.status !== 'not_found' || query.intent === 'status') return true;
  if (kb && recordedEventOfTheDay(kb, query)) return true;
  const namesSomething = query.topics.length > 0 || query.people.length > 0 || query.plans.length > 0;
  return namesSomething && fewUnknown(query, result) && !(kb && beyondNamedTopic(kb, query));
}

/**
 * "is the crimea bridge still standing", "terms of the india pakistan ceasefire", "kashmir ceasefire": a word
 * no fact uses, right beside a topic's name, makes that name part of another subject, which the fact base
 * does not cover. Words the fact base uses ("amnesty for soldiers and officials") or that stand apart
 * ("black sea ports odesa") are the question's own wording. A plan or person named carries the question.
 */
export function beyondNamedTopic(kb: KnowledgeBase, query: Query): boolean {
  if (query.topics.length === 0 || query.plans.length > 0 || query.people.length > 0) return false;
  const { byTopic, all } = topicWords(kb);
  const held = new Set(query.topics.flatMap((topic) => [...(byTopic.get(topic) ?? [])]));
  const outside = query.content.filter((w) => w.length > 2 && !/^\d/.test(w) && !held.has(stem(w)));
  // a word no fact uses, nor a misspelling of one ("monitring"; a short word must be exact: "bridge" is no "bring")
  const strange = (w: string) => {
    const s = stem(w);
    return !all.has(s) && !(s.length >= 6 && [...all].some((known) => withinEdits(s, known, 1)));
  };
  // "kashmir ceasefire", "crimea bridge": such a word right beside the topic's name makes it another one
  const words = query.words;
  return vocabularyOf(kb)
    .topics.matchAll(words)
    .filter((span) => query.topics.includes(span.value))
    .some((span) =>
      [words[span.start - 1], words[span.end]].some(
        (w) => w !== undefined && outside.includes(w) && strange(w),
      ),
    );
}

interface TopicWords {
  /** Per topic, the stems of every fact filed under it (the topic, its points, changes, events, positions). */
  byTopic: Map<string, Set<string>>;
  /** The stems of every fact. */
  all: Set<string>;
}

const topicWordsOf = new WeakMap<KnowledgeBase, TopicWords>();

function topicWords(kb: KnowledgeBase): TopicWords {
  const cached = topicWordsOf.get(kb);
  if (cached) return cached;
  const byTopic = new Map<string, Set<string>>();
  const all = new Set<string>();
  for (const fact of kb.facts.values()) {
    const stems = stemsIn(`${fact.title} ${fact.summary} ${fact.aliases.join(' ')}`);
    for (const s of stems) all.add(s);
    const topics = new Set([...fact.topics, ...(kb.topics.has(fact.id) ? [fact.id] : [])]);
    if (fact.parent && kb.topics.has(fact.parent)) topics.add(fact.parent);
    for (const topic of topics) {
      const held = byTopic.get(topic) ?? new Set<string>();
      for (const s of stems) held.add(s);
      byTopic.set(topic, held);
    }
  }
  const words = { byTopic, all };
  topicWordsOf.set(kb, words);
  return words;
}

/**
 * Few enough words the fact base does not know for a named thing to carry the question: at most one, and
 * less than half of what it asks ("nato budget" is about a budget, not about NATO membership).
 */
export function fewUnknown(query: Query, result: SearchResult): boolean {
  const unknown = result.unknownWords.length;
  return unknown === 0 || (unknown === 1 && unknown * 2 < query.content.length);
}

/**
 * "kyiv attack 14 may 2026 death toll": a word that usually means a question outside the fact base (a death
 * toll) does not refuse one about an event recorded on the very day it names, whose words it also uses.
 */
function recordedEventOfTheDay(kb: KnowledgeBase, query: Query): boolean {
  const offTopic = new Set(query.offTopic.flatMap((phrase) => phrase.split(' ')));
  const words = query.content.filter((w) => !/^\d/.test(w) && !offTopic.has(w));
  return eventsOnDaysNamed(kb, query).some(
    (event) => sharedStems(`${event.title} ${event.summary}`, words) >= 1,
  );
}

/** The events recorded on a day the question names (day and month; the year when given). */
export function eventsOnDaysNamed(kb: KnowledgeBase, query: Query): KnowledgeBase['events'] {
  const pad = (n: number) => String(n).padStart(2, '0');
  const days = query.dates.filter((d) => d.day !== undefined && d.month !== undefined);
  if (days.length === 0) return [];
  return kb.events.filter((event) =>
    days.some((d) => {
      const day = `${pad(d.month!)}-${pad(d.day!)}`;
      const yearFits = d.year === undefined || event.date.startsWith(String(d.year));
      return yearFits && event.date.slice(5) <= day && day <= (event.endDate ?? event.date).slice(5);
    }),
  );
}

/**
 * The events on the days the question names, or else in the months it names ("in jan", "feb 2026"):
 * a question dated that way is about what happened then. Deadlines ("a deal by June") date nothing.
 */
export function eventsDatedAsAsked(kb: KnowledgeBase, query: Query): KnowledgeBase['events'] {
  const onDays = eventsOnDaysNamed(kb, query);
  if (onDays.length > 0) return onDays;
  const months = query.dates.filter((d) => d.month !== undefined && d.day === undefined && !d.deadline);
  if (months.length === 0) return [];
  const monthOf = (iso: string) => Number(iso.slice(5, 7));
  return kb.events.filter((event) =>
    months.some(
      (d) =>
        (d.year === undefined || event.date.startsWith(String(d.year))) &&
        monthOf(event.date) <= d.month! &&
        d.month! <= monthOf(event.endDate ?? event.date),
    ),
  );
}

/** A date the question names that lies after the fact base's "as of" date (a month counts whole). */
function afterAsOf(date: Query['dates'][number], asOf: string): boolean {
  if (date.year === undefined) return false;
  const [year, month] = asOf.split('-').map(Number) as [number, number];
  if (date.year !== year) return date.year > year;
  return date.month !== undefined && date.month > month;
}

/**
 * "Who is Ukraine's defence minister?": a role asked of one party, where the best match holds that role for
 * another (Germany's defence minister): the fact base does not know the office-holder asked about.
 */
function otherSidesHolder(
  kb: KnowledgeBase,
  query: Query,
  best: { id: string; kind: string } | undefined,
): string | undefined {
  if (query.intent !== 'who' || query.roles.length === 0 || query.parties.length === 0) return undefined;
  if (best?.kind !== 'actor' || query.people.includes(best.id)) return undefined;
  // only a person holds an office; a body (a working group, a delegation) may have members on every side
  const actor = kb.actors.get(best.id);
  if (actor?.kind !== 'person') return undefined;
  const side = actor.side;
  if (!side || query.parties.includes(side as never)) return undefined;
  return `who holds the role of ${query.roles[0]} for ${kb.actors.get(query.parties[0]!)?.name ?? query.parties[0]} is not recorded.`;
}

/**
 * "What does the EU say about amnesty?": one party asked about, on a topic whose issue records that no
 * position of that party is known (issues.json gaps) and lists none.
 */
function partyGapFor(kb: KnowledgeBase, query: Query): string | undefined {
  // The party asked about is the first one named ("europe's position on ukrainian elections").
  if (query.parties.length === 0 || query.topics.length === 0) return undefined;
  const party = query.parties[0]!;
  for (const topic of query.topics) {
    const issue = kb.issuesByTopic.get(topic);
    if (!issue) continue;
    const gap = issue.gaps.find((g) => g.party === party);
    if (gap && !issue.positions.some((p) => p.party === party)) return gap.note;
  }
  return undefined;
}

function sharedStems(text: string, words: readonly string[]): number {
  const stems = stemsIn(text);
  return new Set(words.map(stem).filter((w) => stems.has(w))).size;
}

function stemsIn(text: string): Set<string> {
  return new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2)
      .map(stem),
  );
}
