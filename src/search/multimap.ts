/**
 * A read-only map from numeric keys to lists of small integers, held as three typed arrays (sorted keys,
 * where each key's list starts, and the lists end to end). The index's lookup tables (typo neighbourhoods,
 * character trigrams) have tens of thousands of short lists; as Maps of string keys to arrays they held
 * over 2 MB of a 400-fact base in the long-lived heap, this holds them in a tenth of that.
 */
export class IntMultiMap {
  private readonly keys: Float64Array;
  private readonly starts: Int32Array;
  private readonly values: Int32Array;

  /** `pairs` in any order; each key's values keep the order they were given in. */
  constructor(pairs: readonly (readonly [key: number, value: number])[]) {
    const order = pairs.map((_, i) => i).sort((a, b) => pairs[a]![0] - pairs[b]![0] || a - b);
    const keys: number[] = [];
    const starts: number[] = [];
    this.values = new Int32Array(order.length);
    order.forEach((pair, i) => {
      const [key, value] = pairs[pair]!;
      if (keys.length === 0 || keys[keys.length - 1] !== key) {
        keys.push(key);
        starts.push(i);
      }
      this.values[i] = value;
    });
    starts.push(order.length);
    this.keys = Float64Array.from(keys);
    this.starts = Int32Array.from(starts);
  }

  get size(): number {
    return this.keys.length;
  }

  /** The values listed under `key` (empty when there are none); a view, not a copy. */
  get(key: number): Int32Array {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.keys.length || this.keys[lo] !== key) return empty;
    return this.values.subarray(this.starts[lo]!, this.starts[lo + 1]!);
  }
}

const empty = new Int32Array(0);

/** A 32-bit FNV-1a hash of a string's UTF-16 code units: a compact key where a rare collision is harmless. */
export function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
