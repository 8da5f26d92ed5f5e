import { answerFactcheck } from '../answers/factcheck/index.js';
import type { Command } from './types.js';

export const factcheck: Command = {
  definition: {
    name: 'factcheck',
    description: 'Check a claim you read against the sources: supported, contradicted, depends on the plan…',
    primary: 'claim',
    options: [
      {
        name: 'claim',
        description: "e.g. the 20-point plan caps Ukraine's army at 600,000",
        type: 'string',
        required: true,
        maxLength: 300,
      },
    ],
    lookup: true,
    usage: "/factcheck the 20-point plan caps Ukraine's army at 600,000",
  },
  run: (core, options) => answerFactcheck(core, options.claim as string | undefined),
};
