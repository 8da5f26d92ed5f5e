import type { Core } from '../core.js';
import { reliabilityTiers, type ChangeType, type PlanId, type TimelineEvent } from '../knowledge/schema.js';
import { ambiguousAt, type SearchHit } from '../search/index.js';
import { humanDate, humanDateRange } from '../text/dates.js';
import { normaliseForMatching } from '../text/normalise.js';
import {
  baseAnswer,
  literal,
  errorAnswer,
  formatValue,
  notFoundAnswer,
  planLabel,
  planOrder,
  resolveCitations,
  statusMark,
} from './common.js';
import { cleanQuery, planMentioned, validateQuery } from './reading.js';
import type { Answer, AnswerSection } from './types.js';
import { topicView } from './views.js';

export const pointsPerPage = 7;
export const eventsPerPage = 8;

function pageOf<T>(items: readonly T[], requested: number | undefined, size: number) {
  const count = Math.max(1, Math.ceil(items.length / size));
  const index = Math.min(Math.max(1, Math.trunc(requested ?? 1) || 1), count);
  return { items: items.slice((index - 1) * size, index * size), index, count };
}

/** Resolves what people type for a plan: "us-28", "28", "28-point", "Zelensky's plan", "european". */
export function resolvePlanId(core: Core, text: string | undefined): PlanId | undefined {
  if (!text) return undefined;
  if (core.kb.plans.has(text)) return text as PlanId;
  const key = normaliseForMatching(text);
  if (key === '28') return 'us-28';
  if (key === '20') return 'us-ua-20';
  if (key === '6') return 'eu-6';
  const hit = core.index.search(text, { kinds: ['plan'], limit: 1 });
  if (hit.status === 'found') return hit.hits[0]!.id as PlanId;
  return planMentioned(key);
}

/** A plan's overview and its points, a page at a time. */
export function answerPlan(core: Core, planText: string | undefined, page?: number): Answer {
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
    .sort((a, b) => a.number - b.number || (a.part ?? '').localeCompare(b.part ?? ''));
  const shown = pageOf(points, page, pointsPerPage);
  const sections: AnswerSection[] = shown.items.map((p) => ({
    heading: `${p.number}${p.part ?? ''}. ${p.title}`,
    text: `${p.summary}${p.values.length ? ` (${p.values.map(formatValue).join(', ')})` : ''}${statusMark(p)}`,
    citations: resolveCitations(core, p.citations),
  }));
  return baseAnswer(core, {
    status: 'found',
    title: `${plan.name} (${humanDate(plan.date)})`,
    text: `${plan.summary}${statusMark(plan)}\n*Proposed by:* ${plan.proposedBy}\n*Status:* ${plan.planStatus}`,
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
    text: plans.map((p) => `• **${p.name}** (${humanDate(p.date)}) — ${p.proposedBy}`).join('\n'),
    sections: plans.map((p) => ({
      heading: `${p.name} (${humanDate(p.date)})`,
      text: `${p.summary}${statusMark(p)}\n*Status:* ${p.planStatus} Points: \`/plan ${p.id}\``,
      citations: resolveCitations(core, p.citations),
    })),
    factIds: plans.map((p) => p.id),
  });
}

const changeHeadings: [ChangeType, string][] = [
  ['removed', 'Removed'],
  ['amended', 'Amended'],
  ['added', 'Added'],
  ['unchanged', 'Unchanged'],
  ['unclear', 'Unclear (not found in the published 20-point summaries)'],
];

/** Every recorded change from the 28-point to the 20-point proposal, by kind of change. */
export function answerChangesOverview(core: Core): Answer {
  const changes = [...core.kb.topics.values()].flatMap((topic) =>
    topic.changes.map((change) => ({ topic, change })),
  );
  const sections = changeHeadings
    .map(([type, heading]) => {
      const list = changes.filter(({ change }) => change.type === type);
      return {
        heading: `${heading} (${list.length})`,
        text: list
          .map(({ topic, change }) => `• **${topic.title}:** ${change.summary}${statusMark(change)}`)
          .join('\n'),
        citations: resolveCitations(
          core,
          list.flatMap(({ change }) => change.citations),
        ),
      };
    })
    .filter((section) => section.text);
  return baseAnswer(core, {
    status: 'found',
    title: 'What changed from the 28-point to the 20-point proposal',
    text:
      `${changes.length} recorded changes across ${new Set(changes.map((c) => c.topic.id)).size} topics. ` +
      'One topic in detail: `/compare <topic>`.',
    sections,
    factIds: changes.map(({ change }) => change.id),
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
    const result = core.index.search(cleaned, { limit: 12 });
    events = result.status === 'not_found' ? [] : eventsAbout(core, cleaned, result.hits[0]!);
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
    text: `${events.length} dated event${events.length === 1 ? '' : 's'}${filter}, oldest first. Nothing after ${core.kb.meta.asOf} is known.`,
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
  const hits = core.index.search(query, { kinds: ['event'], limit: 60 }).hits;
  const top = hits[0]?.confidence ?? 0;
  const ids = new Set(hits.filter((h) => h.confidence >= Math.max(ambiguousAt, top * 0.8)).map((h) => h.id));
  return core.kb.events.filter((e) => ids.has(e.id));
}

/** One topic across two plans (or all three), side by side, with what changed. */
export function answerCompare(core: Core, query: string | undefined, planA?: string, planB?: string): Answer {
  const invalid = validateQuery(core, query, 'a topic to compare');
  if (invalid) return invalid;
  const cleaned = cleanQuery(query!);
  const result = core.index.search(cleaned, { kinds: ['topic', 'provision', 'change', 'issue'], limit: 6 });
  const topicId = result.hits
    .map((hit) => (hit.kind === 'topic' ? hit.id : core.index.entry(hit.id)?.topics[0]))
    .find((id): id is string => id !== undefined && core.kb.topics.has(id));
  if (result.status === 'not_found' || !topicId)
    return notFoundAnswer(core, cleaned, result, 'a topic called');
  const plans = [resolvePlanId(core, planA), resolvePlanId(core, planB)].filter(
    (p): p is PlanId => p !== undefined,
  );
  const chosen = plans.length > 0 ? planOrder.filter((p) => plans.includes(p)) : planOrder;
  const topic = topicView(core, topicId);
  const topicData = core.kb.topics.get(topicId)!;
  const sections: AnswerSection[] = chosen.map((planId) => {
    const provisions = topicData.provisions
      .map((id) => core.kb.provisions.get(id)!)
      .filter((p) => p.plan === planId);
    return {
      heading: planLabel(core, planId),
      text:
        provisions.length > 0
          ? provisions
              .map(
                (p) =>
                  `**Point ${p.number}${p.part ?? ''}:** ${p.summary}${p.values.length ? ` (${p.values.map(formatValue).join(', ')})` : ''}${statusMark(p)}`,
              )
              .join('\n')
          : 'No point on this topic in this plan.',
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
    factIds: topic.factIds,
  });
}

/** The shipped documents and the references by tier; or, given fact ids, every citation in full. */
export function answerSources(core: Core, query?: string): Answer {
  const ids = (query ?? '')
    .split(/[\s,]+/)
    .map((id) => id.trim())
    .filter((id) => id && core.index.entry(id));
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
      heading: `${s.title} — ${s.publisher}${s.date ? `, ${s.date}` : ''}`,
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
      `**As of ${meta.asOf}.** ${meta.asOfNote}`,
    sections: [
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
        text: documents.map((s) => `• ${s.title} — ${s.publisher}${s.date ? `, ${s.date}` : ''}`).join('\n'),
        citations: [],
      },
      ...(meta.gaps.length
        ? [{ heading: 'Known gaps', text: meta.gaps.map((g) => `• ${g.note}`).join('\n'), citations: [] }]
        : []),
      { heading: 'Propose a correction', text: meta.corrections, citations: [] },
    ],
  });
}
