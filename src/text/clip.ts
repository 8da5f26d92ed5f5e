/**
 * The one clipping implementation. Every limit (a Discord field, a terminal line, a quote shown inline)
 * is counted in UTF-16 code units — the stricter of the two ways a limit can be read — and a cut never
 * splits a surrogate pair (half an emoji is not valid UTF-8, and Discord refuses the whole message).
 */

/** Half of a surrogate pair is not text: it becomes U+FFFD, so every reply is valid UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** A word boundary further back than this share of the room is not worth losing the text for. */
const minWordShare = 0.6;

/**
 * Clips to at most `max` code units, ending with "…". The cut falls at the last word boundary when one is
 * near (so a quote never ends "Our choice has b…"), otherwise mid-word; trailing spaces and punctuation
 * before the ellipsis are dropped.
 */
export function clip(raw: string, max: number): string {
  const text = wellFormed(raw);
  if (text.length <= max) return text;
  if (max <= 1) return max === 1 ? '…' : '';
  let hard = '';
  for (const char of text) {
    if (hard.length + char.length > max - 1) break;
    hard += char;
  }
  const nextChar = text.slice(hard.length, hard.length + 1);
  let cut = hard;
  if (!/^\s?$/.test(nextChar)) {
    const boundary = hard.search(/\s\S*$/);
    if (boundary >= Math.floor(hard.length * minWordShare)) cut = hard.slice(0, boundary);
  }
  cut = cut.replace(/[\s,;:·–—-]+$/u, '');
  return `${cut || hard}…`;
}
