/**
 * The reply shapes both edges send: a message, an update of the clicked message, an ephemeral notice —
 * each with allowed_mentions that ping nobody but an explicit target. And the readers of a command's
 * options, by the command's own definition.
 */
import type { CommandDefinition, OptionValues } from '../commands/types.js';
import type { DiscordPayload } from '../render/discord-types.js';
import { clip } from '../text/clip.js';
import {
  EPHEMERAL,
  ResponseType,
  type ApiOption,
  type InteractionResponse,
  type MessageData,
} from './api.js';

export const SOMETHING_WENT_WRONG =
  'Something went wrong while answering. The error was logged; please try again in a moment.';

/** A short ephemeral notice (cooldown, stale button, error) that pings nobody. */
export function notice(text: string): InteractionResponse {
  return {
    type: ResponseType.Message,
    data: { content: clip(text, 2000), flags: EPHEMERAL, allowed_mentions: { parse: [] } },
  };
}

export function reply(payload: DiscordPayload, ephemeral: boolean): InteractionResponse {
  const data: MessageData = {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components,
    allowed_mentions: payload.allowed_mentions.users?.length
      ? { parse: [], users: payload.allowed_mentions.users }
      : { parse: [] },
  };
  if (ephemeral) data.flags = EPHEMERAL;
  return { type: ResponseType.Message, data };
}

/** An update keeps the message's content (so a target is not pinged again) and pings no one. */
export function update(payload: DiscordPayload): InteractionResponse {
  return {
    type: ResponseType.UpdateMessage,
    data: { embeds: payload.embeds, components: payload.components, allowed_mentions: { parse: [] } },
  };
}

/** Reads a slash command's options by the command's own definition, coercing defensively. */
export function readOptions(options: readonly ApiOption[], definition: CommandDefinition): OptionValues {
  const values: OptionValues = {};
  for (const option of definition.options) {
    const raw = options.find((o) => o.name === option.name)?.value;
    if (raw === undefined || raw === null) continue;
    if (option.type === 'string') values[option.name] = String(raw);
    else if (option.type === 'integer') {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (Number.isSafeInteger(n)) values[option.name] = n;
    } else if (option.type === 'boolean') {
      values[option.name] = raw === true || raw === 'true';
    }
  }
  return values;
}

export function userOption(options: readonly ApiOption[], name: string): string | undefined {
  const value = options.find((o) => o.name === name)?.value;
  const id = typeof value === 'string' ? value.trim() : undefined;
  return id && /^\d{1,20}$/.test(id) ? id : undefined;
}

/** Discord's autocomplete limits. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/** Autocomplete choices Discord accepts: non-empty unique values within the limits, names clipped. */
export function safeChoices(
  choices: readonly { name: string; value: string }[],
): { name: string; value: string }[] {
  const seen = new Set<string>();
  return choices
    .filter(
      (c) =>
        c.value.length >= 1 &&
        [...c.value].length <= MAX_CHOICE_LENGTH &&
        !seen.has(c.value) &&
        seen.add(c.value),
    )
    .slice(0, MAX_CHOICES)
    .map((c) => ({ name: clip(c.name.trim() || c.value, MAX_CHOICE_LENGTH), value: c.value }));
}
