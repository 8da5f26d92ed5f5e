import { commands } from '../../src/commands/index.js';
import { BOOLEAN, INTEGER, STRING, type Option } from './discord-wire.js';

/**
 * The options to send a command with: its hand-written example, or else its required options filled in
 * (the first choice, 1, false or a plain topic).
 */
export function exampleOptions(name: string, examples: Readonly<Record<string, Option[]>>): Option[] {
  if (examples[name]) return examples[name];
  const definition = commands.find((c) => c.definition.name === name)!.definition;
  return definition.options
    .filter((o) => o.required)
    .map((o) => ({
      name: o.name,
      type: o.type === 'integer' ? INTEGER : o.type === 'boolean' ? BOOLEAN : STRING,
      value: o.type === 'integer' ? 1 : o.type === 'boolean' ? false : (o.choices?.[0]?.value ?? 'troop cap'),
    }));
}
