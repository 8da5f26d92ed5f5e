/**
 * Configuration from the environment (and a `.env` file, through dotenv), validated by zod.
 *
 * `parseConfig(env)` is pure: it takes an env object and returns the typed config, or throws a
 * `ConfigError` whose message names every variable that is missing or malformed — and never contains the
 * value of DISCORD_TOKEN. The entry points call `loadEnv()` (which reads `.env`; real environment variables
 * win over the file) and then `parseConfig()`.
 */
import { z } from './knowledge/zod.js';
import { optional, type Env } from './env.js';

// Read by main.ts before it knows whether zod (this module) is needed at all; re-exported for the rest.
export { chooseMode, loadEnv, wantsBot, type Mode } from './env.js';

export const DEFAULT_API_BASE = 'https://discord.com/api';
export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '0.0.0.0';
export const LOG_LEVELS = ['debug', 'info', 'warn', 'error', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface DiscordConfig {
  token: string;
  clientId: string;
  guildId: string | null;
  /** REST base without the version, e.g. `https://discord.com/api` (discord.js appends `/v10`). */
  apiBase: string;
  logLevel: LogLevel;
  /** Per-user, per-command cooldown in seconds; 0 turns it off. */
  cooldownSeconds: number;
  /** Which gateway shards this process runs; null: discord.js's default (one process, one shard). */
  shards: ShardConfig | null;
}

/**
 * `auto`: as many shards as Discord recommends, all in this process. Otherwise `count` shards in all,
 * of which this process runs `ids`.
 */
export type ShardConfig = { count: 'auto' } | { count: number; ids: number[] };

/** Everything the HTTP interactions endpoint needs: no token, the application's public key instead. */
export interface HttpConfig {
  /** The application's Ed25519 public key, 64 hex characters (Developer Portal → General Information). */
  publicKey: string;
  port: number;
  host: string;
  logLevel: LogLevel;
  cooldownSeconds: number;
}

export class ConfigError extends Error {
  readonly variables: string[];
  constructor(problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n')}\n` +
        'Set these in the environment or in .env (see .env.example).',
    );
    this.name = 'ConfigError';
    this.variables = problems.map((p) => p.variable);
  }
}

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{1,20}$/, 'must be a Discord id (a snowflake: digits only, e.g. 1234567890123456789)');

const token = z
  .string()
  .trim()
  .min(1, 'is required to run the bot')
  .refine((t) => !/^bot\s/i.test(t), 'paste the token alone, without the "Bot " prefix')
  .refine((t) => !/^["']|["']$/.test(t), 'must not be wrapped in quotes')
  .refine((t) => /^[\x21-\x7e]+$/.test(t), 'must be one word of printable ASCII (no spaces)');

const apiBase = z
  .string()
  .trim()
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'http:' || u.protocol === 'https:') && !u.search && !u.hash;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL such as https://discord.com/api')
  // discord.js appends the version itself: accept `…/api/v10` and `…/api/` too.
  .transform((s) => s.replace(/\/+$/, '').replace(/\/v\d+$/, ''));

const logLevel = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(', ')}` }));

const cooldown = z
  .string()
  .trim()
  .regex(/^\d+(\.\d+)?$/, 'must be a number of seconds (0 turns the cooldown off)')
  .transform(Number)
  .pipe(z.number().max(3600, 'must be at most 3600 seconds'));

const shardCount = z
  .string()
  .trim()
  .toLowerCase()
  .refine(
    (s) => s === 'auto' || (/^\d{1,5}$/.test(s) && Number(s) >= 1),
    'must be a number of shards (1 or more) or "auto"',
  )
  .transform((s): number | 'auto' => (s === 'auto' ? 'auto' : Number(s)));

/** "0,1", "0-3" or "0-3,8": the shard ids this process runs. */
const shardIds = z
  .string()
  .trim()
  .regex(
    /^\d{1,5}(-\d{1,5})?(\s*,\s*\d{1,5}(-\d{1,5})?)*$/,
    'must be shard ids such as 0,1 or a range such as 0-3',
  )
  .transform((s) => {
    const ids = new Set<number>();
    for (const part of s.split(',')) {
      const [from, to = from] = part.trim().split('-').map(Number) as [number, number?];
      for (let id = from; id <= to; id += 1) ids.add(id);
    }
    return [...ids].sort((a, b) => a - b);
  });

const publicKey = z
  .string()
  .trim()
  .regex(
    /^[0-9a-fA-F]{64}$/,
    'must be the 64 hex characters of the public key (Developer Portal → General Information)',
  )
  .transform((s) => s.toLowerCase());

const port = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, 'must be a port number')
  .transform(Number)
  .pipe(z.number().min(0).max(65535, 'must be a port number (0-65535)'));

const host = z
  .string()
  .trim()
  .regex(/^[\w.:[\]-]+$/, 'must be a host name or an IP address, e.g. 0.0.0.0 or 127.0.0.1');

const baseSchema = z.object({
  LOG_LEVEL: z.preprocess(optional, logLevel.optional()).transform((v) => v ?? 'info'),
});

const discordSchema = baseSchema.extend({
  DISCORD_TOKEN: z.preprocess(optional, z.string({ error: 'is required to run the bot' }).pipe(token)),
  DISCORD_CLIENT_ID: z.preprocess(
    optional,
    z.string({ error: 'is required (the application id from the Developer Portal)' }).pipe(snowflake),
  ),
  DISCORD_GUILD_ID: z.preprocess(optional, snowflake.optional()),
  DISCORD_API_BASE: z.preprocess(optional, apiBase.optional()),
  COOLDOWN_SECONDS: z.preprocess(optional, cooldown.optional()),
  SHARD_COUNT: z.preprocess(optional, shardCount.optional()),
  SHARD_IDS: z.preprocess(optional, shardIds.optional()),
});

const httpSchema = baseSchema.extend({
  DISCORD_PUBLIC_KEY: z.preprocess(
    optional,
    z.string({ error: 'is required for the HTTP interactions endpoint' }).pipe(publicKey),
  ),
  PORT: z.preprocess(optional, port.optional()),
  HOST: z.preprocess(optional, host.optional()),
  COOLDOWN_SECONDS: z.preprocess(optional, cooldown.optional()),
});

function fail(error: z.ZodError): never {
  const problems = error.issues.map((issue) => ({
    variable: String(issue.path[0] ?? 'environment'),
    // zod's messages never echo the value; ours are written not to either.
    message: issue.message,
  }));
  throw new ConfigError(problems);
}

function shardConfig(count: number | 'auto' | undefined, ids: number[] | undefined): ShardConfig | null {
  const problems: { variable: string; message: string }[] = [];
  if (count === undefined) {
    if (ids === undefined) return null;
    problems.push({ variable: 'SHARD_IDS', message: 'needs SHARD_COUNT (the total number of shards) too' });
  } else if (count === 'auto') {
    if (ids === undefined) return { count };
    problems.push({
      variable: 'SHARD_IDS',
      message: 'cannot be combined with SHARD_COUNT=auto: give the total number of shards',
    });
  } else {
    const resolved = ids ?? Array.from({ length: count }, (_, i) => i);
    const outside = resolved.filter((id) => id >= count);
    if (outside.length === 0) return { count, ids: resolved };
    problems.push({
      variable: 'SHARD_IDS',
      message: `shard ids run from 0 to ${count - 1} with SHARD_COUNT=${count} (got ${outside.join(', ')})`,
    });
  }
  throw new ConfigError(problems);
}

/** Everything the Discord bot and `deploy-commands` need. Throws ConfigError naming each bad variable. */
export function parseConfig(env: Env): DiscordConfig {
  const result = discordSchema.safeParse(env);
  if (!result.success) fail(result.error);
  const d = result.data;
  return {
    token: d.DISCORD_TOKEN,
    clientId: d.DISCORD_CLIENT_ID,
    guildId: d.DISCORD_GUILD_ID ?? null,
    apiBase: d.DISCORD_API_BASE ?? DEFAULT_API_BASE,
    logLevel: d.LOG_LEVEL,
    cooldownSeconds: d.COOLDOWN_SECONDS ?? 3,
    shards: shardConfig(d.SHARD_COUNT, d.SHARD_IDS),
  };
}

/** Everything the HTTP interactions endpoint needs. Throws ConfigError naming each bad variable. */
export function parseHttpConfig(env: Env): HttpConfig {
  const result = httpSchema.safeParse(env);
  if (!result.success) fail(result.error);
  const d = result.data;
  return {
    publicKey: d.DISCORD_PUBLIC_KEY,
    port: d.PORT ?? DEFAULT_PORT,
    host: d.HOST ?? DEFAULT_HOST,
    logLevel: d.LOG_LEVEL,
    cooldownSeconds: d.COOLDOWN_SECONDS ?? 3,
  };
}

// ─── Operations: knowledge location, reload owners, the misses log, metrics ───────────────────────

export interface OpsConfig {
  /** Where the fact base lives (KNOWLEDGE_DIR; default: knowledge/ next to the code). */
  knowledgeDir: string | null;
  /** Discord user ids allowed to run /reload (DISCORD_OWNER_IDS, comma- or space-separated). */
  ownerIds: string[];
  /** JSON-lines file of unanswered questions (MISSES_FILE); null: not kept. */
  missesFile: string | null;
  /** Size at which the misses file is rotated to FILE.1 (MISSES_MAX_BYTES). */
  missesMaxBytes: number;
  /** Port for GET /metrics in gateway mode (METRICS_PORT; 0: any free port, logged); null: not served. */
  metricsPort: number | null;
}

const metricsPort = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, 'must be a TCP port number (0: any free port)')
  .transform(Number)
  .pipe(z.number().max(65535, 'must be a TCP port number (at most 65535)'));

const ownerList = z
  .string()
  .trim()
  .transform((s) => s.split(/[\s,]+/).filter(Boolean))
  .refine((ids) => ids.every((id) => /^\d{1,20}$/.test(id)), 'must be Discord user ids separated by commas');

const opsSchema = z.object({
  KNOWLEDGE_DIR: z.preprocess(optional, z.string().trim().optional()),
  DISCORD_OWNER_IDS: z.preprocess(optional, ownerList.optional()),
  MISSES_FILE: z.preprocess(optional, z.string().trim().optional()),
  MISSES_MAX_BYTES: z.preprocess(
    optional,
    z
      .string()
      .trim()
      .regex(/^\d+$/, 'must be a number of bytes')
      .transform(Number)
      .pipe(z.number().min(1024, 'must be at least 1024 bytes'))
      .optional(),
  ),
  METRICS_PORT: z.preprocess(optional, metricsPort.optional()),
});

/** The operations settings, for every mode. Throws ConfigError naming each bad variable. */
export function parseOpsConfig(env: Env): OpsConfig {
  const result = opsSchema.safeParse(env);
  if (!result.success) fail(result.error);
  const d = result.data;
  return {
    knowledgeDir: d.KNOWLEDGE_DIR ?? null,
    ownerIds: d.DISCORD_OWNER_IDS ?? [],
    missesFile: d.MISSES_FILE ?? null,
    missesMaxBytes: d.MISSES_MAX_BYTES ?? 5 * 1024 * 1024,
    metricsPort: d.METRICS_PORT ?? null,
  };
}
