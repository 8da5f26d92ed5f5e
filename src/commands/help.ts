import { baseAnswer } from '../answers/common.js';
import type { Command } from './types.js';

const definition = {
  name: 'help',
  description: 'What each command does, with examples',
  options: [],
  lookup: false,
  usage: '/help — this list',
};

/** /help lists the commands it is registered with, so it can never drift from the real list. */
export function createHelp(list: () => readonly Command[]): Command {
  return {
    definition,
    run: (core) =>
      baseAnswer(core, {
        status: 'found',
        title: 'Commands',
        text:
          'A neutral fact bot on the late-2025 Ukraine–Russia peace proposals. Every answer cites its sources ' +
          `and carries the fact base's "as of" date (${core.kb.meta.asOf}).`,
        sections: list()
          .filter((command) => !command.definition.ownerOnly)
          .map((command) => ({
            heading: `/${command.definition.name}`,
            text: `${command.definition.description}. Example: \`${command.definition.usage}\``,
            citations: [],
          })),
      }),
  };
}
