/**
 * Quotes are compared after folding only what a copy-paste changes: white space and typographic
 * quotes and dashes. Everything else (case, spelling, punctuation) must match the source exactly.
 */
export function normaliseQuoteText(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/gu, ' ')
    .trim();
}
