/**
 * The bot as it really runs — `src/main.ts` in its own process, the real discord.js client — against the
 * fake Discord: every command, autocomplete, buttons, the "did you mean" menu, hide, target, hostile input,
 * failures, and the cooldown. Assertions are on what the fake recorded: the interaction callbacks, and the
 * mentions Discord would have resolved from them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import {
  FAKE_OTHER_USER_ID,
  FAKE_ROLE_ID,
  FakeDiscord,
  type Callback,
  type FakeMessage,
} from './fake-discord.js';
import { FAKE_TOKEN, startBot, type BotProcess } from './harness.js';
import {
  BOOLEAN,
  customIds,
  EPHEMERAL,
  embedText,
  INTEGER,
  memberIds,
  STRING,
  USER,
  type Option,
} from '../support/discord-wire.js';
import { exampleOptions } from '../support/command-examples.js';

const ZWSP = '\u200b';

let fake: FakeDiscord;
let bot: BotProcess;

// Every test acts as its own member, so the per-user cooldown (1 s here) only meets the test about it.
const newUser = memberIds(1_400_000_000_000_000_000n);

async function run(name: string, options: Option[] = [], userId = newUser()) {
  const { id } = fake.sendCommand(name, options, { userId });
  const cb = await fake.waitForCallback(id);
  return { id, cb, userId, message: fake.originalOf(id) };
}

/** What every reply must satisfy: accepted by Discord, and pinging nobody unless a target is allowed. */
function expectSafeReply(cb: Callback, allowedUsers: string[] = []): void {
  expect(cb.status, `callback rejected: ${fake.violations.join('; ')}`).toBeLessThan(300);
  const am = cb.data?.allowed_mentions as
    { parse?: string[]; users?: string[]; roles?: string[] } | undefined;
  expect(am, 'allowed_mentions must always be sent').toBeDefined();
  expect(am?.parse ?? []).toEqual([]);
  expect(am?.roles ?? []).toEqual([]);
  expect([...(am?.users ?? [])].sort()).toEqual([...allowedUsers].sort());
}

function expectNobodyPinged(message: FakeMessage | undefined, allowedUsers: string[] = []): void {
  expect(message).toBeDefined();
  expect(message!.mention_everyone).toBe(false);
  expect(message!.mention_roles).toEqual([]);
  expect(message!.mentions.map((u) => u.id)).toEqual(allowedUsers);
}

beforeAll(async () => {
  fake = await FakeDiscord.start({ heartbeatInterval: 2_000 });
  bot = await startBot(fake, { COOLDOWN_SECONDS: '1' });
});

afterAll(async () => {
  await bot?.stop();
  await fake?.close();
});

describe('slash commands', () => {
  const examples: Record<string, Option[]> = {
    provision: [{ name: 'query', type: STRING, value: 'troop cap' }],
    issue: [{ name: 'query', type: STRING, value: 'znpp' }],
    ask: [{ name: 'question', type: STRING, value: 'how many troops can Ukraine keep?' }],
    compare: [{ name: 'topic', type: STRING, value: 'troop-cap' }],
    plan: [{ name: 'plan', type: STRING, value: 'us-28' }],
    timeline: [],
    sources: [],
    about: [],
    help: [],
  };

  const exampleFor = (name: string): Option[] => exampleOptions(name, examples);

  it('includes the nine commands of the issue', () => {
    const names = commands.map((c) => c.definition.name);
    for (const name of Object.keys(examples)) expect(names).toContain(name);
  });

  // Owner-only maintenance commands (/reload) answer privately; tests/e2e/ops.test.ts covers them.
  const everyones = commands.filter((c) => !c.definition.ownerOnly);

  for (const name of everyones.map((c) => c.definition.name)) {
    const options = exampleFor(name);
    it(`/${name} answers with an embed from the renderer, pinging nobody`, async () => {
      const { cb, message } = await run(name, options);
      expect(cb.type).toBe(4);
      expectSafeReply(cb);
      const embeds = cb.data?.embeds as { title?: string; footer?: { text?: string }; color?: number }[];
      expect(embeds.length).toBeGreaterThanOrEqual(1);
      expect(embeds[0]!.title).toBeTruthy();
      expect(embeds[0]!.footer?.text).toMatch(/(As of|reviewed) \d{1,2} [A-Z][a-z]{2} \d{4}/);
      expect(Number(cb.data?.flags ?? 0) & EPHEMERAL).toBe(0);
      expectNobodyPinged(message);
    });
  }

  it('/help lists every command', async () => {
    const { cb } = await run('help');
    const text = embedText(cb.data);
    for (const command of everyones) expect(text).toContain(`/${command.definition.name}`);
    expect(text).not.toContain('/reload');
  });

  it('answers lookups with their sources and a Sources button', async () => {
    const { cb, message } = await run('provision', [{ name: 'query', type: STRING, value: 'troop-cap' }]);
    expect(embedText(cb.data)).toMatch(/Sources/);
    expect(customIds(message).some((id) => id.startsWith('src:'))).toBe(true);
    for (const id of customIds(message)) expect([...id].length).toBeLessThanOrEqual(100);
  });

  it('coerces option values of the wrong type instead of failing', async () => {
    const { cb } = await run('plan', [
      { name: 'plan', type: STRING, value: 'us-ua-20' },
      { name: 'page', type: INTEGER, value: 'two' },
    ]);
    expectSafeReply(cb);
    expect(cb.type).toBe(4);
  });
});

describe('hide and target', () => {
  it('hide: true makes the reply ephemeral', async () => {
    const { cb } = await run('provision', [
      { name: 'query', type: STRING, value: 'troop cap' },
      { name: 'hide', type: BOOLEAN, value: true },
    ]);
    expectSafeReply(cb);
    expect(Number(cb.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
  });

  it('target addresses one member, and only that member may be pinged', async () => {
    const { cb, message } = await run('issue', [
      {
        name: 'query',
        type: STRING,
        value: `znpp @everyone @here <@&${FAKE_ROLE_ID}> <@${FAKE_OTHER_USER_ID}9>`,
      },
      { name: 'target', type: USER, value: FAKE_OTHER_USER_ID },
    ]);
    expectSafeReply(cb, [FAKE_OTHER_USER_ID]);
    expect(String(cb.data?.content)).toContain(`<@${FAKE_OTHER_USER_ID}>`);
    expectNobodyPinged(message, [FAKE_OTHER_USER_ID]);
  });

  it('hide with a target pings nobody (the target could not see the reply)', async () => {
    const { cb, message } = await run('provision', [
      { name: 'query', type: STRING, value: 'troop cap' },
      { name: 'hide', type: BOOLEAN, value: true },
      { name: 'target', type: USER, value: FAKE_OTHER_USER_ID },
    ]);
    expectSafeReply(cb);
    expect(Number(cb.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expectNobodyPinged(message);
  });
});

describe('hostile input', () => {
  const hostile: Record<string, string> = {
    everyone: '@everyone @here troop cap <@&1300000000000000006> <@1300000000000000005>',
    long: 'troop cap '.repeat(600), // 6 000 characters
    markdown:
      '**troop** __cap__ `x` ```js\nalert(1)``` ~~y~~ ||spoiler|| > quote [link](https://evil.example) # H1',
    zeroWidth: `tro${ZWSP}op\u200c-\u200dca\u2060p\ufeff`,
    controls: 'troop\u0000cap\u001b[31m',
    emoji: '🇺🇦'.repeat(50) + '👨‍👩‍👧‍👦'.repeat(50),
  };

  for (const [what, text] of Object.entries(hostile)) {
    it(`/ask and /provision survive ${what} input: valid reply, nobody pinged`, async () => {
      for (const [name, option] of [
        ['ask', 'question'],
        ['provision', 'query'],
      ] as const) {
        const { cb, message } = await run(name, [{ name: option, type: STRING, value: text }]);
        expectSafeReply(cb);
        expect(cb.type).toBe(4);
        expectNobodyPinged(message);
        // Echoed text never looks like a mass ping.
        expect(embedText(cb.data)).not.toMatch(/@(everyone|here)/);
      }
    });
  }

  it('zero-width characters do not stop a lookup', async () => {
    const { cb } = await run('provision', [{ name: 'query', type: STRING, value: hostile.zeroWidth! }]);
    expect(embedText(cb.data).toLowerCase()).toContain('troop');
  });

  it('autocomplete copes with hostile input too', async () => {
    for (const text of Object.values(hostile)) {
      const { id } = fake.sendAutocomplete('provision', [
        { name: 'query', type: STRING, value: text, focused: true },
      ]);
      const cb = await fake.waitForCallback(id);
      expect(cb.status).toBe(204);
      expect(cb.type).toBe(8);
    }
  });
});

describe('autocomplete', () => {
  const targets: [string, string][] = [
    ['provision', 'query'],
    ['issue', 'query'],
    ['compare', 'topic'],
  ];

  for (const [name, option] of targets) {
    it(`/${name}: useful suggestions on empty input, ranked matches when typing, within limits`, async () => {
      const empty = fake.sendAutocomplete(name, [{ name: option, type: STRING, value: '', focused: true }]);
      const emptyCb = await fake.waitForCallback(empty.id);
      expect(emptyCb.type).toBe(8);
      const emptyChoices = emptyCb.data?.choices as { name: string; value: string }[];
      expect(emptyChoices.length).toBeGreaterThan(0);
      expect(emptyChoices.length).toBeLessThanOrEqual(25);

      const typed = fake.sendAutocomplete(name, [
        { name: option, type: STRING, value: 'zapor', focused: true },
      ]);
      const typedCb = await fake.waitForCallback(typed.id);
      const choices = typedCb.data?.choices as { name: string; value: string }[];
      expect(choices.length).toBeGreaterThan(0);
      expect(choices.length).toBeLessThanOrEqual(25);
      expect(`${choices[0]!.name} ${choices[0]!.value}`.toLowerCase()).toMatch(/zapor|znpp|nuclear/);
      for (const c of [...emptyChoices, ...choices]) {
        expect([...c.name].length).toBeGreaterThan(0);
        expect([...c.name].length).toBeLessThanOrEqual(100);
        expect([...c.value].length).toBeLessThanOrEqual(100);
      }
    });
  }

  it('a choice picked from autocomplete answers the command', async () => {
    const ac = fake.sendAutocomplete('provision', [
      { name: 'query', type: STRING, value: 'troop', focused: true },
    ]);
    const choice = ((await fake.waitForCallback(ac.id)).data?.choices as { value: string }[])[0]!;
    const { cb } = await run('provision', [{ name: 'query', type: STRING, value: choice.value }]);
    expectSafeReply(cb);
    expect((cb.data?.embeds as { color: number }[])[0]!.color).not.toBe(0xb03a2e);
  });

  it('answers an empty list for an option without autocomplete', async () => {
    const { id } = fake.sendAutocomplete('ask', [
      { name: 'question', type: STRING, value: 'x', focused: true },
    ]);
    const cb = await fake.waitForCallback(id);
    expect(cb.type).toBe(8);
    expect(cb.data?.choices).toEqual([]);
  });
});

describe('buttons and menus', () => {
  it('the Sources button shows the full quotes and links, ephemerally', async () => {
    const { message } = await run('provision', [{ name: 'query', type: STRING, value: 'troop cap' }]);
    const sourcesId = customIds(message).find((id) => id.startsWith('src:'))!;
    const click = fake.sendComponent(message!, sourcesId, { userId: newUser() });
    const cb = await fake.waitForCallback(click.id);
    expectSafeReply(cb);
    expect(cb.type).toBe(4);
    expect(Number(cb.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const text = embedText(cb.data);
    expect(text).toMatch(/https?:\/\//);
    expect(text).toMatch(/“[^”]{20,}”/);
    // The public message is untouched.
    expect(fake.message(message!.id)!.embeds).toEqual(message!.embeds);
  });

  it('page buttons page through a plan: the asker updates the message', async () => {
    const { message, userId } = await run('plan', [{ name: 'plan', type: STRING, value: 'us-28' }]);
    const footer = () => String((fake.message(message!.id)!.embeds[0]!.footer as { text: string }).text);
    expect(footer()).toMatch(/page 1 of \d+/);
    const next = customIds(message).find((id) => /^plan:us-28:2$/.test(id))!;
    expect(next).toBeDefined();
    const click = fake.sendComponent(message!, next, { userId });
    const cb = await fake.waitForCallback(click.id);
    expectSafeReply(cb);
    expect(cb.type).toBe(7);
    expect(footer()).toMatch(/page 2 of \d+/);
    // Back again, from the updated message.
    const previous = customIds(fake.message(message!.id)).find((id) => id === 'plan:us-28:1')!;
    const back = fake.sendComponent(fake.message(message!.id)!, previous, { userId });
    expect((await fake.waitForCallback(back.id)).type).toBe(7);
    expect(footer()).toMatch(/page 1 of /);
  });

  it("the More button: the asker's message shows the parts it left out, until none are left", async () => {
    const { message, userId } = await run('compare', [{ name: 'topic', type: STRING, value: 'territory' }]);
    const body = () => String(fake.message(message!.id)!.embeds[0]!.description);
    expect(body()).toMatch(/more parts? \(More button\)/);
    let clicks = 0;
    for (let more = customIds(message).find((id) => id.startsWith('more:')); more; clicks += 1) {
      expect(clicks).toBeLessThan(20);
      const click = fake.sendComponent(fake.message(message!.id)!, more, { userId });
      const cb = await fake.waitForCallback(click.id);
      expectSafeReply(cb);
      expect(cb.type).toBe(7);
      expect(body()).toMatch(/Parts \d+–\d+ of \d+/);
      more = customIds(fake.message(message!.id)).find((id) => id.startsWith('more:'));
    }
    expect(clicks).toBeGreaterThan(0);
    // the last chunk names nothing left
    expect(body()).not.toMatch(/more parts? \(/);
    expect(customIds(fake.message(message!.id)).some((id) => id.startsWith('src:'))).toBe(true);
  });

  it('someone else paging gets their own ephemeral copy; the public message stays', async () => {
    const { message } = await run('plan', [{ name: 'plan', type: STRING, value: 'us-ua-20' }]);
    const before = structuredClone(fake.message(message!.id)!.embeds);
    const click = fake.sendComponent(message!, 'plan:us-ua-20:2', { userId: newUser() });
    const cb = await fake.waitForCallback(click.id);
    expectSafeReply(cb);
    expect(cb.type).toBe(4);
    expect(Number(cb.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(cb.data)).toMatch(/page 2 of /);
    expect(fake.message(message!.id)!.embeds).toEqual(before);
  });

  it('page buttons page through the timeline, keeping its filter', async () => {
    const { message, userId } = await run('timeline');
    const next = customIds(message).find((id) => id.startsWith('tl:2:'));
    expect(next, `no Next button in ${customIds(message).join(', ')}`).toBeDefined();
    const click = fake.sendComponent(message!, next!, { userId });
    const cb = await fake.waitForCallback(click.id);
    expectSafeReply(cb);
    expect(cb.type).toBe(7);
    expect(JSON.stringify(fake.message(message!.id)!.embeds)).toMatch(/page 2 of /);
  });

  it('the "did you mean" menu answers with the chosen fact', async () => {
    let found: { message: FakeMessage; userId: string; pickId: string; values: string[] } | undefined;
    for (const query of ['russia', 'peace', 'nuclear', 'war', 'security', 'plan']) {
      const { message, userId } = await run('provision', [{ name: 'query', type: STRING, value: query }]);
      const row = message?.components.find((r) =>
        ((r.components as Record<string, unknown>[]) ?? []).some((c) => c.type === 3),
      );
      const select = (row?.components as Record<string, unknown>[] | undefined)?.find((c) => c.type === 3);
      if (select) {
        const values = (select.options as { value: string }[]).map((o) => o.value);
        found = { message: message!, userId, pickId: String(select.custom_id), values };
        break;
      }
    }
    expect(found, 'no ambiguous query among the candidates produced a select menu').toBeDefined();
    const { message, userId, pickId, values } = found!;
    expect(values.length).toBeGreaterThan(1);
    expect(values.length).toBeLessThanOrEqual(25);
    const pick = fake.sendComponent(message, pickId, { userId, values: [values[0]!] });
    const cb = await fake.waitForCallback(pick.id);
    expectSafeReply(cb);
    expect(cb.type).toBe(7);
    const updated = fake.message(message.id)!;
    // Now an answer about the chosen fact, with no menu left.
    expect(JSON.stringify(updated.embeds[0]!.footer)).toContain(values[0]!);
    expect(updated.components.some((r) => JSON.stringify(r).includes('"type":3'))).toBe(false);
  });

  it('a button the bot no longer understands gets a polite ephemeral notice', async () => {
    const { message } = await run('about');
    for (const customId of ['bogus:1', 'plan:us-28:abc', 'src:no-such-fact', 'pick:nosuchcommand']) {
      const click = customId.startsWith('pick:')
        ? fake.sendComponent(message!, customId, { values: ['troop-cap'] })
        : fake.sendComponent(message!, customId);
      const cb = await fake.waitForCallback(click.id);
      expectSafeReply(cb);
      expect(cb.type).toBe(4);
      expect(Number(cb.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
      expect(String(cb.data?.content)).toMatch(/run the command again|no longer/i);
    }
  });
});

describe('robustness', () => {
  it('a handler that throws gets an ephemeral "something went wrong", a log line, and the bot lives on', async () => {
    const { id } = fake.sendCommand('provision', [{ name: 'query', type: STRING, value: 'troop cap' }], {
      userId: newUser(),
    });
    // Discord rejects the reply (as it does a payload it does not accept): reply() throws in the handler.
    fake.failNext((path, method) => method === 'POST' && path.startsWith(`/interactions/${id}/`), 400, {
      message: 'Invalid Form Body',
      code: 50035,
      errors: {},
    });
    await fake.waitFor(() => (fake.callbacksOf(id).length >= 1 ? true : undefined));
    const second = await fake.waitFor(() => fake.callbacksOf(id).find((c) => c.status === 204));
    expect(second.type).toBe(4);
    expect(Number(second.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(second.data?.content)).toMatch(/something went wrong/i);
    expectSafeReply(second);
    await bot.waitForLog(new RegExp(`ERROR interaction failed .*id=${id}`));
    // Still serving.
    const { cb } = await run('about');
    expect(cb.status).toBe(204);
  });

  it('an unknown command gets an ephemeral notice', async () => {
    const { cb } = await run('nosuchcommand');
    expectSafeReply(cb);
    expect(Number(cb.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(cb.data?.content)).toMatch(/help/);
  });

  it('survives an interaction without member or user, and goes on answering', async () => {
    fake.sendRawInteraction(2, {
      data: { id: '1', name: 'about', type: 1 },
      member: undefined,
      user: undefined,
    });
    const { cb } = await run('help');
    expect(cb.status).toBe(204);
  });

  it('answers in a direct message too (user instead of member, no guild)', async () => {
    const userId = newUser();
    const dm = fake.sendRawInteraction(
      2,
      {
        data: {
          id: '1',
          name: 'provision',
          type: 1,
          options: [{ name: 'query', type: STRING, value: 'znpp' }],
        },
        guild_id: undefined,
        guild: undefined,
        guild_locale: undefined,
        member: undefined,
        user: { id: userId, username: 'dm-user', discriminator: '0', global_name: null, avatar: null },
        channel_id: '1300000000000000099',
        channel: { id: '1300000000000000099', type: 1, last_message_id: null, flags: 0, recipients: [] },
        authorizing_integration_owners: { '0': '1300000000000000002' },
        context: 1,
      },
      userId,
    );
    const cb = await fake.waitForCallback(dm.id);
    expectSafeReply(cb);
    expect(cb.type).toBe(4);
  });

  it('per-user cooldown: a friendly ephemeral notice, then served again', async () => {
    const userId = newUser();
    const first = await run('about', [], userId);
    expect(first.cb.type).toBe(4);
    const second = await run('about', [], userId);
    expectSafeReply(second.cb);
    expect(Number(second.cb.data?.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(second.cb.data?.content)).toMatch(/again in \d+ second/);
    // Other commands and other members are not held back.
    expect(embedText((await run('help', [], userId)).cb.data)).toContain('/about');
    expect((await run('about')).cb.data?.embeds).toBeDefined();
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await run('about', [], userId)).cb.data?.embeds).toBeDefined();
  });

  it('answers every callback in time and never sent Discord anything it would reject', () => {
    expect(fake.violations).toEqual([]);
    const late = fake.callbacks.filter((c) => c.status === 404);
    expect(late).toEqual([]);
  });

  it('never logs the token', () => {
    expect(bot.stderr()).not.toContain(FAKE_TOKEN);
    expect(bot.stdout()).not.toContain(FAKE_TOKEN);
  });
});
