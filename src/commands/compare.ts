import { answerCompare } from '../answers/listings.js';
import { suggestFacts, topTopics } from './autocomplete.js';
import type { Command } from './types.js';

const planChoices = [
  { name: 'U.S. 28-point proposal (Nov 2025)', value: 'us-28' },
  { name: 'U.S.–Ukraine 20-point proposal (Dec 2025)', value: 'us-ua-20' },
  { name: 'European 6-point framework (Berlin, 15 Dec 2025)', value: 'eu-6' },
];

export const compare: Command = {
  definition: {
    name: 'compare',
    description: 'One topic side by side across the plans, with what changed',
    primary: 'topic',
    options: [
      {
        name: 'topic',
        description: 'A topic: troop-cap, nato-membership, znpp…',
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 300,
      },
      {
        name: 'plan_a',
        description: 'First plan (default: all three)',
        type: 'string',
        choices: planChoices,
      },
      { name: 'plan_b', description: 'Second plan', type: 'string', choices: planChoices },
    ],
    lookup: true,
    usage: '/compare troop-cap — or only two plans: /compare znpp --plan_a us-28 --plan_b us-ua-20',
  },
  run: (core, options) =>
    answerCompare(
      core,
      options.topic as string | undefined,
      options.plan_a as string | undefined,
      options.plan_b as string | undefined,
    ),
  autocomplete: (core, _option, value) => suggestFacts(core, value, ['topic'], () => topTopics(core)),
};
