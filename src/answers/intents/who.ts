import type { Core } from '../../core.js';
import { vocabularyOf } from '../../query/index.js';
import { eventsDatedAsAsked } from '../../search/answerability.js';
import type { SearchHit } from '../../search/index.js';
import { factView } from '../views.js';
import { leadWith, searchKinds, type IntentAnswer } from './shared.js';

/**
 * "Who is Umerov?", "who r the E3": the person or body named, when the question is about them. "Who drew up
 * the 20-point plan?": the plan's authors first. "Who leaked the 28 points?": the event or note that says.
 */
/** An event of the date asked about answers on fewer of the question's words than any other fact. */
const datedEventAt = 0.3;

export const whoAnswer: IntentAnswer = ({ core, query, result }) => {
  const named = query.people[0];
  const best = result.hits[0];
  const vocabulary = vocabularyOf(core.kb);
  const spanWords = (spans: { start: number; end: number }[]) =>
    new Set(spans.flatMap((s) => query.words.slice(s.start, s.end)));
  // "Who is Umerov?", "who's budanov now": nothing but the name. "Who met Witkoff in Geneva?" asks for a deed.
  const nameWords = spanWords([
    ...vocabulary.people.matchAll(query.words),
    ...vocabulary.roles.matchAll(query.words),
  ]);
  const aboutThem = named !== undefined && query.content.every((w) => nameWords.has(w));
  if (aboutThem) return factView(core, named);
  const asksAuthor = vocabulary.authorship.matchAll(query.words).length > 0;
  const authorWords = new Set(
    vocabulary.authorship.matchAll(query.words).flatMap((s) => query.words.slice(s.start, s.end)),
  );
  // "Russia or the US?": the parties offered as answers are no other subject.
  const partyWords = new Set(
    vocabularyOf(core.kb)
      .parties.matchAll(query.words)
      .flatMap((s) => query.words.slice(s.start, s.end)),
  );
  const otherWords = query.content.filter((w) => !authorWords.has(w) && !partyWords.has(w));
  if (query.plans.length === 1 && (otherWords.length === 0 || (asksAuthor && otherWords.length <= 1))) {
    const plan = core.kb.plans.get(query.plans[0]!)!;
    return leadWith(factView(core, plan.id)!, `**${plan.shortName}:** ${plan.proposedBy}.`);
  }
  // "Who's the US envoy?": the person holding that role, on the side asked about.
  if (query.roles.length > 0) {
    const side = query.parties[0];
    const holder = searchKinds(core, query.text, ['actor'], 6).find(
      (hit) => hit.confidence >= 0.5 && (!side || core.kb.actors.get(hit.id)?.side === side),
    );
    if (holder) return factView(core, holder.id);
  }
  // Who did something: the dated event or background note that records it.
  // A person whose card records the deed counts too, if on the side asked about ("who led Russia at…").
  const side = query.parties[0];
  const candidates = searchKinds(
    core,
    query.text,
    ['event', 'plan-note', 'issue-note', 'position', 'actor'],
    6,
  ).filter(
    (hit) =>
      hit.kind !== 'actor' ||
      ((!side || core.kb.actors.get(hit.id)?.side === side) && !query.people.includes(hit.id)),
  );
  // "Who went to see Putin on 22 Jan?": of the events then, the one that fits the question's words best.
  const then = new Set(eventsDatedAsAsked(core.kb, query).map((event) => event.id));
  const dated =
    then.size > 0
      ? searchKinds(core, query.text, ['event'], 30).find(
          (hit) => then.has(hit.id) && hit.confidence >= datedEventAt,
        )
      : undefined;
  if (dated) return factView(core, dated.id);
  const deed = query.present ? currentHolder(core, candidates) : candidates[0];
  if (deed && deed.confidence >= 0.5 && deed.confidence >= (best?.confidence ?? 0) * 0.8) {
    return factView(core, deed.id);
  }
  return named ? factView(core, named) : undefined;
};

/**
 * "Who runs the presidential office now?": of the people who fit the words nearly as well as the best, one
 * whose role has not ended ("until 28 Nov 2025", "former"), and of those the one dated latest.
 */
function currentHolder(core: Core, hits: readonly SearchHit[]): SearchHit | undefined {
  const best = hits[0];
  if (!best) return undefined;
  const people = hits.filter((hit) => hit.kind === 'actor' && hit.confidence >= best.confidence - 0.05);
  const current = people
    .map((hit) => ({ hit, actor: core.kb.actors.get(hit.id)! }))
    .filter(({ actor }) => !/\b(until|former|formerly|ex|resigned)\b/i.test(actor.role))
    .map(({ hit, actor }) => ({ hit, latest: latestYear(`${actor.role} ${actor.summary}`) }))
    .sort((a, b) => b.latest - a.latest);
  return current[0]?.hit ?? best;
}

function latestYear(text: string): number {
  return Math.max(0, ...[...text.matchAll(/\b20\d\d\b/g)].map((m) => Number(m[0])));
}
