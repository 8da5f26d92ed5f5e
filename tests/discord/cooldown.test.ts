import { describe, expect, it } from 'vitest';
import { Cooldowns } from '../../src/discord/cooldown.js';

describe('Cooldowns', () => {
  it('holds back the same member on the same command until the cooldown has passed', () => {
    let now = 1_000;
    const cooldowns = new Cooldowns(3, () => now);
    expect(cooldowns.take('u1', 'ask')).toBe(0);
    now += 1_000;
    expect(cooldowns.take('u1', 'ask')).toBe(2_000);
    expect(cooldowns.take('u1', 'provision')).toBe(0);
    expect(cooldowns.take('u2', 'ask')).toBe(0);
    now += 2_000;
    expect(cooldowns.take('u1', 'ask')).toBe(0);
  });

  it('is off at 0 seconds', () => {
    const cooldowns = new Cooldowns(0);
    expect(cooldowns.enabled).toBe(false);
    for (let i = 0; i < 5; i += 1) expect(cooldowns.take('u', 'ask')).toBe(0);
  });

  it('forgets old entries instead of growing without bound', () => {
    let now = 0;
    const cooldowns = new Cooldowns(1, () => now);
    for (let i = 0; i < 10_001; i += 1) cooldowns.take(`u${i}`, 'ask');
    now += 5_000;
    cooldowns.take('late', 'ask');
    expect((cooldowns as unknown as { last: Map<string, number> }).last.size).toBeLessThan(10);
  });
});
