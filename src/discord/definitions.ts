/**
 * The one place where edge-agnostic command definitions become Discord application command JSON
 * (what `deploy-commands` registers and what the interaction handler reads options against). Lookup commands get the
 * Discord-only options `hide` (ephemeral reply) and `target` (a member to address; only they are pinged).
 */
import type { Command, CommandDefinition, CommandOption } from '../commands/types.js';
import { clip } from '../text/clip.js';

export const HIDE_OPTION = 'hide';
export const TARGET_OPTION = 'target';

/** Discord's option types. */
const OPTION_TYPE = { string: 3, integer: 4, boolean: 5, user: 6 } as const;

export interface ApiCommandOption {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  choices?: { name: string; value: string }[];
}

export interface ApiCommand {
  type: 1;
  name: string;
  description: string;
  options: ApiCommandOption[];
  /** Guild channels and the bot's DMs. */
  contexts: number[];
  /** Installed to a server. */
  integration_types: number[];
  /** null: everyone; "0": only server administrators see it in the picker (owner-only commands). */
  default_member_permissions: null | '0';
  nsfw: false;
}

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function checkName(name: string, where: string): string {
  if (!NAME.test(name)) throw new Error(`${where}: "${name}" is not a valid Discord command/option name`);
  return name;
}

function toApiOption(option: CommandOption, command: string): ApiCommandOption {
  const api: ApiCommandOption = {
    type: OPTION_TYPE[option.type],
    name: checkName(option.name, `/${command} option`),
    description: clip(option.description, 100),
  };
  if (option.required) api.required = true;
  if (option.type === 'string') {
    if (option.choices?.length)
      api.choices = option.choices
        .slice(0, 25)
        .map((c) => ({ name: clip(c.name, 100), value: c.value.slice(0, 100) }));
    else if (option.autocomplete) api.autocomplete = true;
    if (option.maxLength !== undefined) api.max_length = Math.min(6000, Math.max(1, option.maxLength));
  }
  if (option.type === 'integer') {
    if (option.autocomplete && !option.choices?.length) api.autocomplete = true;
    if (option.minValue !== undefined) api.min_value = option.minValue;
    if (option.maxValue !== undefined) api.max_value = option.maxValue;
  }
  return api;
}

export function toApiCommand(definition: CommandDefinition): ApiCommand {
  const options = definition.options.map((o) => toApiOption(o, definition.name));
  if (definition.lookup) {
    options.push(
      { type: OPTION_TYPE.boolean, name: HIDE_OPTION, description: 'Only you see the reply' },
      {
        type: OPTION_TYPE.user,
        name: TARGET_OPTION,
        description: 'Address the reply to this member (only they are pinged)',
      },
    );
  }
  // Discord wants required options first.
  options.sort((a, b) => Number(Boolean(b.required)) - Number(Boolean(a.required)));
  return {
    type: 1,
    name: checkName(definition.name, 'command'),
    description: clip(definition.description, 100),
    options,
    contexts: [0, 1],
    integration_types: [0],
    default_member_permissions: definition.ownerOnly ? '0' : null,
    nsfw: false,
  };
}

/** The body of `PUT /applications/:id/commands` (or the guild route). */
export function toApiCommands(commands: readonly Command[]): ApiCommand[] {
  const names = new Set<string>();
  return commands.map((command) => {
    const api = toApiCommand(command.definition);
    if (names.has(api.name)) throw new Error(`duplicate command name /${api.name}`);
    names.add(api.name);
    return api;
  });
}
