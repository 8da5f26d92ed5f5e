/**
 * The slice of Discord's interaction JSON this bot reads, and the responses it sends — plain API objects,
 * the same whether an interaction arrived over the gateway (INTERACTION_CREATE) or as an HTTP POST.
 * Input is untrusted: every reader here checks types and falls back instead of throwing.
 */
import type { DiscordPayload } from '../render/discord-types.js';

/** Interaction types (Discord API). */
export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
} as const;

/** Interaction callback types (Discord API). */
export const ResponseType = {
  Pong: 1,
  Message: 4,
  UpdateMessage: 7,
  AutocompleteResult: 8,
} as const;

export const EPHEMERAL = 64;

export interface MessageData {
  content?: string;
  embeds?: DiscordPayload['embeds'];
  components?: DiscordPayload['components'];
  allowed_mentions: { parse: []; users?: string[] };
  flags?: number;
}

export type InteractionResponse =
  | { type: typeof ResponseType.Pong }
  | { type: typeof ResponseType.Message | typeof ResponseType.UpdateMessage; data: MessageData }
  | { type: typeof ResponseType.AutocompleteResult; data: { choices: { name: string; value: string }[] } };

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** A command option as Discord sends it: `{ name, type, value, focused? }` (no subcommands here). */
export interface ApiOption {
  name: string;
  type: number;
  value: unknown;
  focused: boolean;
}

/** The fields of an interaction this bot uses, read defensively from whatever arrived. */
export interface ReadInteraction {
  id: string;
  token: string;
  type: number;
  /** The member's user in a server, the user in a DM; undefined when Discord sent neither. */
  userId: string | undefined;
  guildId: string | undefined;
  commandName: string;
  options: ApiOption[];
  customId: string;
  values: string[];
  /** For components: the message the component is on. */
  message: { flags: number; invokerId: string | undefined } | undefined;
}

function readApiOptions(v: unknown): ApiOption[] {
  if (!Array.isArray(v)) return [];
  return v.filter(isObject).map((o) => ({
    name: str(o.name) ?? '',
    type: typeof o.type === 'number' ? o.type : 0,
    value: o.value,
    focused: o.focused === true,
  }));
}

export function readInteraction(raw: unknown): ReadInteraction {
  const d = isObject(raw) ? raw : {};
  const data = isObject(d.data) ? d.data : {};
  const member = isObject(d.member) ? d.member : undefined;
  const user = member && isObject(member.user) ? member.user : isObject(d.user) ? d.user : undefined;
  const message = isObject(d.message) ? d.message : undefined;
  // interaction_metadata (current) or the deprecated interaction object name who ran the command.
  const meta = message
    ? isObject(message.interaction_metadata)
      ? message.interaction_metadata
      : isObject(message.interaction)
        ? message.interaction
        : undefined
    : undefined;
  return {
    id: str(d.id) ?? '',
    token: str(d.token) ?? '',
    type: typeof d.type === 'number' ? d.type : 0,
    userId: user ? str(user.id) : undefined,
    guildId: str(d.guild_id),
    commandName: str(data.name) ?? '',
    options: readApiOptions(data.options),
    customId: str(data.custom_id) ?? '',
    values: Array.isArray(data.values) ? data.values.filter((x): x is string => typeof x === 'string') : [],
    message: message
      ? {
          flags: typeof message.flags === 'number' ? message.flags : 0,
          invokerId: meta && isObject(meta.user) ? str(meta.user.id) : undefined,
        }
      : undefined,
  };
}
