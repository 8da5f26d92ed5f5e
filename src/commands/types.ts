import type { Answer } from '../answers/types.js';
import type { Core, ReloadOutcome } from '../core.js';

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
  /**
   * Maintenance for the bot's owners (DISCORD_OWNER_IDS): always answered privately, left out of /help,
   * and registered so that only server administrators see it in the command picker.
   */
  ownerOnly?: boolean;
}

export type OptionValues = Record<string, string | number | boolean | undefined>;

export interface Choice {
  name: string;
  value: string;
}

/** What an edge lets a command do beyond reading the core. Absent for whoever may not. */
export interface CommandContext {
  /** Given to the bot's owners and in the terminal: reload and validate the knowledge base. */
  reloadKnowledge?: () => ReloadOutcome;
}

export interface Command {
  definition: CommandDefinition;
  run(core: Core, options: OptionValues, context?: CommandContext): Answer;
  autocomplete?(core: Core, option: string, value: string): Choice[];
}
