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
import type { Command, CommandDefinition, OptionValues } from '../commands/types.js';
import type { Core } from '../core.js';
import { decodeCustomId, type ComponentAction } from '../render/custom-ids.js';
import { renderDiscord, type DiscordPayload, type DiscordRenderOptions } from '../render/discord.js';
import type { Cooldowns } from './cooldown.js';
import { HIDE_OPTION, TARGET_OPTION } from './definitions.js';
import { describeError, type Logger } from './log.js';

export interface RouterDeps {
  core: Core;
  commands: readonly Command[];
  cooldowns: Cooldowns;
  logger: Logger;
}

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
  const { core, cooldowns, logger } = deps;
  const byName = new Map(deps.commands.map((c) => [c.definition.name, c]));

  const titleOf = (id: string): string => factLabel(core, id);

  function render(answer: Answer, options: DiscordRenderOptions): DiscordPayload {
    return renderDiscord(answer, { titleOf, ...options });
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<string> {
    const command = byName.get(interaction.commandName);
    if (!command) {
      await interaction.reply(
        notice(
          `I don't know the command /${clip(interaction.commandName.replace(/[^\w-]/g, ''), 32)} — the command list may be ` +
            'out of date. Try /help.',
        ),
      );
      return 'unknown-command';
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
      return 'cooldown';
    }
    const options = readOptions(interaction, definition);
    const answer = command.run(core, options);
    const hideValue = interaction.options.get(HIDE_OPTION)?.value;
    let hide = definition.lookup && (hideValue === true || hideValue === 'true');
    let target = definition.lookup ? userOption(interaction, TARGET_OPTION) : undefined;
    // A reply that could not answer goes to the asker only, and pings no one.
    if (answer.status === 'error') {
      hide = true;
      target = undefined;
    }
    const payload = render(answer, {
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
    return answer.status;
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<string> {
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
    return `${safe.length} choices`;
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
    interaction: MessageComponentInteraction,
    answer: Answer,
    options: DiscordRenderOptions,
  ): Promise<void> {
    const invoker = invokerOf(interaction);
    const ephemeralMessage = interaction.message.flags.has(MessageFlags.Ephemeral);
    if (ephemeralMessage || invoker === undefined || invoker === interaction.user.id) {
      await interaction.update(toUpdate(render(answer, options)));
    } else {
      await interaction.reply(toReply(render(answer, { ...options, hide: true }), true));
    }
  }

  async function onComponent(interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<string> {
    const action: ComponentAction | undefined = decodeCustomId(interaction.customId);
    if (!action) {
      await interaction.reply(
        notice('This button is no longer supported. Run the command again for a fresh reply.'),
      );
      return 'stale';
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
          return 'stale';
        }
        await interaction.reply(
          toReply(render(answer, { command: 'sources', fullSources: true, hide: true }), true),
        );
        return 'sources';
      }
      case 'pick': {
        const command = byName.get(action.command);
        const value = interaction.isStringSelectMenu() ? interaction.values[0] : undefined;
        const primary = command?.definition.primary;
        if (!command || !primary || !value || !core.index.entry(value)) {
          await interaction.reply(notice('That choice is no longer available. Run the command again.'));
          return 'stale';
        }
        const answer = command.run(core, { [primary]: value });
        await showResult(interaction, answer, { command: command.definition.name });
        return `pick ${answer.status}`;
      }
      case 'plan': {
        const command = byName.get('plan');
        if (!command) throw new Error('the plan command is missing');
        const answer = command.run(core, { plan: action.plan, page: action.page });
        await showResult(interaction, answer, { command: 'plan' });
        return `plan page ${answer.page?.index ?? '?'}`;
      }
      case 'timeline': {
        const command = byName.get('timeline');
        if (!command) throw new Error('the timeline command is missing');
        const about = action.about || undefined;
        const answer = command.run(core, { about, page: action.page });
        await showResult(interaction, answer, { command: 'timeline', ...(about ? { about } : {}) });
        return `timeline page ${answer.page?.index ?? '?'}`;
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
      try {
        let outcome: string;
        if (interaction.isChatInputCommand()) outcome = await onCommand(interaction);
        else if (interaction.isAutocomplete()) outcome = await onAutocomplete(interaction);
        else if (interaction.isButton() || interaction.isStringSelectMenu())
          outcome = await onComponent(interaction);
        else {
          if (interaction.isRepliable())
            await interaction.reply(notice('This bot does not handle that kind of interaction.'));
          outcome = 'unsupported';
        }
        const level = interaction.isAutocomplete() ? 'debug' : 'info';
        logger[level]('interaction', { ...fields, outcome, ms: Date.now() - started });
      } catch (error) {
        logger.error('interaction failed', { ...fields, ms: Date.now() - started, ...describeError(error) });
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
