import { answerAbout } from '../answers/listings.js';
import type { Command } from './types.js';

export const about: Command = {
  definition: {
    name: 'about',
    description: 'What this bot knows, its "as of" date, and how to propose a correction',
    options: [],
    lookup: false,
    usage: '/about — the fact base, its "as of" date and how to correct it',
  },
  run: (core) => answerAbout(core),
};
