/**
 * Buttons and select menus: their state is in the custom id, so a click is answered by re-running the
 * command it names (Sources, "did you mean", paging, More) on whichever process or replica receives it.
 */
import type { Answer } from '../answers/types.js';
import type { Command, CommandContext, OptionValues } from '../commands/types.js';
import type { Core } from '../core.js';
import type { InteractionOutcome } from '../ops/outcome.js';
import { decodeCustomId } from '../render/custom-ids.js';
import type { DiscordPayload, DiscordRenderOptions } from '../render/discord-types.js';
import { EPHEMERAL, type InteractionResponse, type ReadInteraction } from './api.js';
import { notice, reply, update } from './replies.js';

type Result = Omit<InteractionOutcome, 'kind' | 'ms'>;

/** What the handler lends a click: its commands, its cached runner and renderer, the core serving now. */
export interface ComponentTools {
  byName: ReadonlyMap<string, Command>;
  run: (command: Command, options: OptionValues, context?: CommandContext) => Answer;
  render: (answer: Answer, options: DiscordRenderOptions) => DiscordPayload;
  core: Core;
}

/**
 * Paging and "did you mean" change the message itself when the person who asked clicks; anyone else
 * gets the result as a reply only they see, so a public message is not changed under the asker's feet.
 */
function show(
  i: ReadInteraction,
  answer: Answer,
  options: DiscordRenderOptions,
  render: ComponentTools['render'],
): InteractionResponse {
  const invoker = i.message?.invokerId;
  const ephemeralMessage = ((i.message?.flags ?? 0) & EPHEMERAL) !== 0;
  if (ephemeralMessage || invoker === undefined || invoker === i.userId)
    return update(render(answer, options));
  return reply(render(answer, { ...options, hide: true }), true);
}

function needCommand(byName: ReadonlyMap<string, Command>, name: string): Command {
  const command = byName.get(name);
  if (!command) throw new Error(`the ${name} command is missing`);
  return command;
}

export function answerComponent(i: ReadInteraction, tools: ComponentTools): [InteractionResponse, Result] {
  const { byName, run, render, core } = tools;
  const need = (name: string) => needCommand(byName, name);
  const showResult = (answer: Answer, options: DiscordRenderOptions) => show(i, answer, options, render);
  const action = decodeCustomId(i.customId);
  if (!action) {
    return [
      notice('This button is no longer supported. Run the command again for a fresh reply.'),
      { command: 'unknown', status: 'stale' },
    ];
  }
  switch (action.kind) {
    case 'sources': {
      const answer = run(need('sources'), { facts: action.factIds.join(' ') });
      if (answer.status !== 'found' || answer.factIds.length === 0) {
        return [
          notice('These facts are no longer in the fact base (it has been updated). Run the command again.'),
          { command: 'sources', status: 'stale' },
        ];
      }
      return [
        reply(render(answer, { command: 'sources', fullSources: true, hide: true }), true),
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
      const answer = run(command, { [primary]: value });
      return [
        showResult(answer, { command: command.definition.name }),
        { command: command.definition.name, status: answer.status },
      ];
    }
    case 'plan': {
      const answer = run(need('plan'), { plan: action.plan, page: action.page });
      return [showResult(answer, { command: 'plan' }), { command: 'plan', status: answer.status }];
    }
    case 'timeline': {
      const about = action.about || undefined;
      const answer = run(need('timeline'), { about, page: action.page });
      return [
        showResult(answer, { command: 'timeline', ...(about ? { about } : {}) }),
        { command: 'timeline', status: answer.status },
      ];
    }
    case 'more': {
      const command = byName.get(action.command);
      const primary = command?.definition.primary;
      const answer =
        command && primary && !command.definition.ownerOnly
          ? run(command, { [primary]: action.query })
          : undefined;
      if (!command || !answer || action.from >= answer.sections.length) {
        return [
          notice(
            'The rest of this answer is no longer available (the fact base changed). Run the command again.',
          ),
          { command: command ? command.definition.name : 'unknown', status: 'stale' },
        ];
      }
      const name = command.definition.name;
      return [
        showResult(answer, {
          command: name,
          query: action.query,
          from: action.from,
          ...(name === 'timeline' ? { about: action.query } : {}),
        }),
        { command: name, status: answer.status },
      ];
    }
  }
}
