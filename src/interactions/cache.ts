/**
 * A small least-recently-used map. Answers are pure functions of the command, its options and the
 * knowledge, and in a news spike many people ask the same thing at once: remembering the last few
 * hundred answers (and their rendered payloads) keeps a burst of repeats cheap, with memory bounded.
 */
export class Lru<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      // Re-insert: a Map iterates in insertion order, so the first key is always the least recent.
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }

  get size(): number {
    return this.map.size;
  }
}
