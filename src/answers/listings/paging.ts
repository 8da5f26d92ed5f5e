/** Long listings (a plan's points, the timeline) are shown a page at a time. */

export function pageOf<T>(items: readonly T[], requested: number | undefined, size: number) {
  const count = Math.max(1, Math.ceil(items.length / size));
  const wanted = Math.max(1, Math.trunc(requested ?? 1) || 1);
  const index = Math.min(wanted, count);
  // A page past the end shows the last page and says so, instead of silently pretending.
  const pastEnd = wanted > count ? wanted : undefined;
  return { items: items.slice((index - 1) * size, index * size), index, count, pastEnd };
}

export function pageWords(page: { index: number; count: number; pastEnd?: number }): string {
  const where = `page ${page.index} of ${page.count}`;
  return page.pastEnd ? `there is no page ${page.pastEnd}, this is the last one (${where})` : where;
}
