import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from '../../src/search/top.js';

describe('topK', () => {
  it('equals a stable sort cut to k', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), at: fc.nat() })),
        fc.nat(12),
        (items, k) => {
          const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
          expect(topK(items, k, compare)).toEqual([...items].sort(compare).slice(0, k));
        },
      ),
    );
  });
});
