/**
 * `npm run bench` (second half): each way the bot runs, as its own process from the built dist/, against
 * bare node on the same machine in the same run —
 *  - bare node: `node -e 0` start-to-exit, and the RSS of an idle `node`;
 *  - terminal: the built entry (`npm start`'s) without a token, start to the session prompt, and RSS then;
 *  - gateway: the same with a token against the fake Discord on 127.0.0.1, start to "ready",
 *    RSS then, RSS after 10,000 interactions from 2,000 different members (median of three processes), and
 *    RSS sampled over a soak
 *    of steady traffic (default 180 s; `--soak=SECONDS`, 0 to skip);
 *  - HTTP interactions endpoint: start to listening, RSS then and after 10,000 signed interactions.
 * RSS is read from /proc/<pid>/status (VmRSS), so every process is measured the same way from outside.
 * Figures are reported, not judged; the ratios are to bare node.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FAKE_APP_ID, FakeDiscord, interactionPayload } from '../e2e/fake-discord.js';
import { ROOT } from '../e2e/harness.js';
import { productionEntry, productionNodeFlags } from '../support/node-flags.js';

/** The flags `npm start` and the Dockerfile run node with (`--node-flags="…"` to try others). */
let NODE_FLAGS = productionNodeFlags();
const MAIN = join(ROOT, productionEntry());
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const INTERACTIONS = 10_000;
const MEMBERS = 2_000;
const CONCURRENCY = 50;
/** Separate gateway processes that each serve 10,000 interactions (the median is reported). */
const TRAFFIC_RUNS = Math.min(3, RUNS);

const TOKEN = 'MTMwMDAwMDAwMDAwMDAwMDAwMQ.GfAkEe.bench-token-000000000000000000000000000';

interface Started {
  child: ChildProcess;
  ms: number;
  rssMB: number;
  /** Then: ms from the start until `pattern` shows too, and the RSS at that moment. */
  until(pattern: RegExp): Promise<{ ms: number; rssMB: number }>;
  /** What the watched stream has shown so far. */
  output(): string;
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const round = (n: number, digits = 1): number => Math.round(n * 10 ** digits) / 10 ** digits;

function rssMB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return round(kb / 1024);
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    ENV_FILE: '/nonexistent/.env',
    NODE_NO_WARNINGS: '1',
    ...(process.env.MALLOC_ARENA_MAX ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX } : {}),
    ...extra,
  };
}

/** Spawns node with `args`; resolves when `stream` shows `ready`, with the time taken and the RSS then. */
function startUntil(
  args: string[],
  env: Record<string, string>,
  stream: 'stdout' | 'stderr',
  ready: RegExp,
): Promise<Started> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: baseEnv(env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let seen = '';
    let done = false;
    let later: { pattern: RegExp; resolve: (v: { ms: number; rssMB: number }) => void } | undefined;
    const check = () => {
      if (later?.pattern.test(seen)) {
        later.resolve({ ms: performance.now() - started, rssMB: rssMB(child.pid!) });
        later = undefined;
      }
    };
    const until = (pattern: RegExp) =>
      new Promise<{ ms: number; rssMB: number }>((resolveLater) => {
        later = { pattern, resolve: resolveLater };
        check();
      });
    const onData = (which: 'stdout' | 'stderr') => (chunk: Buffer) => {
      if (which !== stream) return;
      seen += chunk.toString();
      if (!done && ready.test(seen)) {
        done = true;
        const ms = performance.now() - started;
        resolve({ child, ms, rssMB: rssMB(child.pid!), until, output: () => seen });
      }
      check();
    };
    child.stdout!.on('data', onData('stdout'));
    child.stderr!.on('data', onData('stderr'));
    child.once('exit', (code) => {
      if (!done) reject(new Error(`exited ${code} before ${ready}: ${seen.slice(-500)}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
  await exited;
  clearTimeout(timer);
}

async function bare(): Promise<{ startMs: number; rssMB: number }> {
  const starts: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const started = performance.now();
    const child = spawn(process.execPath, ['-e', '0'], { env: baseEnv({}), stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    starts.push(performance.now() - started);
  }
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const idle = await startUntil(
      [...NODE_FLAGS, '-e', "process.stdout.write('ready\\n'); setInterval(() => {}, 1000)"],
      {},
      'stdout',
      /ready/,
    );
    rss.push(idle.rssMB);
    await stop(idle.child);
  }
  return { startMs: round(median(starts)), rssMB: median(rss) };
}

/**
 * Start to prompt (the session is ready to type into), then start to loaded (fact base validated and
 * indexed, "Facts as of" printed) and the RSS then — what the session holds while answering.
 */
async function terminal(): Promise<{ startMs: number; loadedMs: number; rssMB: number }> {
  const starts: number[] = [];
  const loaded: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await startUntil([...NODE_FLAGS, MAIN], { DISCORD_TOKEN: '' }, 'stdout', /terminal session/);
    run.child.stdin!.write('/about\n');
    const answered = await run.until(/Facts as of[^]*As of/);
    starts.push(run.ms);
    loaded.push(answered.ms);
    rss.push(answered.rssMB);
    run.child.stdin!.end('/quit\n');
    await stop(run.child);
  }
  return { startMs: round(median(starts)), loadedMs: round(median(loaded)), rssMB: median(rss) };
}

interface Mix {
  provision: string[];
  ask: string[];
  factcheck: string[];
}

/**
 * Resolves when the fake records the callback of an interaction. One listener indexes new callbacks as
 * they come (the fake's own waitForCallback scans every callback per waiter: fine for tests, quadratic
 * for ten thousand).
 */
function callbackWatcher(fake: FakeDiscord): (id: string) => Promise<void> {
  const waiting = new Map<string, () => void>();
  const answered = new Set<string>();
  let seen = 0;
  void fake
    .waitFor(
      () => {
        for (; seen < fake.callbacks.length; seen += 1) {
          const id = fake.callbacks[seen]!.interactionId;
          const resolve = waiting.get(id);
          if (resolve) {
            waiting.delete(id);
            resolve();
          } else answered.add(id);
        }
        return undefined;
      },
      2 ** 31 - 1,
      'the end of the bench',
    )
    .catch(() => {});
  return (id) =>
    answered.delete(id) ? Promise.resolve() : new Promise<void>((resolve) => waiting.set(id, resolve));
}

/** One interaction of a realistic mix, from one of MEMBERS members; resolves when answered. */
function interact(
  fake: FakeDiscord,
  answered: (id: string) => Promise<void>,
  mix: Mix,
  n: number,
): Promise<unknown> {
  const userId = (1_600_000_000_000_000_000n + BigInt(n % MEMBERS)).toString();
  const pick = (list: string[]) => list[n % list.length]!;
  let sent: { id: string };
  switch (n % 5) {
    case 0:
      sent = fake.sendCommand('provision', [{ name: 'query', type: 3, value: pick(mix.provision) }], {
        userId,
      });
      break;
    case 1:
      sent = fake.sendCommand('ask', [{ name: 'question', type: 3, value: pick(mix.ask) }], { userId });
      break;
    case 2:
      sent = fake.sendCommand('factcheck', [{ name: 'claim', type: 3, value: pick(mix.factcheck) }], {
        userId,
      });
      break;
    case 3:
      sent = fake.sendAutocomplete(
        'provision',
        [{ name: 'query', type: 3, value: pick(mix.provision).slice(0, 1 + (n % 6)), focused: true }],
        { userId },
      );
      break;
    default:
      sent = fake.sendCommand('about', [], { userId });
  }
  return answered(sent.id);
}

async function traffic(
  fake: FakeDiscord,
  answered: (id: string) => Promise<void>,
  mix: Mix,
  from: number,
  count: number,
): Promise<void> {
  let next = from;
  const end = from + count;
  const worker = async () => {
    while (next < end) await interact(fake, answered, mix, (next += 1));
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function gateway(soakSeconds: number) {
  const mix = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/query-mix.json'), 'utf8')) as Mix;
  const fake = await FakeDiscord.start({ callbackDeadlineMs: 30_000 });
  const answered = callbackWatcher(fake);
  const env = {
    DISCORD_TOKEN: TOKEN,
    DISCORD_CLIENT_ID: FAKE_APP_ID,
    DISCORD_API_BASE: fake.apiBase,
    LOG_LEVEL: 'info',
    COOLDOWN_SECONDS: '0',
  };
  const starts: number[] = [];
  const readyRss: number[] = [];
  const after10k: number[] = [];
  const rates: number[] = [];
  let bot: Started | undefined;
  try {
    // Where a process is in its garbage collector's cycle when traffic stops moves its RSS by several MB,
    // so the figure after 10,000 interactions is the median of that many separate processes.
    for (let i = 0; i < RUNS; i += 1) {
      const run = await startUntil([...NODE_FLAGS, MAIN], env, 'stderr', / INFO +ready /);
      bot = run;
      starts.push(run.ms);
      readyRss.push(run.rssMB);
      if (i >= RUNS - TRAFFIC_RUNS) {
        const started = performance.now();
        await traffic(fake, answered, mix, i * INTERACTIONS, INTERACTIONS);
        rates.push(INTERACTIONS / ((performance.now() - started) / 1000));
        after10k.push(rssMB(run.child.pid!));
      }
      if (i < RUNS - 1) await stop(run.child);
    }
    const pid = bot!.child.pid!;
    const samples: { s: number; rssMB: number }[] = [];
    if (soakSeconds > 0) {
      const soakStart = performance.now();
      let sent = RUNS * INTERACTIONS;
      let nextSample = 0;
      while (performance.now() - soakStart < soakSeconds * 1000) {
        await traffic(fake, answered, mix, sent, 200);
        sent += 200;
        const s = (performance.now() - soakStart) / 1000;
        if (s >= nextSample) {
          samples.push({ s: Math.round(s), rssMB: rssMB(pid) });
          nextSample += 15;
        }
      }
      samples.push({ s: Math.round((performance.now() - soakStart) / 1000), rssMB: rssMB(pid) });
    }
    return {
      startMs: round(median(starts)),
      rssMB: median(readyRss),
      after10kMB: median(after10k),
      after10kRuns: after10k,
      interactionsPerSecond: Math.round(median(rates)),
      soak: samples,
    };
  } finally {
    if (bot) await stop(bot.child);
    await fake.close();
  }
}

/**
 * The HTTP interactions endpoint: start to listening, RSS then, and RSS after 10,000 signed interactions
 * (the same mix, slash commands only: autocomplete is answered the same way) posted over keep-alive.
 */
async function http() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  const env = {
    DISCORD_PUBLIC_KEY: der.subarray(der.length - 32).toString('hex'),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    COOLDOWN_SECONDS: '0',
  };
  const mix = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/query-mix.json'), 'utf8')) as Mix;
  const starts: number[] = [];
  const readyRss: number[] = [];
  let server: Started | undefined;
  let url = '';
  try {
    for (let i = 0; i < RUNS; i += 1) {
      const run = await startUntil([...NODE_FLAGS, MAIN], env, 'stderr', / INFO +listening url=\S+/);
      starts.push(run.ms);
      readyRss.push(run.rssMB);
      if (i < RUNS - 1) await stop(run.child);
      else server = run;
    }
    url = `${/listening url=(\S+)/.exec(server!.output())![1]}/interactions`;
    const post = async (n: number) => {
      const userId = (1_600_000_000_000_000_000n + BigInt(n % MEMBERS)).toString();
      const pick = (list: string[]) => list[n % list.length]!;
      const [name, option, value] =
        n % 4 === 0
          ? ['provision', 'query', pick(mix.provision)]
          : n % 4 === 1
            ? ['ask', 'question', pick(mix.ask)]
            : n % 4 === 2
              ? ['factcheck', 'claim', pick(mix.factcheck)]
              : ['about', '', ''];
      const body = JSON.stringify(
        interactionPayload(2, userId, {
          data: {
            id: '1',
            name,
            type: 1,
            ...(option ? { options: [{ name: option, type: 3, value }] } : {}),
          },
        }),
      );
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString('hex');
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-signature-ed25519': signature,
          'x-signature-timestamp': timestamp,
        },
        body,
      });
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`HTTP ${response.status}`);
    };
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < INTERACTIONS) await post((next += 1));
      }),
    );
    const trafficMs = performance.now() - started;
    return {
      startMs: round(median(starts)),
      rssMB: median(readyRss),
      after10kMB: rssMB(server!.child.pid!),
      interactionsPerSecond: Math.round(INTERACTIONS / (trafficMs / 1000)),
    };
  } finally {
    if (server) await stop(server.child);
  }
}

export async function main(argv: readonly string[]): Promise<void> {
  const soakArg = argv.find((a) => a.startsWith('--soak='));
  const soakSeconds = soakArg ? Number(soakArg.split('=')[1]) : 180;
  const flagsArg = argv.find((a) => a.startsWith('--node-flags='));
  if (flagsArg) NODE_FLAGS = flagsArg.slice('--node-flags='.length).split(' ').filter(Boolean);
  const only = argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
  if (!existsSync(MAIN)) throw new Error(`${MAIN} is missing: run \`npm run build\` first`);
  const base = await bare();
  const term = only && only !== 'terminal' ? { startMs: NaN, loadedMs: NaN, rssMB: NaN } : await terminal();
  const gate =
    only && only !== 'gateway'
      ? { startMs: NaN, rssMB: NaN, after10kMB: NaN, after10kRuns: [], interactionsPerSecond: NaN, soak: [] }
      : await gateway(soakSeconds);
  const web =
    only && only !== 'http'
      ? { startMs: NaN, rssMB: NaN, after10kMB: NaN, interactionsPerSecond: NaN }
      : await http();
  const ratio = (value: number, of: number) => `${round(value / of, 2).toFixed(2)}×`;
  const soakRange = gate.soak.length
    ? `${Math.min(...gate.soak.map((s) => s.rssMB))}–${Math.max(...gate.soak.map((s) => s.rssMB))} MB over ${gate.soak.at(-1)!.s} s`
    : 'skipped';
  const lines = [
    '',
    `Modes — each its own process from dist/, node ${NODE_FLAGS.join(' ')}; medians of ${RUNS} starts`,
    '',
    `bare node            start ${base.startMs} ms (node -e 0)          RSS ${base.rssMB} MB (idle node)`,
    `terminal             start to prompt ${term.startMs} ms = ${ratio(term.startMs, base.startMs)} bare; to the first answer ${term.loadedMs} ms; RSS then ${term.rssMB} MB = ${ratio(term.rssMB, base.rssMB)} bare`,
    `gateway (fake)       start ${gate.startMs} ms = ${ratio(gate.startMs, base.startMs)} bare   RSS ${gate.rssMB} MB = ${ratio(gate.rssMB, base.rssMB)} bare`,
    `gateway, ${INTERACTIONS} interactions (${MEMBERS} members, ${gate.interactionsPerSecond}/s): RSS ${gate.after10kMB} MB = ${ratio(gate.after10kMB, base.rssMB)} bare (median of ${gate.after10kRuns.length} processes: ${gate.after10kRuns.join(', ')} MB)`,
    `gateway soak          ${soakRange}${gate.soak.length ? `; samples ${gate.soak.map((s) => `${s.s}s:${s.rssMB}`).join(' ')}` : ''}`,
    `http endpoint        start ${web.startMs} ms = ${ratio(web.startMs, base.startMs)} bare   RSS ${web.rssMB} MB = ${ratio(web.rssMB, base.rssMB)} bare`,
    `http, ${INTERACTIONS} signed interactions (${web.interactionsPerSecond}/s): RSS ${web.after10kMB} MB = ${ratio(web.after10kMB, base.rssMB)} bare`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  if (argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify({ bare: base, terminal: term, gateway: gate, http: web })}\n`);
  }
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${String(error)}\n`);
    process.exit(1);
  },
);
