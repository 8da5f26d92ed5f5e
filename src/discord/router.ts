/**
 * Interaction → command. Slash commands and autocomplete go to the command of that name; buttons and
 * select menus carry their state in the custom id (decoded by the renderer's codec), so they keep working
 * after a restart. Every reply is built by the one Discord renderer, and every reply — cooldown notices
 * and error messages included — goes out with allowed_mentions that ping nobody except an explicit target.
 *
 * Nothing escapes `handle()`: a failing handler is logged and answered with an ephemeral
 * "something went wrong", and the bot goes on serving.
 */
import {
  MessageFlags,
  type AutocompleteInteraction,
  type BaseInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type InteractionReplyOptions,
  type InteractionUpdateOptions,
  type MessageComponentInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import type { Answer } from '../answers/types.js';
import { factLabel } from '../commands/autocomplete.js';
import type { Command, CommandContext, CommandDefinition, OptionValues } from '../commands/types.js';
import type { Core, ReloadOutcome } from '../core.js';
import type { InteractionOutcome, OutcomeObserver } from '../ops/outcome.js';
import { decodeCustomId, type ComponentAction } from '../render/custom-ids.js';
import { renderDiscord, type DiscordPayload, type DiscordRenderOptions } from '../render/discord.js';
import type { Cooldowns } from './cooldown.js';
import { HIDE_OPTION, TARGET_OPTION } from './definitions.js';
import { describeError, type Logger } from './log.js';

export interface RouterDeps {
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

type Result = Omit<InteractionOutcome, 'kind' | 'ms'>;

/** Discord's autocomplete limits. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

export const SOMETHING_WENT_WRONG =
  'Something went wrong while answering. The error was logged; please try again in a moment.';

const noPings = { parse: [] as [] };

function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The renderer's plain API payload as discord.js options. */
function toMessage(payload: DiscordPayload) {
  return {
    ...(payload.content !== undefined ? { content: payload.content } : {}),
    embeds: payload.embeds,
    components: payload.components as unknown as InteractionReplyOptions['components'],
    allowedMentions: { parse: [], users: payload.allowed_mentions.users ?? [], repliedUser: false },
  };
}

function toReply(payload: DiscordPayload, ephemeral: boolean): InteractionReplyOptions {
  return {
    ...toMessage(payload),
    ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}),
  } as InteractionReplyOptions;
}

/** An update keeps the message's content (so a target is not pinged again) and pings no one. */
function toUpdate(payload: DiscordPayload): InteractionUpdateOptions {
  const { embeds, components } = toMessage(payload);
  return {
    embeds,
    components,
    allowedMentions: { parse: [], users: [], repliedUser: false },
  } as InteractionUpdateOptions;
}

/** A short ephemeral notice (cooldown, stale button, error) that pings nobody. */
function notice(text: string): InteractionReplyOptions {
  return {
    content: clip(text, 2000),
    flags: MessageFlags.Ephemeral,
    allowedMentions: { ...noPings, repliedUser: false },
  };
}

/** Reads a slash command's options by the command's own definition, coercing defensively. */
export function readOptions(
  interaction: ChatInputCommandInteraction,
  definition: CommandDefinition,
): OptionValues {
  const values: OptionValues = {};
  for (const option of definition.options) {
    const raw = interaction.options.get(option.name)?.value;
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

function userOption(interaction: ChatInputCommandInteraction, name: string): string | undefined {
  const option = interaction.options.get(name);
  if (!option) return undefined;
  const id = option.user?.id ?? (typeof option.value === 'string' ? option.value : undefined);
  return id && /^\d{1,20}$/.test(id) ? id : undefined;
}

export interface Router {
  handle(interaction: BaseInteraction): Promise<void>;
}

export function createRouter(deps: RouterDeps): Router {
  const { getCore, cooldowns, logger } = deps;
  const byName = new Map(deps.commands.map((c) => [c.definition.name, c]));

  function render(core: Core, answer: Answer, options: DiscordRenderOptions): DiscordPayload {
    return renderDiscord(answer, { titleOf: (id) => factLabel(core, id), ...options });
  }

  function contextFor(userId: string): CommandContext {
    const owner = deps.ownerIds?.has(userId) ?? false;
    return owner && deps.reloadKnowledge ? { reloadKnowledge: deps.reloadKnowledge } : {};
  }

  async function onCommand(interaction: ChatInputCommandInteraction, core: Core): Promise<Result> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply(
        notice(
          `I don't know the command /${clip(interaction.commandName.replace(/[^\w-]/g, ''), 32)} — the command list may be ` +
            'out of date. Try /help.',
        ),
      );
      return { command: 'unknown', status: 'unknown-command' };
    }
    const { definition } = command;
    const wait = cooldowns.take(interaction.user.id, definition.name);
    if (wait > 0) {
      const seconds = Math.max(1, Math.ceil(wait / 1000));
      await interaction.reply(
        notice(
          `⏳ Easy there — you can use /${definition.name} again in ${seconds} second${seconds === 1 ? '' : 's'}.`,
        ),
      );
      return { command: definition.name, status: 'cooldown' };
    }
    const options = readOptions(interaction, definition);
    const answer = command.run(core, options, contextFor(interaction.user.id));
    const hideValue = interaction.options.get(HIDE_OPTION)?.value;
    let hide = (definition.lookup && (hideValue === true || hideValue === 'true')) || !!definition.ownerOnly;
    let target = definition.lookup ? userOption(interaction, TARGET_OPTION) : undefined;
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
    await interaction.reply(toReply(payload, hide));
    const query = definition.primary ? options[definition.primary] : undefined;
    return {
      command: definition.name,
      status: answer.status,
      ...(answer.verdict ? { verdict: answer.verdict } : {}),
      ...(typeof query === 'string' ? { query } : {}),
      ...(answer.suggestions[0] ? { topSuggestion: answer.suggestions[0] } : {}),
    };
  }

  async function onAutocomplete(interaction: AutocompleteInteraction, core: Core): Promise<Result> {
    const command = byName.get(interaction.commandName);
    const focused = interaction.options.getFocused(true);
    let choices: { name: string; value: string }[] = [];
    if (command?.autocomplete) {
      try {
        choices = command.autocomplete(core, focused.name, String(focused.value ?? ''));
      } catch (error) {
        logger.error('autocomplete failed', { command: interaction.commandName, ...describeError(error) });
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
    await interaction.respond(safe);
    return {
      command: command ? command.definition.name : 'unknown',
      status: safe.length ? 'choices' : 'no_choices',
    };
  }

  /** Who ran the command that made this message (undefined when Discord did not say). */
  function invokerOf(interaction: MessageComponentInteraction): string | undefined {
    const message = interaction.message;
    return message.interactionMetadata?.user.id ?? undefined;
  }

  /**
   * Paging and "did you mean" change the message itself when the person who asked clicks; anyone else
   * gets the result as a reply only they see, so a public message is not changed under the asker's feet.
   */
  async function showResult(
    core: Core,
    interaction: MessageComponentInteraction,
    answer: Answer,
    options: DiscordRenderOptions,
  ): Promise<void> {
    const invoker = invokerOf(interaction);
    const ephemeralMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
    if (ephemeralMessage || invoker === undefined || invoker === interaction.user.id) {
      await interaction.update(toUpdate(render(core, answer, options)));
    } else {
      await interaction.reply(toReply(render(core, answer, { ...options, hide: true }), true));
    }
  }

  async function onComponent(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
    core: Core,
  ): Promise<Result> {
    const action: ComponentAction | undefined = decodeCustomId(interaction.customId);
    if (!action) {
      await interaction.reply(
        notice('This button is no longer supported. Run the command again for a fresh reply.'),
      );
      return { command: 'unknown', status: 'stale' };
    }
    switch (action.kind) {
      case 'sources': {
        const sources = byName.get('sources');
        if (!sources) throw new Error('the sources command is missing');
        const answer = sources.run(core, { facts: action.factIds.join(' ') });
        if (answer.status !== 'found' || answer.factIds.length === 0) {
          await interaction.reply(
            notice(
              'These facts are no longer in the fact base (it has been updated). Run the command again.',
            ),
          );
          return { command: 'sources', status: 'stale' };
        }
        await interaction.reply(
          toReply(render(core, answer, { command: 'sources', fullSources: true, hide: true }), true),
        );
        return { command: 'sources', status: answer.status };
      }
      case 'pick': {
        const command = byName.get(action.command);
        const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
        const primary = command?.definition.primary;
        if (!command || !primary || !value || !core.index.entry(value)) {
          await interaction.reply(notice('That choice is no longer available. Run the command again.'));
          return { command: command ? command.definition.name : 'unknown', status: 'stale' };
        }
        const answer = command.run(core, { [primary]: value });
        await showResult(core, interaction, answer, { command: command.definition.name });
        return { command: command.definition.name, status: answer.status };
      }
      case 'plan': {
        const command = byName.get('plan');
        if (!command) throw new Error('the plan command is missing');
        const answer = command.run(core, { plan: action.plan, page: action.page });
        await showResult(core, interaction, answer, { command: 'plan' });
        return { command: 'plan', status: answer.status };
      }
      case 'timeline': {
        const command = byName.get('timeline');
        if (!command) throw new Error('the timeline command is missing');
        const about = action.about || undefined;
        const answer = command.run(core, { about, page: action.page });
        await showResult(core, interaction, answer, { command: 'timeline', ...(about ? { about } : {}) });
        return { command: 'timeline', status: answer.status };
      }
    }
  }

  async function reportFailure(interaction: BaseInteraction): Promise<void> {
    if (!interaction.isRepliable()) {
      if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]);
      return;
    }
    const message = notice(`⚠️ ${SOMETHING_WENT_WRONG}`);
    if (interaction.replied || interaction.deferred) await interaction.followUp(message);
    else await interaction.reply(message);
  }

  function describe(interaction: BaseInteraction): Record<string, unknown> {
    const base = { id: interaction.id, user: interaction.user.id, guild: interaction.guildId ?? 'dm' };
    if (interaction.isChatInputCommand())
      return { kind: 'command', command: interaction.commandName, ...base };
    if (interaction.isAutocomplete())
      return { kind: 'autocomplete', command: interaction.commandName, ...base };
    if (interaction.isMessageComponent())
      return { kind: 'component', custom_id: interaction.customId, ...base };
    return { kind: `type-${interaction.type}`, ...base };
  }

  return {
    async handle(interaction: BaseInteraction): Promise<void> {
      const started = Date.now();
      const fields = describe(interaction);
      const core = getCore(); // one snapshot for the whole interaction, whatever a reload does meanwhile
      const kind: InteractionOutcome['kind'] = interaction.isChatInputCommand()
        ? 'command'
        : interaction.isAutocomplete()
          ? 'autocomplete'
          : interaction.isMessageComponent()
            ? 'component'
            : 'other';
      const report = (result: Result): void => deps.observe?.({ kind, ...result, ms: Date.now() - started });
      try {
        let result: Result;
        if (interaction.isChatInputCommand()) result = await onCommand(interaction, core);
        else if (interaction.isAutocomplete()) result = await onAutocomplete(interaction, core);
        else if (interaction.isButton() || interaction.isStringSelectMenu())
          result = await onComponent(interaction, core);
        else {
          if (interaction.isRepliable())
            await interaction.reply(notice('This bot does not handle that kind of interaction.'));
          result = { command: 'unknown', status: 'unsupported' };
        }
        const level = interaction.isAutocomplete() ? 'debug' : 'info';
        logger[level]('interaction', { ...fields, outcome: result.status, ms: Date.now() - started });
        report(result);
      } catch (error) {
        logger.error('interaction failed', { ...fields, ms: Date.now() - started, ...describeError(error) });
        const name = 'commandName' in interaction ? String(interaction.commandName) : '';
        report({ command: byName.has(name) ? name : 'unknown', status: 'failed' });
        try {
          await reportFailure(interaction);
        } catch (second) {
          logger.error('could not tell the user about the failure', {
            id: interaction.id,
            ...describeError(second),
          });
        }
      }
    },
  };
}
