/**
 * The production entry points as a moderator runs them: start-up configuration errors, the terminal
 * session without a token, a rejected token, buttons that keep working across a restart, and
 * `npm run deploy-commands` registering exactly the commands the bot serves.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { toApiCommands } from '../../src/discord/definitions.js';
import { FAKE_APP_ID, FAKE_GUILD_ID, FakeDiscord } from './fake-discord.js';
import { FAKE_TOKEN, ROOT, botEnv, spawnEntry, startBot } from './harness.js';

let fake: FakeDiscord;

beforeAll(async () => {
  fake = await FakeDiscord.start();
});

afterAll(async () => {
  await fake?.close();
});

/** An npm script as a person runs it, with only the bot's variables (never a developer's .env). */
function spawnNpm(args: string[]) {
  return spawn('npm', args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ENV_FILE: '/nonexistent/.env',
      ...botEnv(fake),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('start-up configuration', () => {
  it('a missing variable stops start-up with a message naming it', async () => {
    const env = botEnv(fake);
    delete env.DISCORD_CLIENT_ID;
    const bot = spawnEntry('src/main.ts', env);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/DISCORD_CLIENT_ID/);
    expect(bot.stderr()).not.toContain(FAKE_TOKEN);
  });

  it('malformed variables are each named, and the token is never shown', async () => {
    const bot = spawnEntry(
      'src/main.ts',
      botEnv(fake, {
        DISCORD_TOKEN: `Bot ${FAKE_TOKEN}`,
        DISCORD_CLIENT_ID: 'my-bot',
        DISCORD_GUILD_ID: '12ab',
        DISCORD_API_BASE: 'discord.com/api',
        LOG_LEVEL: 'loud',
        COOLDOWN_SECONDS: 'soon',
      }),
    );
    expect(await bot.exited).toBe(1);
    const err = bot.stderr();
    for (const name of [
      'DISCORD_TOKEN',
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_BASE',
      'LOG_LEVEL',
      'COOLDOWN_SECONDS',
    ]) {
      expect(err).toContain(name);
    }
    expect(err).not.toContain(FAKE_TOKEN);
    expect(fake.connectionCount).toBe(0);
  });

  it('a token Discord rejects: a clear error, exit 1, token not shown', async () => {
    fake.failNext((path) => path === '/gateway/bot', 401, { message: '401: Unauthorized', code: 0 });
    const bot = spawnEntry('src/main.ts', botEnv(fake));
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/ERROR could not connect to Discord/);
    expect(bot.stderr()).not.toContain(FAKE_TOKEN);
  });

  it('without DISCORD_TOKEN, the entry opens the terminal session', async () => {
    const cli = spawnEntry('src/main.ts', { DISCORD_TOKEN: '' });
    cli.child.stdin!.end('/about\n/quit\n');
    expect(await cli.exited).toBe(0);
    expect(cli.stdout()).toMatch(/terminal session/i);
    expect(cli.stdout()).toMatch(/(As of|reviewed) \d{1,2} [A-Z][a-z]{2} \d{4}|as of/i);
    expect(fake.connectionCount).toBe(0);
  });
});

describe('restart', () => {
  it('buttons keep working after a restart (their state is in the custom id)', async () => {
    const first = await startBot(fake);
    const { id } = fake.sendCommand('plan', [{ name: 'plan', type: 3, value: 'us-28' }]);
    await fake.waitForCallback(id);
    const message = fake.originalOf(id)!;
    expect(await first.stop('SIGINT')).toBe(0);

    const second = await startBot(fake);
    try {
      const userId = String((message.interaction_metadata as { user: { id: string } }).user.id);
      const click = fake.sendComponent(message, 'plan:us-28:2', { userId });
      const cb = await fake.waitForCallback(click.id);
      expect(cb.status).toBe(204);
      expect(cb.type).toBe(7);
      expect(JSON.stringify(fake.message(message.id)!.embeds)).toMatch(/page 2 of /);
      const sources = fake.sendComponent(message, 'src:us-28', { userId: '1400000000000009999' });
      expect((await fake.waitForCallback(sources.id)).type).toBe(4);
    } finally {
      await second.stop();
    }
  });
});

describe('deploy-commands', () => {
  const expected = toApiCommands(commands);

  it('registers the commands in one guild when DISCORD_GUILD_ID is set', async () => {
    const before = fake.commandRegistrations.length;
    const deploy = spawnEntry('src/discord/deploy.ts', botEnv(fake, { DISCORD_GUILD_ID: FAKE_GUILD_ID }));
    expect(await deploy.exited).toBe(0);
    const registration = fake.commandRegistrations[before]!;
    expect(registration.guildId).toBe(FAKE_GUILD_ID);
    expect(registration.body).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(deploy.stdout()).toMatch(
      new RegExp(`Registered ${commands.length} commands .* server ${FAKE_GUILD_ID}`),
    );
    expect(deploy.stdout() + deploy.stderr()).not.toContain(FAKE_TOKEN);
  });

  it('registers globally without DISCORD_GUILD_ID, through `npm run deploy-commands`', async () => {
    const before = fake.commandRegistrations.length;
    const child = spawnNpm(['run', '--silent', 'deploy-commands']);
    let out = '';
    child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const [code] = await once(child, 'exit');
    expect(code, out).toBe(0);
    const registration = fake.commandRegistrations[before]!;
    expect(registration.guildId).toBeNull();
    const body = registration.body as { name: string; options: { name: string; type: number }[] }[];
    expect(body.map((c) => c.name)).toEqual(commands.map((c) => c.definition.name));
    for (const command of commands) {
      const registered = body.find((c) => c.name === command.definition.name)!;
      const names = registered.options.map((o) => o.name);
      for (const option of command.definition.options) expect(names).toContain(option.name);
      if (command.definition.lookup) {
        expect(registered.options.find((o) => o.name === 'hide')?.type).toBe(5);
        expect(registered.options.find((o) => o.name === 'target')?.type).toBe(6);
      } else {
        expect(names).not.toContain('hide');
        expect(names).not.toContain('target');
      }
    }
    expect(out).toMatch(/global/);
    expect(out).not.toContain(FAKE_TOKEN);
  });

  it('a rejected registration exits 1 with a hint, token not shown', async () => {
    fake.failNext((path) => path.startsWith(`/applications/${FAKE_APP_ID}/`), 403, {
      message: 'Missing Access',
      code: 50001,
    });
    const deploy = spawnEntry('src/discord/deploy.ts', botEnv(fake, { DISCORD_GUILD_ID: FAKE_GUILD_ID }));
    expect(await deploy.exited).toBe(1);
    expect(deploy.stderr()).toMatch(/Could not register the commands: .*Missing Access.*HTTP 403/);
    expect(deploy.stderr()).not.toContain(FAKE_TOKEN);
  });
});
