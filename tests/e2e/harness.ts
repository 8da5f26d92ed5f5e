/**
 * Starts the bot in its own process — `src/main.ts` run by tsx, or the built bundle exactly as `npm start`
 * runs it — with its environment pointing at a fake Discord, and collects what it logs.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { productionNodeFlags } from '../support/node-flags.js';
import { FAKE_APP_ID, type FakeDiscord } from './fake-discord.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** A token shaped like Discord's, so a leak in any log would be easy to spot. */
export const FAKE_TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEe.dont-log-me_this-is-the-fake-bot-token-000';

export interface BotProcess {
  child: ChildProcess;
  /** Everything the process wrote to stderr (the log) and stdout. */
  stderr(): string;
  stdout(): string;
  /** Resolves when a log line matching `pattern` appears. */
  waitForLog(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Resolves with the exit code (or signal name). */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/** `script` is a TypeScript source (run by tsx) or a built file under dist/ (run with production's flags). */
export function spawnEntry(script: string, env: Record<string, string>, args: string[] = []): BotProcess {
  const built = script.startsWith('dist/');
  const node = built ? [...productionNodeFlags(), script] : ['--import', 'tsx', script];
  const child = spawn(process.execPath, [...node, ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // Never read a developer's .env in tests.
      ENV_FILE: '/nonexistent/.env',
      NODE_NO_WARNINGS: '1',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let err = '';
  let out = '';
  const waiters = new Set<() => void>();
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
    for (const w of [...waiters]) w();
  });
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const w of [...waiters]) w();
  });
  const exited = once(child, 'exit').then(([code, signal]) => {
    for (const w of [...waiters]) w();
    return (code ?? signal) as number | string;
  });
  const waitForLog = (pattern: RegExp, timeoutMs = 15_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const line = err.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) {
          done();
          resolve(line);
          return true;
        }
        if (child.exitCode !== null || child.signalCode !== null) {
          done();
          reject(
            new Error(
              `bot exited (${child.exitCode ?? child.signalCode}) before logging ${pattern}:\n${err}`,
            ),
          );
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`timed out waiting for log ${pattern}; log so far:\n${err}`));
      }, timeoutMs);
      const waiter = (): void => void check();
      const done = (): void => {
        clearTimeout(timer);
        waiters.delete(waiter);
      };
      waiters.add(waiter);
      check();
    });
  return {
    child,
    stderr: () => err,
    stdout: () => out,
    waitForLog,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
        const result = await exited;
        clearTimeout(timer);
        return result;
      }
      return exited;
    },
  };
}

export function botEnv(fake: FakeDiscord, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_CLIENT_ID: FAKE_APP_ID,
    DISCORD_API_BASE: fake.apiBase,
    LOG_LEVEL: 'info',
    COOLDOWN_SECONDS: '0',
    ...extra,
  };
}

/** Starts `entry` (src/main.ts by default) against the fake and waits until the bot says it is ready. */
export async function startBot(
  fake: FakeDiscord,
  extra: Record<string, string> = {},
  entry = 'src/main.ts',
): Promise<BotProcess> {
  const bot = spawnEntry(entry, botEnv(fake, extra));
  try {
    await bot.waitForLog(/ INFO +ready /, 20_000);
    await fake.waitForSession();
  } catch (error) {
    await bot.stop('SIGKILL');
    throw error;
  }
  return bot;
}
