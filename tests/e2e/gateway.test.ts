/**
 * The gateway side of the real bot process: reconnect and resume are discord.js's job, and these tests
 * prove it does them against the fake — op 7, dropped connections, events replayed on RESUME, invalid
 * sessions — and that the bot answers throughout. Also: debug logging never shows the token, and
 * SIGTERM closes the gateway cleanly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord } from './fake-discord.js';
import { FAKE_TOKEN, startBot, type BotProcess } from './harness.js';

let fake: FakeDiscord;
let bot: BotProcess;

async function answered(): Promise<void> {
  const { id } = fake.sendCommand('about');
  const cb = await fake.waitForCallback(id);
  expect(cb.status).toBe(204);
  expect(cb.type).toBe(4);
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatInterval: 1_000 });
  bot = await startBot(fake, { LOG_LEVEL: 'debug' });
});

afterAll(async () => {
  await bot?.stop('SIGKILL');
  await fake?.close();
});

describe('gateway', () => {
  it('identifies once, with the Guilds intent only, json encoding and no compression', async () => {
    expect(fake.identifyCount).toBe(1);
    expect(fake.identifyPayloads[0]!.intents).toBe(1);
    expect(fake.identifyPayloads[0]!.token).toBe(FAKE_TOKEN);
    expect(fake.connectQueries[0]).toMatchObject({ v: '10', encoding: 'json' });
    await answered();
  });

  it('heartbeats and gets acknowledged', async () => {
    const before = fake.heartbeatCount;
    await fake.waitFor(() => (fake.heartbeatCount >= before + 2 ? true : undefined), 5_000, 'two heartbeats');
  });

  it('op 7 reconnect: it resumes the session (no new IDENTIFY) and keeps answering', async () => {
    const identifies = fake.identifyCount;
    const resumes = fake.resumeCount;
    fake.requestReconnect();
    await fake.waitFor(
      () => (fake.resumeCount === resumes + 1 && fake.connected ? true : undefined),
      5_000,
      'RESUME',
    );
    expect(fake.identifyCount).toBe(identifies);
    await bot.waitForLog(/INFO +gateway resumed/);
    await answered();
  });

  it('a dropped connection is resumed, and an interaction sent meanwhile is replayed and answered', async () => {
    const resumes = fake.resumeCount;
    fake.dropConnection(); // abrupt: no close frame
    const { id } = fake.sendCommand('help'); // queued in the session, replayed on RESUME
    const cb = await fake.waitForCallback(id, 5_000);
    expect(cb.status).toBe(204);
    expect(fake.resumeCount).toBe(resumes + 1);
    await answered();
  });

  it('close code 4000 (unknown error) is resumed too', async () => {
    const resumes = fake.resumeCount;
    fake.dropConnection(4000);
    await fake.waitFor(
      () => (fake.resumeCount === resumes + 1 && fake.connected ? true : undefined),
      5_000,
      'RESUME',
    );
    await answered();
  });

  it('an invalid, non-resumable session makes it identify afresh and keep answering', async () => {
    const identifies = fake.identifyCount;
    fake.invalidateSession(false);
    await fake.waitFor(
      () => (fake.identifyCount === identifies + 1 && fake.connected ? true : undefined),
      10_000,
      'a new IDENTIFY',
    );
    await answered();
  });

  it('never logs the token, even at debug level', () => {
    expect(bot.stderr()).toMatch(/DEBUG/);
    expect(bot.stderr()).toMatch(/Provided token: \[redacted\]/);
    for (const part of [FAKE_TOKEN, ...FAKE_TOKEN.split('.')]) {
      expect(bot.stderr()).not.toContain(part);
      expect(bot.stdout()).not.toContain(part);
    }
  });

  it('SIGTERM: closes the gateway with a normal close and exits 0', async () => {
    const closes = fake.clientCloseCodes.length;
    const code = await bot.stop('SIGTERM');
    expect(code).toBe(0);
    expect(fake.clientCloseCodes.slice(closes)).toContain(1000);
    expect(bot.stderr()).toMatch(/INFO +stopped reason=SIGTERM/);
  });
});
