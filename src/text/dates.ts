/**
 * Dates as people read them: "2025-12-24" → "24 Dec 2025", "2025-12" → "Dec 2025"; a range shares what it can
 * ("14–15 Dec 2025", "30 Nov – 1 Dec 2025"). Anything else is returned unchanged.
 */
const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

interface Parts {
  year: string;
  month: string;
  day?: string;
}

function parts(iso: string): Parts | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  const month = match ? monthNames[Number(match[2]) - 1] : undefined;
  if (!match || !month) return undefined;
  return { year: match[1]!, month, ...(match[3] ? { day: String(Number(match[3])) } : {}) };
}

export function humanDate(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  return [p.day, p.month, p.year].filter(Boolean).join(' ');
}

export function humanDateRange(start: string, end?: string): string {
  const a = parts(start);
  const b = end ? parts(end) : undefined;
  if (!a || !b || end === start) return humanDate(start);
  if (a.year !== b.year) return `${humanDate(start)} – ${humanDate(end!)}`;
  if (a.month !== b.month || !a.day || !b.day) {
    return `${[a.day, a.month].filter(Boolean).join(' ')} – ${humanDate(end!)}`;
  }
  return `${a.day}–${b.day} ${a.month} ${a.year}`;
}

/** Rewrites full ISO dates inside prose ("on 2026-01-06") into the human form ("on 6 Jan 2026"). */
export function humaniseDates(text: string): string {
  return text.replace(/(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g, (iso) => humanDate(iso));
}

const fullMonthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2025-12-02" → "2 December 2025": the spelled-out form people type when they ask about a date. */
export function spelledDate(iso: string): string {
  const p = parts(iso);
  if (!p) return iso;
  return [p.day, fullMonthNames[monthNames.indexOf(p.month)], p.year].filter(Boolean).join(' ');
}
