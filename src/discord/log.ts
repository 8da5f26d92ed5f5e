/**
 * One log line per event, on stderr: `2025-11-21T05:00:00.000Z INFO  message key=value …`.
 * Secrets handed to the logger (the bot token) are replaced by `[redacted]` wherever they appear, and
 * values are quoted and stripped of control characters, so user input cannot forge log lines.
 */
import type { LogLevel } from '../config.js';
import { clip } from '../text/clip.js';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Also redact this string from now on. */
  addSecret(secret: string): void;
  readonly level: LogLevel;
}

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Longest a field is written: user input is clipped here so one request cannot flood the log. */
export const maxFieldLength = 300;

/**
 * A field the log must show in full — our own diagnostics, such as every problem of a broken knowledge
 * base (clipping them would leave the third to fifth broken quote in a file unnamed). Lines become " | ".
 */
export class Whole {
  constructor(readonly text: string) {}
}

export function whole(text: string): Whole {
  return new Whole(text);
}

function formatValue(value: unknown): string {
  let text: string;
  if (value instanceof Whole) {
    return JSON.stringify(
      value.text
        .split(/\r?\n/)
        .map((line) =>
          line.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, ' '),
        )
        .join(' | '),
    );
  }
  if (value instanceof Error) text = `${value.name}: ${value.message}`;
  else if (typeof value === 'string') text = value;
  else if (value === undefined) text = 'undefined';
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  text = text.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, ' ');
  if (text.length > maxFieldLength) text = clip(text, maxFieldLength + 1);
  return /^[\w.:/@#+-]+$/.test(text) ? text : JSON.stringify(text);
}

export function createLogger(
  level: LogLevel = 'info',
  secrets: string[] = [],
  write: (line: string) => void = (line) => process.stderr.write(line),
): Logger {
  const hidden = secrets.filter((s) => s.length > 0);
  const redact = (text: string): string => hidden.reduce((t, s) => t.split(s).join('[redacted]'), text);
  const log =
    (lvl: Exclude<LogLevel, 'silent'>) =>
    (message: string, fields: Record<string, unknown> = {}): void => {
      if (rank[lvl] < rank[level]) return;
      const parts = Object.entries(fields)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => `${k}=${formatValue(v)}`);
      const line = `${new Date().toISOString()} ${lvl.toUpperCase().padEnd(5)} ${message.replace(/[\r\n]+/g, ' ')}${
        parts.length ? ` ${parts.join(' ')}` : ''
      }`;
      write(`${redact(line)}\n`);
    };
  return {
    level,
    debug: log('debug'),
    info: log('info'),
    warn: log('warn'),
    error: log('error'),
    addSecret(secret: string) {
      if (secret) hidden.push(secret);
    },
  };
}

/**
 * What to redact for a bot token: the token, and each of its dot-separated parts (discord.js's debug
 * output shows a token with only its last part masked).
 */
export function tokenSecrets(token: string): string[] {
  return [token, ...token.split('.').filter((part) => part.length >= 5)];
}

/** What is worth logging of an error: name, message, Discord's code and status, never a URL with tokens. */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { error: String(error) };
  const e = error as Error & { code?: unknown; status?: unknown; method?: unknown };
  const stack = e.stack
    ?.split('\n')
    .slice(1, 4)
    .map((l) => l.trim())
    .join(' | ');
  return {
    error: `${e.name}: ${e.message}`,
    ...(e.code !== undefined ? { code: e.code } : {}),
    ...(typeof e.status === 'number' ? { status: e.status } : {}),
    ...(typeof e.method === 'string' ? { method: e.method } : {}),
    ...(stack ? { at: stack } : {}),
  };
}
