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
import type { Command, CommandContext, OptionValues } from '../commands/types.js';
import type { Core, ReloadOutcome } from '../core.js';
import { clip } from '../text/clip.js';
import type { Cooldowns } from '../discord/cooldown.js';
import { HIDE_OPTION, TARGET_OPTION } from '../discord/definitions.js';
import { describeError, type Logger } from '../discord/log.js';
import type { InteractionOutcome, OutcomeObserver } from '../ops/outcome.js';
import { renderDiscord } from '../render/discord.js';
import type { DiscordPayload, DiscordRenderOptions } from '../render/discord-types.js';
import { Lru } from './cache.js';
import { describeInteraction, kindOf } from './describe.js';
import {
  InteractionType,
  ResponseType,
  readInteraction,
  type InteractionResponse,
  type ReadInteraction,
} from './api.js';
import { SOMETHING_WENT_WRONG, notice, readOptions, reply, safeChoices, userOption } from './replies.js';
import { answerComponent } from './components.js';

export interface InteractionHandlerDeps {
  /** The core serving now: read once per interaction, so a knowledge reload applies from the next one. */
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

/** How many answers (with their rendered payloads) are remembered; see cache.ts. */
const CACHED_ANSWERS = 200;

export function createInteractionHandler(deps: InteractionHandlerDeps): InteractionHandler {
  const { getCore, cooldowns, logger } = deps;
  const byName = new Map(deps.commands.map((c) => [c.definition.name, c]));
  /** Per knowledge base, so a reload starts afresh (and the old answers go with the old core). */
  const answerCaches = new WeakMap<Core, Lru<Answer>>();
  const renders = new WeakMap<Answer, Map<string, DiscordPayload>>();
  /** The core of the interaction being handled (handling is synchronous: one at a time). */
  let core: Core = getCore();

  /**
   * The command's answer. Lookup commands answer from the facts alone, so the same question again is
   * answered from the cache; other commands always run.
   */
  function run(command: Command, options: OptionValues, context: CommandContext = {}): Answer {
    if (!command.definition.lookup) return command.run(core, options, context);
    let answers = answerCaches.get(core);
    if (!answers) answerCaches.set(core, (answers = new Lru<Answer>(CACHED_ANSWERS)));
    const key = `${command.definition.name}\u0000${JSON.stringify(options)}`;
    let answer = answers.get(key);
    if (!answer) {
      answer = command.run(core, options);
      answers.set(key, answer);
    }
    return answer;
  }

  /** The rendered payload, shared between identical requests: callers must not mutate it. */
  function render(answer: Answer, options: DiscordRenderOptions): DiscordPayload {
    const key = JSON.stringify(options);
    let byOptions = renders.get(answer);
    if (!byOptions) renders.set(answer, (byOptions = new Map()));
    let payload = byOptions.get(key);
    if (!payload) {
      const current = core;
      payload = renderDiscord(answer, { titleOf: (id) => factLabel(current, id), ...options });
      if (byOptions.size < 16) byOptions.set(key, payload);
    }
    return payload;
  }

  /** Owners (DISCORD_OWNER_IDS) may reload the knowledge; nobody else gets the means to. */
  function contextFor(userId: string | undefined): CommandContext {
    const owner = userId !== undefined && (deps.ownerIds?.has(userId) ?? false);
    return owner && deps.reloadKnowledge ? { reloadKnowledge: deps.reloadKnowledge } : {};
  }

  function onCommand(i: ReadInteraction): [InteractionResponse, Result] {
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
    const answer = run(command, options, contextFor(i.userId));
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
    let payload = render(answer, {
      command: definition.name,
      hide,
      ...rerunQuery(definition, options),
      ...(target && !hide ? { targetUserId: target } : {}),
      ...(definition.name === 'timeline' && typeof options.about === 'string'
        ? { about: options.about }
        : {}),
    });
    if (target && hide) {
      // Only the asker sees a hidden reply: mention the target for context, ping nobody.
      payload = {
        ...payload,
        content: `(Hidden reply: <@${target}> cannot see it, so they were not pinged.)`,
        allowed_mentions: { parse: [] },
      };
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

  function onAutocomplete(i: ReadInteraction): [InteractionResponse, Result] {
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
    const safe = safeChoices(choices);
    return [
      { type: ResponseType.AutocompleteResult, data: { choices: safe } },
      {
        command: command ? command.definition.name : 'unknown',
        status: safe.length ? 'choices' : 'no_choices',
      },
    ];
  }

  /**
   * The question a More button re-runs the command with: only its primary option, so only when nothing
   * else was given (a page, a second plan) that the button could not carry.
   */
  function rerunQuery(definition: Command['definition'], options: OptionValues): { query?: string } {
    const primary = definition.primary;
    const query = primary ? options[primary] : undefined;
    if (typeof query !== 'string' || !query.trim()) return {};
    const others = Object.keys(options).filter(
      (name) => name !== primary && name !== HIDE_OPTION && name !== TARGET_OPTION,
    );
    return others.length === 0 ? { query } : {};
  }

  function dispatch(i: ReadInteraction): [InteractionResponse, Result] {
    switch (i.type) {
      case InteractionType.Ping:
        return [{ type: ResponseType.Pong }, { command: 'unknown', status: 'pong' }];
      case InteractionType.ApplicationCommand:
        return onCommand(i);
      case InteractionType.Autocomplete:
        return onAutocomplete(i);
      case InteractionType.MessageComponent:
        return answerComponent(i, { byName, run, render, core });
      default:
        return [
          notice('This bot does not handle that kind of interaction.'),
          { command: 'unknown', status: 'unsupported' },
        ];
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
      core = getCore();
      const i = readInteraction(raw);
      const fields = { ...logFields, ...describeInteraction(i) };
      const report = (result: Result): void => {
        if (i.type !== InteractionType.Ping)
          deps.observe?.({ kind: kindOf(i), ...result, ms: performance.now() - started });
      };
      try {
        const [response, result] = dispatch(i);
        const level =
          i.type === InteractionType.Autocomplete || i.type === InteractionType.Ping ? 'debug' : 'info';
        logger[level]('interaction', {
          ...fields,
          outcome: result.status,
          ms: Math.round(performance.now() - started),
        });
        report(result);
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
