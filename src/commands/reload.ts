import { baseAnswer, errorAnswer } from '../answers/common.js';
import type { Command } from './types.js';

/** Discord shows at most 4096 characters of an embed's text; the log always has every problem. */
const MAX_LISTED_CHARS = 3_200;

/**
 * /reload — read and validate knowledge/ again without a restart. A base with problems is not swapped
 * in: the previous one keeps answering and the reply lists what to fix. Only the bot's owners get the
 * context that allows it; everyone else is told so.
 */
export const reload: Command = {
  definition: {
    name: 'reload',
    description: 'Owners only: reload the fact base from disk after a correction',
    options: [],
    lookup: false,
    ownerOnly: true,
    usage: '/reload — re-read and validate knowledge/ (owners only)',
  },
  run: (core, _options, context) => {
    if (!context?.reloadKnowledge) {
      return errorAnswer(core, "Only the bot's owners can reload the fact base.");
    }
    const outcome = context.reloadKnowledge();
    if (outcome.ok) {
      return baseAnswer(core, {
        status: 'found',
        title: 'Fact base reloaded',
        text:
          `Now serving ${outcome.facts} facts (before: ${outcome.previousFacts}), as of ${outcome.asOf}. ` +
          `Loaded and validated in ${outcome.ms} ms.`,
      });
    }
    const listed: string[] = [];
    let used = 0;
    for (const error of outcome.errors) {
      if (used + error.length > MAX_LISTED_CHARS) break;
      listed.push(`• ${error}`);
      used += error.length + 3;
    }
    const more = outcome.errors.length - listed.length;
    return errorAnswer(
      core,
      `The fact base was NOT reloaded: ${outcome.errors.length} problem${outcome.errors.length === 1 ? '' : 's'}. ` +
        `The previous version keeps answering.\n${listed.join('\n')}` +
        (more > 0 ? `\n…and ${more} more (all of them are in the log).` : ''),
    );
  },
};
