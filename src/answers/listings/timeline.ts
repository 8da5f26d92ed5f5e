import type { Core } from '../../core.js';
import type { TimelineEvent } from '../../knowledge/schema.js';
import { readQuery, vocabularyOf } from '../../query/index.js';
import { ambiguousAt, type SearchHit } from '../../search/index.js';
import { humanDate, humanDateRange } from '../../text/dates.js';
import { normaliseForMatching } from '../../text/normalise.js';
import { baseAnswer, literal, notFoundAnswer, statusMark } from '../common.js';
import { resolveCitations } from '../citations.js';
import { cleanQuery, validateQuery } from '../reading.js';
import type { Answer } from '../types.js';
import { pageOf, pageWords } from './paging.js';

export const eventsPerPage = 8;

/** Dated events, oldest first, optionally about one topic, person or word. */
export function answerTimeline(core: Core, query: string | undefined, page?: number): Answer {
  let events: readonly TimelineEvent[] = core.kb.events;
  let filter = '';
  if (query && query.trim()) {
    const invalid = validateQuery(core, query, 'a filter');
    if (invalid) return invalid;
    const cleaned = cleanQuery(query);
    const read = readQuery(cleaned, vocabularyOf(core.kb));
    const result = core.index.search(read.text, { limit: 12 });
    // A topic or person named outright is an in-domain filter even when other words are unknown, and
    // beats a best hit the search is unsure of ("peace council announcement": the council's thread, not
    // another announcement)
    const named = read.topics[0] ?? read.people[0];
    const namedHit: SearchHit | undefined = named
      ? { id: named, kind: read.topics[0] ? 'topic' : 'actor', confidence: 1, matchedBy: 'alias' }
      : undefined;
    const best: SearchHit | undefined =
      result.status === 'found'
        ? result.hits[0]
        : (namedHit ?? (result.status === 'ambiguous' ? result.hits[0] : undefined));
    events = best ? eventsAbout(core, read.text, best) : [];
    if (events.length === 0) return notFoundAnswer(core, cleaned, result, 'events about');
    filter = ` about "${literal(cleaned, 60)}"`;
  }
  const shown = pageOf(events, page, eventsPerPage);
  const sections = shown.items.map((e) => ({
    heading: `${humanDateRange(e.date, e.endDate)}${e.background ? ' (background)' : ''}`,
    text: `**${e.title}.** ${e.summary}${statusMark(e)}`,
    citations: resolveCitations(core, e.citations),
  }));
  return baseAnswer(core, {
    status: 'found',
    title: `Timeline${filter}`,
    text: `${events.length} dated event${events.length === 1 ? '' : 's'}${filter}, oldest first; ${pageWords(shown)}. Nothing after ${humanDate(core.kb.meta.asOf)} is known.`,
    listing: true,
    sections,
    factIds: shown.items.map((e) => e.id),
    page: { index: shown.index, count: shown.count },
  });
}

/**
 * The events a timeline filter means: a topic named outright → its events; a person → the events that
 * name them; anything else ("Geneva", "prisoner swap") → the events that themselves match best.
 */
function eventsAbout(core: Core, query: string, best: SearchHit): TimelineEvent[] {
  // Events that match the words themselves ("Berlin talks", "Mar-a-Lago") beat the whole thread they belong to.
  const eventHits = core.index.search(query, { kinds: ['event'], limit: 60 }).hits;
  const topEvent = eventHits[0]?.confidence ?? 0;
  const topic = best.kind === 'topic' ? core.kb.topics.get(best.id) : undefined;
  // …unless the filter is the topic itself, by id or title ("znpp"): then its whole thread.
  const wholeTopic =
    topic !== undefined && [topic.id, topic.title].some((name) => normaliseForMatching(name) === query);
  if (topEvent >= 0.75 && best.kind !== 'actor' && !wholeTopic) {
    const ids = new Set(eventHits.filter((h) => h.confidence >= topEvent * 0.8).map((h) => h.id));
    return core.kb.events.filter((e) => ids.has(e.id));
  }
  const named = best.matchedBy === 'exact' || best.matchedBy === 'alias';
  if (best.kind === 'topic' && named) return core.kb.events.filter((e) => e.topics.includes(best.id));
  if (best.kind === 'actor') {
    const actor = core.kb.actors.get(best.id)!;
    const names = [actor.name.split(' ').at(-1)!, ...actor.aliases]
      .map(normaliseForMatching)
      .filter((n) => n.length >= 3);
    const mentions = (text: string) => {
      const words = ` ${normaliseForMatching(text)} `;
      return names.some((name) => words.includes(` ${name} `));
    };
    return core.kb.events.filter((e) => mentions(`${e.title} ${e.summary}`));
  }
  const ids = new Set(
    eventHits.filter((h) => h.confidence >= Math.max(ambiguousAt, topEvent * 0.8)).map((h) => h.id),
  );
  return core.kb.events.filter((e) => ids.has(e.id));
}
