import type { Core } from '../../core.js';
import type { FactKind } from '../../knowledge/load.js';
import type { Query } from '../../query/index.js';
import type { SearchHit, SearchResult } from '../../search/index.js';
import type { Answer } from '../types.js';

/** What every intent answer gets: the question read once and the search over its words. */
export interface Asked {
  core: Core;
  query: Query;
  /** The search over the whole fact base. */
  result: SearchResult;
}

/** An intent answer, or undefined when the intent's own route finds nothing better than the plain lookup. */
export type IntentAnswer = (asked: Asked) => Answer | undefined;

/** The query's words without plan names: what a question is about once "28pt vs 20pt" is set aside. */
export function topicWords(query: Query): string {
  return query.content.join(' ');
}

export function searchKinds(core: Core, text: string, kinds: readonly FactKind[], limit = 8): SearchHit[] {
  return text ? core.index.search(text, { kinds, limit }).hits : [];
}

/**
 * The topic a question is about: named by alias, else the best topic-like hit. `fits` narrows the choice
 * (a party-position question wants a topic with an unresolved issue).
 */
export function topicOf(asked: Asked, fits: (topicId: string) => boolean = () => true): string | undefined {
  const { core, query } = asked;
  const namedAll = query.topics.filter((id) => core.kb.topics.has(id));
  const named = namedAll.find(fits);
  if (query.content.length === 0) return named;
  const hits = searchKinds(core, topicWords(query), ['topic', 'provision', 'change', 'issue'], 6);
  const fromHit = (hit: SearchHit | undefined) => {
    if (!hit) return undefined;
    if (hit.kind === 'topic') return hit.id;
    if (hit.kind === 'issue') return core.kb.issues.get(hit.id)?.topic;
    if (hit.kind === 'change') return core.index.entry(hit.id)?.parent;
    return core.index.entry(hit.id)?.topics[0];
  };
  const found = hits
    .map((hit) => ({ hit, topic: fromHit(hit) }))
    .find(({ topic }) => topic !== undefined && fits(topic));
  const best = found?.hit;
  // A confident word match beats an alias that names a broader thread ("EU" inside "EU loan").
  if (best && best.confidence >= 0.75 && (!named || best.confidence > 0.9)) return found.topic;
  return named ?? (best && best.confidence >= 0.5 ? found?.topic : undefined);
}

/** The answer with a new first line: the sentence that answers the question, then the view as it was. */
export function leadWith(answer: Answer, lead: string): Answer {
  // A view that already opens with the answer (a topic's figures line) is not told it twice.
  const opening = answer.text.split('\n')[0]!.trim().replace(/\.$/, '');
  if (opening && lead.trim().replace(/\.$/, '') === opening) return answer;
  return { ...answer, text: `${lead}\n${answer.text}` };
}

/**
 * Of two hits the words fit alike, the one the question names outright (by its title or an alias: "Zelensky's
 * open letter") before one that only shares its words (Putin's reaction to the letter).
 */
export function namedFirst<T extends SearchHit>(hits: readonly T[]): T {
  const [first, second] = hits;
  const named = (hit: SearchHit) => hit.matchedBy === 'alias' || hit.matchedBy === 'exact';
  return second && !named(first!) && named(second) && second.confidence >= first!.confidence - namedWithin
    ? second
    : first!;
}

/** How far behind the best a hit named outright may be and still answer first. */
const namedWithin = 0.02;
