/**
 * Operating the real bot process against the fake Discord: knowledge reloads (SIGHUP and an owner's
 * /reload) under load lose no interaction, a broken knowledge file keeps the old answers serving and every
 * problem is reported; the misses file holds the unanswered queries and no ids; /metrics is Prometheus
 * text whose counters match the traffic sent. The process is the built bundle run as `npm start` runs it,
 * so the gateway is tested in the form that ships.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID, FAKE_USER_ID, FakeDiscord, type Callback } from './fake-discord.js';
import { commandInteraction, newApplication, postInteraction } from '../http/signing.js';
import { ROOT, spawnEntry, startBot, type BotProcess } from './harness.js';
import { EPHEMERAL, STRING } from '../support/discord-wire.js';
import { productionEntry } from '../support/node-flags.js';

const OWNER = '1500000000000000001';
const STRANGER = '1500000000000000002';

let fake: FakeDiscord;
let bot: BotProcess;
let dir: string;
let knowledge: string;
let missesFile: string;
let metricsUrl: string;

const text = (cb: Callback): string =>
  `${String(cb.data?.content ?? '')} ${JSON.stringify(cb.data?.embeds ?? [])}`;

async function send(
  name: string,
  options: { name: string; type: number; value: unknown }[] = [],
  userId?: string,
) {
  const { id } = fake.sendCommand(name, options, userId ? { userId } : {});
  return fake.waitForCallback(id, 10_000);
}

const provision = (query: string) => send('provision', [{ name: 'query', type: STRING, value: query }]);

function hangup(): void {
  process.kill(bot.child.pid!, 'SIGHUP');
}

/** Prometheus text exposition format, strictly: every line is a comment or `name{labels} value`. */
function parsePrometheus(body: string): Map<string, number> {
  const samples = new Map<string, number>();
  const sample =
    /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\]|\\.)*",?)*\})? (-?[0-9.e+-]+|NaN|[+-]Inf)$/i; // values parse as Go floats: NaN in any case
  for (const line of body.split('\n')) {
    if (line === '') continue;
    if (line.startsWith('#')) {
      expect(line).toMatch(/^# (HELP|TYPE) [a-zA-Z_:][a-zA-Z0-9_:]* .+$/);
      continue;
    }
    const match = sample.exec(line);
    expect(match, `not Prometheus text: ${line}`).not.toBeNull();
    samples.set(`${match![1]}${match![2] ?? ''}`, Number(match![3]));
  }
  return samples;
}

async function scrape(url = metricsUrl): Promise<Map<string, number>> {
  const response = await fetch(url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  return parsePrometheus(await response.text());
}

const commandCount = (m: Map<string, number>, command: string, status: string): number =>
  m.get(`peacebot_interactions_total{kind="command",command="${command}",status="${status}"}`) ?? 0;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'peacebot-ops-'));
  knowledge = join(dir, 'knowledge');
  cpSync(join(ROOT, 'knowledge'), knowledge, { recursive: true });
  missesFile = join(dir, 'misses.jsonl');
  // What is checked is that no interaction is lost, not how fast a loaded 2-core machine answers 300 at once.
  fake = await FakeDiscord.start({ callbackDeadlineMs: 60_000 });
  bot = await startBot(
    fake,
    {
      KNOWLEDGE_DIR: knowledge,
      DISCORD_OWNER_IDS: `${OWNER}, 1500000000000000009`,
      MISSES_FILE: missesFile,
      METRICS_PORT: '0',
    },
    productionEntry(),
  );
  const line = await bot.waitForLog(/metrics listening/);
  metricsUrl = `http://127.0.0.1:${/port=(\d+)/.exec(line)![1]}/metrics`;
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('knowledge reload', () => {
  it('SIGHUP and /reload under load: every interaction answered, the connection kept, the change served', async () => {
    const meta = JSON.parse(readFileSync(join(knowledge, 'meta.json'), 'utf8')) as { title: string };
    const corrected = `${meta.title} (corrected while serving)`;
    const before = await send('about');
    expect(text(before)).toContain(meta.title);
    expect(text(before)).not.toContain(corrected);
    const identifies = fake.identifyCount;
    const connections = fake.connectionCount;

    writeFileSync(join(knowledge, 'meta.json'), JSON.stringify({ ...meta, title: corrected }, null, 2));
    const pending: Promise<Callback>[] = [];
    for (let wave = 0; wave < 10; wave += 1) {
      for (let i = 0; i < 30; i += 1) pending.push(i % 2 ? provision('troop cap') : send('about'));
      if (wave % 3 === 0) hangup();
      if (wave === 5) pending.push(send('reload', [], OWNER));
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const callbacks = await Promise.all(pending);
    expect(callbacks.filter((cb) => cb.status !== 204)).toEqual([]);
    expect(callbacks).toHaveLength(301);
    expect(fake.violations).toEqual([]);
    expect(fake.identifyCount).toBe(identifies);
    expect(fake.connectionCount).toBe(connections);
    expect(text(await send('about'))).toContain(corrected);
    await bot.waitForLog(/INFO +knowledge reloaded trigger=SIGHUP/);
    await bot.waitForLog(/INFO +knowledge reloaded trigger=\/reload/);
  });

  it('a broken file: answers stay the same, every problem is logged and listed in the owner’s reply', async () => {
    const answerBefore = text(await provision('troop cap'));
    writeFileSync(join(knowledge, 'topics.json'), '{ "this is": not json');
    writeFileSync(join(knowledge, 'parties.json'), JSON.stringify([{ id: 5 }]));
    hangup();
    await bot.waitForLog(/ERROR knowledge reload failed.*trigger=SIGHUP/);
    await bot.waitForLog(/ERROR knowledge problem problem=.*topics\.json/);
    await bot.waitForLog(/ERROR knowledge problem problem=.*parties\.json/);
    expect(text(await provision('troop cap'))).toBe(answerBefore);

    const reply = await send('reload', [], OWNER);
    expect(reply.status).toBe(204);
    expect(Number(reply.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(reply)).toMatch(/NOT reloaded/);
    expect(text(reply)).toContain('topics.json');
    expect(text(reply)).toContain('parties.json');
    expect(text(await provision('troop cap'))).toBe(answerBefore);
  });

  it('/reload from anyone else is refused privately and reloads nothing', async () => {
    const reloads = (bot.stderr().match(/knowledge reload/g) ?? []).length;
    const reply = await send('reload', [], STRANGER);
    expect(Number(reply.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(text(reply)).toMatch(/Only the bot's owners/);
    expect((bot.stderr().match(/knowledge reload/g) ?? []).length).toBe(reloads);
  });
});

describe('unanswered-questions log', () => {
  it('records not found, ambiguous and not-in-the-sources queries, normalised, with no ids', async () => {
    await provision('Zebra   PANCAKE recipe');
    await provision('troop');
    await send('factcheck', [{ name: 'claim', type: STRING, value: 'the moon is made of cheese' }]);
    await provision('troop cap'); // answered: not recorded
    let lines: Record<string, unknown>[] = [];
    for (let waited = 0; waited < 5_000; waited += 50) {
      lines = (existsSync(missesFile) ? readFileSync(missesFile, 'utf8') : '')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>);
      if (lines.some((l) => l.command === 'factcheck')) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(lines).toContainEqual(
      expect.objectContaining({ command: 'provision', query: 'zebra pancake recipe', status: 'not_found' }),
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        command: 'provision',
        query: 'troop',
        status: 'ambiguous',
        suggestion: 'troop-cap',
      }),
    );
    expect(lines).toContainEqual(expect.objectContaining({ command: 'factcheck', status: 'not_in_sources' }));
    expect(lines.some((l) => l.query === 'troop cap')).toBe(false);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['command', 'query', 'status', 'suggestion', 'time']);
    }
    const raw = readFileSync(missesFile, 'utf8');
    for (const id of [FAKE_USER_ID, FAKE_GUILD_ID, FAKE_CHANNEL_ID, OWNER, STRANGER])
      expect(raw).not.toContain(id);
  });
});

describe('metrics', () => {
  it('serves Prometheus text whose counters match the traffic sent', async () => {
    const before = await scrape();
    for (let i = 0; i < 7; i += 1) await send('about');
    for (let i = 0; i < 3; i += 1) await provision('zebra pancake recipe');
    await send('factcheck', [{ name: 'claim', type: STRING, value: 'the moon is made of cheese' }]);
    const after = await scrape();
    expect(commandCount(after, 'about', 'found') - commandCount(before, 'about', 'found')).toBe(7);
    expect(
      commandCount(after, 'provision', 'not_found') - commandCount(before, 'provision', 'not_found'),
    ).toBe(3);
    const verdict = 'peacebot_factcheck_verdicts_total{verdict="not_in_sources"}';
    expect((after.get(verdict) ?? 0) - (before.get(verdict) ?? 0)).toBe(1);
    const count = 'peacebot_interaction_duration_seconds_count{kind="command",command="about"}';
    expect((after.get(count) ?? 0) - (before.get(count) ?? 0)).toBe(7);
    // The reloads above: at least two good ones (SIGHUP, /reload) and at least one refused broken base.
    expect(after.get('peacebot_knowledge_reloads_total{result="ok"}')).toBeGreaterThanOrEqual(2);
    expect(after.get('peacebot_knowledge_reloads_total{result="failed"}')).toBeGreaterThanOrEqual(2);
    expect(after.get('peacebot_knowledge_facts')).toBeGreaterThan(0);
    const health = await fetch(metricsUrl.replace('/metrics', '/healthz'));
    expect(health.status).toBe(200);
  });

  it('shows the client’s caches holding nobody who asked, however many members did', async () => {
    const members = Array.from({ length: 12 }, (_, i) => `16000000000000000${String(i).padStart(2, '0')}`);
    for (const member of members) await send('about', [], member);
    const cached = await scrape();
    const entries = (cache: string) => cached.get(`peacebot_cached_entries{cache="${cache}"}`);
    expect(entries('guilds')).toBe(fake.guildIds.length);
    // the bot's own user is all the users and members it keeps
    expect(entries('users')).toBeLessThanOrEqual(1);
    expect(entries('members')).toBeLessThanOrEqual(fake.guildIds.length);
    expect(entries('messages')).toBe(0);
  });
});

describe('metrics and reload on the HTTP interactions endpoint', () => {
  it('GET /metrics counts the signed interactions answered; SIGHUP reloads there too', async () => {
    const app = newApplication();
    const http = spawnEntry('src/main.ts', {
      DISCORD_PUBLIC_KEY: app.publicKeyHex,
      PORT: '0',
      HOST: '127.0.0.1',
      COOLDOWN_SECONDS: '0',
      KNOWLEDGE_DIR: join(ROOT, 'knowledge'),
    });
    try {
      const line = await http.waitForLog(/INFO +listening url=(http:\/\/127\.0\.0\.1:\d+)/, 20_000);
      const base = /url=(\S+)/.exec(line)![1]!;
      const before = await scrape(`${base}/metrics`);
      for (let i = 0; i < 4; i += 1) {
        const reply = await postInteraction(
          `${base}/interactions`,
          app,
          commandInteraction('about', [], OWNER),
        );
        expect(reply.status).toBe(200);
      }
      const miss = commandInteraction(
        'provision',
        [{ name: 'query', type: STRING, value: 'zebra pancake' }],
        OWNER,
      );
      expect((await postInteraction(`${base}/interactions`, app, miss)).status).toBe(200);
      const after = await scrape(`${base}/metrics`);
      expect(commandCount(after, 'about', 'found') - commandCount(before, 'about', 'found')).toBe(4);
      expect(
        commandCount(after, 'provision', 'not_found') - commandCount(before, 'provision', 'not_found'),
      ).toBe(1);
      process.kill(http.child.pid!, 'SIGHUP');
      await http.waitForLog(/INFO +knowledge reloaded trigger=SIGHUP/);
      const reloaded = await scrape(`${base}/metrics`);
      expect(reloaded.get('peacebot_knowledge_reloads_total{result="ok"}')).toBe(1);
    } finally {
      await http.stop();
    }
  });
});
