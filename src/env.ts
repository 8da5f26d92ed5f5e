/**
 * The environment, before any validation: `.env` read into process.env, and whether it asks for the bot.
 * Kept apart from config.ts so the terminal session starts without loading the bot's configuration.
 */
import { config as loadDotenv } from 'dotenv';

export type Env = Record<string, string | undefined>;

/** An unset variable and an empty one mean the same: not given. */
export const optional = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);

/** True when the environment asks for the bot (a DISCORD_TOKEN is set), false for the terminal session. */
export function wantsBot(env: Env): boolean {
  return optional(env.DISCORD_TOKEN) !== undefined;
}

export type Mode = 'http' | 'gateway' | 'terminal';

/**
 * What `npm start` runs: the HTTP interactions endpoint when DISCORD_PUBLIC_KEY is set (it needs no
 * token), else the gateway bot when DISCORD_TOKEN is set, else the terminal session.
 */
export function chooseMode(env: Env): Mode {
  if (optional(env.DISCORD_PUBLIC_KEY) !== undefined) return 'http';
  return wantsBot(env) ? 'gateway' : 'terminal';
}

/**
 * Read `.env` (or the file named by ENV_FILE) into process.env — variables already set in the environment
 * win — and return process.env. A missing file is fine: the environment alone may configure everything.
 */
export function loadEnv(): Env {
  const path = optional(process.env.ENV_FILE) as string | undefined;
  loadDotenv({ quiet: true, ...(path ? { path } : {}) });
  return process.env;
}
