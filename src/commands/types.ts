import type { Answer } from '../answers/types.js';
import type { Core } from '../core.js';

/**
 * A command, independent of where it runs: the Discord edge turns the definition into a slash command,
 * the terminal into a `/name words…` line. Discord-only options (`hide`, `target`) are added by the
 * Discord edge to every command with `lookup: true`.
 */
export type OptionType = 'string' | 'integer' | 'boolean';

export interface CommandOption {
  name: string;
  description: string;
  type: OptionType;
  required?: boolean;
  autocomplete?: boolean;
  maxLength?: number;
  minValue?: number;
  maxValue?: number;
  choices?: { name: string; value: string }[];
}

export interface CommandDefinition {
  name: string;
  description: string;
  /** The option the free words of a terminal line fill (`/provision troop cap` → query="troop cap"). */
  primary?: string;
  options: CommandOption[];
  /** Lookup commands answer about facts: on Discord they also take `hide` and `target`. */
  lookup: boolean;
  /** One line for /help, with an example. */
  usage: string;
}

export type OptionValues = Record<string, string | number | boolean | undefined>;

export interface Choice {
  name: string;
  value: string;
}

export interface Command {
  definition: CommandDefinition;
  run(core: Core, options: OptionValues): Answer;
  autocomplete?(core: Core, option: string, value: string): Choice[];
}
