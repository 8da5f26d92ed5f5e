import { lookupAnswer } from '../answers/lookup.js';
import { suggestFacts } from './autocomplete.js';
import type { Command } from './types.js';

export const issue: Command = {
  definition: {
    name: 'issue',
    description: "An unresolved issue: each party's position, attributed and cited",
    primary: 'query',
    options: [
      {
        name: 'query',
        description: 'An open issue: territory, znpp, nato, frozen assets…',
        type: 'string',
        required: true,
        autocomplete: true,
        maxLength: 300,
      },
    ],
    lookup: true,
    usage: '/issue znpp — who wants what on an unresolved issue, and where sources disagree',
  },
  run: (core, options) => lookupAnswer(core, 'issue', options.query as string | undefined),
  autocomplete: (core, _option, value) =>
    suggestFacts(core, value, ['issue'], () => [...core.kb.issues.keys()]),
};
