import { about } from './about.js';
import { ask } from './ask.js';
import { compare } from './compare.js';
import { factcheck } from './factcheck.js';
import { createHelp } from './help.js';
import { issue } from './issue.js';
import { plan } from './plan.js';
import { provision } from './provision.js';
import { reload } from './reload.js';
import { sources } from './sources.js';
import { timeline } from './timeline.js';
import type { Command } from './types.js';

/** Every command, in the order /help shows them. Both the terminal and Discord serve exactly these. */
export const commands: readonly Command[] = [
  provision,
  issue,
  ask,
  compare,
  plan,
  timeline,
  sources,
  factcheck,
  about,
  reload,
  createHelp(() => commands),
];

export function findCommand(name: string): Command | undefined {
  const key = name.replace(/^\//, '').toLowerCase();
  return commands.find((command) => command.definition.name === key);
}
