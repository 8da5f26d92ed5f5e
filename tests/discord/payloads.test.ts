import { describe, expect, it } from 'vitest';
import { fillInteractionDefaults, fillReadyDefaults } from '../../src/discord/payloads.js';

describe('gateway payload defaults', () => {
  it('fills what discord.js needs and Discord may leave out, changing nothing present', () => {
    const d: Record<string, unknown> = {
      id: '9',
      type: 2,
      guild_id: '5',
      member: { user: { id: '7' } },
      data: { name: 'help' },
    };
    fillInteractionDefaults(d);
    expect(d.entitlements).toEqual([]);
    expect(d.authorizing_integration_owners).toEqual({ '0': '5' });
    expect((d.data as { type: number }).type).toBe(1);

    const present = {
      id: '9',
      type: 3,
      entitlements: [{ id: 'e' }],
      authorizing_integration_owners: { '1': '7' },
      message: { id: 'm' },
      data: {},
    };
    const copy = structuredClone(present);
    fillInteractionDefaults(present);
    expect(present).toEqual(copy);
  });

  it('gives a component interaction a message to hang on', () => {
    const d: Record<string, unknown> = {
      id: '9',
      type: 3,
      user: { id: '7' },
      channel_id: '6',
      data: { custom_id: 'x' },
    };
    fillInteractionDefaults(d);
    expect(d.authorizing_integration_owners).toEqual({ '1': '7' });
    expect(d.message).toMatchObject({ channel_id: '6', embeds: [], components: [] });
  });

  it('fills READY', () => {
    const d: Record<string, unknown> = { user: { id: '1' } };
    fillReadyDefaults(d, '42');
    expect(d).toMatchObject({ guilds: [], application: { id: '42', flags: 0 } });
    fillInteractionDefaults(null);
    fillReadyDefaults('x', '1');
  });
});
