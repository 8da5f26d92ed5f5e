import { describe, expect, it } from 'vitest';
import { humanDate, spelledDate } from '../../src/text/dates.js';

describe('dates as people read them', () => {
  it('writes a day as "1 Dec 2026" and a month as "Nov 2026"', () => {
    expect(humanDate('2026-12-01')).toBe('1 Dec 2026');
    expect(humanDate('2026-06-04')).toBe('4 Jun 2026');
    expect(humanDate('2026-11')).toBe('Nov 2026');
  });

  it('spells the month out for matching what people type', () => {
    expect(spelledDate('2025-12-02')).toBe('2 December 2025');
    expect(spelledDate('2025-10')).toBe('October 2025');
  });

  it('returns anything that is not an ISO date unchanged', () => {
    expect(humanDate('soon')).toBe('soon');
    expect(humanDate('2026-13-01')).toBe('2026-13-01');
  });
});
