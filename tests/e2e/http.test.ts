/**
 * HTTP mode as it is deployed: two replicas of the real entry — `npm start` (the bundle dist/bundle/main.js, as the
 * harness starts it) and `src/main.ts` — each on its own port, no token, no shared state. Discord's side
 * is played by requests signed with a key pair made here. A burst of 1,000 signed interactions at 50 in
 * flight is spread over both replicas, including clicks on components of replies the other replica made.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAutocomplete, checkMessage, snowflake } from './fake-discord.js';
import { ROOT, spawnEntry, type BotProcess } from './harness.js';
import {
  autocompleteInteraction,
  commandInteraction,
  componentInteraction,
  expectMessage,
  messageOf,
  newApplication,
  postInteraction,
  request,
  type Reply,
} from '../http/signing.js';
import { customIds } from '../support/discord-wire.js';
import { productionEntry, productionNodeFlags } from '../support/node-flags.js';

type Json = Record<string, unknown>;

const REPORT = fileURLToPath(new URL('../fixtures/report-discordjs.mjs', import.meta.url));
const app = newApplication();

function httpEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DISCORD_PUBLIC_KEY: app.publicKeyHex,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    COOLDOWN_SECONDS: '0',
    NODE_OPTIONS: `--import ${REPORT}`,
    ...extra,
  };
}

interface Replica {
  url: string;
  log(): string;
  stop(): Promise<void>;
}

const listening = /INFO +listening url=(http:\/\/127\.0\.0\.1:\d+)/;

/** The built bot as `npm start` runs it, exactly as the Docker image and the systemd unit do. */
async function startDist(): Promise<Replica> {
  const child = spawn(process.execPath, [...productionNodeFlags(), productionEntry()], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      ENV_FILE: '/nonexistent/.env',
      ...httpEnv(),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  child.stdout!.resume();
  const allGone = once(child.stderr!, 'close');
  for (let waited = 0; !listening.test(log); waited += 50) {
    if (waited > 20_000 || child.exitCode !== null)
      throw new Error(`${productionEntry()} did not listen:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `${listening.exec(log)![1]}/interactions`,
    log: () => log,
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await allGone;
      clearTimeout(timer);
    },
  };
}

async function startSource(): Promise<Replica & { process: BotProcess }> {
  const bot = spawnEntry('src/main.ts', httpEnv());
  const line = await bot.waitForLog(listening, 20_000);
  return {
    process: bot,
    url: `${listening.exec(line)![1]}/interactions`,
    log: () => bot.stderr(),
    async stop() {
      await bot.stop();
    },
  };
}

let a: Replica;
let b: Replica & { process: BotProcess };

beforeAll(async () => {
  [a, b] = await Promise.all([startDist(), startSource()]);
}, 40_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('two HTTP replicas on two ports', () => {
  it('both listen on their own port and answer a signed PING; /healthz is 200 with the "as of" date', async () => {
    expect(a.url).not.toBe(b.url);
    for (const replica of [a, b]) {
      const pong = await postInteraction(replica.url, app, { id: snowflake(), type: 1, version: 1 });
      expect(pong.status).toBe(200);
      expect(pong.json).toEqual({ type: 1 });
      const health = await request(replica.url.replace('/interactions', '/healthz'), { method: 'GET' });
      expect(health.status).toBe(200);
      expect(health.json).toMatchObject({ status: 'ok', as_of: expect.stringMatching(/^\d{4}-\d{2}-\d{2}/) });
    }
  });

  it('a reply made by one replica has buttons the other one answers (no shared state)', async () => {
    const userId = '1500000000000000042';
    const first = await postInteraction(
      a.url,
      app,
      commandInteraction('plan', [{ name: 'plan', type: 3, value: 'us-ua-20' }], userId),
    );
    const data = expectMessage(first, 4);
    const message = messageOf(first.json!, userId);
    const next = customIds(data).find((id) => id === 'plan:us-ua-20:2')!;
    const paged = expectMessage(
      await postInteraction(b.url, app, componentInteraction(message, next, userId)),
      7,
    );
    expect(JSON.stringify(paged.embeds)).toMatch(/page 2 of /);
    const sources = customIds(data).find((id) => id.startsWith('src:'));
    if (sources)
      expectMessage(await postInteraction(b.url, app, componentInteraction(message, sources, userId)), 4);
  });

  it('a burst of 1,000 signed interactions, 50 in flight, over both replicas: every one answered correctly', async () => {
    const plan = await postInteraction(
      a.url,
      app,
      commandInteraction('plan', [{ name: 'plan', type: 3, value: 'us-28' }], '1500000000000000007'),
    );
    const planMessage = messageOf(plan.json!, '1500000000000000007');
    const kinds = [
      () => ({
        body: commandInteraction(
          'provision',
          [{ name: 'query', type: 3, value: 'troop-cap' }],
          '1500000000000000100',
        ),
        type: 4,
      }),
      () => ({
        body: commandInteraction(
          'ask',
          [{ name: 'question', type: 3, value: 'what happens to the frozen assets?' }],
          '1500000000000000101',
        ),
        type: 4,
      }),
      () => ({ body: autocompleteInteraction('provision', 'query', 'nato'), type: 8 }),
      () => ({ body: componentInteraction(planMessage, 'plan:us-28:2', '1500000000000000007'), type: 7 }),
      () => ({
        body: commandInteraction(
          'factcheck',
          [{ name: 'claim', type: 3, value: '@everyone ukraine joins nato' }],
          '1500000000000000102',
        ),
        type: 4,
      }),
      () => ({ body: { id: snowflake(), type: 1, version: 1 }, type: 1 }),
    ];
    const total = 1_000;
    const inFlight = 50;
    const failures: string[] = [];
    let next = 0;
    let answered = 0;
    const check = (reply: Reply, type: number, i: number): void => {
      const json = reply.json as Json | undefined;
      if (reply.status !== 200 || json?.type !== type) {
        failures.push(`#${i}: status ${reply.status}, type ${String(json?.type)}`);
        return;
      }
      const data = json.data as Json | undefined;
      const problems = type === 8 ? checkAutocomplete(data) : type === 1 ? [] : checkMessage(data, 'data');
      const am = data?.allowed_mentions as { parse?: unknown[] } | undefined;
      if (type === 4 || type === 7) {
        if (!am || !Array.isArray(am.parse) || am.parse.length !== 0)
          problems.push('allowed_mentions.parse is not []');
      }
      if (problems.length) failures.push(`#${i}: ${problems.join('; ')}`);
      else answered += 1;
    };
    const worker = async (): Promise<void> => {
      while (next < total) {
        const i = next++;
        const { body, type } = kinds[i % kinds.length]!();
        const url = i % 2 === 0 ? a.url : b.url;
        check(await postInteraction(url, app, body), type, i);
      }
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
    expect(failures).toEqual([]);
    expect(answered).toBe(total);
  }, 60_000);

  it('forged requests get 401 from both replicas', async () => {
    const forger = newApplication();
    for (const replica of [a, b]) {
      const reply = await postInteraction(
        replica.url,
        forger,
        commandInteraction('about', [], '1500000000000000001'),
      );
      expect(reply.status).toBe(401);
    }
  });

  it('SIGTERM: stops cleanly (exit 0) — and HTTP mode never loaded discord.js', async () => {
    expect(await b.process.stop('SIGTERM')).toBe(0);
    expect(b.log()).toMatch(/INFO +stopped reason=SIGTERM/);
    expect(b.log()).toMatch(/discord\.js loaded: false/);
    await a.stop();
    expect(a.log()).toMatch(/INFO +stopped reason=SIGTERM/);
    expect(a.log()).toMatch(/discord\.js loaded: false/);
  });
});

describe('HTTP mode start-up', () => {
  it('a malformed public key or port stops start-up naming the variable', async () => {
    const bot = spawnEntry('src/main.ts', httpEnv({ DISCORD_PUBLIC_KEY: 'not-a-key', PORT: 'eighty' }));
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/DISCORD_PUBLIC_KEY/);
    expect(bot.stderr()).toMatch(/PORT/);
  });
});
