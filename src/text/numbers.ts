/**
 * Numbers as English prose writes them ("600,000", "1,250.5"). Written out rather than with
 * `toLocaleString`, whose first call loads ICU's locale data into every process (~7 MB of RSS).
 */
export function groupThousands(amount: number): string {
  if (!Number.isFinite(amount)) return String(amount);
  const [whole = '', fraction] = String(Math.abs(Math.round(amount * 1000) / 1000)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${amount < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** Orders strings by code point: ids, ISO dates and plain keys, without loading ICU's collation tables. */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
