/**
 * Per-user cooldown, per command: a member may run the same command once every `seconds`. Other commands,
 * autocomplete and button clicks are not held back. In memory only (a restart forgets it, which is fine).
 */
export class Cooldowns {
  private readonly last = new Map<string, number>();
  private readonly ms: number;

  constructor(
    seconds: number,
    private readonly now: () => number = Date.now,
  ) {
    this.ms = Math.max(0, seconds * 1000);
  }

  get enabled(): boolean {
    return this.ms > 0;
  }

  /**
   * Record a use and return 0, or — when the user is still cooling down — return the milliseconds left
   * (and record nothing, so waiting is enough).
   */
  take(userId: string, key: string): number {
    if (!this.enabled) return 0;
    const now = this.now();
    const id = `${userId}\u0000${key}`;
    const previous = this.last.get(id);
    if (previous !== undefined && now - previous < this.ms) return this.ms - (now - previous);
    this.last.set(id, now);
    if (this.last.size > 10_000) this.sweep(now);
    return 0;
  }

  private sweep(now: number): void {
    for (const [id, at] of this.last) if (now - at >= this.ms) this.last.delete(id);
  }
}
