import { answerChangesOverview, answerCompare, answerPlansOverview } from '../listings.js';
import { mergeCitations } from '../citations.js';
import { topicView } from '../views.js';
import { topicOf, type IntentAnswer } from './shared.js';

/**
 * "28pt vs 20pt territory", "how do the three plans handle the army": one topic side by side across the plans
 * named (all three when none or one is named). No topic: what changed between the drafts, or the plans.
 */
export const compareAnswer: IntentAnswer = (asked) => {
  const { core, query } = asked;
  const topicId = topicOf(asked);
  if (!topicId) {
    if (query.content.length > 0) return undefined;
    const draftsOnly = query.plans.length > 0 && query.plans.every((p) => p === 'us-28' || p === 'us-ua-20');
    return draftsOnly ? answerChangesOverview(core) : answerPlansOverview(core);
  }
  // A thread no plan has a point on (the E3 counter-proposal) has no sides to set out: its own view
  // compares it point by point.
  if (core.kb.topics.get(topicId)?.provisions.length === 0) return topicView(core, topicId);
  const [planA, planB] = query.plans.length >= 2 ? query.plans : [];
  const answer = answerCompare(core, topicId, planA, planB);
  // "frozen assets / reconstruction money 28 vs 20": a second topic named outright is set out after the first
  const second = query.topics.find(
    (t) => t !== topicId && (core.kb.topics.get(t)?.provisions.length ?? 0) > 0,
  );
  if (!second || answer.status !== 'found') return answer;
  const other = answerCompare(core, second, planA, planB);
  if (other.status !== 'found') return answer;
  const title = core.kb.topics.get(second)!.title;
  return {
    ...answer,
    sections: [
      ...answer.sections,
      ...other.sections.map((s) => ({ ...s, heading: `${title} — ${s.heading}` })),
    ],
    citations: mergeCitations([...answer.citations, ...other.citations]),
    factIds: [...answer.factIds, ...other.factIds.filter((id) => !answer.factIds.includes(id))],
  };
};
