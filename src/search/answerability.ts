import type { KnowledgeBase } from '../knowledge/load.js';
import type { Query } from '../query/index.js';
import type { SearchResult } from './index.js';
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
  if (query.offTopic.length > 0) return { reason: 'off-topic', words: query.offTopic };
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
 * where things stand, which the fact base always answers with its latest state.
 */
export function isAnswerable(query: Query, result: SearchResult): boolean {
  if (result.status !== 'not_found' || query.intent === 'status') return true;
  const namesSomething = query.topics.length > 0 || query.people.length > 0 || query.plans.length > 0;
  return namesSomething && fewUnknown(query, result);
}

/**
 * Few enough words the fact base does not know for a named thing to carry the question: at most one, and
 * less than half of what it asks ("nato budget" is about a budget, not about NATO membership).
 */
export function fewUnknown(query: Query, result: SearchResult): boolean {
  const unknown = result.unknownWords.length;
  return unknown === 0 || (unknown === 1 && unknown * 2 < query.content.length);
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
  const side = kb.actors.get(best.id)?.side;
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
  const stems = new Set(
    text
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2)
      .map(stem),
  );
  return new Set(words.map(stem).filter((w) => stems.has(w))).size;
}
