import type { Answer, ResolvedCitation, Verdict } from '../answers/types.js';
import { encodeCustomId } from './custom-ids.js';
import { wellFormed } from '../answers/common.js';
import { citationLine, clipText, neutraliseMentions } from './format.js';

/**
 * Answer → Discord message payload (plain API JSON). Every Discord limit is enforced here and only here:
 * embed title 256, description 4096, ≤ 25 fields (name 256, value 1024), footer 2048, ≤ 6000 characters
 * in all embeds, content 2000, custom_id 100, select options 25 (label/value 100, description 100).
 * Mentions are never parsed, except the one user a reply is addressed to.
 */
export const limits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  content: 2000,
  selectOptions: 25,
  optionText: 100,
} as const;

/** Room we keep for the description so fields still fit in the 6000-character total. */
const descriptionBudget = 1800;
const ephemeralFlag = 64;
/** What a fact id looks like: the only ids a component may carry. */
const factId = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface DiscordEmbed {
  title: string;
  description?: string;
  color: number;
  fields: { name: string; value: string; inline?: boolean }[];
  footer: { text: string };
}

export interface DiscordButton {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface DiscordSelect {
  type: 3;
  custom_id: string;
  placeholder: string;
  options: { label: string; value: string; description?: string }[];
}

export interface DiscordActionRow {
  type: 1;
  components: (DiscordButton | DiscordSelect)[];
}

export interface DiscordPayload {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  allowed_mentions: { parse: []; users?: string[] };
  flags?: number;
}

export interface DiscordRenderOptions {
  /** The command that produced the answer (for "did you mean" picks). */
  command: string;
  /** Reply only to the person who asked. */
  hide?: boolean;
  /** A user the reply is addressed to: the only one who may be pinged. */
  targetUserId?: string;
  /** Show every citation in full (the "Sources" button's reply). */
  fullSources?: boolean;
  /** The timeline filter, so its page buttons can carry it. */
  about?: string;
  /** Titles for "did you mean" options, by fact id. */
  titleOf?: (id: string) => string;
}

const colours: Record<Answer['status'], number> = {
  found: 0x2f6fb0,
  ambiguous: 0xd9a400,
  not_found: 0x808080,
  error: 0xb03a2e,
};

/** A fact-check shows its verdict at a glance: a mark before the title and the embed's colour. */
const verdictStyle: Record<Verdict, { colour: number; mark: string }> = {
  supported: { colour: 0x2e8b57, mark: '✅' },
  contradicted: { colour: 0xb03a2e, mark: '❌' },
  depends_on_plan: { colour: 0xd9a400, mark: '⚖️' },
  disputed: { colour: 0xe67e22, mark: '⚠️' },
  not_in_sources: { colour: 0x808080, mark: '❔' },
};

export function renderDiscord(answer: Answer, options: DiscordRenderOptions): DiscordPayload {
  const numbered = answer.citations;
  const numberOf = numberOfCitation(numbered);
  const fields: DiscordEmbed['fields'] = [];

  for (const section of answer.sections) {
    const refs = section.citations.map(numberOf).filter((n) => n > 0);
    const marker = refs.length ? ` ${[...new Set(refs)].map((n) => `[${n}]`).join('')}` : '';
    const body = options.fullSources
      ? section.citations.map((c) => citationLine(c, numberOf(c), true)).join('\n')
      : section.text;
    fields.push({
      name: clipText(neutraliseMentions(section.heading) || '\u200b', limits.fieldName),
      value: clipText(
        neutraliseMentions(`${body || '—'}${options.fullSources ? '' : marker}`),
        limits.fieldValue,
      ),
    });
  }
  let sourcesField: DiscordEmbed['fields'][number] | undefined;
  if (!options.fullSources && numbered.length > 0) {
    sourcesField = {
      name: 'Sources',
      value: clipText(
        neutraliseMentions(
          numbered
            .slice(0, 8)
            .map((c, i) => citationLine(c, i + 1, false))
            .join('\n') + (numbered.length > 8 ? `\n…and ${numbered.length - 8} more (button below)` : ''),
        ),
        limits.fieldValue,
      ),
    };
  }

  const footer = clipText(
    neutraliseMentions(
      [
        `As of ${answer.asOf}`,
        answer.page ? `page ${answer.page.index}/${answer.page.count}` : '',
        answer.factIds.length ? `facts: ${answer.factIds.slice(0, 6).join(', ')}` : '',
        numbered.some((c) => c.weak) ? '⚠ weak source tier' : '',
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    limits.footer,
  );
  const embed: DiscordEmbed = {
    title: clipText(
      `${answer.verdict ? `${verdictStyle[answer.verdict].mark} ` : ''}${neutraliseMentions(answer.title) || 'Answer'}`,
      limits.title,
    ),
    description: clipText(neutraliseMentions(answer.text), descriptionBudget),
    color: answer.verdict ? verdictStyle[answer.verdict].colour : colours[answer.status],
    fields: fields.slice(0, limits.fields - 2),
    footer: { text: footer },
  };
  if (fields.length > limits.fields - 2) {
    embed.fields.push({
      name: '…',
      value: `${fields.length - (limits.fields - 2)} more sections not shown.`,
    });
  }
  if (sourcesField) embed.fields.push(sourcesField);
  fitEmbedTotal(embed, sourcesField);

  const payload: DiscordPayload = {
    embeds: [embed],
    components: components(answer, options),
    allowed_mentions: { parse: [] },
  };
  if (options.targetUserId && /^\d{1,21}$/.test(options.targetUserId)) {
    payload.content = `<@${options.targetUserId}>`;
    payload.allowed_mentions = { parse: [], users: [options.targetUserId] };
  }
  if (options.hide) payload.flags = ephemeralFlag;
  return payload;
}

function numberOfCitation(list: readonly ResolvedCitation[]) {
  return (c: ResolvedCitation) =>
    list.findIndex((x) => x.sourceId === c.sourceId && x.quote === c.quote && x.note === c.note) + 1;
}

/** Characters an embed counts against Discord's 6000 total, in UTF-16 code units (the stricter count). */
export function embedLength(embed: DiscordEmbed): number {
  return (
    embed.title.length +
    (embed.description ?? '').length +
    embed.footer.text.length +
    embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Drops trailing sections (keeping the Sources field last) until the embed fits the 6000-character total. */
function fitEmbedTotal(embed: DiscordEmbed, sourcesField: DiscordEmbed['fields'][number] | undefined): void {
  const sections = embed.fields.filter((f) => f !== sourcesField);
  let dropped = 0;
  const rebuild = () => {
    embed.fields = [...sections];
    if (dropped > 0)
      embed.fields.push({ name: '…', value: `${dropped} more sections: use the Sources button.` });
    if (sourcesField) embed.fields.push(sourcesField);
  };
  while (embedLength(embed) > limits.embedTotal && sections.length > 0) {
    sections.pop();
    dropped += 1;
    rebuild();
  }
  while (embedLength(embed) > limits.embedTotal && embed.description) {
    embed.description = clipText(embed.description, Math.max(0, embed.description.length - 200));
  }
  if (embedLength(embed) > limits.embedTotal && sourcesField) {
    sourcesField.value = clipText(
      sourcesField.value,
      Math.max(1, limits.embedTotal - embedLength(embed) + sourcesField.value.length),
    );
  }
}

function components(answer: Answer, options: DiscordRenderOptions): DiscordActionRow[] {
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
  if (buttons.length > 0) rows.push({ type: 1, components: buttons.slice(0, 5) });
  return rows.slice(0, 5);
}
