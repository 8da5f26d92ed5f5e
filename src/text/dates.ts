/**
 * Dates as people read and write them. The fact base stores ISO dates ("2026-12-01", or "2026-11" when
 * only the month is known); replies show them the way a reader says them ("1 Dec 2026").
 */

const monthNames = [
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

function parts(date: string): { day: string; month: string | undefined; year: string } {
  const [year = '', month, day] = date.split('-');
  const name = month ? monthNames[Number(month) - 1] : undefined;
  return { day: day ? String(Number(day)) : '', month: name, year };
}

/** "2026-12-01" → "1 Dec 2026"; "2026-11" → "Nov 2026"; anything else is returned as it is. */
export function humanDate(date: string): string {
  const { day, month, year } = parts(date);
  if (!month || !/^\d{4}$/.test(year)) return date;
  return [day, month.slice(0, 3), year].filter(Boolean).join(' ');
}

/** "2025-12-02" → "2 December 2025": the spelled-out form people type when they ask about a date. */
export function spelledDate(date: string): string {
  const { day, month, year } = parts(date);
  if (!month) return date;
  return [day, month, year].filter(Boolean).join(' ');
}
