import type { Core } from '../core.js';
import { reliabilityTiers, type ChangeType, type PlanId, type TimelineEvent } from '../knowledge/schema.js';
import { ambiguousAt, type SearchHit } from '../search/index.js';
import { readQuery, vocabularyOf } from '../query/index.js';
import { humanDate, humanDateRange } from '../text/dates.js';
import { normaliseForMatching } from '../text/normalise.js';
import {
  baseAnswer,
  collectCitations,
  literal,
  errorAnswer,
  shortValue,
  notFoundAnswer,
  planLabel,
  planOrder,
  reliabilityOf,
  resolveCitations,
  statusMark,
} from './common.js';
import { cleanQuery, maxQueryLength, validateQuery } from './reading.js';
import { topicOf } from './intents/shared.js';
import type { Answer, AnswerSection } from './types.js';
import { topicView } from './views.js';
import { byCodePoint } from '../text/numbers.js';

export const pointsPerPage = 10;
export const eventsPerPage = 8;

function pageOf<T>(items: readonly T[], requested: number | undefined, size: number) {
  const count = Math.max(1, Math.ceil(items.length / size));
  const wanted = Math.max(1, Math.trunc(requested ?? 1) || 1);
  const index = Math.min(wanted, count);
  // A page past the end shows the last page and says so, instead of silently pretending.
  const pastEnd = wanted > count ? wanted : undefined;
  return { items: items.slice((index - 1) * size, index * size), index, count, pastEnd };
}

function pageWords(page: { index: number; count: number; pastEnd?: number }): string {
  const where = `page ${page.index} of ${page.count}`;
  return page.pastEnd ? `there is no page ${page.pastEnd}, this is the last one (${where})` : where;
}

/** The most facts one /sources reply lists. */
export const maxSourceFacts = 12;

/**
 * Every option is held to the limit a question has, whichever edge it came through (the terminal, the
 * gateway, the HTTP endpoint): a megabyte of ids is refused before it is read, and never echoed back.
 */
function tooLong(core: Core, what: string, value: string | undefined): Answer | undefined {
  if (value === undefined || [...value].length <= maxQueryLength) return undefined;
  return errorAnswer(core, `${what} is too long: at most ${maxQueryLength} characters.`);
}

/** Resolves what people type for a plan: "us-28", "28", "28-point", "Zelensky's plan", "european". */
export function resolvePlanId(core: Core, text: string | undefined): PlanId | undefined {
  if (!text) return undefined;
  if (core.kb.plans.has(text)) return text as PlanId;
  const read = readQuery(text, vocabularyOf(core.kb));
  // A plan's bare number ("28") is its name when nothing else is given.
  const byNumber =
    read.words.length === 1 ? vocabularyOf(core.kb).planNumbers.get(Number(read.words[0])) : undefined;
  if (byNumber ?? read.plans[0]) return byNumber ?? read.plans[0];
  const hit = core.index.search(read.text, { kinds: ['plan'], limit: 1 });
  return hit.status === 'found' ? (hit.hits[0]!.id as PlanId) : undefined;
}

/** A plan's overview and its points, a page at a time. */
export function answerPlan(core: Core, planText: string | undefined, page?: number): Answer {
  const long = tooLong(core, 'The plan', planText);
  if (long) return long;
  const planId = resolvePlanId(core, planText ?? 'us-28');
  if (!planId) {
    return errorAnswer(
      core,
      `Unknown plan "${literal(planText ?? '', 60)}". Choose us-28 (U.S. 28-point), us-ua-20 (U.S.–Ukraine 20-point) or eu-6 (European 6-point).`,
    );
  }
  const plan = core.kb.plans.get(planId)!;
  const points = [...core.kb.provisions.values()]
    .filter((p) => p.plan === planId)
    .sort((a, b) => a.number - b.number || byCodePoint(a.part ?? '', b.part ?? ''));
  const shown = pageOf(points, page, pointsPerPage);
  const sections: AnswerSection[] = shown.items.map((p) => ({
    heading: `${p.number}${p.part ?? ''}. ${p.title}`,
    text: `${p.summary}${p.values.length ? ` (${p.values.map(shortValue).join(', ')})` : ''}${statusMark(p)}`,
    citations: resolveCitations(core, p.citations),
  }));
  return baseAnswer(core, {
    status: 'found',
    title: `${plan.name} (${humanDate(plan.date)})`,
    text:
      `${plan.summary}${plan.status === 'reported' ? '' : statusMark(plan)}\n*Status:* ${plan.planStatus}\n` +
      `${points.length} points; ${pageWords(shown)}.`,
    listing: true,
    sections,
    factIds: [plan.id, ...shown.items.map((p) => p.id)],
    page: { index: shown.index, count: shown.count },
  });
}

/** The three proposals side by side: what each is, who proposed it, when, and where it stands. */
export function answerPlansOverview(core: Core): Answer {
  const plans = planOrder.map((id) => core.kb.plans.get(id)!);
  return baseAnswer(core, {
    status: 'found',
    title: 'The three proposals',
    text:
      'Three proposals: the U.S. drafted 28 points in November 2025, reworked with Ukraine into 20 points in December; European leaders set out 6 commitments in Berlin.\n' +
      plans.map((p) => `• **${p.name}** (${humanDate(p.date)}) — ${p.proposedBy}`).join('\n'),
    sections: plans.map((p) => ({
      heading: `${p.name} (${humanDate(p.date)})`,
      text: `${p.summary}${statusMark(p)}\n*Status:* ${p.planStatus}`,
      citations: resolveCitations(core, p.citations),
    })),
    factIds: plans.map((p) => p.id),
  });
}

const changeOrder: [ChangeType, string][] = [
  ['removed', 'Removed'],
  ['amended', 'Amended'],
  ['added', 'Added'],
  ['unchanged', 'Unchanged'],
  ['unclear', 'Unclear'],
];

/**
 * Every recorded change from the 28-point to the 20-point proposal: the count by kind first, then one
 * item per change (removed, amended, added, unchanged, unclear), which renderers show one line each.
 */
export function answerChangesOverview(core: Core): Answer {
  const changes = [...core.kb.topics.values()].flatMap((topic) =>
    topic.changes.map((change) => ({ topic, change })),
  );
  const counts = changeOrder
    .map(([type]) => [type, changes.filter(({ change }) => change.type === type).length] as const)
    .filter(([, n]) => n > 0)
    .map(([type, n]) => `${n} ${type}`);
  const sections = changeOrder.flatMap(([type, label]) =>
    changes
      .filter(({ change }) => change.type === type)
      .map(({ topic, change }) => ({
        heading: `${label}: ${topic.title}`,
        text: `${change.summary}${statusMark(change)}`,
        citations: resolveCitations(core, change.citations),
      })),
  );
  return baseAnswer(core, {
    status: 'found',
    title: 'What changed from the 28-point to the 20-point proposal',
    text:
      `${changes.length} recorded changes across ${new Set(changes.map((c) => c.topic.id)).size} topics: ` +
      `${counts.join(', ')}. ("Unclear": not found in the published 20-point summaries.) ` +
      'One topic in detail: /compare and the topic.',
    sections,
    factIds: changes.map(({ change }) => change.id),
    listing: true,
  });
}

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
    // A topic or person named outright is an in-domain filter even when other words are unknown.
    const named = read.topics[0] ?? read.people[0];
    const best: SearchHit | undefined =
      result.status !== 'not_found'
        ? result.hits[0]
        : named
          ? { id: named, kind: read.topics[0] ? 'topic' : 'actor', confidence: 1, matchedBy: 'alias' }
          : undefined;
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

/** One topic across two plans (or all three), side by side, with what changed. */
export function answerCompare(core: Core, query: string | undefined, planA?: string, planB?: string): Answer {
  const long = tooLong(core, 'plan_a', planA) ?? tooLong(core, 'plan_b', planB);
  if (long) return long;
  const invalid = validateQuery(core, query, 'a topic to compare');
  if (invalid) return invalid;
  const cleaned = cleanQuery(query!);
  // "army size 28pt vs 20pt": the topic is what is left once the plans are set aside.
  const read = readQuery(cleaned, vocabularyOf(core.kb));
  const result = core.index.search(read.text, { kinds: ['topic', 'provision', 'change', 'issue'], limit: 6 });
  const topicId = core.kb.topics.has(cleaned) ? cleaned : topicOf({ core, query: read, result });
  if (!topicId) return notFoundAnswer(core, cleaned, result, 'a topic called');
  const named = [resolvePlanId(core, planA), resolvePlanId(core, planB)].filter(
    (p): p is PlanId => p !== undefined,
  );
  const plans = named.length > 0 ? named : read.plans.length >= 2 ? read.plans : [];
  const chosen = plans.length > 0 ? planOrder.filter((p) => plans.includes(p)) : planOrder;
  const topic = topicView(core, topicId);
  const topicData = core.kb.topics.get(topicId)!;
  const sections: AnswerSection[] = chosen.map((planId) => {
    const provisions = topicData.provisions
      .map((id) => core.kb.provisions.get(id)!)
      .filter((p) => p.plan === planId);
    if (provisions.length === 0) return relatedContent(core, planId, topicId);
    return {
      heading: planLabel(core, planId),
      text: provisions
        .map(
          (p) =>
            `**Point ${p.number}${p.part ?? ''}:** ${p.summary}${p.values.length ? ` (${p.values.map(shortValue).join(', ')})` : ''}${statusMark(p)}`,
        )
        .join('\n'),
      citations: resolveCitations(
        core,
        provisions.flatMap((p) => p.citations),
      ),
    };
  });
  const changes = topic.sections.find((s) => s.heading.startsWith('What changed'));
  if (changes && chosen.includes('us-28') && chosen.includes('us-ua-20')) sections.push(changes);
  return baseAnswer(core, {
    status: 'found',
    title: `${topicData.title}: ${chosen.map((p) => planLabel(core, p)).join(' vs ')}`,
    text: topic.text,
    sections,
    // the opening text is the topic's own summary: its sources lead
    citations: collectCitations(sections, resolveCitations(core, topicData.citations)),
    factIds: topic.factIds,
  });
}

/**
 * A plan with no numbered point on a topic may still speak to it (the Berlin statement on borders and
 * territory): its background notes on the topic are shown instead of a bare "no point", so a gap in the
 * numbering never reads as silence.
 */
function relatedContent(core: Core, planId: PlanId, topicId: string): AnswerSection {
  const notes = [...core.kb.facts.values()].filter(
    (f) => f.kind === 'plan-note' && f.parent === planId && f.topics.includes(topicId),
  );
  if (notes.length === 0) {
    return { heading: planLabel(core, planId), text: 'No point on this topic in this plan.', citations: [] };
  }
  return {
    heading: `${planLabel(core, planId)} (no numbered point; what it says)`,
    text: notes.map((n) => `${n.summary}${statusMark(n)}`).join('\n'),
    citations: resolveCitations(
      core,
      notes.flatMap((n) => n.citations),
    ),
  };
}

/** The shipped documents and the references by tier; or, given fact ids, every citation in full. */
export function answerSources(core: Core, query?: string): Answer {
  const long = tooLong(core, 'The list of fact ids', query);
  if (long) return long;
  // each fact once, however often it was listed, and no more than a reply can show
  const ids = [
    ...new Set(
      (query ?? '')
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter((id) => id && core.index.entry(id)),
    ),
  ].slice(0, maxSourceFacts);
  if (ids.length > 0) {
    const sections = ids.map((id) => {
      const entry = core.index.entry(id)!;
      return { heading: entry.title, text: '', citations: resolveCitations(core, entry.citations) };
    });
    return baseAnswer(core, {
      status: 'found',
      title: 'Sources',
      text: `Full quotes and references for ${ids.length === 1 ? 'this fact' : `${ids.length} facts`}.`,
      sections,
      factIds: ids,
    });
  }
  const sources = [...core.kb.sources.values()];
  const used = new Set([...core.kb.facts.values()].flatMap((f) => f.citations.map((c) => c.source)));
  const documents = sources.filter((s) => s.file);
  const byTier = reliabilityTiers
    .map((tier) => `${tier}: ${sources.filter((s) => s.reliability === tier).length}`)
    .join(' · ');
  return baseAnswer(core, {
    status: 'found',
    title: 'Sources',
    text:
      `Quotes come only from the ${documents.length} source documents shipped with the bot; everything else is ` +
      `described in our own words and cited by publisher, date and link. ${used.size} references in use (${byTier}). ` +
      `Replies flag weak tiers (state media: Russia's own positions only; aggregators).`,
    sections: documents.map((s) => ({
      heading: `${s.title} — ${s.publisher}${s.date ? `, ${humanDate(s.date)}` : ''} (${reliabilityOf(s).label})`,
      text: s.note,
      citations: [],
    })),
  });
}

export function answerAbout(core: Core): Answer {
  const { meta } = core.kb;
  const count = (kind: string) => [...core.kb.facts.values()].filter((f) => f.kind === kind).length;
  const documents = [...core.kb.sources.values()].filter((s) => s.file);
  return baseAnswer(core, {
    status: 'found',
    title: 'About this bot',
    text:
      `A neutral fact bot on ${meta.title}. Every statement traces to a curated fact, every fact to its sources.\n` +
      `**Reviewed ${humanDate(meta.asOf)} · latest reliable report ${humanDate(meta.latestReliable)} · ` +
      `latest item of any kind ${humanDate(meta.latestAny)} (headline only).** ${meta.asOfNote}`,
    sections: [
      {
        heading: 'Dates',
        text:
          `• Reviewed: ${humanDate(meta.asOf)} — answers are as of this date.\n` +
          `• Latest reliable report: ${humanDate(meta.latestReliable)} — ${meta.latestReliableNote}\n` +
          `• Latest item of any kind: ${humanDate(meta.latestAny)} — ${meta.latestAnyNote}`,
        citations: [],
      },
      {
        heading: 'What it knows',
        text:
          `${count('provision')} points across ${core.kb.plans.size} plans, ${count('topic')} topics, ` +
          `${count('change')} changes, ${count('issue')} unresolved issues with ${count('position')} attributed positions, ` +
          `${count('event')} dated events, ${count('actor')} parties, people and bodies; ${core.kb.sources.size} references.`,
        citations: [],
      },
      {
        heading: 'Source documents (quoted verbatim)',
        text: documents
          .map(
            (s) =>
              `• ${s.title} — ${s.publisher}${s.date ? `, ${humanDate(s.date)}` : ''} (${reliabilityOf(s).label})`,
          )
          .join('\n'),
        citations: [],
      },
      ...(meta.gaps.length
        ? [{ heading: 'Known gaps', text: meta.gaps.map((g) => `• ${g.note}`).join('\n'), citations: [] }]
        : []),
      { heading: 'Propose a correction', text: meta.corrections, citations: [] },
    ],
  });
}
