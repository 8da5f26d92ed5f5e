import { wellFormed } from '../answers/common.js';
import type { ResolvedCitation } from '../answers/types.js';

/**
 * Clips to at most `max` UTF-16 code units, ending with "…". Counting code units is the stricter of the
 * two ways a limit can be read, and a surrogate pair (an emoji) is never cut in half.
 */
export function clipText(raw: string, max: number): string {
  // half an emoji (a lone surrogate) is not valid UTF-8: Discord would refuse the whole message
  const text = wellFormed(raw);
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out}…`;
}

/**
 * Breaks @everyone, @here and raw mention syntax with a zero-width space. allowed_mentions already stops
 * pings; this also keeps the text from *looking* like a ping.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, '@\u200b$1').replace(/<(@[!&]?|#)(\d+)>/g, '<$1\u200b$2>');
}

const tierLabel: Record<ResolvedCitation['reliability'], string> = {
  'source-document': 'source document',
  official: 'official',
  'major-outlet': 'major outlet',
  analysis: 'analysis',
  'regional-outlet': 'regional outlet',
  'state-media': '⚠ state media',
  aggregator: '⚠ aggregator',
};

/** `[2] Publisher, 2025-12-24 (major outlet): "quote" <link>` — one line per citation. */
export function citationLine(c: ResolvedCitation, n: number, full: boolean): string {
  const head = `[${n}] ${c.publisher}${c.date ? `, ${c.date}` : ''} (${tierLabel[c.reliability]})`;
  const what = c.quote
    ? ` “${full ? c.quote : clipText(c.quote, 140)}”`
    : full
      ? ` — ${c.title}: ${c.note ?? ''}`
      : ` — ${clipText(c.title, 70)}`;
  const link = c.url ? (full ? `\n    ${c.url}` : ` <${c.url}>`) : '';
  return `${head}${what}${link}`;
}
