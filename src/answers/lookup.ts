import type { Core } from '../core.js';
import type { FactKind } from '../knowledge/load.js';
import { readQuery, vocabularyOf, type Intent, type Query } from '../query/index.js';
import {
  beyondNamedTopic,
  fewUnknown,
  isAnswerable,
  refusalFor,
  type Refusal,
} from '../search/answerability.js';
import { ambiguousAt, foundAt, type SearchHit, type SearchResult } from '../search/index.js';
import { humanDate, humanDateRange } from '../text/dates.js';
import {
  ambiguousAnswer,
  baseAnswer,
  literal,
  notFoundAnswer,
  planLabel,
  statusMark,
  withSectionsFirst,
} from './common.js';
import { resolveCitations } from './citations.js';
import { asksOfTheOtherDraft, changedAnswer } from './intents/changed.js';
import { compareAnswer } from './intents/compare.js';
import { figureAnswer } from './intents/figure.js';
import { overviewAnswer } from './intents/overview.js';
import { occasionAnswer, occasionNamed } from './intents/occasion.js';
import { positionAnswer } from './intents/position.js';
import { namedFirst, topicWords, type IntentAnswer } from './intents/shared.js';
import { statusAnswer } from './intents/status.js';
import { whenAnswer } from './intents/when.js';
import { whoAnswer } from './intents/who.js';
import { answerPlansOverview, answerTimeline } from './listings.js';
import { cleanQuery, validateQuery } from './reading.js';
import type { Answer } from './types.js';
import { factView, issueView } from './views.js';

type Lookup = 'provision' | 'issue' | 'ask';

const kindsFor: Record<Lookup, readonly FactKind[] | undefined> = {
  provision: ['topic', 'provision', 'change', 'plan', 'plan-note'],
  issue: ['issue', 'topic', 'position', 'issue-note'],
  ask: undefined,
};

/** /ask answers by what the question asks for; an intent without its own route is a plain lookup. */
const intentAnswers: Partial<Record<Intent, IntentAnswer>> = {
  status: statusAnswer,
  when: whenAnswer,
  who: whoAnswer,
  compare: compareAnswer,
  'what-changed': changedAnswer,
  figure: figureAnswer,
  'party-position': positionAnswer,
  'plan-overview': overviewAnswer,
};

/** Finds the fact a lookup is about and shows it, or says plainly that the fact base does not know. */
export function lookupAnswer(core: Core, lookup: Lookup, rawQuery: string | undefined): Answer {
  const invalid = validateQuery(core, rawQuery, lookup === 'ask' ? 'a question' : 'a topic or point');
  if (invalid) return invalid;
  const query = readQuery(cleanQuery(rawQuery!), vocabularyOf(core.kb));
  const result = core.index.search(query.text, { kinds: kindsFor[lookup], limit: 8 });

  const refusal = refusalFor(core.kb, query, result.hits[0]);
  if (refusal) return refusalAnswer(core, query, refusal, result);
  if (lookup !== 'issue' && query.point?.id) return factView(core, query.point.id)!;

  if (lookup === 'ask') {
    if (asksForThePlans(query)) return answerPlansOverview(core);
    // "timeline of the energy truce": the dated events on it, as /timeline lists them
    if (query.intent === 'timeline') return answerTimeline(core, timelineFilter(core, query));
    const route =
      query.intent === 'lookup' && asksOfTheOtherDraft(core, query, result.hits[0])
        ? changedAnswer
        : intentAnswers[query.intent];
    const answerable = isAnswerable(query, result, core.kb);
    // A lookup that names a date ("the may 9 ceasefire") is about an event.
    const dated = query.intent === 'lookup' && query.dates.some((d) => d.month !== undefined);
    const routed = answerable
      ? (route ?? (dated ? whenAnswer : undefined))?.({ core, query, result })
      : undefined;
    if (routed) return { ...routed, suggestions: suggestionsBeside(result.hits, routed) };
  }

  const hits = lookup === 'issue' ? issueHits(core, result.hits) : result.hits;
  let status = hits === result.hits ? result.status : core.index.statusOf(hits);
  // A topic named by one of its aliases is a confident in-domain match, whatever other words came with it;
  // so is a person the fact base has a card for, when the question is about them ("budanov role 2026").
  const namedTopic =
    lookup === 'issue'
      ? undefined
      : (query.topics.find((id) => core.kb.topics.has(id)) ?? personAskedAbout(core, query, result.hits));
  if (status === 'not_found' || hits.length === 0) {
    // …unless several words it does not know say the question is about something else ("the Crimea bridge").
    if (!namedTopic || !fewUnknown(query, result) || beyondNamedTopic(core.kb, query)) {
      return notFoundAnswer(
        core,
        query.raw,
        { ...result, hits },
        lookup === 'issue' ? 'an unresolved issue on' : '',
      );
    }
    const occasion = core.kb.topics.has(namedTopic) ? occasionNamed(core, query, namedTopic) : undefined;
    const onOccasion = occasion && occasionAnswer(core, occasion);
    if (onOccasion) return { ...onOccasion, suggestions: suggestionsBeside(result.hits, onOccasion) };
    const answer = pointOfNamedPlan(core, query, [
      { id: namedTopic, kind: 'topic', confidence: 1, matchedBy: 'alias' },
    ]);
    const view = factView(core, answer ?? namedTopic)!;
    return { ...view, suggestions: suggestionsBeside(result.hits, view) };
  }
  // A question gets the best answer when it is a strong one; a short lookup asks back.
  if (lookup === 'ask' && hits[0]!.confidence >= foundAt) status = 'found';
  if (status === 'ambiguous' && !sameThread(core, hits)) {
    if (!namedTopic) return ambiguousAnswer(core, query.raw, { ...result, hits });
    return factView(core, namedTopic)!;
  }
  const best =
    lookup === 'issue' ? hits[0]!.id : (pointOfNamedPlan(core, query, hits) ?? namedFirst(hits).id);
  const shown = lookup === 'issue' ? issueView(core, core.kb.issues.get(best)!) : factView(core, best)!;
  const answer = query.reaction ? withWhatFollowed(core, shown, best, hits) : shown;
  return { ...answer, suggestions: suggestionsBeside(hits, answer, best) };
}

/**
 * "Did the announced swap actually happen?", "how did Kyiv respond?": an event asked about for its outcome or
 * the response to it is followed by the later events on the same thread that the question's words fit.
 */
function withWhatFollowed(core: Core, answer: Answer, best: string, hits: readonly SearchHit[]): Answer {
  const event = core.kb.events.find((e) => e.id === best);
  if (!event) return answer;
  const later = hits
    .filter((hit) => hit.kind === 'event' && hit.confidence >= ambiguousAt && hit.id !== best)
    .map((hit) => core.kb.events.find((e) => e.id === hit.id)!)
    .filter((e) => e.date > event.date && e.topics.some((t) => event.topics.includes(t)))
    .slice(0, 2);
  if (later.length === 0) return answer;
  return withSectionsFirst(
    answer,
    later.map((e) => ({
      heading: `What followed: ${humanDateRange(e.date, e.endDate)}`,
      text: `**${e.title}.** ${e.summary}${statusMark(e)}`,
      citations: resolveCitations(core, e.citations),
    })),
    later.map((e) => e.id),
  );
}

/**
 * The one person a question names, when the search's best match is that person's own card: the question is
 * about them. A person named beside other things ("Trump's tariffs on China") is left to the search.
 */
function personAskedAbout(core: Core, query: Query, hits: readonly SearchHit[]): string | undefined {
  if (query.people.length !== 1) return undefined;
  const person = query.people[0]!;
  return hits[0]?.id === person && core.kb.facts.has(person) ? person : undefined;
}

/** The next best facts, beside the one shown. */
function suggestionsBeside(hits: readonly SearchHit[], answer: Answer, best?: string): string[] {
  return hits
    .slice(0, 4)
    .map((hit) => hit.id)
    .filter((id) => id !== best && !answer.factIds.includes(id))
    .slice(0, 3);
}

/** "What are the three plans?", "which peace proposals are there": the plans themselves, nothing else. */
function asksForThePlans(query: Query): boolean {
  const planWords = ['plans', 'proposals', 'frameworks', 'drafts'];
  return (
    query.plans.length === 0 &&
    query.words.some((w) => planWords.includes(w)) &&
    query.content.every((w) => /^\d+$/.test(w))
  );
}

/** Why the fact base cannot answer, in plain words, with the nearest facts as suggestions. */
function refusalAnswer(core: Core, query: Query, refusal: Refusal, result: SearchResult): Answer {
  const base = notFoundAnswer(core, query.raw, result, '');
  const asOf = humanDate(core.kb.meta.asOf);
  const reason = {
    'off-topic': () =>
      `The fact base does not cover "${literal(query.raw)}": it knows the U.S. 28-point, the U.S.–Ukraine 20-point and the European 6-point proposals, the changes between them, each party's positions and the talks up to ${asOf}.`,
    'no-such-point': () =>
      refusal.reason === 'no-such-point'
        ? `The ${planLabel(core, refusal.plan)} has no point ${refusal.number}: it has ${refusal.count} points (\`/plan ${refusal.plan}\`).`
        : '',
    'after-as-of': () =>
      `The fact base knows nothing after ${asOf}; what happened later, or today, is not in its sources.`,
    'known-gap': () => (refusal.reason === 'known-gap' ? `Not known to the fact base: ${refusal.note}` : ''),
  }[refusal.reason]();
  return baseAnswer(core, { ...base, status: 'not_found', title: 'Not in the fact base', text: reason });
}

/**
 * "What does the 20-point plan say about elections?" names a plan and a topic: the answer is that plan's
 * point on the topic, not the plan and not the topic across all plans.
 */
function pointOfNamedPlan(core: Core, query: Query, hits: readonly SearchHit[]): string | undefined {
  if (query.plans.length !== 1) return undefined;
  const plan = query.plans[0]!;
  // "When was the Berlin statement?": the plan itself, or its background, is the answer.
  const best = hits[0] && core.index.entry(hits[0].id);
  if (
    best &&
    (best.id === plan || best.parent === plan) &&
    (best.kind === 'plan' || best.kind === 'plan-note')
  ) {
    return undefined;
  }
  // "which MP posted the 28 points (Goncharenko?)": a person the question names, best matched, is the answer
  if (best?.kind === 'actor' && query.people.includes(best.id)) return undefined;
  // Topics the question names outright come first ("what does the 20pt say on sanctions").
  const named = query.topics.map((id) => ({ id, kind: 'topic' as const }));
  for (const hit of [...named, ...hits.slice(0, 4)]) {
    if (hit.kind === 'plan' || hit.kind === 'plan-note') continue;
    const topics = hit.kind === 'topic' ? [hit.id] : (core.index.entry(hit.id)?.topics ?? []);
    const points = topics.flatMap(
      (topicId) =>
        core.kb.topics.get(topicId)?.provisions.filter((id) => core.kb.provisions.get(id)?.plan === plan) ??
        [],
    );
    // A topic named outright that the plan has no point on: the topic itself says so (and what changed).
    if (points.length === 0 && named.some((n) => n.id === hit.id)) return hit.id;
    if (points.length === 0) continue;
    // Of that plan's points on the topic, the one the question's own words fit best.
    // The plan's own name says nothing about which of its points is meant.
    const words = topicWords(query) || query.text;
    const ranked = core.index.search(words, { kinds: ['provision'], limit: 40, fuzzy: false }).hits;
    const onTopic = ranked.find((h) => points.includes(h.id));
    // …unless another of the plan's points fits the words clearly better ("how would the contact line be
    // monitored": the monitoring point, not the territory point the contact-line topic files)
    // (on two words at least: one word alone, "oblasts", says too little to overrule the topic)
    const ofPlan =
      query.content.length >= 2 ? ranked.find((h) => core.kb.provisions.get(h.id)?.plan === plan) : undefined;
    if (
      ofPlan &&
      ofPlan !== onTopic &&
      ofPlan.confidence >= Math.max(ambiguousAt, (onTopic?.confidence ?? 0) * 1.5)
    )
      return ofPlan.id;
    return onTopic?.id ?? points[0];
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

/**
 * Two middling hits in the same thread (a topic and its own provision) are not a real ambiguity, nor is a
 * best hit clearly ahead of the next (15% or more).
 */
function sameThread(core: Core, hits: SearchHit[]): boolean {
  const [first, second] = hits;
  if (!first) return false;
  if (!second || second.confidence < first.confidence * 0.85) return first.confidence >= 0.5;
  return core.index.related(first.id, second.id) && first.confidence >= 0.45;
}

/** What a timeline asked through /ask is about: its content words and the plan it names, if any. */
function timelineFilter(core: Core, query: Query): string | undefined {
  const plans = query.plans.map((id) => core.kb.plans.get(id)?.shortName ?? id);
  const words = [...query.content, ...plans].join(' ').trim();
  return words || undefined;
}
