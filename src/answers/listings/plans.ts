/** The plans as listings: one plan's points a page at a time, the three side by side, every recorded change. */
import type { Core } from '../../core.js';
import type { ChangeType, PlanId } from '../../knowledge/schema.js';
import { readQuery, vocabularyOf } from '../../query/index.js';
import { humanDate } from '../../text/dates.js';
import { byCodePoint } from '../../text/numbers.js';
import { baseAnswer, errorAnswer, literal, planOrder, statusMark } from '../common.js';
import { resolveCitations } from '../citations.js';
import { shortValue } from '../values.js';
import { optionTooLong } from '../reading.js';
import type { Answer, AnswerSection } from '../types.js';
import { oncePerBase } from '../per-base.js';
import { pageOf, pageWords } from './paging.js';

export const pointsPerPage = 10;

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
  const long = optionTooLong(core, 'The plan', planText);
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
export const answerChangesOverview = oncePerBase(buildChangesOverview);

function buildChangesOverview(core: Core): Answer {
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
