/**
 * Dates as people read them: "24 Dec 2025", "Oct 2025". The knowledge and JSON fields keep ISO dates
 * (YYYY-MM-DD, sortable, unambiguous); everything written for a person goes through here.
 */
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2025-12-24" → "24 Dec 2025"; "2025-10" → "Oct 2025"; anything else is returned unchanged. */
export function humanDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso.trim());
  if (!match) return iso;
  const [, year, month, day] = match;
  const name = months[Number(month) - 1];
  if (!name || (day !== undefined && (Number(day) < 1 || Number(day) > 31))) return iso;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

/** "24 Dec 2025", or a range "24 Dec 2025 – 3 Jan 2026" when an end date is given. */
export function humanDateRange(start: string, end?: string | null): string {
  return end ? `${humanDate(start)} – ${humanDate(end)}` : humanDate(start);
}

/** Rewrites full ISO dates inside prose ("on 2026-01-06") into the human form ("on 6 Jan 2026"). */
export function humaniseDates(text: string): string {
  return text.replace(/(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g, (iso) => humanDate(iso));
}
