import { lookupAnswer } from '../answers/lookup.js';
import { suggestFacts, topTopics } from './autocomplete.js';
import type { Command } from './types.js';

export const provision: Command = {
  definition: {
    name: 'provision',
    description: 'What the 28-, 20- and 6-point plans say on a topic or point, quoted',
    primary: 'query',
    options: [
      {
        name: 'query',
        description: 'A topic or point: troop-cap, znpp, "28-point 7", NATO…',
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 300,
      },
    ],
    lookup: true,
    usage: '/provision troop-cap — a topic across the plans, or one point: /provision us-28-7',
  },
  run: (core, options) => lookupAnswer(core, 'provision', options.query as string | undefined),
  autocomplete: (core, _option, value) =>
    suggestFacts(core, value, ['topic', 'provision', 'plan'], () => topTopics(core)),
};
