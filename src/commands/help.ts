import { baseAnswer, literal } from '../answers/common.js';
import { humanDate } from '../text/dates.js';
import type { Command, CommandDefinition } from './types.js';

const definition: CommandDefinition = {
  name: 'help',
  description: 'What each command does, with examples',
  primary: 'command',
  options: [
    {
      name: 'command',
      description: 'One command to explain, e.g. provision',
      type: 'string',
      maxLength: 40,
    },
  ],
  lookup: false,
  usage: '/help — every command; /help provision — one command and its options',
};

/** /help lists the commands it is registered with, so it can never drift from the real list. */
export function createHelp(list: () => readonly Command[]): Command {
  return {
    definition,
    run: (core, options) => {
      const asked = typeof options.command === 'string' ? options.command.trim().replace(/^\//, '') : '';
      const one = asked ? list().find((c) => c.definition.name === asked.toLowerCase()) : undefined;
      if (one) return commandHelp(core, one.definition);
      const unknown = asked ? `There is no /${literal(asked, 40)} command; these are the commands.\n` : '';
      return baseAnswer(core, {
        status: 'found',
        title: 'Commands',
        text:
          `${unknown}Ask in plain words with /ask, or use a command below. Every answer cites its sources ` +
          `and carries the fact base's "as of" date (${humanDate(core.kb.meta.asOf)}). /help <command> explains one.`,
        sections: list()
          .filter((command) => !command.definition.ownerOnly)
          .map((command) => ({
            heading: `/${command.definition.name}`,
            // the usage line says what the command does by example; /help <command> says the rest
            text: `\`${command.definition.usage}\``,
            citations: [],
          })),
      });
    },
  };
}

/** One command: what it does, how to call it, and each option. */
function commandHelp(core: Parameters<Command['run']>[0], command: CommandDefinition) {
  const options = command.options.map(
    (o) =>
      `• ${o.name === command.primary ? `${o.name} (the words after the command)` : `--${o.name}`}: ${o.description}` +
      `${o.required ? ' (required)' : ''}${o.choices ? ` — ${o.choices.map((c) => c.value).join(', ')}` : ''}`,
  );
  return baseAnswer(core, {
    status: 'found',
    title: `/${command.name}`,
    text: `${command.description}. Example: \`${command.usage}\``,
    sections: [
      {
        heading: 'Options',
        text: [
          ...options,
          '• --full: everything; --sources: every source in full; --json: the JSON answer (terminal)',
        ].join('\n'),
        citations: [],
      },
    ],
  });
}
