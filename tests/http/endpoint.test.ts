/**
 * The HTTP interactions endpoint in-process — real server on 127.0.0.1, real knowledge, real shared
 * handler and renderer — driven the way Discord drives it: requests signed with a key pair made here.
 * Every command, autocomplete, the Sources button, the "did you mean" menu, paging, hostile input, the
 * size limit, and the health check. Replies are checked against Discord's documented limits by the same
 * checker the fake Discord uses.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { MAX_BODY_BYTES, type InteractionsServer } from '../../src/http/server.js';
import { FAKE_OTHER_USER_ID, FAKE_ROLE_ID, checkAutocomplete, snowflake } from '../e2e/fake-discord.js';
import {
  autocompleteInteraction,
  commandInteraction,
  componentInteraction,
  expectMessage,
  messageOf,
  newApplication,
  postInteraction,
  request,
  signatureHeaders,
  type Reply,
} from './signing.js';
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
import { startEndpoint } from './in-process.js';
import { exampleOptions } from '../support/command-examples.js';

type Json = Record<string, unknown>;

const app = newApplication();
const log: string[] = [];
let endpoint: InteractionsServer;
let base: string;
let url: string;

const newUser = memberIds(1_500_000_000_000_000_000n);

beforeAll(async () => {
  ({ endpoint, base, url } = await startEndpoint(app.publicKeyHex, 'info', log));
});

afterAll(async () => {
  await endpoint?.close();
});

/** The bold section headings in a reply's body. */
const headings = (data: Json): string[] => {
  const description = String(((data.embeds as Json[] | undefined) ?? [])[0]?.description ?? '');
  return [...description.matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!);
};

async function run(name: string, options: Option[] = [], userId = newUser()) {
  const reply = await postInteraction(url, app, commandInteraction(name, options, userId));
  return { reply, userId, data: expectMessage(reply, 4, []) };
}

describe('PING and the health check', () => {
  it('answers a signed PING with PONG (how the Developer Portal validates the URL)', async () => {
    const reply = await postInteraction(url, app, {
      id: snowflake(),
      application_id: '1',
      type: 1,
      version: 1,
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ type: 1 });
  });

  it('GET /healthz is 200 while serving; unknown paths 404, wrong methods 405', async () => {
    expect((await request(`${base}/healthz`, { method: 'GET' })).status).toBe(200);
    expect((await request(`${base}/healthz`, { method: 'HEAD' })).status).toBe(200);
    expect((await request(`${base}/nope`, { method: 'GET' })).status).toBe(404);
    expect((await postInteraction(`${url}/`, app, { type: 1 })).json).toEqual({ type: 1 });
    const wrong = await request(url, { method: 'GET' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe('POST');
  });
});

describe('slash commands', () => {
  const examples: Record<string, Option[]> = {
    provision: [{ name: 'query', type: STRING, value: 'troop-cap' }],
    issue: [{ name: 'query', type: STRING, value: 'znpp' }],
    ask: [{ name: 'question', type: STRING, value: 'how many troops can Ukraine keep?' }],
    compare: [{ name: 'topic', type: STRING, value: 'troop-cap' }],
    plan: [{ name: 'plan', type: STRING, value: 'us-28' }],
    factcheck: [{ name: 'claim', type: STRING, value: "the 20-point plan caps Ukraine's army at 800,000" }],
  };
  const exampleFor = (name: string): Option[] => exampleOptions(name, examples);

  // Owner-only maintenance (/reload) answers privately; tests/e2e/ops.test.ts covers it.
  for (const name of commands.filter((c) => !c.definition.ownerOnly).map((c) => c.definition.name)) {
    it(`/${name} answers in the response with an embed inside every limit, pinging nobody`, async () => {
      const { data } = await run(name, exampleFor(name));
      const embeds = data.embeds as { title?: string; footer?: { text?: string } }[];
      expect(embeds[0]!.title).toBeTruthy();
      expect(embeds[0]!.footer?.text).toMatch(/(As of|reviewed) \d{1,2} [A-Z][a-z]{2} \d{4}/);
      expect(Number(data.flags ?? 0) & EPHEMERAL).toBe(0);
    });
  }

  it('/provision troop-cap quotes its sources and offers a Sources button', async () => {
    const { data } = await run('provision', [{ name: 'query', type: STRING, value: 'troop-cap' }]);
    expect(embedText(data)).toMatch(/Sources/);
    expect(customIds(data).some((id) => id.startsWith('src:'))).toBe(true);
  });

  it('hide makes the reply ephemeral; target is the only one who may be pinged', async () => {
    const hidden = await run('provision', [
      { name: 'query', type: STRING, value: 'troop cap' },
      { name: 'hide', type: BOOLEAN, value: true },
    ]);
    expect(Number(hidden.data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const reply = await postInteraction(
      url,
      app,
      commandInteraction(
        'issue',
        [
          { name: 'query', type: STRING, value: 'znpp' },
          { name: 'target', type: USER, value: FAKE_OTHER_USER_ID },
        ],
        newUser(),
      ),
    );
    const data = expectMessage(reply, 4, [FAKE_OTHER_USER_ID]);
    expect(String(data.content)).toBe(`<@${FAKE_OTHER_USER_ID}>`);
  });

  it("the same question asked differently by several people: no reply takes on another one's hide or target", async () => {
    const query = { name: 'query', type: STRING, value: 'znpp' };
    const target = { name: 'target', type: USER, value: FAKE_OTHER_USER_ID };
    const hide = { name: 'hide', type: BOOLEAN, value: true };
    for (let round = 0; round < 2; round += 1) {
      const hiddenTargeted = expectMessage(
        await postInteraction(url, app, commandInteraction('provision', [query, hide, target], newUser())),
        4,
      );
      expect(String(hiddenTargeted.content)).toMatch(/Hidden reply/);
      const targeted = expectMessage(
        await postInteraction(url, app, commandInteraction('provision', [query, target], newUser())),
        4,
        [FAKE_OTHER_USER_ID],
      );
      expect(targeted.content).toBe(`<@${FAKE_OTHER_USER_ID}>`);
      const plain = expectMessage(
        await postInteraction(url, app, commandInteraction('provision', [query], newUser())),
        4,
      );
      expect(plain.content).toBeUndefined();
      expect(plain.flags).toBeUndefined();
      expect(plain.embeds).toEqual(targeted.embeds);
      const hidden = expectMessage(
        await postInteraction(url, app, commandInteraction('provision', [query, hide], newUser())),
        4,
      );
      expect(hidden.content).toBeUndefined();
      expect(hidden.flags).toBe(EPHEMERAL);
    }
  });

  it('an unknown command gets an ephemeral notice', async () => {
    const { data } = await run('nosuchcommand');
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(data.content)).toMatch(/\/help/);
  });
});

describe('autocomplete', () => {
  for (const [name, option] of [
    ['provision', 'query'],
    ['issue', 'query'],
    ['compare', 'topic'],
  ] as const) {
    it(`/${name}: ranked choices inside the limits`, async () => {
      for (const typed of ['', 'zapor', 'troop']) {
        const reply = await postInteraction(url, app, autocompleteInteraction(name, option, typed));
        expect(reply.status).toBe(200);
        expect(reply.json!.type).toBe(8);
        const data = reply.json!.data as { choices: { name: string; value: string }[] };
        expect(checkAutocomplete(data as unknown as Json)).toEqual([]);
        expect(data.choices.length).toBeGreaterThan(0);
      }
    });
  }

  it('an option without autocomplete gets an empty list', async () => {
    const reply = await postInteraction(url, app, autocompleteInteraction('ask', 'question', 'x'));
    expect(reply.json).toEqual({ type: 8, data: { choices: [] } });
  });
});

describe('buttons and menus', () => {
  it('the Sources button: full quotes and links, ephemeral', async () => {
    const { reply, userId } = await run('provision', [{ name: 'query', type: STRING, value: 'troop cap' }]);
    const sources = customIds(reply.json!.data as Json).find((id) => id.startsWith('src:'))!;
    const click = await postInteraction(
      url,
      app,
      componentInteraction(messageOf(reply.json!, userId), sources, newUser()),
    );
    const data = expectMessage(click, 4);
    expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(data)).toMatch(/https?:\/\//);
  });

  it('paging: the asker gets the message updated (type 7), anyone else an ephemeral copy', async () => {
    const { reply, userId } = await run('plan', [{ name: 'plan', type: STRING, value: 'us-28' }]);
    const message = messageOf(reply.json!, userId);
    expect(customIds(reply.json!.data as Json)).toContain('plan:us-28:2');
    const mine = expectMessage(
      await postInteraction(url, app, componentInteraction(message, 'plan:us-28:2', userId)),
      7,
    );
    expect(embedText(mine)).toMatch(/page 2 of /);
    const other = expectMessage(
      await postInteraction(url, app, componentInteraction(message, 'plan:us-28:2', newUser())),
      4,
    );
    expect(Number(other.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const timeline = await run('timeline');
    const next = customIds(timeline.data).find((id) => id.startsWith('tl:2:'))!;
    const paged = expectMessage(
      await postInteraction(
        url,
        app,
        componentInteraction(messageOf(timeline.reply.json!, timeline.userId), next, timeline.userId),
      ),
      7,
    );
    expect(embedText(paged)).toMatch(/page 2 of /);
  });

  it("the More button: the asker's message shows the next parts (type 7), anyone else gets them ephemeral", async () => {
    const question = 'what changed from 28 to 20 points';
    const { reply, userId, data } = await run('ask', [{ name: 'question', type: STRING, value: question }]);
    const more = customIds(data).find((id) => id.startsWith('more:'));
    expect(more, 'a long answer offers More').toBeDefined();
    const firstHeadings = headings(data);
    const message = messageOf(reply.json!, userId);
    const other = expectMessage(
      await postInteraction(url, app, componentInteraction(message, more!, newUser())),
      4,
    );
    expect(Number(other.flags) & EPHEMERAL).toBe(EPHEMERAL);
    const mine = expectMessage(
      await postInteraction(url, app, componentInteraction(message, more!, userId)),
      7,
    );
    expect(embedText(mine)).toMatch(/Parts \d+–\d+ of \d+/);
    // the same parts either way, and none the first reply already showed
    expect(headings(mine)).toEqual(headings(other));
    expect(headings(mine).length).toBeGreaterThan(0);
    for (const heading of headings(mine)) expect(firstHeadings).not.toContain(heading);
    // a part past the end (the fact base changed since) is a polite ephemeral notice
    const stale = expectMessage(
      await postInteraction(url, app, componentInteraction(message, `more:999:ask:${question}`, userId)),
      4,
    );
    expect(Number(stale.flags) & EPHEMERAL).toBe(EPHEMERAL);
    expect(String(stale.content)).toMatch(/Run the command again/);
  });

  it('the "did you mean" select menu answers with the chosen fact', async () => {
    let found: { reply: Reply; userId: string; select: Json } | undefined;
    for (const query of ['russia', 'peace', 'nuclear', 'war', 'security', 'plan']) {
      const { reply, userId, data } = await run('provision', [{ name: 'query', type: STRING, value: query }]);
      const select = ((data.components as Json[] | undefined) ?? [])
        .flatMap((row) => row.components as Json[])
        .find((c) => c.type === 3);
      if (select) {
        found = { reply, userId, select };
        break;
      }
    }
    expect(found, 'no ambiguous query produced a select menu').toBeDefined();
    const { reply, userId, select } = found!;
    const value = (select.options as { value: string }[])[0]!.value;
    const picked = expectMessage(
      await postInteraction(
        url,
        app,
        componentInteraction(messageOf(reply.json!, userId), String(select.custom_id), userId, [value]),
      ),
      7,
    );
    expect(JSON.stringify((picked.embeds as Json[])[0]!.footer)).toContain(value);
  });

  it('a component the bot does not understand gets a polite ephemeral notice', async () => {
    const { reply, userId } = await run('about');
    for (const id of ['bogus:1', 'plan:us-28:abc', 'src:no-such-fact']) {
      const data = expectMessage(
        await postInteraction(url, app, componentInteraction(messageOf(reply.json!, userId), id, userId)),
        4,
      );
      expect(Number(data.flags) & EPHEMERAL).toBe(EPHEMERAL);
    }
  });
});

describe('hostile input', () => {
  const hostile: Record<string, string> = {
    everyone: `@everyone @here troop cap <@&${FAKE_ROLE_ID}> <@${FAKE_OTHER_USER_ID}>`,
    long: 'troop cap '.repeat(600),
    controls: 'troop\u0000cap\u001b[31m\u0007\r\n\u202e',
    markdown: '**troop** `x` ```js\nalert(1)``` ||s|| [link](https://evil.example) # H1',
    emoji: '🇺🇦'.repeat(50) + '👨‍👩‍👧‍👦'.repeat(50),
  };
  for (const [what, text] of Object.entries(hostile)) {
    it(`${what} input: a valid reply that never pings anyone`, async () => {
      for (const [name, option] of [
        ['ask', 'question'],
        ['provision', 'query'],
        ['factcheck', 'claim'],
      ] as const) {
        const { data } = await run(name, [{ name: option, type: STRING, value: text }]);
        expect(embedText(data)).not.toMatch(/@(everyone|here)/);
      }
      const ac = await postInteraction(url, app, autocompleteInteraction('provision', 'query', text));
      expect(ac.json!.type).toBe(8);
      expect(checkAutocomplete(ac.json!.data as Json)).toEqual([]);
    });
  }

  it('options of the wrong type, and interactions missing fields, still get valid replies', async () => {
    await run('plan', [
      { name: 'plan', type: STRING, value: { nested: ['x'] } },
      { name: 'page', type: INTEGER, value: 'two' },
    ]);
    for (const broken of [
      { type: 2, id: '1', token: 't' },
      { type: 2, data: 'x', member: 7, user: null },
      { type: 3, data: { custom_id: 42 }, message: 'no' },
      { type: 99 },
    ]) {
      expectMessage(await postInteraction(url, app, broken), 4);
    }
    const ac = await postInteraction(url, app, { type: 4, data: { name: 'provision', options: 'x' } });
    expect(ac.json).toEqual({ type: 8, data: { choices: [] } });
  });

  it('a signed body that is not a JSON object is 400', async () => {
    for (const body of ['{"type":', 'null', '[1,2]', '"PING"', '\u0000']) {
      const reply = await request(url, { headers: signatureHeaders(app, body), body });
      expect(reply.status).toBe(400);
    }
  });

  it(`a body over ${MAX_BODY_BYTES} bytes is 413 (a 1 MB one, signed or not), and the server keeps serving`, async () => {
    const big = JSON.stringify({ type: 1, pad: 'x'.repeat(1024 * 1024) });
    expect((await request(url, { headers: signatureHeaders(app, big), body: big })).status).toBe(413);
    expect((await postInteraction(url, app, { type: 1 })).json).toEqual({ type: 1 });
  });

  it('logs one line per interaction, without control characters from the input', () => {
    const lines = log.join('').split('\n').filter(Boolean);
    expect(lines.some((l) => / INFO +interaction .*kind=command/.test(l))).toBe(true);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u0008\u001b\u202e]/);
  });
});
