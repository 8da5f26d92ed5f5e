import { answerTimeline } from '../answers/listings.js';
import { toPage } from './plan.js';
import type { Command } from './types.js';

export const timeline: Command = {
  definition: {
    name: 'timeline',
    description: 'What happened when, from the Anchorage summit to the latest known talks',
    primary: 'about',
    options: [
      {
        name: 'about',
        description: 'Only events about a topic or person: geneva, witkoff, znpp…',
        type: 'string',
        maxLength: 300,
      },
      { name: 'page', description: 'Page of events', type: 'integer', minValue: 1, maxValue: 20 },
    ],
    lookup: true,
    usage: '/timeline — or filtered: /timeline witkoff',
  },
  run: (core, options) => answerTimeline(core, options.about as string | undefined, toPage(options.page)),
};
