import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_API_BASE,
  chooseMode,
  parseConfig,
  parseHttpConfig,
  wantsBot,
} from '../src/config.js';

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEe.secret-secret-secret';
const valid = { DISCORD_TOKEN: TOKEN, DISCORD_CLIENT_ID: '1300000000000000001' };

function problems(env: Record<string, string | undefined>): string {
  try {
    parseConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('applies the defaults', () => {
    expect(parseConfig(valid)).toEqual({
      token: TOKEN,
      clientId: '1300000000000000001',
      guildId: null,
      apiBase: DEFAULT_API_BASE,
      logLevel: 'info',
      cooldownSeconds: 3,
      shards: null,
    });
  });

  it('reads every variable', () => {
    const config = parseConfig({
      ...valid,
      DISCORD_GUILD_ID: ' 1300000000000000002 ',
      DISCORD_API_BASE: 'http://127.0.0.1:5000/api',
      LOG_LEVEL: 'DEBUG',
      COOLDOWN_SECONDS: '0',
    });
    expect(config).toMatchObject({
      guildId: '1300000000000000002',
      apiBase: 'http://127.0.0.1:5000/api',
      logLevel: 'debug',
      cooldownSeconds: 0,
    });
  });

  it('accepts the API base with a version or a trailing slash (discord.js adds the version)', () => {
    expect(parseConfig({ ...valid, DISCORD_API_BASE: 'http://127.0.0.1:1/api/v10/' }).apiBase).toBe(
      'http://127.0.0.1:1/api',
    );
    expect(parseConfig({ ...valid, DISCORD_API_BASE: 'https://discord.com/api/' }).apiBase).toBe(
      'https://discord.com/api',
    );
  });

  it('treats empty optional variables as unset', () => {
    expect(
      parseConfig({
        ...valid,
        DISCORD_GUILD_ID: '',
        DISCORD_API_BASE: ' ',
        LOG_LEVEL: '',
        COOLDOWN_SECONDS: '',
      }),
    ).toMatchObject({
      guildId: null,
      apiBase: DEFAULT_API_BASE,
      logLevel: 'info',
      cooldownSeconds: 3,
    });
  });

  it('names each missing variable', () => {
    const message = problems({});
    expect(message).toMatch(/DISCORD_TOKEN: is required/);
    expect(message).toMatch(/DISCORD_CLIENT_ID: is required/);
    expect(problems({ DISCORD_TOKEN: TOKEN })).not.toMatch(/DISCORD_TOKEN/);
  });

  it.each([
    ['DISCORD_CLIENT_ID', 'my-app'],
    ['DISCORD_CLIENT_ID', '123456789012345678901234'],
    ['DISCORD_GUILD_ID', 'guild'],
    ['DISCORD_API_BASE', 'discord.com/api'],
    ['DISCORD_API_BASE', 'ftp://127.0.0.1/api'],
    ['DISCORD_API_BASE', 'http://127.0.0.1/api?x=1'],
    ['LOG_LEVEL', 'loud'],
    ['COOLDOWN_SECONDS', '-1'],
    ['COOLDOWN_SECONDS', 'soon'],
    ['COOLDOWN_SECONDS', '7200'],
  ])('names a malformed %s (%s)', (name, value) => {
    const message = problems({ ...valid, [name]: value });
    expect(message).toContain(`${name}:`);
  });

  it.each([`Bot ${TOKEN}`, `"${TOKEN}"`, `${TOKEN} extra`])(
    'rejects a malformed token without showing it',
    (token) => {
      const message = problems({ ...valid, DISCORD_TOKEN: token });
      expect(message).toContain('DISCORD_TOKEN:');
      expect(message).not.toContain(TOKEN);
      expect(message).not.toContain('secret');
    },
  );
});

describe('wantsBot', () => {
  it('runs the bot only with a token', () => {
    expect(wantsBot({})).toBe(false);
    expect(wantsBot({ DISCORD_TOKEN: '  ' })).toBe(false);
    expect(wantsBot({ DISCORD_TOKEN: TOKEN })).toBe(true);
  });
});

describe('chooseMode', () => {
  it('public key → HTTP endpoint (no token needed), token → gateway, neither → terminal', () => {
    const key = 'ab'.repeat(32);
    expect(chooseMode({})).toBe('terminal');
    expect(chooseMode({ DISCORD_TOKEN: TOKEN })).toBe('gateway');
    expect(chooseMode({ DISCORD_PUBLIC_KEY: key })).toBe('http');
    expect(chooseMode({ DISCORD_PUBLIC_KEY: key, DISCORD_TOKEN: TOKEN })).toBe('http');
    expect(chooseMode({ DISCORD_PUBLIC_KEY: ' ' })).toBe('terminal');
  });
});

describe('parseHttpConfig', () => {
  const key = 'AB'.repeat(32);

  it('needs only the public key; PORT 8080 and HOST 0.0.0.0 by default', () => {
    expect(parseHttpConfig({ DISCORD_PUBLIC_KEY: key })).toEqual({
      publicKey: 'ab'.repeat(32),
      port: 8080,
      host: '0.0.0.0',
      logLevel: 'info',
      cooldownSeconds: 3,
    });
    expect(parseHttpConfig({ DISCORD_PUBLIC_KEY: key, PORT: '3000', HOST: '127.0.0.1' })).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
    });
  });

  it('names each malformed variable', () => {
    for (const [env, variable] of [
      [{ DISCORD_PUBLIC_KEY: 'abc' }, 'DISCORD_PUBLIC_KEY'],
      [{ DISCORD_PUBLIC_KEY: 'zz'.repeat(32) }, 'DISCORD_PUBLIC_KEY'],
      [{ DISCORD_PUBLIC_KEY: key, PORT: '70000' }, 'PORT'],
      [{ DISCORD_PUBLIC_KEY: key, PORT: 'http' }, 'PORT'],
      [{ DISCORD_PUBLIC_KEY: key, HOST: 'a b' }, 'HOST'],
    ] as const) {
      expect(() => parseHttpConfig(env)).toThrow(new RegExp(variable));
    }
  });
});

describe('shards', () => {
  const shards = (extra: Record<string, string | undefined>) => parseConfig({ ...valid, ...extra }).shards;

  it('nothing changes without SHARD_COUNT', () => {
    expect(shards({})).toBeNull();
  });

  it('SHARD_COUNT alone runs every shard here; with SHARD_IDS only those', () => {
    expect(shards({ SHARD_COUNT: 'auto' })).toEqual({ count: 'auto' });
    expect(shards({ SHARD_COUNT: '3' })).toEqual({ count: 3, ids: [0, 1, 2] });
    expect(shards({ SHARD_COUNT: '4', SHARD_IDS: '1' })).toEqual({ count: 4, ids: [1] });
    expect(shards({ SHARD_COUNT: '8', SHARD_IDS: '0, 2,4-6' })).toEqual({ count: 8, ids: [0, 2, 4, 5, 6] });
  });

  it('refuses ids without a count, ids outside the count, ids with auto, and garbage', () => {
    for (const extra of [
      { SHARD_IDS: '0' },
      { SHARD_COUNT: '2', SHARD_IDS: '2' },
      { SHARD_COUNT: 'auto', SHARD_IDS: '0' },
      { SHARD_COUNT: '0' },
      { SHARD_COUNT: 'many' },
      { SHARD_COUNT: '2', SHARD_IDS: 'first' },
    ]) {
      expect(() => shards(extra)).toThrow(/SHARD_(IDS|COUNT)/);
    }
  });
});
