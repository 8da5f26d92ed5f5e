import { lookupAnswer } from '../answers/lookup.js';
import type { Command } from './types.js';

export const ask: Command = {
  definition: {
    name: 'ask',
    description: 'Ask a question about the peace proposals; the answer quotes its sources',
    primary: 'question',
    options: [
      {
        name: 'question',
        description: 'e.g. how many troops can Ukraine keep?',
        type: 'string',
        required: true,
        maxLength: 300,
      },
    ],
    lookup: true,
    usage: '/ask how many troops can Ukraine keep?',
  },
  run: (core, options) => lookupAnswer(core, 'ask', options.question as string | undefined),
};
