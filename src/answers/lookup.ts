import type { Core } from '../core.js';
import type { FactKind } from '../knowledge/load.js';
import { foundAt, type SearchHit } from '../search/index.js';
import { normaliseForMatching } from '../text/normalise.js';
import { isStopword } from '../search/stopwords.js';
import { answerChangesOverview, answerPlansOverview } from './listings.js';
import { ambiguousAnswer, notFoundAnswer } from './common.js';
import { cleanQuery, parsePointReference, plansNamed, validateQuery } from './reading.js';
import type { Answer } from './types.js';
import { factView, issueView } from './views.js';

type Lookup = 'provision' | 'issue' | 'ask';

const kindsFor: Record<Lookup, readonly FactKind[] | undefined> = {
  provision: ['topic', 'provision', 'change', 'plan', 'plan-note'],
  issue: ['issue', 'topic', 'position', 'issue-note'],
  ask: undefined,
};

/** Finds the fact a lookup is about and shows it, or says plainly that the fact base does not know. */
export function lookupAnswer(core: Core, lookup: Lookup, rawQuery: string | undefined): Answer {
  const invalid = validateQuery(core, rawQuery, lookup === 'ask' ? 'a question' : 'a topic or point');
  if (invalid) return invalid;
  const query = cleanQuery(rawQuery!);

  if (lookup !== 'issue') {
    const point = parsePointReference(core, query);
    if (point) return factView(core, point)!;
  }

  if (lookup === 'ask' && asksForThePlans(query)) return answerPlansOverview(core);
  if (lookup === 'ask' && asksWhatChanged(query)) return answerChangesOverview(core);
  const result = core.index.search(query, { kinds: kindsFor[lookup], limit: 8 });
  const hits = lookup === 'issue' ? issueHits(core, result.hits) : result.hits;
  const status = hits === result.hits ? result.status : core.index.statusOf(hits);
  if (status === 'not_found' || hits.length === 0) {
    return notFoundAnswer(
      core,
      query,
      { ...result, hits },
      lookup === 'issue' ? 'an unresolved issue on' : '',
    );
  }
  // A question gets the best answer when it is a strong one; a short lookup asks back.
  const decided = lookup === 'ask' ? (hits[0]!.confidence >= foundAt ? 'found' : status) : status;
  if (decided === 'ambiguous' && !sameThread(core, hits))
    return ambiguousAnswer(core, query, { ...result, hits });
  const best = lookup === 'issue' ? hits[0]!.id : (pointOfNamedPlan(core, query, hits) ?? hits[0]!.id);
  const answer = lookup === 'issue' ? issueView(core, core.kb.issues.get(best)!) : factView(core, best)!;
  const others = hits
    .slice(0, 4)
    .map((hit) => hit.id)
    .filter((id) => id !== best && !answer.factIds.includes(id))
    .slice(0, 3);
  return { ...answer, suggestions: others };
}

/** "What are the three plans?", "which peace proposals are there": the plans themselves, nothing else. */
function asksForThePlans(query: string): boolean {
  const words = normaliseForMatching(query).split(' ');
  if (!words.some((w) => /^(?:plans|proposals|frameworks|drafts)$/.test(w))) return false;
  const filler = /^(?:3|peace|war|ukraine|russia|plans|proposals|frameworks|drafts|there|exist|name|list)$/;
  return words.every((w) => isStopword(w) || filler.test(w));
}

/** "What changed between the 28 and 20 point plans?": every recorded change, not one of them. */
function asksWhatChanged(query: string): boolean {
  const key = normaliseForMatching(query);
  const plans = new Set(plansNamed(key).map((span) => span.plan));
  const words = key.split(' ');
  if (!words.some((w) => /^(?:change|changes|changed|differ|differs|difference|differences)$/.test(w)))
    return false;
  // "the 28 and 20 point plans" names both, the first only by its number.
  const both =
    (plans.has('us-28') || words.includes('28')) && (plans.has('us-ua-20') || words.includes('20'));
  if (plans.size > 0 && !both) return false;
  const filler =
    /^(?:change|changes|changed|28|20|from|between|and|to|the|plans?|proposals?|drafts?|points?|us|ukraine)$/;
  return words.every((w) => isStopword(w) || filler.test(w));
}

/**
 * "What does the 20-point plan say about elections?" names a plan and a topic: the answer is that plan's
 * point on the topic, not the plan and not the topic across all plans.
 */
function pointOfNamedPlan(core: Core, query: string, hits: readonly SearchHit[]): string | undefined {
  const named = [...new Set(plansNamed(normaliseForMatching(query)).map((span) => span.plan))];
  if (named.length !== 1) return undefined;
  const plan = named[0]!;
  // "When was the Berlin statement?": the plan itself, or its background, is the answer.
  const best = hits[0] && core.index.entry(hits[0].id);
  if (
    best &&
    (best.id === plan || best.parent === plan) &&
    (best.kind === 'plan' || best.kind === 'plan-note')
  ) {
    return undefined;
  }
  for (const hit of hits.slice(0, 4)) {
    if (hit.kind === 'plan' || hit.kind === 'plan-note') continue;
    const topics = hit.kind === 'topic' ? [hit.id] : (core.index.entry(hit.id)?.topics ?? []);
    const points = topics.flatMap(
      (topicId) =>
        core.kb.topics.get(topicId)?.provisions.filter((id) => core.kb.provisions.get(id)?.plan === plan) ??
        [],
    );
    if (points.length === 0) continue;
    // Of that plan's points on the topic, the one the question's own words fit best.
    const ranked = core.index.search(query, { kinds: ['provision'], limit: 40, fuzzy: false }).hits;
    return ranked.find((h) => points.includes(h.id))?.id ?? points[0];
  }
  return undefined;
}

/** /issue reaches issues through their topics and positions too; unresolvable topics drop out. */
function issueHits(core: Core, hits: SearchHit[]): SearchHit[] {
  const mapped: SearchHit[] = [];
  for (const hit of hits) {
    const entry = core.index.entry(hit.id)!;
    const issueId =
      hit.kind === 'issue'
        ? hit.id
        : hit.kind === 'topic'
          ? core.kb.issuesByTopic.get(hit.id)?.id
          : entry.parent;
    if (issueId && !mapped.some((m) => m.id === issueId)) mapped.push({ ...hit, id: issueId, kind: 'issue' });
  }
  return mapped;
}

/** Two middling hits in the same thread (a topic and its own provision) are not a real ambiguity. */
function sameThread(core: Core, hits: SearchHit[]): boolean {
  const [first, second] = hits;
  if (!first) return false;
  if (!second || second.confidence < first.confidence * 0.8) return first.confidence >= 0.5;
  return core.index.related(first.id, second.id) && first.confidence >= 0.45;
}
