/**
 * Gateway shards across processes: two real bot processes, `SHARD_COUNT=2` with `SHARD_IDS=0` and `1`,
 * against the fake Discord, which routes each server's interactions to its shard the way Discord does
 * ((guild_id >> 22) % shard_count; direct messages to shard 0). Each process identifies with its own
 * shard, is told only about its own servers, answers only their interactions, and says which shard in
 * its logs.
 */
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_GUILD_ID, FAKE_GUILD_ID_2, FakeDiscord, shardOf } from './fake-discord.js';
import { botEnv, spawnEntry, type BotProcess } from './harness.js';

const REPORT = fileURLToPath(new URL('../fixtures/report-discordjs.mjs', import.meta.url));

let fake: FakeDiscord;
let shards: BotProcess[] = [];

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatInterval: 5_000 });
  shards = ['0', '1'].map((id) =>
    spawnEntry(
      'src/main.ts',
      // SHARDS is discord.js's own variable (its ShardingManager sets it): it must not confuse the bot.
      botEnv(fake, {
        SHARD_COUNT: '2',
        SHARD_IDS: id,
        SHARDS: 'not json',
        NODE_OPTIONS: `--import ${REPORT}`,
      }),
    ),
  );
  await Promise.all(shards.map((bot) => bot.waitForLog(/ INFO +ready /, 30_000)));
  await fake.waitForShards(2);
}, 40_000);

afterAll(async () => {
  await Promise.all(shards.map((bot) => bot.stop('SIGKILL')));
  await fake?.close();
});

describe('two gateway processes, one shard each', () => {
  it('the two test servers sit on different shards', () => {
    expect(shardOf(FAKE_GUILD_ID, 2)).toBe(0);
    expect(shardOf(FAKE_GUILD_ID_2, 2)).toBe(1);
  });

  it('each process identifies with its own shard of two', () => {
    const identified = fake.identifyPayloads.map((p) => JSON.stringify(p.shard)).sort();
    expect(identified).toEqual(['[0,2]', '[1,2]']);
  });

  it('each process logs its shard when ready', async () => {
    for (const [i, bot] of shards.entries()) {
      const line = await bot.waitForLog(/ INFO +ready /);
      expect(line).toMatch(new RegExp(`shards=${i} shard_count=2`));
      expect(line).toMatch(/guilds=1 /);
    }
  });

  it("each server's interactions are answered by the process running its shard, and only by it", async () => {
    for (const [guildId, shard] of [
      [FAKE_GUILD_ID, 0],
      [FAKE_GUILD_ID_2, 1],
      [FAKE_GUILD_ID_2, 1],
      [FAKE_GUILD_ID, 0],
    ] as const) {
      const { id } = fake.sendCommand('provision', [{ name: 'query', type: 3, value: 'troop-cap' }], {
        guildId,
        userId: `15000000000000000${10 + shard}`,
      });
      const cb = await fake.waitForCallback(id);
      expect(cb.status).toBe(204);
      expect(cb.type).toBe(4);
      expect(fake.shardOfInteraction(id)).toBe(shard);
      const line = await shards[shard]!.waitForLog(new RegExp(`INFO +interaction .*id=${id}`));
      expect(line).toMatch(new RegExp(`shard=${shard} `));
      expect(shards[1 - shard]!.stderr()).not.toContain(id);
    }
    expect(fake.violations).toEqual([]);
  });

  it('a component click on a shard-1 server is answered by shard 1', async () => {
    const userId = '1500000000000000020';
    const { id } = fake.sendCommand('plan', [{ name: 'plan', type: 3, value: 'us-28' }], {
      guildId: FAKE_GUILD_ID_2,
      userId,
    });
    await fake.waitForCallback(id);
    const message = fake.originalOf(id)!;
    const click = fake.sendComponent(message, 'plan:us-28:2', { userId }); // the message knows its server
    expect((await fake.waitForCallback(click.id)).type).toBe(7);
    await shards[1]!.waitForLog(new RegExp(`INFO +interaction .*shard=1 .*id=${click.id}`));
  });

  it('stops cleanly; gateway mode (unlike HTTP mode) did load discord.js', async () => {
    for (const bot of shards) {
      expect(await bot.stop('SIGTERM')).toBe(0);
      expect(bot.stderr()).toMatch(/discord\.js loaded: true/);
    }
  });
});

describe('SHARD_COUNT=auto', () => {
  it('runs as many shards as Discord recommends (the fake says 1) and answers', async () => {
    const own = await FakeDiscord.start({ heartbeatInterval: 5_000 });
    const bot = spawnEntry('src/main.ts', botEnv(own, { SHARD_COUNT: 'auto' }));
    try {
      const ready = await bot.waitForLog(/ INFO +ready /, 30_000);
      expect(ready).toMatch(/shards=0 shard_count=1/);
      expect(own.identifyPayloads.map((p) => JSON.stringify(p.shard))).toEqual(['[0,1]']);
      const { id } = own.sendCommand('about');
      expect((await own.waitForCallback(id)).status).toBe(204);
    } finally {
      await bot.stop();
      await own.close();
    }
  });
});
