import { describe, expect, it } from 'vitest';
import { hashOf, IntMultiMap } from '../../src/search/multimap.js';

describe('IntMultiMap', () => {
  const map = new IntMultiMap([
    [7, 3],
    [2 ** 40 + 5, 1],
    [7, 1],
    [-1, 9],
    [7, 2],
  ]);

  it('lists each key’s values in the order given, whatever the order of the keys', () => {
    expect([...map.get(7)]).toEqual([3, 1, 2]);
    expect([...map.get(-1)]).toEqual([9]);
    expect([...map.get(2 ** 40 + 5)]).toEqual([1]);
    expect(map.size).toBe(3);
  });

  it('gives an empty list for a key it does not hold', () => {
    expect(map.get(8).length).toBe(0);
    expect(map.get(2 ** 40 + 4).length).toBe(0);
    expect(new IntMultiMap([]).get(0).length).toBe(0);
  });
});

describe('hashOf', () => {
  it('is a stable unsigned 32-bit hash that tells close strings apart', () => {
    expect(hashOf('nato')).toBe(hashOf('nato'));
    expect(hashOf('nato')).not.toBe(hashOf('natp'));
    expect(hashOf('')).toBe(0x811c9dc5);
    for (const word of ['a', 'crimea', 'Запоріжжя']) {
      expect(Number.isInteger(hashOf(word)) && hashOf(word) >= 0 && hashOf(word) < 2 ** 32).toBe(true);
    }
  });
});
