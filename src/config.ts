/**
 * Configuration from the environment (and a `.env` file, through dotenv), validated here. Without zod
 * on purpose: a dozen variables need no schema library, and the running bot never loads zod (knowledge/
 * is validated in a separate process, src/knowledge/apart.ts), which keeps some 5 MB out of every process.
 *
 * `parseConfig(env)` is pure: it takes an env object and returns the typed config, or throws a
 * `ConfigError` whose message names every variable that is missing or malformed — and never contains the
 * value of DISCORD_TOKEN. The entry points call `loadEnv()` (which reads `.env`; real environment variables
 * win over the file) and then `parseConfig()`.
 */
import { optional, type Env } from './env.js';

// Read by main.ts before it knows whether this module is needed at all; re-exported for the rest.
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

/** Why a variable's value cannot be used; the message never repeats the value (it may be the token). */
class Invalid {
  constructor(readonly message: string) {}
}

type Reader<T> = (value: string) => T | Invalid;

/** Reads variables one by one, collecting a problem for each that is missing or malformed. */
function variables(env: Env) {
  const problems: { variable: string; message: string }[] = [];
  /** The variable read by `read` (its value trimmed); undefined when unset or empty, or when malformed. */
  function get<T>(name: string, read: Reader<T>, requiredMessage?: string): T | undefined {
    const raw = optional(env[name]);
    if (raw === undefined) {
      if (requiredMessage) problems.push({ variable: name, message: requiredMessage });
      return undefined;
    }
    const result = read(String(raw).trim());
    if (result instanceof Invalid) {
      problems.push({ variable: name, message: result.message });
      return undefined;
    }
    return result;
  }
  /** Throws a ConfigError naming every problem found so far. */
  function check(): void {
    if (problems.length > 0) throw new ConfigError(problems);
  }
  return { get, check };
}

const text: Reader<string> = (s) => s;

const snowflake: Reader<string> = (s) =>
  /^\d{1,20}$/.test(s)
    ? s
    : new Invalid('must be a Discord id (a snowflake: digits only, e.g. 1234567890123456789)');

const token: Reader<string> = (t) => {
  if (/^bot\s/i.test(t)) return new Invalid('paste the token alone, without the "Bot " prefix');
  if (/^["']|["']$/.test(t)) return new Invalid('must not be wrapped in quotes');
  if (!/^[\x21-\x7e]+$/.test(t)) return new Invalid('must be one word of printable ASCII (no spaces)');
  return t;
};

const apiBase: Reader<string> = (s) => {
  const url = URL.canParse(s) ? new URL(s) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash) {
    return new Invalid('must be an http(s) URL such as https://discord.com/api');
  }
  // discord.js appends the version itself: accept `…/api/v10` and `…/api/` too.
  return s.replace(/\/+$/, '').replace(/\/v\d+$/, '');
};

const logLevel: Reader<LogLevel> = (s) => {
  const level = s.toLowerCase();
  return (LOG_LEVELS as readonly string[]).includes(level)
    ? (level as LogLevel)
    : new Invalid(`must be one of ${LOG_LEVELS.join(', ')}`);
};

const cooldown: Reader<number> = (s) => {
  if (!/^\d+(\.\d+)?$/.test(s)) return new Invalid('must be a number of seconds (0 turns the cooldown off)');
  return Number(s) <= 3600 ? Number(s) : new Invalid('must be at most 3600 seconds');
};

const shardCount: Reader<number | 'auto'> = (raw) => {
  const s = raw.toLowerCase();
  if (s === 'auto') return 'auto';
  return /^\d{1,5}$/.test(s) && Number(s) >= 1
    ? Number(s)
    : new Invalid('must be a number of shards (1 or more) or "auto"');
};

/** "0,1", "0-3" or "0-3,8": the shard ids this process runs. */
const shardIds: Reader<number[]> = (s) => {
  if (!/^\d{1,5}(-\d{1,5})?(\s*,\s*\d{1,5}(-\d{1,5})?)*$/.test(s)) {
    return new Invalid('must be shard ids such as 0,1 or a range such as 0-3');
  }
  const ids = new Set<number>();
  for (const part of s.split(',')) {
    const [from, to = from] = part.trim().split('-').map(Number) as [number, number?];
    for (let id = from; id <= to; id += 1) ids.add(id);
  }
  return [...ids].sort((a, b) => a - b);
};

const publicKey: Reader<string> = (s) =>
  /^[0-9a-fA-F]{64}$/.test(s)
    ? s.toLowerCase()
    : new Invalid('must be the 64 hex characters of the public key (Developer Portal → General Information)');

/** A TCP port, 0–65535: `malformed` when it is no number, `tooLarge` when it is above. */
function portReader(malformed: string, tooLarge: string): Reader<number> {
  return (s) => {
    if (!/^\d{1,5}$/.test(s)) return new Invalid(malformed);
    return Number(s) <= 65535 ? Number(s) : new Invalid(tooLarge);
  };
}

const port = portReader('must be a port number', 'must be a port number (0-65535)');

const host: Reader<string> = (s) =>
  /^[\w.:[\]-]+$/.test(s)
    ? s
    : new Invalid('must be a host name or an IP address, e.g. 0.0.0.0 or 127.0.0.1');

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
  const { get, check } = variables(env);
  const level = get('LOG_LEVEL', logLevel);
  const discordToken = get('DISCORD_TOKEN', token, 'is required to run the bot');
  const clientId = get(
    'DISCORD_CLIENT_ID',
    snowflake,
    'is required (the application id from the Developer Portal)',
  );
  const guildId = get('DISCORD_GUILD_ID', snowflake);
  const api = get('DISCORD_API_BASE', apiBase);
  const cooldownSeconds = get('COOLDOWN_SECONDS', cooldown);
  const count = get('SHARD_COUNT', shardCount);
  const ids = get('SHARD_IDS', shardIds);
  check();
  return {
    token: discordToken!,
    clientId: clientId!,
    guildId: guildId ?? null,
    apiBase: api ?? DEFAULT_API_BASE,
    logLevel: level ?? 'info',
    cooldownSeconds: cooldownSeconds ?? 3,
    shards: shardConfig(count, ids),
  };
}

/** Everything the HTTP interactions endpoint needs. Throws ConfigError naming each bad variable. */
export function parseHttpConfig(env: Env): HttpConfig {
  const { get, check } = variables(env);
  const level = get('LOG_LEVEL', logLevel);
  const key = get('DISCORD_PUBLIC_KEY', publicKey, 'is required for the HTTP interactions endpoint');
  const listenPort = get('PORT', port);
  const listenHost = get('HOST', host);
  const cooldownSeconds = get('COOLDOWN_SECONDS', cooldown);
  check();
  return {
    publicKey: key!,
    port: listenPort ?? DEFAULT_PORT,
    host: listenHost ?? DEFAULT_HOST,
    logLevel: level ?? 'info',
    cooldownSeconds: cooldownSeconds ?? 3,
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

const metricsPort = portReader(
  'must be a TCP port number (0: any free port)',
  'must be a TCP port number (at most 65535)',
);

const ownerList: Reader<string[]> = (s) => {
  const ids = s.split(/[\s,]+/).filter(Boolean);
  return ids.every((id) => /^\d{1,20}$/.test(id))
    ? ids
    : new Invalid('must be Discord user ids separated by commas');
};

const byteCount: Reader<number> = (s) => {
  if (!/^\d+$/.test(s)) return new Invalid('must be a number of bytes');
  return Number(s) >= 1024 ? Number(s) : new Invalid('must be at least 1024 bytes');
};

/** The operations settings, for every mode. Throws ConfigError naming each bad variable. */
export function parseOpsConfig(env: Env): OpsConfig {
  const { get, check } = variables(env);
  const knowledgeDir = get('KNOWLEDGE_DIR', text);
  const ownerIds = get('DISCORD_OWNER_IDS', ownerList);
  const missesFile = get('MISSES_FILE', text);
  const missesMaxBytes = get('MISSES_MAX_BYTES', byteCount);
  const port = get('METRICS_PORT', metricsPort);
  check();
  return {
    knowledgeDir: knowledgeDir ?? null,
    ownerIds: ownerIds ?? [],
    missesFile: missesFile ?? null,
    missesMaxBytes: missesMaxBytes ?? 5 * 1024 * 1024,
    metricsPort: port ?? null,
  };
}
