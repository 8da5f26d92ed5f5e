import { humanDate, humanDateRange } from '../../text/dates.js';
import { baseAnswer, statusMark } from '../common.js';
import { resolveCitations } from '../citations.js';
import { factView, issueView } from '../views.js';
import { leadWith, topicOf, type IntentAnswer } from './shared.js';

/** How many of the latest events a status answer shows. */
const latestShown = 4;

/**
 * "Is the war over?", "any deal yet?", "is the 28-point plan still valid?": the latest known state with its
 * date, and the plain statement of what no source shows (meta.json asOfNote).
 */
export const statusAnswer: IntentAnswer = (asked) => {
  const { core, query } = asked;
  const { meta } = core.kb;
  if (query.plans.length === 1) {
    const plan = core.kb.plans.get(query.plans[0]!)!;
    const view = factView(core, plan.id)!;
    return leadWith(view, `**${plan.shortName}:** ${plan.planStatus}`);
  }
  const topicId = query.topics.length > 0 ? topicOf(asked) : undefined;
  const issue = topicId ? core.kb.issuesByTopic.get(topicId) : undefined;
  const events = core.kb.events.filter((e) => !e.background && (!topicId || e.topics.includes(topicId)));
  const latest = events.slice(-latestShown).reverse();
  if (issue) {
    // The issue as it stands (positions, notes, what is unknown), led by its state and the latest event.
    const last = latest[0];
    const news = last ? ` Latest event: ${humanDateRange(last.date, last.endDate)} — ${last.title}.` : '';
    return leadWith(issueView(core, issue), `${issue.summary}${statusMark(issue)}${news}`);
  }
  // The latest reliably reported events first; what came later only from headlines, one line each, after.
  const reliable = events.filter((e) => e.status !== 'unverified');
  const latestReliable = reliable.slice(-latestShown + 1).reverse();
  const since = latestReliable[0]?.date ?? '';
  const headlines = events.filter((e) => e.status === 'unverified' && e.date > since).reverse();
  const sections = latestReliable.map((e) => ({
    heading: humanDateRange(e.date, e.endDate),
    text: `**${e.title}.** ${e.summary}${statusMark(e)}`,
    citations: resolveCitations(core, e.citations),
  }));
  if (headlines.length > 0) {
    sections.push({
      heading: 'Since then, known only from headlines',
      text: headlines
        .map((e) => `• **${humanDateRange(e.date, e.endDate)}:** ${e.title} *(unverified)*`)
        .join('\n'),
      citations: resolveCitations(
        core,
        headlines.flatMap((e) => e.citations.slice(0, 1)),
      ),
    });
  }
  return baseAnswer(core, {
    status: 'found',
    title: `Where things stand (as of ${humanDate(meta.asOf)})`,
    text: meta.asOfNote,
    sections,
    factIds: [...latestReliable, ...headlines].map((e) => e.id),
  });
};
