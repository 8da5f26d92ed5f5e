import type { TimelineEvent } from '../../knowledge/schema.js';
import { isMonthWord, type QueryDate } from '../../query/index.js';
import { humanDate, humanDateRange } from '../../text/dates.js';
import { resolveCitations, statusMark } from '../common.js';
import { factView } from '../views.js';
import { leadWith, searchKinds, type IntentAnswer } from './shared.js';

/**
 * "When did Yermak resign?": the event with its human date first. A plan asked about gets its date; a topic
 * gets its dated events.
 */
export const whenAnswer: IntentAnswer = (asked) => {
  const { core, query, result } = asked;
  const best = result.hits[0];
  // "When was the Berlin statement?": a plan named and nothing else — the plan's own date.
  const onlyPlan = query.plans.length === 1 && query.content.length === 0;
  const namedPlan = onlyPlan ? core.kb.plans.get(query.plans[0]!) : undefined;
  if (namedPlan) {
    return leadWith(factView(core, namedPlan.id)!, `**${humanDate(namedPlan.date)}** — ${namedPlan.name}.`);
  }
  // "What happened on 28 Dec 2025?": a full date picks the events of that day outright.
  const days = query.dates.filter((d) => d.day !== undefined && d.month !== undefined);
  const onThatDay = days.length > 0 ? core.kb.events.filter((e) => days.some((d) => sameDate(e, d))) : [];
  if (onThatDay.length > 0 && query.content.every((w) => /^\d+$/.test(w) || isMonthWord(w))) {
    const e = onThatDay[0]!;
    return leadWith(factView(core, e.id)!, `**${humanDateRange(e.date, e.endDate)}** — ${e.title}.`);
  }
  const eventHits = searchKinds(core, query.text, ['event'], 12).filter((hit) => {
    const event = eventById(asked.core.kb.events, hit.id);
    return event !== undefined && query.dates.every((date) => sameDate(event, date));
  });
  const event = eventHits[0];
  if (event && event.confidence >= 0.5 && event.confidence >= (best?.confidence ?? 0) * 0.8) {
    const e = eventById(core.kb.events, event.id)!;
    return leadWith(factView(core, e.id)!, `**${humanDateRange(e.date, e.endDate)}** — ${e.title}.`);
  }
  if (!best || result.status === 'not_found') return undefined;
  const entry = core.index.entry(best.id);
  const planId = best.kind === 'plan' ? best.id : best.kind === 'plan-note' ? entry?.parent : undefined;
  const plan = planId ? core.kb.plans.get(planId) : undefined;
  if (plan) {
    return leadWith(factView(core, best.id)!, `**${humanDate(plan.date)}** — ${plan.name}.`);
  }
  if (best.kind === 'topic') {
    const dated = core.kb.events.filter((e) => e.topics.includes(best.id));
    if (dated.length === 0) return undefined;
    const view = factView(core, best.id)!;
    const last = dated.at(-1)!;
    return {
      ...leadWith(
        view,
        `Latest dated event: **${humanDateRange(last.date, last.endDate)}** — ${last.title}.`,
      ),
      sections: [
        {
          heading: 'Dated events',
          text: dated
            .map((e) => `• **${humanDateRange(e.date, e.endDate)}:** ${e.title}${statusMark(e)}`)
            .join('\n'),
          citations: resolveCitations(
            core,
            dated.flatMap((e) => e.citations.slice(0, 1)),
          ),
        },
        ...view.sections,
      ],
    };
  }
  return undefined;
};

function eventById(events: readonly TimelineEvent[], id: string): TimelineEvent | undefined {
  return events.find((e) => e.id === id);
}

/** An event matches a date the question names when it overlaps it (a month matches any day in it). */
function sameDate(event: TimelineEvent, date: QueryDate): boolean {
  const start = event.date;
  const end = event.endDate ?? event.date;
  const pad = (n: number) => String(n).padStart(2, '0');
  const within = (prefix: string) =>
    (start <= prefix + '\uffff' && end >= prefix) || start.startsWith(prefix);
  if (date.year !== undefined && date.month !== undefined) {
    return within(`${date.year}-${pad(date.month)}${date.day ? `-${pad(date.day)}` : ''}`);
  }
  if (date.month !== undefined) {
    const month = `-${pad(date.month)}${date.day ? `-${pad(date.day)}` : ''}`;
    return start.slice(4).startsWith(month) || end.slice(4).startsWith(month);
  }
  if (date.year !== undefined)
    return start.startsWith(String(date.year)) || end.startsWith(String(date.year));
  return true;
}
