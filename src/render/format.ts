import type { Answer, AnswerSection, ResolvedCitation } from '../answers/types.js';
import { clip } from '../text/clip.js';
import { humanDate } from '../text/dates.js';

/**
 * What the Discord and terminal renderers share: citation numbering, the short and full citation
 * forms, the footer. The one clipping implementation is src/text/clip.ts; `clipText` is its name here.
 */
export { clip as clipText };

/** How many sources a reply shows inline; the rest are behind the Sources button / --sources. */
export const inlineSources = 8;
/** How many source numbers a section shows after its heading. */
export const markersPerSection = 3;

/**
 * Breaks @everyone, @here and raw mention syntax with a zero-width space. allowed_mentions already stops
 * pings; this also keeps the text from *looking* like a ping.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

/** Citation numbers: one per reference (source id), in the answer's order of first use. */
export function citationNumbers(answer: Pick<Answer, 'citations'>): (c: ResolvedCitation) => number {
  const index = new Map<string, number>();
  answer.citations.forEach((c, i) => {
    if (!index.has(c.sourceId)) index.set(c.sourceId, i + 1);
  });
  return (c) => index.get(c.sourceId) ?? 0;
}

/** "[1][4]" for a section: its best few sources, by number. */
export function sectionMarkers(
  section: AnswerSection,
  numberOf: (c: ResolvedCitation) => number,
  max = markersPerSection,
): string {
  // the section's own best sources (its citations come most reliable first), shown in number order
  const numbers = [...new Set(section.citations.map(numberOf).filter((n) => n > 0))]
    .slice(0, max)
    .sort((x, y) => x - y);
  return numbers.map((n) => `[${n}]`).join('');
}

/**
 * `[2] Meduza, 24 Dec 2025 · major outlet` — who, when, how reliable; one short line. Given a width, the
 * publisher gives way first: the reliability label is never the part that is cut.
 */
export function citationHead(c: ResolvedCitation, n: number, max = Infinity): string {
  const label = ` · ${c.reliabilityLabel}`;
  const who = `[${n}] ${c.publisher}${c.date ? `, ${humanDate(c.date)}` : ''}`;
  return `${clip(who, Math.max(12, max - label.length))}${label}`;
}

/** The full form: head, then every quote (verbatim) or what the reference supports, and the link. */
export function citationBody(c: ResolvedCitation): string[] {
  const lines: string[] = [];
  const quotes = c.quotes ?? (c.quote ? [c.quote] : []);
  for (const quote of quotes) lines.push(`“${quote}”`);
  if (!c.quote || c.note) lines.push(`${c.title}${c.note ? `: ${c.note}` : ''}`);
  if (c.url) lines.push(c.url);
  return lines;
}

/**
 * "reviewed 1 Dec 2026 · latest reliable report 4 Jun 2026 · page 2 of 4" — how current the fact base is
 * (or "As of 2 Jul 2026" where only one date is known) and where in a list the reader is.
 */
export function footerParts(answer: Answer): string[] {
  return [
    ...(answer.latestReliable
      ? [`reviewed ${humanDate(answer.asOf)}`, `latest reliable report ${humanDate(answer.latestReliable)}`]
      : [`As of ${humanDate(answer.asOf)}`]),
    answer.page && answer.page.count > 1 ? `page ${answer.page.index} of ${answer.page.count}` : '',
  ].filter(Boolean);
}
