import { describe, expect, it } from 'vitest';
import { Lru } from '../../src/interactions/cache.js';

describe('Lru', () => {
  it('keeps the most recently used entries up to its size', () => {
    const lru = new Lru<number>(2);
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3); // evicts b
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
    expect(lru.size).toBe(2);
    lru.set('c', 4);
    expect(lru.get('c')).toBe(4);
    expect(lru.size).toBe(2);
  });
});
