import type { Core } from '../../core.js';
import type { TimelineEvent } from '../../knowledge/schema.js';
import type { Query } from '../../query/index.js';
import { humanDateRange } from '../../text/dates.js';
import { normaliseForMatching } from '../../text/normalise.js';
import type { Answer } from '../types.js';
import { factView } from '../views.js';
import { leadWith } from './shared.js';

/**
 * "What did the Berlin summit produce?": a topic named by an alias that names one occasion of it, a place
 * ("Berlin talks" among the negotiation rounds), is about that occasion. When exactly one recorded event
 * carries the alias in its title, the event answers, dated, rather than the whole thread; an alias that
 * fits several events ("Geneva talks") or a one-word alias ("talks") names no single occasion.
 */
export function occasionNamed(core: Core, query: Query, topicId: string): TimelineEvent | undefined {
  const topic = core.kb.topics.get(topicId);
  if (!topic) return undefined;
  const asked = ` ${query.text} `;
  // an occasion is somewhere ("Berlin talks"): an alias without a place ("ceasefire violations") names a
  // subject, and one the topic's own title holds ("Peace Council") names the whole thread
  const title = ` ${normaliseForMatching(topic.title)} `;
  const places = core.kb.lexicon.claims.places.map((place) => normaliseForMatching(place));
  const somewhere = (alias: string) => places.some((place) => ` ${alias} `.includes(` ${place} `));
  const phrases = topic.aliases
    .map((alias) => normaliseForMatching(alias))
    .filter(
      (alias) =>
        alias.includes(' ') &&
        somewhere(alias) &&
        asked.includes(` ${alias} `) &&
        !title.includes(` ${alias} `),
    );
  for (const phrase of phrases.sort((a, b) => b.length - a.length)) {
    const events = core.kb.events.filter((event) =>
      ` ${normaliseForMatching(event.title)} `.includes(` ${phrase} `),
    );
    if (events.length === 1) return events[0];
  }
  return undefined;
}

/** The occasion's own answer: its dates and title first, then the event as recorded. */
export function occasionAnswer(core: Core, event: TimelineEvent): Answer | undefined {
  const view = factView(core, event.id);
  return view && leadWith(view, `**${humanDateRange(event.date, event.endDate)}** — ${event.title}.`);
}
