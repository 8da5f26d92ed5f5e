import { verdictLabel } from '../answers/common.js';
import type { Answer, Verdict } from '../answers/types.js';
import { components, moreId } from './discord-components.js';
import { fitEmbedTotal, limits } from './discord-limits.js';
import type { DiscordEmbed, DiscordPayload, DiscordRenderOptions } from './discord-types.js';
import {
  citationBody,
  citationHead,
  citationNumbers,
  clipText,
  footerParts,
  inlineSources,
  neutraliseMentions,
  sectionMarkers,
} from './format.js';

/**
 * Answer → Discord message payload (plain API JSON). Every Discord limit is enforced by the render/discord*
 * modules and only there (the numbers: discord-limits.ts); buttons and menus: discord-components.ts.
 * Mentions are never parsed, except the one user a reply is addressed to.
 */

const ephemeralFlag = 64;

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

/** The body of a reply — its description — fits one screen; the rest is behind the buttons. */
export const bodyBudget = 1500;
/** The answer's own text gets most of the body; sections share what is left. */
const textBudget = 900;
/** A section's text in the body: a glance, not the whole fact. */
const sectionBudget = 260;
/** A listing item (a plan's point, an event) in the body: one line. */
const listingItemBudget = 140;

export function renderDiscord(answer: Answer, options: DiscordRenderOptions): DiscordPayload {
  return options.fullSources ? sourcesPayload(answer, options) : answerPayload(answer, options);
}

/**
 * The reply itself: title, a body of at most ~1,500 characters — the answer first, then each section in
 * brief with its source numbers — one short Sources field with the first few references, the footer.
 * Everything else (full quotes, every source, every section in full) is behind the Sources button.
 */
function answerPayload(answer: Answer, options: DiscordRenderOptions): DiscordPayload {
  const numberOf = citationNumbers(answer);
  const total = answer.sections.length;
  // The More button's reply starts where the previous reply stopped and says which parts it shows.
  const from = Math.min(Math.max(0, Math.floor(options.from ?? 0)), total);
  const continued = from > 0;
  const label = answer.verdict ? verdictLabel(answer.verdict) : '';
  // the verdict in words first, unless the answer already opens with it
  const verdict = label && !answer.text.replace(/^\W+/, '').startsWith(label) ? `**${label}.** ` : '';
  const body = [continued ? '' : clipText(`${verdict}${answer.text}`, textBudget)];
  // a continuation reserves room for its "Parts a–b of n" line, set once the parts are known
  let used = continued ? 40 : body[0]!.length;
  let shown = 0;
  for (const section of answer.sections.slice(from)) {
    const markers = sectionMarkers(section, numberOf);
    const text = section.text.trim();
    const block = answer.listing
      ? clipText(
          `• **${section.heading}**${markers ? ` ${markers.replace(/\].*/, ']')}` : ''}${text ? ` — ${oneLine(text)}` : ''}`,
          listingItemBudget,
        )
      : `**${clipText(section.heading, 120)}**${markers ? ` ${markers}` : ''}${text ? `\n${clipText(text, sectionBudget)}` : ''}`;
    const separator = answer.listing && shown > 0 ? '\n' : '\n\n';
    // a continuation always shows at least one part, so More always moves on
    if (used + separator.length + block.length > bodyBudget - 60 && !(continued && shown === 0)) break;
    body.push(separator, block);
    used += separator.length + block.length;
    shown += 1;
  }
  if (continued) body[0] = `*Parts ${from + 1}–${from + shown} of ${total}*`;
  const next = from + shown;
  const left = total - next;
  const more = left > 0 ? moreId(answer, options, next) : undefined;
  if (left > 0) {
    const where = more
      ? ' (More button)'
      : answer.citations.length > 0 && answer.status === 'found'
        ? ' (Sources button)'
        : '';
    // name what is left, when there is room, so the reader knows whether to open it
    const names = answer.listing
      ? ''
      : `: ${answer.sections
          .slice(next)
          .map((x) => x.heading)
          .join(' · ')}`;
    const note = `…${left} more ${left === 1 ? 'part' : 'parts'}${where}`;
    body.push(`\n\n*${clipText(`${note}${names}`, Math.max(note.length, bodyBudget - used - 6))}*`);
  }

  const fields: DiscordEmbed['fields'] = [];
  if (answer.citations.length > 0) {
    const list = answer.citations
      .slice(0, inlineSources)
      .map((c) => clipText(citationHead(c, numberOf(c)), 90));
    const more = answer.citations.length - list.length;
    if (more > 0) list.push(`…and ${more} more (Sources button)`);
    fields.push({ name: 'Sources', value: clipText(neutraliseMentions(list.join('\n')), limits.fieldValue) });
  }
  const embed: DiscordEmbed = {
    title: embedTitle(answer),
    description: clipText(neutraliseMentions(body.join('')), bodyBudget),
    color: answer.verdict ? verdictStyle[answer.verdict].colour : colours[answer.status],
    fields,
    footer: { text: footerText(answer) },
  };
  fitEmbedTotal(embed, undefined);
  return finish(embed, answer, options, more);
}

/** The Sources button's reply: every reference in full — its quotes or notes, its link — one field each. */
function sourcesPayload(answer: Answer, options: DiscordRenderOptions): DiscordPayload {
  const numberOf = citationNumbers(answer);
  const fields = answer.citations.map((c) => ({
    name: clipText(neutraliseMentions(citationHead(c, numberOf(c))), limits.fieldName),
    value: clipText(neutraliseMentions(citationBody(c).join('\n')) || '—', limits.fieldValue),
  }));
  const embed: DiscordEmbed = {
    title: embedTitle(answer),
    description: clipText(
      neutraliseMentions(
        answer.sections.length > 0
          ? `Sources for: ${answer.sections.map((s) => s.heading).join('; ')}`
          : answer.text,
      ),
      bodyBudget,
    ),
    color: colours[answer.status],
    fields: fields.slice(0, limits.fields - 1),
    footer: { text: footerText(answer) },
  };
  if (fields.length > limits.fields - 1) {
    embed.fields.push({
      name: '…',
      value: `${fields.length - (limits.fields - 1)} more sections not shown.`,
    });
  }
  fitEmbedTotal(embed, undefined);
  return finish(embed, answer, options);
}

function embedTitle(answer: Answer): string {
  return clipText(
    `${answer.verdict ? `${verdictStyle[answer.verdict].mark} ` : ''}${neutraliseMentions(answer.title) || 'Answer'}`,
    limits.title,
  );
}

function footerText(answer: Answer): string {
  const parts = footerParts(answer);
  if (answer.factIds.length) parts.push(`facts: ${answer.factIds.slice(0, 6).join(', ')}`);
  return clipText(neutraliseMentions(parts.join(' · ')), limits.footer);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ');
}

function finish(
  embed: DiscordEmbed,
  answer: Answer,
  options: DiscordRenderOptions,
  more?: string,
): DiscordPayload {
  const payload: DiscordPayload = {
    embeds: [embed],
    components: components(answer, options, more),
    allowed_mentions: { parse: [] },
  };
  if (options.targetUserId && /^\d{1,21}$/.test(options.targetUserId)) {
    payload.content = `<@${options.targetUserId}>`;
    payload.allowed_mentions = { parse: [], users: [options.targetUserId] };
  }
  if (options.hide) payload.flags = ephemeralFlag;
  return payload;
}
