/**
 * Interaction → response: the one implementation both edges share. The gateway edge (src/discord/) posts
 * the response to Discord's callback route; the HTTP edge (src/http/) writes it as the body of its reply.
 * Neither adds behaviour of its own — they only translate transport.
 *
 * Slash commands and autocomplete go to the command of that name; buttons and select menus carry their
 * state in the custom id (decoded by the renderer's codec), so they keep working after a restart and on
 * any replica. Every reply is built by the one Discord renderer, and every reply — cooldown notices and
 * error messages included — carries allowed_mentions that ping nobody except an explicit target.
 *
 * Nothing escapes `handle()`: a failing command is logged and answered with an ephemeral "something went
 * wrong". This module must not import discord.js (the HTTP edge runs without it).
 */
import type { Answer } from '../answers/types.js';
import { factLabel } from '../commands/autocomplete.js';
import type { Command, CommandContext, CommandDefinition, OptionValues } from '../commands/types.js';
import type { Core, ReloadOutcome } from '../core.js';
import type { Cooldowns } from '../discord/cooldown.js';
import { HIDE_OPTION, TARGET_OPTION } from '../discord/definitions.js';
import { describeError, type Logger } from '../discord/log.js';
import type { InteractionOutcome, OutcomeObserver } from '../ops/outcome.js';
import { decodeCustomId } from '../render/custom-ids.js';
import { renderDiscord, type DiscordPayload, type DiscordRenderOptions } from '../render/discord.js';
import {
  EPHEMERAL,
  InteractionType,
  ResponseType,
  readInteraction,
  type ApiOption,
  type InteractionResponse,
  type MessageData,
  type ReadInteraction,
} from './api.js';

export interface InteractionHandlerDeps {
  /** The core serving now: read once per interaction, so a reload applies from the next one on. */
  getCore: () => Core;
  commands: readonly Command[];
  cooldowns: Cooldowns;
  logger: Logger;
  /** Who may run owner-only commands (DISCORD_OWNER_IDS). */
  ownerIds?: ReadonlySet<string>;
  /** Reloads the knowledge (given to owner-only commands run by an owner). */
  reloadKnowledge?: () => ReloadOutcome;
  /** Told what every interaction came to (metrics, the misses log). */
  observe?: OutcomeObserver;
}

/** What an interaction came to, without its kind and time (added by handle()). */
type Result = Omit<InteractionOutcome, 'kind' | 'ms'>;

export interface InteractionHandler {
  /** The response to one interaction (raw Discord JSON). Never throws. */
  handle(raw: unknown, logFields?: Record<string, unknown>): InteractionResponse;
  /** What to send instead when sending `handle()`'s response failed: an apology, or no choices. */
  fallback(raw: unknown): InteractionResponse;
}

/** Discord's autocomplete limits. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export const SOMETHING_WENT_WRONG =
  'Something went wrong while answering. The error was logged; please try again in a moment.';

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A short ephemeral notice (cooldown, stale button, error) that pings nobody. */
export function notice(text: string): InteractionResponse {
  return {
    type: ResponseType.Message,
    data: { content: clip(text, 2000), flags: EPHEMERAL, allowed_mentions: { parse: [] } },
  };
}

function reply(payload: DiscordPayload, ephemeral: boolean): InteractionResponse {
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
function update(payload: DiscordPayload): InteractionResponse {
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

function userOption(options: readonly ApiOption[], name: string): string | undefined {
  const value = options.find((o) => o.name === name)?.value;
  const id = typeof value === 'string' ? value.trim() : undefined;
  return id && /^\d{1,20}$/.test(id) ? id : undefined;
}

export function createInteractionHandler(deps: InteractionHandlerDeps): InteractionHandler {
  const { getCore, cooldowns, logger } = deps;
  const byName = new Map(deps.commands.map((c) => [c.definition.name, c]));
  const render = (core: Core, answer: Answer, options: DiscordRenderOptions): DiscordPayload =>
    renderDiscord(answer, { titleOf: (id) => factLabel(core, id), ...options });

  function contextFor(userId: string | undefined): CommandContext {
    const owner = userId !== undefined && (deps.ownerIds?.has(userId) ?? false);
    return owner && deps.reloadKnowledge ? { reloadKnowledge: deps.reloadKnowledge } : {};
  }

  function onCommand(i: ReadInteraction, core: Core): [InteractionResponse, Result] {
    const command = byName.get(i.commandName);
    if (!command) {
      const name = clip(i.commandName.replace(/[^\w-]/g, ''), 32);
      return [
        notice(`I don't know the command /${name} — the command list may be out of date. Try /help.`),
        { command: 'unknown', status: 'unknown-command' },
      ];
    }
    const { definition } = command;
    const wait = cooldowns.take(i.userId ?? 'unknown', definition.name);
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      return [
        notice(
          `⏳ Easy there — you can use /${definition.name} again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        ),
        { command: definition.name, status: 'cooldown' },
      ];
    }
    const options = readOptions(i.options, definition);
    const answer = command.run(core, options, contextFor(i.userId));
    const hideValue = i.options.find((o) => o.name === HIDE_OPTION)?.value;
    // Owner-only maintenance (/reload) always answers privately.
    let hide =
      (definition.lookup && (hideValue === true || hideValue === 'true')) || Boolean(definition.ownerOnly);
    let target = definition.lookup ? userOption(i.options, TARGET_OPTION) : undefined;
    // A reply that could not answer goes to the asker only, and pings no one.
    if (answer.status === 'error') {
      hide = true;
      target = undefined;
    }
    const payload = render(core, answer, {
      command: definition.name,
      hide,
      ...(target && !hide ? { targetUserId: target } : {}),
      ...(definition.name === 'timeline' && typeof options.about === 'string'
        ? { about: options.about }
        : {}),
    });
    if (target && hide) {
      // Only the asker sees a hidden reply: mention the target for context, ping nobody.
      payload.content = `(Hidden reply: <@${target}> cannot see it, so they were not pinged.)`;
      payload.allowed_mentions = { parse: [] };
    }
    const query = definition.primary ? options[definition.primary] : undefined;
    return [
      reply(payload, hide),
      {
        command: definition.name,
        status: answer.status,
        ...(answer.verdict ? { verdict: answer.verdict } : {}),
        ...(typeof query === 'string' ? { query } : {}),
        ...(answer.suggestions[0] ? { topSuggestion: answer.suggestions[0] } : {}),
      },
    ];
  }

  function onAutocomplete(i: ReadInteraction, core: Core): [InteractionResponse, Result] {
    const command = byName.get(i.commandName);
    const focused = i.options.find((o) => o.focused);
    let choices: { name: string; value: string }[] = [];
    if (command?.autocomplete && focused) {
      try {
        const value = typeof focused.value === 'string' ? focused.value : String(focused.value ?? '');
        choices = command.autocomplete(core, focused.name, value);
      } catch (error) {
        logger.error('autocomplete failed', { command: i.commandName, ...describeError(error) });
        choices = [];
      }
    }
    const seen = new Set<string>();
    const safe = choices
      .filter(
        (c) =>
          c.value.length >= 1 &&
          [...c.value].length <= MAX_CHOICE_LENGTH &&
          !seen.has(c.value) &&
          seen.add(c.value),
      )
      .slice(0, MAX_CHOICES)
      .map((c) => ({ name: clip(c.name.trim() || c.value, MAX_CHOICE_LENGTH), value: c.value }));
    return [
      { type: ResponseType.AutocompleteResult, data: { choices: safe } },
      {
        command: command ? command.definition.name : 'unknown',
        status: safe.length ? 'choices' : 'no_choices',
      },
    ];
  }

  /**
   * Paging and "did you mean" change the message itself when the person who asked clicks; anyone else
   * gets the result as a reply only they see, so a public message is not changed under the asker's feet.
   */
  function showResult(
    core: Core,
    i: ReadInteraction,
    answer: Answer,
    options: DiscordRenderOptions,
  ): InteractionResponse {
    const invoker = i.message?.invokerId;
    const ephemeralMessage = ((i.message?.flags ?? 0) & EPHEMERAL) !== 0;
    if (ephemeralMessage || invoker === undefined || invoker === i.userId)
      return update(render(core, answer, options));
    return reply(render(core, answer, { ...options, hide: true }), true);
  }

  function need(name: string): Command {
    const command = byName.get(name);
    if (!command) throw new Error(`the ${name} command is missing`);
    return command;
  }

  function onComponent(i: ReadInteraction, core: Core): [InteractionResponse, Result] {
    const action = decodeCustomId(i.customId);
    if (!action) {
      return [
        notice('This button is no longer supported. Run the command again for a fresh reply.'),
        { command: 'unknown', status: 'stale' },
      ];
    }
    switch (action.kind) {
      case 'sources': {
        const answer = need('sources').run(core, { facts: action.factIds.join(' ') });
        if (answer.status !== 'found' || answer.factIds.length === 0) {
          return [
            notice(
              'These facts are no longer in the fact base (it has been updated). Run the command again.',
            ),
            { command: 'sources', status: 'stale' },
          ];
        }
        return [
          reply(render(core, answer, { command: 'sources', fullSources: true, hide: true }), true),
          { command: 'sources', status: answer.status },
        ];
      }
      case 'pick': {
        const command = byName.get(action.command);
        const value = i.values[0];
        const primary = command?.definition.primary;
        if (!command || !primary || !value || !core.index.entry(value)) {
          return [
            notice('That choice is no longer available. Run the command again.'),
            { command: command ? command.definition.name : 'unknown', status: 'stale' },
          ];
        }
        const answer = command.run(core, { [primary]: value });
        return [
          showResult(core, i, answer, { command: command.definition.name }),
          { command: command.definition.name, status: answer.status },
        ];
      }
      case 'plan': {
        const answer = need('plan').run(core, { plan: action.plan, page: action.page });
        return [showResult(core, i, answer, { command: 'plan' }), { command: 'plan', status: answer.status }];
      }
      case 'timeline': {
        const about = action.about || undefined;
        const answer = need('timeline').run(core, { about, page: action.page });
        return [
          showResult(core, i, answer, { command: 'timeline', ...(about ? { about } : {}) }),
          { command: 'timeline', status: answer.status },
        ];
      }
    }
  }

  function dispatch(i: ReadInteraction, core: Core): [InteractionResponse, Result] {
    switch (i.type) {
      case InteractionType.Ping:
        return [{ type: ResponseType.Pong }, { command: 'unknown', status: 'pong' }];
      case InteractionType.ApplicationCommand:
        return onCommand(i, core);
      case InteractionType.Autocomplete:
        return onAutocomplete(i, core);
      case InteractionType.MessageComponent:
        return onComponent(i, core);
      default:
        return [
          notice('This bot does not handle that kind of interaction.'),
          { command: 'unknown', status: 'unsupported' },
        ];
    }
  }

  function kindOf(i: ReadInteraction): InteractionOutcome['kind'] {
    switch (i.type) {
      case InteractionType.ApplicationCommand:
        return 'command';
      case InteractionType.Autocomplete:
        return 'autocomplete';
      case InteractionType.MessageComponent:
        return 'component';
      default:
        return 'other';
    }
  }

  function describe(i: ReadInteraction): Record<string, unknown> {
    const base = { id: i.id, user: i.userId ?? 'unknown', guild: i.guildId ?? 'dm' };
    switch (i.type) {
      case InteractionType.ApplicationCommand:
        return { kind: 'command', command: i.commandName, ...base };
      case InteractionType.Autocomplete:
        return { kind: 'autocomplete', command: i.commandName, ...base };
      case InteractionType.MessageComponent:
        return { kind: 'component', custom_id: i.customId, ...base };
      case InteractionType.Ping:
        return { kind: 'ping' };
      default:
        return { kind: `type-${i.type}`, ...base };
    }
  }

  function fallback(raw: unknown): InteractionResponse {
    const i = readInteraction(raw);
    if (i.type === InteractionType.Autocomplete)
      return { type: ResponseType.AutocompleteResult, data: { choices: [] } };
    if (i.type === InteractionType.Ping) return { type: ResponseType.Pong };
    return notice(`⚠️ ${SOMETHING_WENT_WRONG}`);
  }

  return {
    handle(raw, logFields = {}) {
      const started = performance.now();
      const i = readInteraction(raw);
      const fields = { ...logFields, ...describe(i) };
      const core = getCore(); // one snapshot for the whole interaction, whatever a reload does meanwhile
      const report = (result: Result): void =>
        deps.observe?.({ kind: kindOf(i), ...result, ms: performance.now() - started });
      try {
        const [response, result] = dispatch(i, core);
        const level =
          i.type === InteractionType.Autocomplete || i.type === InteractionType.Ping ? 'debug' : 'info';
        logger[level]('interaction', {
          ...fields,
          outcome: result.status,
          ms: Math.round(performance.now() - started),
        });
        if (i.type !== InteractionType.Ping) report(result);
        return response;
      } catch (error) {
        logger.error('interaction failed', {
          ...fields,
          ms: Math.round(performance.now() - started),
          ...describeError(error),
        });
        report({ command: byName.has(i.commandName) ? i.commandName : 'unknown', status: 'failed' });
        return fallback(raw);
      }
    },
    fallback,
  };
}
