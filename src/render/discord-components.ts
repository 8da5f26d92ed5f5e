/** A reply's buttons and menus: "did you mean" picks, page buttons, Sources and More. */
import type { Answer } from '../answers/types.js';
import { wellFormed } from '../text/clip.js';
import { encodeCustomId } from './custom-ids.js';
import { limits } from './discord-limits.js';
import type { DiscordActionRow, DiscordButton, DiscordRenderOptions } from './discord-types.js';
import { clipText, neutraliseMentions } from './format.js';

/** What a fact id looks like: the only ids a component may carry. */
const factId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The More button's id, when the command can be re-run from it (its question fits in a custom id). */
export function moreId(answer: Answer, options: DiscordRenderOptions, from: number): string | undefined {
  if (!options.query || answer.status === 'error') return undefined;
  return encodeCustomId({ kind: 'more', from, command: options.command, query: wellFormed(options.query) });
}

export function components(answer: Answer, options: DiscordRenderOptions, more?: string): DiscordActionRow[] {
  const rows: DiscordActionRow[] = [];
  if (answer.status === 'ambiguous' || answer.status === 'not_found') {
    // a fact-check's "closest facts" open as facts (/ask takes any fact id), not as claims to check
    const pick = encodeCustomId({ kind: 'pick', command: answer.verdict ? 'ask' : options.command });
    // only fact ids (slugs) can be picked: anything else could not be looked up, or even sent
    const choices = [
      ...new Set(answer.suggestions.filter((id) => factId.test(id) && id.length <= limits.optionText)),
    ].slice(0, limits.selectOptions);
    if (pick && choices.length > 0) {
      rows.push({
        type: 1,
        components: [
          {
            type: 3,
            custom_id: pick,
            placeholder: 'Did you mean…',
            options: choices.map((id) => ({
              label: clipText(neutraliseMentions(options.titleOf?.(id) ?? id) || id, limits.optionText),
              value: id,
              description: clipText(id, limits.optionText),
            })),
          },
        ],
      });
    }
  }
  const buttons: DiscordButton[] = [];
  if (answer.page && answer.page.count > 1) {
    const { index, count } = answer.page;
    const planId = answer.factIds[0];
    const make = (page: number) =>
      options.command === 'plan' && planId && factId.test(planId)
        ? encodeCustomId({ kind: 'plan', plan: planId, page })
        : encodeCustomId({ kind: 'timeline', page, about: wellFormed(options.about ?? '') });
    const previous = make(Math.max(1, index - 1));
    const next = make(Math.min(count, index + 1));
    if (previous && next && previous !== next) {
      buttons.push({ type: 2, style: 2, label: '◀ Previous', custom_id: previous, disabled: index <= 1 });
      buttons.push({ type: 2, style: 2, label: 'Next ▶', custom_id: next, disabled: index >= count });
    }
  }
  if (!options.fullSources && answer.status === 'found' && answer.citations.length > 0) {
    const sources = encodeCustomId({
      kind: 'sources',
      factIds: answer.factIds.filter((id) => factId.test(id)),
    });
    if (sources) buttons.push({ type: 2, style: 1, label: 'Sources', custom_id: sources });
  }
  if (more) buttons.push({ type: 2, style: 2, label: 'More ▼', custom_id: more });
  if (buttons.length > 0) rows.push({ type: 1, components: buttons.slice(0, 5) });
  return rows.slice(0, 5);
}
