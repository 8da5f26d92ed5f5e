import { describe, expect, it } from 'vitest';
import { DocAccumulator } from '../../src/search/accumulator.js';

describe('DocAccumulator', () => {
  it('sums per document and lists documents in the order first touched', () => {
    const acc = new DocAccumulator(10);
    acc.reset();
    for (const doc of [7, 2, 7, 5]) {
      acc.touch(doc);
      acc.first[doc]! += 1;
    }
    expect(acc.touched).toEqual([7, 2, 5]);
    expect(acc.firstOf(7)).toBe(2);
    expect(acc.firstOf(3)).toBe(0);
  });

  it('forgets the previous search on reset without clearing by hand', () => {
    const acc = new DocAccumulator(4);
    acc.reset();
    acc.touch(1);
    acc.first[1] = 5;
    acc.second[1] = 3;
    acc.flag[1] = 1;
    acc.reset();
    expect(acc.has(1)).toBe(false);
    expect(acc.firstOf(1)).toBe(0);
    expect(acc.secondOf(1)).toBe(0);
    expect(acc.touch(1)).toBe(true);
    expect([acc.first[1], acc.second[1], acc.flag[1]]).toEqual([0, 0, 0]);
    expect(acc.touch(1)).toBe(false);
  });
});
