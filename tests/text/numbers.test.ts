import { describe, expect, it } from 'vitest';
import { byCodePoint, groupThousands } from '../../src/text/numbers.js';

describe('groupThousands', () => {
  it('groups whole numbers in threes as English prose does', () => {
    expect(groupThousands(0)).toBe('0');
    expect(groupThousands(999)).toBe('999');
    expect(groupThousands(1000)).toBe('1,000');
    expect(groupThousands(600000)).toBe('600,000');
    expect(groupThousands(1234567)).toBe('1,234,567');
    expect(groupThousands(-45000)).toBe('-45,000');
  });

  it('keeps up to three decimals and never groups them', () => {
    expect(groupThousands(1250.5)).toBe('1,250.5');
    expect(groupThousands(0.12345)).toBe('0.123');
    expect(groupThousands(12345.6789)).toBe('12,345.679');
  });

  it('agrees with the locale formatter it replaces', () => {
    for (const n of [7, 80, 800, 8000, 80_000, 800_000, 8_000_000, 123_456_789, 3.5, 2500.25]) {
      expect(groupThousands(n)).toBe(n.toLocaleString('en-US'));
    }
  });
});

describe('byCodePoint', () => {
  it('orders ISO dates and ids the way they read', () => {
    expect(['2026-01-06', '2025-12-24', '2025-12'].sort(byCodePoint)).toEqual([
      '2025-12',
      '2025-12-24',
      '2026-01-06',
    ]);
    expect(byCodePoint('a', 'a')).toBe(0);
  });
});
