import { vocabularyOf } from '../../query/index.js';
import { factView } from '../views.js';
import { leadWith, searchKinds, type IntentAnswer } from './shared.js';

/**
 * "Who is Umerov?", "who r the E3": the person or body named, when the question is about them. "Who drew up
 * the 20-point plan?": the plan's authors first. "Who leaked the 28 points?": the event or note that says.
 */
export const whoAnswer: IntentAnswer = ({ core, query, result }) => {
  const named = query.people[0];
  const best = result.hits[0];
  if (named) {
    const aboutThem = !best || best.id === named || best.kind === 'actor' || best.confidence < 0.75;
    if (aboutThem) return factView(core, named);
  }
  const vocabulary = vocabularyOf(core.kb);
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
  const deed = searchKinds(core, query.text, ['event', 'plan-note', 'issue-note', 'position'], 4)[0];
  if (deed && deed.confidence >= 0.5 && deed.confidence >= (best?.confidence ?? 0) * 0.8) {
    return factView(core, deed.id);
  }
  return undefined;
};
