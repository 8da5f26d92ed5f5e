import type { Core } from '../../core.js';
import type { PlanId } from '../../knowledge/schema.js';
import { readQuery, vocabularyOf } from '../../query/index.js';
import { baseAnswer, notFoundAnswer, planLabel, planOrder, statusMark } from '../common.js';
import { collectCitations, resolveCitations } from '../citations.js';
import { shortValue } from '../values.js';
import { topicOf } from '../intents/shared.js';
import { cleanQuery, optionTooLong, validateQuery } from '../reading.js';
import type { Answer, AnswerSection } from '../types.js';
import { topicView } from '../views.js';
import { resolvePlanId } from './plans.js';

/** One topic across two plans (or all three), side by side, with what changed. */
export function answerCompare(core: Core, query: string | undefined, planA?: string, planB?: string): Answer {
  const long = optionTooLong(core, 'plan_a', planA) ?? optionTooLong(core, 'plan_b', planB);
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
