import { verdictLabel } from '../answers/common.js';
import type { Answer, AnswerSection } from '../answers/types.js';
import { clip } from '../text/clip.js';
import { length, wrap, wrapParagraph } from '../text/wrap.js';
import {
  citationBody,
  citationHead,
  citationNumbers,
  footerParts,
  inlineSources,
  sectionMarkers,
} from './format.js';

export interface TextRenderOptions {
  /** The terminal's width in columns (default 80); text wraps at word boundaries to it. */
  width?: number;
  /** Everything: every section in full and every source with its quotes and link. */
  full?: boolean;
  /** Every source in full (quotes, notes, links), the rest as usual. */
  sources?: boolean;
  /** The line budget of a default reply (default 40). */
  maxLines?: number;
  /** Titles for "did you mean" suggestions, by fact id. */
  titleOf?: (id: string) => string;
  /** What to type for the next page, when the answer has one ("next", "--page N"). */
  pageHint?: string;
}

export const defaultMaxLines = 40;
/** Lines the answer's opening text may take in a default reply: the answer, not an essay. */
const maxTextLines = 8;

/** Markdown → what a terminal shows: no asterisks or backticks, escapes undone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/gs, '$1')
    .replace(/(^|[^\\])\*(.+?)\*/gs, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\*_`~|>[\]#])/g, '$1');
}

/**
 * Answer → terminal text, within a length budget: the answer first, then each section (one line per item
 * in a listing), the first few sources in one line each, the "as of" date and fact ids. Everything wraps
 * at word boundaries to the width. `full` shows it all; `sources` shows every source in full.
 */
export function renderText(answer: Answer, options: TextRenderOptions = {}): string {
  const width = options.width ?? 80;
  const full = options.full ?? false;
  const budget = options.maxLines ?? defaultMaxLines;
  const numberOf = citationNumbers(answer);

  const head: string[] = [...wrap(plainText(answer.title), width)];
  head.push('─'.repeat(Math.min(width, Math.max(20, Math.min(72, length(plainText(answer.title)))))));
  // the verdict in words, unless the answer already opens with it
  const label = answer.verdict ? verdictLabel(answer.verdict) : '';
  if (label && !plainText(answer.text).startsWith(label)) head.push(...wrap(`Verdict: ${label}`, width));
  const opening = wrap(plainText(answer.text), width);
  head.push(...(full ? opening : clipLines(opening, maxTextLines, width)));

  const tail: string[] = [];
  if (answer.suggestions.length > 0 && answer.status !== 'found') {
    const named = answer.suggestions.map((id) => options.titleOf?.(id) ?? id);
    tail.push('', ...wrap(`Did you mean: ${named.join('; ')}`, width));
  }
  const showAll = full || options.sources;
  if (answer.citations.length > 0) {
    const shown = showAll ? answer.citations : answer.citations.slice(0, inlineSources);
    const more = answer.citations.length - shown.length;
    tail.push('', more > 0 ? `Sources (${shown.length} of ${answer.citations.length})` : 'Sources');
    for (const c of shown) {
      const line = citationHead(c, numberOf(c));
      if (showAll) {
        tail.push(...wrap(line, width, '  '));
        for (const body of citationBody(c)) tail.push(...wrap(body, width, '      '));
      } else {
        tail.push(`  ${citationHead(c, numberOf(c), width - 2)}`);
      }
    }
    if (more > 0) tail.push(`  … ${more} more: add --sources (or /sources) for every source in full`);
  }
  tail.push('', ...footer(answer, width, options.pageHint));

  const room = full ? Infinity : Math.max(4, budget - head.length - tail.length);
  const body = fitSections(answer, width, room, full, numberOf);
  return [...head, ...body, ...tail].join('\n');
}

function footer(answer: Answer, width: number, pageHint?: string): string[] {
  const parts = footerParts(answer);
  if (answer.page && answer.page.count > 1 && pageHint) parts.push(pageHint);
  const lines = [clip(parts.join(' · '), width)];
  if (answer.factIds.length > 0) lines.push(idsLine(answer.factIds, width));
  return lines;
}

/**
 * The sections within `room` lines: each section's text gets fewer lines until all fit (a listing always
 * gets one line per item); if they still do not fit, the last sections give way to a "… N more" line.
 */
function fitSections(
  answer: Answer,
  width: number,
  room: number,
  full: boolean,
  numberOf: Parameters<typeof sectionMarkers>[1],
): string[] {
  const render = (section: AnswerSection, perSection: number): string[] => {
    const heading = plainText(section.heading);
    const text = plainText(section.text).trim();
    if (answer.listing && !full) {
      const markers = sectionMarkers(section, numberOf, 1);
      const line = `• ${heading}${markers ? ` ${markers}` : ''}${text ? ` — ${text.replace(/\s+/g, ' ')}` : ''}`;
      return [clip(line, width)];
    }
    const markers = sectionMarkers(section, numberOf);
    const lines = ['', ...wrapParagraph(`■ ${heading}${markers ? ` ${markers}` : ''}`, width, '', '  ')];
    if (!text) return lines;
    if (full) return [...lines, ...wrap(text, width, '  ')];
    // one line per bullet item; running text wrapped, then clipped to the lines it may take
    const items = text.split('\n').filter((l) => l.trim());
    const bulleted = items.length > 1 && items.every((l) => /^\s*[•-]/.test(l));
    if (bulleted) {
      const shown = items.length > perSection ? Math.max(1, perSection - 1) : items.length;
      const more = items.length - shown;
      return [
        ...lines,
        ...items.slice(0, shown).map((item) => `  ${clip(item.trim(), width - 2)}`),
        ...(more > 0 ? [`  … ${more} more (--full)`] : []),
      ];
    }
    return [...lines, ...clipLines(wrap(text, width, '  '), perSection, width)];
  };
  const sections = answer.sections;
  if (full) return sections.flatMap((s) => render(s, Infinity));
  for (const perSection of [6, 4, 3, 2, 1]) {
    const lines = sections.flatMap((s) => render(s, perSection));
    if (lines.length <= room) return lines;
  }
  // Still too long: keep whole sections (at one line of text each) while they fit, then say what is left.
  const out: string[] = [];
  let shown = 0;
  for (const section of sections) {
    const lines = render(section, 1);
    if (out.length + lines.length > room - 2) break;
    out.push(...lines);
    shown += 1;
  }
  const left = sections.length - shown;
  if (left > 0) {
    out.push('', `… ${left} more ${left === 1 ? 'item' : 'items'}: add --full to see everything`);
  }
  return out;
}

/** "facts: a, b, c…": as many whole ids as fit the line (people copy them to propose corrections). */
function idsLine(ids: readonly string[], width: number): string {
  let line = `facts: ${ids[0]}`;
  for (const id of ids.slice(1)) {
    if (length(line) + id.length + 3 > width) return `${line}…`;
    line += `, ${id}`;
  }
  return length(line) > width ? clip(line, width) : line;
}

/** At most `max` lines; the last kept line ends with "…" when lines were dropped. */
function clipLines(lines: string[], max: number, width: number): string[] {
  if (lines.length <= max) return lines;
  const kept = lines.slice(0, max);
  kept[max - 1] = `${clip(kept[max - 1]!, width - 2).replace(/…$/, '')} …`;
  return kept;
}
