import { answerSources } from '../answers/listings.js';
import type { Command } from './types.js';

export const sources: Command = {
  definition: {
    name: 'sources',
    description: 'Where the facts come from; or every quote and link behind given fact ids',
    primary: 'facts',
    options: [
      {
        name: 'facts',
        description: 'Fact ids from a reply footer, e.g. us-28-6',
        type: 'string',
        maxLength: 300,
      },
    ],
    lookup: false,
    usage: '/sources — the source documents and references; /sources us-28-6 for one fact',
  },
  run: (core, options) => answerSources(core, options.facts as string | undefined),
};
