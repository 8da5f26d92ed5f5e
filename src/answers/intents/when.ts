import type { TimelineEvent } from '../../knowledge/schema.js';
import { isMonthWord, type QueryDate } from '../../query/index.js';
import { humanDate, humanDateRange } from '../../text/dates.js';
import { byCodePoint } from '../../text/numbers.js';
import { statusMark, withSectionsFirst } from '../common.js';
import { resolveCitations } from '../citations.js';
import { factView } from '../views.js';
import { occasionAnswer, occasionNamed } from './occasion.js';
import { leadWith, namedFirst, searchKinds, type IntentAnswer } from './shared.js';

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
  // "a deal by June" names a deadline, not the day of the event asked about
  const eventDates = query.dates.filter((d) => !d.deadline);
  const days = eventDates.filter((d) => d.day !== undefined && d.month !== undefined);
  const onThatDay = days.length > 0 ? core.kb.events.filter((e) => days.some((d) => sameDate(e, d))) : [];
  if (onThatDay.length > 0 && query.content.every((w) => /^\d+$/.test(w) || isMonthWord(w))) {
    const e = onThatDay[0]!;
    return leadWith(factView(core, e.id)!, `**${humanDateRange(e.date, e.endDate)}** — ${e.title}.`);
  }
  // "what came out of the Berlin talks": an alias of a topic that names one occasion of it names that event
  const occasion =
    eventDates.length === 0 && !query.reaction
      ? query.topics.map((topic) => occasionNamed(core, query, topic)).find((e) => e !== undefined)
      : undefined;
  const onOccasion = occasion && occasionAnswer(core, occasion);
  if (onOccasion) return onOccasion;
  const allEvents = searchKinds(core, query.text, ['event'], 12);
  const onDates = allEvents.filter((hit) => {
    const event = eventById(asked.core.kb.events, hit.id);
    return event !== undefined && eventDates.every((date) => sameDate(event, date));
  });
  // A date in the question usually dates the event, but not always ("a deal by June"): an event on that date
  // wins unless another fits the words clearly better.
  // a response asked about is the later event, not the one named outright
  const dated =
    eventDates.length > 0 && onDates.length > 0
      ? query.reaction
        ? onDates[0]
        : namedFirst(onDates)
      : undefined;
  const wordsBest = query.reaction
    ? laterResponse(core.kb.events, allEvents)
    : beforeTheDeadline(
        core.kb.events,
        allEvents,
        query.dates.filter((d) => d.deadline),
      );
  const event =
    dated && dated.confidence >= (allEvents[0]?.confidence ?? 0) - 0.1 ? dated : (wordsBest ?? dated);
  // an event on the very day the question names needs fewer of its words ("kyiv attack 14 may death toll")
  const onTheDayNamed = event !== undefined && onThatDay.some((e) => e.id === event.id);
  const enough = onTheDayNamed ? 0.3 : 0.5;
  if (event && event.confidence >= enough && event.confidence >= (best?.confidence ?? 0) * 0.8) {
    const e = eventById(core.kb.events, event.id)!;
    const answer = leadWith(factView(core, e.id)!, `**${humanDateRange(e.date, e.endDate)}** — ${e.title}.`);
    // "What happened in Abu Dhabi?": other events the words fit as well are named too, not left out.
    const alike =
      eventDates.length === 0 && !query.reaction
        ? allEvents
            .filter((hit) => hit.id !== e.id && hit.confidence >= event.confidence - tiedWithin)
            .slice(0, 3)
            .map((hit) => eventById(core.kb.events, hit.id)!)
            .sort((a, b) => byCodePoint(a.date, b.date))
        : [];
    if (alike.length === 0) return answer;
    return withSectionsFirst(
      answer,
      [
        {
          heading: alike.length === 1 ? 'Another event that fits' : 'Other events that fit',
          text: alike
            .map(
              (other) =>
                `• **${humanDateRange(other.date, other.endDate)}:** ${other.title}${statusMark(other)}`,
            )
            .join('\n'),
          // each event's strongest source
          citations: alike.flatMap((other) => resolveCitations(core, other.citations).slice(0, 1)),
        },
      ],
      alike.map((other) => other.id),
    );
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
    // The topic's event the question's words fit best; else its first.
    const fits = allEvents.map((hit) => dated.find((e) => e.id === hit.id)).find((e) => e !== undefined);
    const lead = fits ?? dated.find((e) => !e.background) ?? dated[0]!;
    return withSectionsFirst(
      leadWith(view, `**${humanDateRange(lead.date, lead.endDate)}** — ${lead.title}.`),
      [
        {
          heading: 'Dated events',
          text: dated
            .map((e) => `• **${humanDateRange(e.date, e.endDate)}:** ${e.title}${statusMark(e)}`)
            .join('\n'),
          citations: dated.flatMap((e) => resolveCitations(core, e.citations).slice(0, 1)),
        },
      ],
    );
  }
  return undefined;
};

/**
 * "When did Putin react to Zelensky's letter?": the letter and the reaction fit the words alike; the
 * reaction is the later of the events that fit nearly as well as the best.
 */
function laterResponse<T extends { id: string; confidence: number }>(
  events: readonly TimelineEvent[],
  hits: readonly T[],
): T | undefined {
  const best = hits[0];
  if (!best) return undefined;
  const dateOf = (hit: T) => eventById(events, hit.id)?.date ?? '';
  return hits
    .filter((hit) => hit.confidence >= best.confidence - tiedWithin)
    .reduce((later, hit) => (dateOf(hit) > dateOf(later) ? hit : later), best);
}

/**
 * "When did Zelensky say the US wants a deal by June?": the month of a deadline is in the words but is not
 * when it was set; among events that fit nearly as well, one dated before the deadline is the answer.
 */
function beforeTheDeadline<T extends { id: string; confidence: number }>(
  events: readonly TimelineEvent[],
  hits: readonly T[],
  deadlines: readonly QueryDate[],
): T | undefined {
  const best = hits[0];
  if (!best || deadlines.length === 0) return best;
  const inDeadline = (hit: T) => {
    const event = eventById(events, hit.id);
    return event !== undefined && deadlines.some((d) => sameDate(event, d));
  };
  if (!inDeadline(best)) return best;
  return hits.find((hit) => hit.confidence >= best.confidence - deadlineWithin && !inDeadline(hit)) ?? best;
}

/** How far behind the best an event dated before a deadline may be and still be the answer. */
const deadlineWithin = 0.2;

/** Hits this close in confidence fit the words alike. */
const tiedWithin = 0.05;

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
