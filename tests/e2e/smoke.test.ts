/**
 * The fake Discord is faithful enough for the real discord.js client: it logs in over REST + websocket,
 * receives an interaction and replies, survives op 7 with a RESUME. This runs discord.js in-process, with
 * none of the bot's code, so a failure here is the fake's (or discord.js's), not the bot's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Events, GatewayIntentBits, MessageFlags } from 'discord.js';
import { FakeDiscord } from './fake-discord.js';

describe('fake Discord with a bare discord.js client', () => {
  let fake: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    fake = await FakeDiscord.start({ heartbeatInterval: 1_000 });
    client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiBase } });
    client.on(Events.InteractionCreate, async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: `pong ${interaction.options.getString('word') ?? ''}`,
          flags: MessageFlags.Ephemeral,
          allowedMentions: { parse: [] },
        });
      }
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login('fake-token-for-tests');
    await ready;
  });

  afterAll(async () => {
    await client?.destroy();
    await fake?.close();
  });

  it('identifies with json encoding and no transport compression', () => {
    expect(fake.identifyCount).toBe(1);
    expect(fake.connectQueries[0]).toEqual({ v: '10', encoding: 'json' });
    expect(client.guilds.cache.size).toBe(fake.guildIds.length);
  });

  it('answers a slash command through the interaction callback', async () => {
    const { id } = fake.sendCommand('ping', [{ name: 'word', type: 3, value: 'hello' }]);
    const cb = await fake.waitForCallback(id);
    expect(cb.status).toBe(204);
    expect(cb.type).toBe(4);
    expect(cb.data?.content).toBe('pong hello');
    expect(cb.data?.flags).toBe(64);
  });

  it('heartbeats are acknowledged', async () => {
    await fake.waitFor(() => (fake.heartbeatCount >= 1 ? true : undefined), 3_000, 'a heartbeat');
  });

  it('resumes after op 7 and keeps answering', async () => {
    fake.requestReconnect();
    await fake.waitFor(() => (fake.resumeCount === 1 && fake.connected ? true : undefined), 5_000, 'RESUME');
    expect(fake.identifyCount).toBe(1);
    expect(fake.clientCloseCodes).toContain(4200);
    const { id } = fake.sendCommand('ping', [{ name: 'word', type: 3, value: 'again' }]);
    const cb = await fake.waitForCallback(id);
    expect(cb.data?.content).toBe('pong again');
  });
});
