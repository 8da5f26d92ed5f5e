/** Invisible characters go, white space folds: what is left is what the person meant to type. */
export function cleanText(text: string): string {
  return text
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
