/**
 * A fake Discord for end-to-end tests: the REST API (under /api/v10) and the gateway (websocket), both on
 * 127.0.0.1 with a port chosen by the OS. The real discord.js client talks to it exactly as it talks to
 * Discord: `GET /gateway/bot` gives it the websocket URL, HELLO → IDENTIFY → READY + GUILD_CREATE, heartbeats
 * are acknowledged, op 7 makes it RESUME, and interactions are dispatched as INTERACTION_CREATE with the
 * fields Discord sends. Everything the bot sends back (interaction callbacks, webhook edits and follow-ups,
 * command registrations) is recorded, and checked against Discord's documented limits: a payload Discord
 * would reject gets the same kind of 400 here, and is listed in `violations`.
 *
 * Only node:http and ws; nothing leaves 127.0.0.1.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export const FAKE_APP_ID = '1300000000000000001';
export const FAKE_BOT_ID = FAKE_APP_ID;
export const FAKE_GUILD_ID = '1300000000000000002';
/** A second server, on the other shard when there are two: (1300000000004194306 >> 22) % 2 = 1. */
export const FAKE_GUILD_ID_2 = '1300000000004194306';
export const FAKE_CHANNEL_ID = '1300000000000000003';
export const FAKE_USER_ID = '1300000000000000004';
export const FAKE_OTHER_USER_ID = '1300000000000000005';
export const FAKE_ROLE_ID = '1300000000000000006';

type Json = Record<string, unknown>;

export interface RecordedRequest {
  method: string;
  /** Path below /api/v10, e.g. `/interactions/1/tok/callback`. */
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
  at: number;
  status: number;
}

export interface Callback {
  interactionId: string;
  token: string;
  /** 1 pong, 4 message, 5 deferred message, 6 deferred update, 7 update, 8 autocomplete, 9 modal. */
  type: number;
  data: Json | undefined;
  status: number;
  at: number;
}

export interface WebhookCall {
  method: string;
  token: string;
  /** `@original`, a message id, or `followup` for POST /webhooks/:app/:token. */
  target: string;
  body: Json | undefined;
  at: number;
}

export interface FakeMessage {
  id: string;
  channel_id: string;
  guild_id?: string;
  author: Json;
  content: string;
  embeds: Json[];
  components: Json[];
  flags: number;
  type: number;
  timestamp: string;
  edited_timestamp: string | null;
  tts: boolean;
  mention_everyone: boolean;
  mentions: Json[];
  mention_roles: string[];
  attachments: Json[];
  pinned: boolean;
  application_id: string;
  webhook_id: string;
  interaction_metadata?: Json;
  [key: string]: unknown;
}

interface PendingInteraction {
  id: string;
  token: string;
  type: number;
  userId: string;
  dispatchedAt: number;
  acknowledged: boolean;
  original?: FakeMessage;
  commandName?: string;
  /** The shard it was dispatched to. */
  shard?: number;
  guildId?: string;
}

interface GatewaySession {
  id: string;
  /** [shard id, shard count] from IDENTIFY. */
  shard: [number, number];
  seq: number;
  /** Every dispatch sent in this session, for replay on RESUME. */
  sent: { s: number; t: string; d: unknown }[];
  socket: WebSocket | null;
}

export interface FakeDiscordOptions {
  /** The HELLO heartbeat interval in ms (Discord sends ~41 250). */
  heartbeatInterval?: number;
  /** Reject an initial interaction callback that arrives later than this (Discord: 3 s). */
  callbackDeadlineMs?: number;
  /** The name the bot user gets. */
  botName?: string;
}

/** The shard a server's events go to, as Discord computes it: (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string | undefined, shardCount: number): number {
  if (!guildId || shardCount <= 1) return 0; // DMs go to shard 0
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

function readShard(v: unknown): [number, number] | null {
  if (v === undefined || v === null) return [0, 1];
  if (!Array.isArray(v) || v.length !== 2) return null;
  const [id, count] = v as unknown[];
  if (!Number.isInteger(id) || !Number.isInteger(count)) return null;
  return (id as number) >= 0 && (id as number) < (count as number) ? [id as number, count as number] : null;
}

/** Discord-like snowflakes, increasing. */
let snowflakeCounter = 0n;
export function snowflake(): string {
  const ms = BigInt(Date.now()) - 1420070400000n;
  snowflakeCounter += 1n;
  return ((ms << 22n) | (snowflakeCounter & 0x3fffffn)).toString();
}

export function userObject(id: string, username: string, bot = false): Json {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    bot,
    system: false,
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    primary_guild: null,
    collectibles: null,
  };
}

function memberObject(user: Json, roles: string[] = []): Json {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: '2025-01-01T00:00:00.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    permissions: '2248473465835073',
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Discord's limits, as documented, checked on every message the bot sends.

function len(v: unknown): number {
  return typeof v === 'string' ? [...v].length : 0;
}

export function checkMessage(data: Json | undefined, where: string): string[] {
  const problems: string[] = [];
  if (!data) return problems;
  const content = data.content;
  if (content !== undefined && content !== null && typeof content !== 'string')
    problems.push(`${where}.content: not a string`);
  if (len(content) > 2000) problems.push(`${where}.content: ${len(content)} > 2000 characters`);
  const embeds = data.embeds;
  if (embeds !== undefined && embeds !== null) {
    if (!Array.isArray(embeds)) problems.push(`${where}.embeds: not an array`);
    else {
      if (embeds.length > 10) problems.push(`${where}.embeds: ${embeds.length} > 10`);
      let total = 0;
      embeds.forEach((e: Json, i: number) => {
        const w = `${where}.embeds[${i}]`;
        const title = len(e.title);
        const description = len(e.description);
        const footer = len((e.footer as Json | undefined)?.text);
        const author = len((e.author as Json | undefined)?.name);
        if (title > 256) problems.push(`${w}.title: ${title} > 256`);
        if (description > 4096) problems.push(`${w}.description: ${description} > 4096`);
        if (footer > 2048) problems.push(`${w}.footer.text: ${footer} > 2048`);
        if (author > 256) problems.push(`${w}.author.name: ${author} > 256`);
        if (e.url !== undefined && typeof e.url === 'string' && !/^https?:\/\//.test(e.url))
          problems.push(`${w}.url: not a http(s) URL`);
        total += title + description + footer + author;
        const fields = (e.fields as Json[] | undefined) ?? [];
        if (fields.length > 25) problems.push(`${w}.fields: ${fields.length} > 25`);
        fields.forEach((f, j) => {
          const n = len(f.name);
          const v = len(f.value);
          if (n === 0 || n > 256) problems.push(`${w}.fields[${j}].name: length ${n} not in 1..256`);
          if (v === 0 || v > 1024) problems.push(`${w}.fields[${j}].value: length ${v} not in 1..1024`);
          total += n + v;
        });
      });
      if (total > 6000) problems.push(`${where}.embeds: ${total} > 6000 characters in total`);
    }
  }
  const components = data.components;
  if (components !== undefined && components !== null) {
    if (!Array.isArray(components)) problems.push(`${where}.components: not an array`);
    else {
      if (components.length > 5) problems.push(`${where}.components: ${components.length} > 5 rows`);
      components.forEach((row: Json, i: number) => {
        const w = `${where}.components[${i}]`;
        if (row.type !== 1) problems.push(`${w}.type: ${String(row.type)} is not an action row`);
        const inner = (row.components as Json[] | undefined) ?? [];
        if (inner.length === 0) problems.push(`${w}.components: empty row`);
        const hasSelect = inner.some((c) => c.type !== 2);
        if (hasSelect && inner.length > 1) problems.push(`${w}: a select menu must be alone in its row`);
        if (inner.length > 5) problems.push(`${w}.components: ${inner.length} > 5`);
        inner.forEach((c, j) => {
          const cw = `${w}.components[${j}]`;
          if (c.type === 2) {
            if (c.style === 5) {
              if (typeof c.url !== 'string') problems.push(`${cw}.url: a link button needs a url`);
            } else if (typeof c.custom_id !== 'string') problems.push(`${cw}.custom_id: missing`);
            if (len(c.label) > 80) problems.push(`${cw}.label: ${len(c.label)} > 80`);
          }
          if (c.type === 3) {
            const options = (c.options as Json[] | undefined) ?? [];
            if (options.length < 1 || options.length > 25)
              problems.push(`${cw}.options: ${options.length} not in 1..25`);
            const values = new Set<unknown>();
            options.forEach((o, k) => {
              if (len(o.label) < 1 || len(o.label) > 100)
                problems.push(`${cw}.options[${k}].label: length not in 1..100`);
              if (len(o.value) < 1 || len(o.value) > 100)
                problems.push(`${cw}.options[${k}].value: length not in 1..100`);
              if (len(o.description) > 100) problems.push(`${cw}.options[${k}].description: > 100`);
              if (values.has(o.value)) problems.push(`${cw}.options[${k}].value: duplicate`);
              values.add(o.value);
            });
            if (len(c.placeholder) > 150) problems.push(`${cw}.placeholder: > 150`);
          }
          if (typeof c.custom_id === 'string' && (len(c.custom_id) < 1 || len(c.custom_id) > 100))
            problems.push(`${cw}.custom_id: length ${len(c.custom_id)} not in 1..100`);
        });
      });
    }
  }
  const am = data.allowed_mentions as Json | undefined;
  if (am) {
    const parse = (am.parse as string[] | undefined) ?? [];
    const users = (am.users as string[] | undefined) ?? [];
    if (parse.includes('users') && users.length > 0)
      problems.push(`${where}.allowed_mentions: parse users and users are mutually exclusive`);
    if (users.length > 100) problems.push(`${where}.allowed_mentions.users: > 100`);
  }
  return problems;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

export function checkCommands(commands: unknown): string[] {
  const problems: string[] = [];
  if (!Array.isArray(commands)) return ['body: not an array of commands'];
  if (commands.length > 100) problems.push(`body: ${commands.length} > 100 commands`);
  const names = new Set<string>();
  commands.forEach((c: Json, i: number) => {
    const w = `[${i}]`;
    const name = String(c.name);
    if (!COMMAND_NAME.test(name) || name !== name.toLowerCase())
      problems.push(`${w}.name: invalid "${name}"`);
    if (names.has(name)) problems.push(`${w}.name: duplicate "${name}"`);
    names.add(name);
    const type = (c.type as number | undefined) ?? 1;
    if (type === 1 && (len(c.description) < 1 || len(c.description) > 100))
      problems.push(`${w}.description: length ${len(c.description)} not in 1..100`);
    const options = (c.options as Json[] | undefined) ?? [];
    if (options.length > 25) problems.push(`${w}.options: > 25`);
    let seenOptional = false;
    const optionNames = new Set<string>();
    let total = len(c.name) + len(c.description);
    options.forEach((o, j) => {
      const ow = `${w}.options[${j}]`;
      const oname = String(o.name);
      if (!COMMAND_NAME.test(oname) || oname !== oname.toLowerCase())
        problems.push(`${ow}.name: invalid "${oname}"`);
      if (optionNames.has(oname)) problems.push(`${ow}.name: duplicate "${oname}"`);
      optionNames.add(oname);
      if (len(o.description) < 1 || len(o.description) > 100)
        problems.push(`${ow}.description: length not in 1..100`);
      if (o.required && seenOptional) problems.push(`${ow}: required options must come before optional ones`);
      if (!o.required) seenOptional = true;
      if (typeof o.type !== 'number' || o.type < 1 || o.type > 11) problems.push(`${ow}.type: invalid`);
      const choices = (o.choices as Json[] | undefined) ?? [];
      if (choices.length > 25) problems.push(`${ow}.choices: > 25`);
      if (o.autocomplete && choices.length > 0)
        problems.push(`${ow}: autocomplete and choices are exclusive`);
      if (o.autocomplete && ![3, 4, 10].includes(o.type as number))
        problems.push(`${ow}: autocomplete on a non-string/number option`);
      choices.forEach((ch, k) => {
        if (len(ch.name) < 1 || len(ch.name) > 100) problems.push(`${ow}.choices[${k}].name: length`);
        total += len(ch.name) + len(String(ch.value));
      });
      if (o.max_length !== undefined && (Number(o.max_length) < 1 || Number(o.max_length) > 6000))
        problems.push(`${ow}.max_length: not in 1..6000`);
      total += len(o.name) + len(o.description);
    });
    if (total > 4000) problems.push(`${w}: ${total} > 4000 characters in names, descriptions and choices`);
  });
  return problems;
}

export function checkAutocomplete(data: Json | undefined): string[] {
  const problems: string[] = [];
  const choices = data?.choices;
  if (!Array.isArray(choices)) return ['data.choices: not an array'];
  if (choices.length > 25) problems.push(`data.choices: ${choices.length} > 25`);
  choices.forEach((c: Json, i: number) => {
    if (len(c.name) < 1 || len(c.name) > 100) problems.push(`data.choices[${i}].name: length ${len(c.name)}`);
    if (typeof c.value === 'string' && (len(c.value) < 1 || len(c.value) > 100))
      problems.push(`data.choices[${i}].value: length ${len(c.value)}`);
  });
  return problems;
}

/**
 * An interaction as Discord sends it — over the gateway in INTERACTION_CREATE, or as the body of a POST
 * to an interactions endpoint: a member of `guildId` in its #general. `extra` overrides any field (an
 * `undefined` value leaves it out of the JSON).
 */
export function interactionPayload(
  type: number,
  userId: string,
  extra: Json = {},
  guildId: string = FAKE_GUILD_ID,
): Json {
  const id = snowflake();
  const token = `aW50ZXJhY3Rpb246${id}:${Math.random().toString(36).slice(2)}${'x'.repeat(120)}`;
  const user = userObject(userId, `user${userId.slice(-3)}`);
  const payload: Json = {
    id,
    application_id: FAKE_APP_ID,
    type,
    token,
    version: 1,
    guild_id: guildId,
    guild: { id: guildId, locale: 'en-US', features: [] },
    channel_id: FAKE_CHANNEL_ID,
    channel: {
      id: FAKE_CHANNEL_ID,
      type: 0,
      guild_id: guildId,
      name: 'general',
      position: 0,
      permissions: '2248473465835073',
      parent_id: null,
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      flags: 0,
    },
    member: memberObject(user),
    locale: 'en-US',
    guild_locale: 'en-US',
    app_permissions: '2248473465835073',
    entitlements: [],
    entitlement_sku_ids: [],
    authorizing_integration_owners: { '0': guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
    ...extra,
  };
  return payload;
}

// ---------------------------------------------------------------------------------------------------------

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  readonly callbacks: Callback[] = [];
  readonly webhooks: WebhookCall[] = [];
  /** Bodies of every PUT of application commands, with the route's guild (null: global). */
  readonly commandRegistrations: { guildId: string | null; body: unknown; at: number }[] = [];
  /** Payloads Discord would have rejected (each also answered with a 400). */
  readonly violations: string[] = [];
  /** Gateway counters. */
  identifyCount = 0;
  resumeCount = 0;
  heartbeatCount = 0;
  connectionCount = 0;
  /** The query strings the client connected with. */
  readonly connectQueries: Record<string, string>[] = [];
  /** Close codes the client closed its sockets with. */
  readonly clientCloseCodes: number[] = [];
  readonly identifyPayloads: Json[] = [];

  readonly port: number;
  private readonly server: http.Server;
  private readonly wss: WebSocketServer;
  private readonly interactions = new Map<string, PendingInteraction>();
  private readonly byToken = new Map<string, PendingInteraction>();
  private readonly messages = new Map<string, FakeMessage>();
  private readonly sessions = new Map<string, GatewaySession>();
  private current: GatewaySession | null = null;
  /** The live session of each shard id (a sharded bot holds one per shard, across its processes). */
  private readonly byShard = new Map<number, GatewaySession>();
  /** The servers the bot is in; each shard is told about its own. */
  readonly guildIds: string[] = [FAKE_GUILD_ID, FAKE_GUILD_ID_2];
  private readonly listeners = new Set<() => void>();
  private readonly failures: {
    match: (path: string, method: string) => boolean;
    status: number;
    body: Json;
  }[] = [];
  private readonly opts: Required<FakeDiscordOptions>;
  private readonly botUser: Json;
  private readonly sockets = new Set<WebSocket>();

  private constructor(server: http.Server, wss: WebSocketServer, opts: Required<FakeDiscordOptions>) {
    this.server = server;
    this.wss = wss;
    this.opts = opts;
    this.port = (server.address() as AddressInfo).port;
    this.botUser = userObject(FAKE_BOT_ID, opts.botName, true);
  }

  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const opts: Required<FakeDiscordOptions> = {
      heartbeatInterval: options.heartbeatInterval ?? 41_250,
      callbackDeadlineMs: options.callbackDeadlineMs ?? 3_000,
      botName: options.botName ?? 'PeacePlanFacts',
    };
    const server = http.createServer();
    const wss = new WebSocketServer({ server });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    const fake = new FakeDiscord(server, wss, opts);
    server.on('request', (req, res) => void fake.onRequest(req, res));
    wss.on('connection', (socket, req) => fake.onConnection(socket, req));
    return fake;
  }

  /** The REST base the bot is configured with (discord.js appends `/v10`). */
  get apiBase(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** True while a client holds an identified (READY or RESUMED) gateway connection. */
  get connected(): boolean {
    return this.current?.socket?.readyState === 1;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ----- waiting ------------------------------------------------------------------------------------------

  private notify(): void {
    for (const l of [...this.listeners]) l();
  }

  /** Resolve once `probe` returns something other than undefined; reject after `timeoutMs`. */
  waitFor<T>(probe: () => T | undefined, timeoutMs = 5_000, what = 'condition'): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const check = (): boolean => {
        const v = probe();
        if (v !== undefined) {
          cleanup();
          resolve(v);
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const listener = (): void => void check();
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      this.listeners.add(listener);
      check();
    });
  }

  waitForCallback(interactionId: string, timeoutMs = 5_000): Promise<Callback> {
    return this.waitFor(
      () => this.callbacks.find((c) => c.interactionId === interactionId),
      timeoutMs,
      `the callback of interaction ${interactionId}`,
    );
  }

  /** All callbacks of an interaction (a handler may try more than once, e.g. after a rejected payload). */
  callbacksOf(interactionId: string): Callback[] {
    return this.callbacks.filter((c) => c.interactionId === interactionId);
  }

  waitForWebhook(token: string, predicate: (w: WebhookCall) => boolean = () => true, timeoutMs = 5_000) {
    return this.waitFor(
      () => this.webhooks.find((w) => w.token === token && predicate(w)),
      timeoutMs,
      `a webhook call for token ${token.slice(0, 8)}…`,
    );
  }

  waitForCommandRegistration(timeoutMs = 5_000) {
    return this.waitFor(() => this.commandRegistrations.at(-1), timeoutMs, 'a command registration');
  }

  /** Wait until a client is identified (READY) or resumed on a live socket. */
  waitForSession(timeoutMs = 10_000): Promise<string> {
    return this.waitFor(
      () => (this.connected && this.current ? this.current.id : undefined),
      timeoutMs,
      'an identified gateway session',
    );
  }

  /** Wait until each of `count` shards has an identified session on a live socket. */
  waitForShards(count: number, timeoutMs = 20_000): Promise<true> {
    return this.waitFor(
      () => {
        for (let id = 0; id < count; id += 1) {
          const session = this.byShard.get(id);
          if (session?.shard[1] !== count || session.socket?.readyState !== 1) return undefined;
        }
        return true;
      },
      timeoutMs,
      `${count} identified shards`,
    );
  }

  /** Make the next matching REST request fail like Discord would (e.g. 400 Invalid Form Body). */
  failNext(match: (path: string, method: string) => boolean, status: number, body: Json): void {
    this.failures.push({ match, status, body });
  }

  message(id: string): FakeMessage | undefined {
    return this.messages.get(id);
  }

  /** The message an interaction's initial reply created (or the one it updated). */
  originalOf(interactionId: string): FakeMessage | undefined {
    return this.interactions.get(interactionId)?.original;
  }

  // ----- REST ---------------------------------------------------------------------------------------------

  private async readBody(req: http.IncomingMessage): Promise<unknown> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    if (!raw) return undefined;
    const type = req.headers['content-type'] ?? '';
    if (type.startsWith('multipart/form-data')) {
      const m = /name="payload_json"\r?\n(?:Content-Type: [^\r\n]*\r?\n)?\r?\n([\s\S]*?)\r?\n--/.exec(raw);
      return m?.[1] ? JSON.parse(m[1]) : raw;
    }
    try {
      return JSON.parse(raw);
    } catch {
      return raw;
    }
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await this.readBody(req);
    const prefix = /^\/api\/v\d+/.exec(url.pathname);
    const path = prefix ? url.pathname.slice(prefix[0].length) : url.pathname;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      headers: req.headers,
      body,
      at: Date.now(),
      status: 0,
    };
    this.requests.push(record);
    const send = (status: number, payload?: unknown): void => {
      record.status = status;
      if (payload === undefined) {
        res.writeHead(status);
        res.end();
      } else {
        const text = JSON.stringify(payload);
        res.writeHead(status, {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(text),
        });
        res.end(text);
      }
      this.notify();
    };
    if (!prefix) return send(404, { message: '404: Not Found', code: 0 });
    const failure = this.failures.findIndex((f) => f.match(path, record.method));
    if (failure >= 0) {
      const f = this.failures.splice(failure, 1)[0]!;
      const seg = path.split('/');
      if (seg[1] === 'interactions' && seg[4] === 'callback') {
        const body = (record.body ?? {}) as Json;
        this.callbacks.push({
          interactionId: seg[2]!,
          token: seg[3]!,
          type: Number(body.type),
          data: body.data as Json | undefined,
          status: f.status,
          at: record.at,
        });
      }
      return send(f.status, f.body);
    }
    try {
      this.route(record, send);
    } catch (error) {
      send(500, { message: `fake Discord crashed: ${(error as Error).message}`, code: 0 });
    }
  }

  private authorised(record: RecordedRequest): boolean {
    const auth = record.headers.authorization;
    return typeof auth === 'string' && /^Bot \S+$/.test(auth);
  }

  private route(record: RecordedRequest, send: (status: number, payload?: unknown) => void): void {
    const { method, path } = record;
    const seg = path.split('/').filter(Boolean).map(decodeURIComponent);
    const unauthorised = (): void => send(401, { message: '401: Unauthorized', code: 0 });

    if (method === 'GET' && path === '/gateway/bot') {
      if (!this.authorised(record)) return unauthorised();
      return send(200, {
        url: this.gatewayUrl,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      });
    }
    if (method === 'GET' && path === '/gateway') return send(200, { url: this.gatewayUrl });
    if (method === 'GET' && path === '/users/@me') {
      if (!this.authorised(record)) return unauthorised();
      return send(200, this.botUser);
    }
    if (method === 'GET' && (path === '/applications/@me' || path === '/oauth2/applications/@me')) {
      if (!this.authorised(record)) return unauthorised();
      return send(200, this.application());
    }
    // Application commands: /applications/:app/commands and /applications/:app/guilds/:guild/commands
    if (seg[0] === 'applications' && seg.length >= 3) {
      if (!this.authorised(record)) return unauthorised();
      const guildId = seg[2] === 'guilds' ? (seg[3] ?? null) : null;
      const isList = guildId
        ? seg[4] === 'commands' && seg.length === 5
        : seg[2] === 'commands' && seg.length === 3;
      if (seg[1] !== FAKE_APP_ID) return send(404, { message: 'Unknown Application', code: 10002 });
      if (isList && method === 'PUT') {
        const problems = checkCommands(record.body);
        if (problems.length) return this.reject(send, 'PUT commands', problems);
        this.commandRegistrations.push({ guildId, body: record.body, at: record.at });
        const created = (record.body as Json[]).map((c) => ({
          id: snowflake(),
          application_id: FAKE_APP_ID,
          version: snowflake(),
          type: 1,
          default_member_permissions: null,
          nsfw: false,
          ...(guildId ? { guild_id: guildId } : {}),
          ...c,
        }));
        return send(200, created);
      }
      if (isList && method === 'GET') {
        const last = [...this.commandRegistrations].reverse().find((r) => r.guildId === guildId);
        return send(200, last?.body ?? []);
      }
    }
    // POST /interactions/:id/:token/callback
    if (seg[0] === 'interactions' && seg[3] === 'callback' && method === 'POST') {
      return this.onCallback(record, seg[1]!, seg[2]!, send);
    }
    // Webhooks: /webhooks/:app/:token[/messages/:id]
    if (seg[0] === 'webhooks' && seg[1] && seg[2]) {
      return this.onWebhook(record, seg[1], seg[2], seg[3] === 'messages' ? seg[4] : undefined, send);
    }
    send(404, { message: '404: Not Found', code: 0 });
  }

  private reject(send: (status: number, payload?: unknown) => void, where: string, problems: string[]): void {
    this.violations.push(...problems.map((p) => `${where}: ${p}`));
    send(400, { message: 'Invalid Form Body', code: 50035, errors: { _errors: problems } });
  }

  private application(): Json {
    return {
      id: FAKE_APP_ID,
      name: this.opts.botName,
      icon: null,
      description: '',
      summary: '',
      type: null,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: '0'.repeat(64),
      flags: 0,
      team: null,
      owner: userObject(FAKE_USER_ID, 'owner'),
    };
  }

  private newMessage(interaction: PendingInteraction | undefined, data: Json, channelId = FAKE_CHANNEL_ID) {
    const msg: FakeMessage = {
      id: snowflake(),
      channel_id: channelId,
      guild_id: interaction?.guildId ?? FAKE_GUILD_ID,
      author: this.botUser,
      content: '',
      embeds: [],
      components: [],
      flags: 0,
      type: interaction?.type === 2 ? 20 : 19,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      pinned: false,
      application_id: FAKE_APP_ID,
      webhook_id: FAKE_APP_ID,
    };
    if (interaction) {
      msg.interaction_metadata = {
        id: interaction.id,
        type: interaction.type,
        user: userObject(interaction.userId, `user${interaction.userId.slice(-3)}`),
        authorizing_integration_owners: { '0': interaction.guildId ?? FAKE_GUILD_ID },
        ...(interaction.commandName ? { name: interaction.commandName } : {}),
      };
    }
    msg.flags = Number(data.flags ?? 0);
    this.applyEdit(msg, data);
    this.messages.set(msg.id, msg);
    return msg;
  }

  private applyEdit(msg: FakeMessage, data: Json): void {
    if ('content' in data) msg.content = (data.content as string | null) ?? '';
    if ('embeds' in data)
      msg.embeds = ((data.embeds as Json[] | null) ?? []).map((e) => ({ type: 'rich', ...e }));
    if ('components' in data) msg.components = (data.components as Json[] | null) ?? [];
    // Who would really be pinged: Discord resolves mentions against allowed_mentions.
    const content = msg.content;
    const am = (data.allowed_mentions as Json | undefined) ?? undefined;
    const parse = am ? ((am.parse as string[] | undefined) ?? []) : ['users', 'roles', 'everyone'];
    const allowedUsers = am ? ((am.users as string[] | undefined) ?? []) : [];
    const allowedRoles = am ? ((am.roles as string[] | undefined) ?? []) : [];
    const userIds = [...content.matchAll(/<@!?(\d+)>/g)].map((m) => m[1]!);
    const roleIds = [...content.matchAll(/<@&(\d+)>/g)].map((m) => m[1]!);
    msg.mentions = [...new Set(userIds)]
      .filter((id) => parse.includes('users') || allowedUsers.includes(id))
      .map((id) => userObject(id, `user${id.slice(-3)}`));
    msg.mention_roles = [...new Set(roleIds)].filter(
      (id) => parse.includes('roles') || allowedRoles.includes(id),
    );
    msg.mention_everyone = parse.includes('everyone') && /@(everyone|here)/.test(content);
  }

  private onCallback(
    record: RecordedRequest,
    interactionId: string,
    token: string,
    send: (status: number, payload?: unknown) => void,
  ): void {
    const interaction = this.interactions.get(interactionId);
    const body = (record.body ?? {}) as Json;
    const type = Number(body.type);
    const data = body.data as Json | undefined;
    const cb: Callback = { interactionId, token, type, data, status: 0, at: record.at };
    const finish = (status: number, payload?: unknown): void => {
      cb.status = status;
      this.callbacks.push(cb);
      send(status, payload);
    };
    if (!interaction || interaction.token !== token) {
      return finish(404, { message: 'Unknown interaction', code: 10062 });
    }
    if (record.at - interaction.dispatchedAt > this.opts.callbackDeadlineMs) {
      this.violations.push(`callback for ${interactionId} after ${record.at - interaction.dispatchedAt} ms`);
      return finish(404, { message: 'Unknown interaction', code: 10062 });
    }
    if (interaction.acknowledged) {
      return finish(400, { message: 'Interaction has already been acknowledged.', code: 40060 });
    }
    const problems: string[] = [];
    const allowedByType: Record<number, number[]> = {
      2: [4, 5, 9],
      3: [4, 5, 6, 7, 9],
      4: [8],
      5: [4, 5, 6, 7],
    };
    if (!(allowedByType[interaction.type] ?? []).includes(type))
      problems.push(`type: ${type} is not a valid response to an interaction of type ${interaction.type}`);
    if (type === 8) problems.push(...checkAutocomplete(data));
    if (type === 4 || type === 7) problems.push(...checkMessage(data, 'data'));
    if (problems.length) {
      this.violations.push(...problems.map((p) => `callback ${interactionId}: ${p}`));
      return finish(400, { message: 'Invalid Form Body', code: 50035, errors: { _errors: problems } });
    }
    interaction.acknowledged = true;
    if (type === 4 || type === 5) {
      const flags = Number(data?.flags ?? 0);
      interaction.original = this.newMessage(interaction, {
        ...(data ?? {}),
        flags: type === 5 ? (flags & 64) | 128 : flags & 64,
      });
    } else if ((type === 7 || type === 6) && interaction.original) {
      if (type === 7) this.applyEdit(interaction.original, data ?? {});
    }
    const msg = interaction.original;
    if (record.query.with_response === 'true') {
      return finish(200, {
        interaction: {
          id: interactionId,
          type: interaction.type,
          activity_instance_id: null,
          response_message_id: msg?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: Boolean(msg && msg.flags & 64),
        },
        resource: msg ? { type, message: msg } : { type },
      });
    }
    finish(204);
  }

  private onWebhook(
    record: RecordedRequest,
    appId: string,
    token: string,
    messageId: string | undefined,
    send: (status: number, payload?: unknown) => void,
  ): void {
    const interaction = this.byToken.get(token);
    const body = (record.body ?? undefined) as Json | undefined;
    const call: WebhookCall = {
      method: record.method,
      token,
      target: messageId ?? 'followup',
      body,
      at: record.at,
    };
    this.webhooks.push(call);
    if (appId !== FAKE_APP_ID || !interaction) return send(404, { message: 'Unknown Webhook', code: 10015 });
    if (record.method === 'POST' && !messageId) {
      if (!interaction.acknowledged) return send(404, { message: 'Unknown Webhook', code: 10015 });
      const problems = checkMessage(body, 'followup');
      if (problems.length) return this.reject(send, `followup ${interaction.id}`, problems);
      const flags = Number(body?.flags ?? 0) & 64;
      return send(200, this.newMessage(interaction, { ...(body ?? {}), flags }));
    }
    const msg =
      messageId === '@original' ? interaction.original : messageId ? this.messages.get(messageId) : undefined;
    if (!msg) return send(404, { message: 'Unknown Message', code: 10008 });
    if (record.method === 'GET') return send(200, msg);
    if (record.method === 'PATCH') {
      const problems = checkMessage(body, 'edit');
      if (problems.length) return this.reject(send, `edit ${interaction.id}`, problems);
      this.applyEdit(msg, body ?? {});
      msg.flags &= ~128;
      msg.edited_timestamp = new Date().toISOString();
      return send(200, msg);
    }
    if (record.method === 'DELETE') {
      this.messages.delete(msg.id);
      if (interaction.original === msg) delete interaction.original;
      return send(204);
    }
    send(405, { message: '405: Method Not Allowed', code: 0 });
  }

  // ----- gateway ------------------------------------------------------------------------------------------

  private onConnection(socket: WebSocket, req: http.IncomingMessage): void {
    this.connectionCount += 1;
    this.sockets.add(socket);
    const query = Object.fromEntries(new URL(req.url ?? '/', 'http://127.0.0.1').searchParams);
    this.connectQueries.push(query);
    if (query.encoding && query.encoding !== 'json') {
      socket.close(4002, 'Error while decoding payload.');
      return;
    }
    if (query.compress) {
      // Transport compression is not implemented here; Discord would accept it. Fail loudly.
      socket.close(4002, `fake Discord: compress=${query.compress} is not supported`);
      return;
    }
    let identified: GatewaySession | null = null;
    socket.on('close', (code) => {
      this.clientCloseCodes.push(code);
      this.sockets.delete(socket);
      if (identified?.socket === socket) identified.socket = null;
      this.notify();
    });
    socket.on('message', (raw, isBinary) => {
      if (isBinary) {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      let payload: { op: number; d: unknown };
      try {
        payload = JSON.parse(raw.toString()) as { op: number; d: unknown };
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (payload.op) {
        case 1:
          this.heartbeatCount += 1;
          socket.send(JSON.stringify({ op: 11, d: null }));
          this.notify();
          break;
        case 2: {
          const d = payload.d as Json;
          this.identifyCount += 1;
          this.identifyPayloads.push(d);
          if (identified) {
            socket.close(4005, 'Already authenticated.');
            return;
          }
          if (typeof d.token !== 'string' || d.token.length === 0) {
            socket.close(4004, 'Authentication failed.');
            return;
          }
          const shard = readShard(d.shard);
          if (!shard) {
            socket.close(4010, 'Invalid shard.');
            return;
          }
          const session: GatewaySession = { id: snowflake(), shard, seq: 0, sent: [], socket };
          this.sessions.set(session.id, session);
          this.current = session;
          this.byShard.set(shard[0], session);
          identified = session;
          const guilds = this.guildIds.filter((g) => shardOf(g, shard[1]) === shard[0]);
          this.dispatch(session, 'READY', {
            v: 10,
            user_settings: {},
            user: { ...this.botUser, verified: true, mfa_enabled: false, email: null, flags: 0 },
            guilds: guilds.map((id) => ({ id, unavailable: true })),
            session_id: session.id,
            session_type: 'normal',
            resume_gateway_url: this.gatewayUrl,
            shard,
            application: { id: FAKE_APP_ID, flags: 565248 },
            private_channels: [],
            relationships: [],
            presences: [],
            guild_join_requests: [],
            geo_ordered_rtc_regions: ['rotterdam'],
            auth: {},
            _trace: ['["fake-discord",{"micros":1}]'],
          });
          for (const guild of guilds) this.dispatch(session, 'GUILD_CREATE', this.guildPayload(guild));
          this.notify();
          break;
        }
        case 6: {
          const d = payload.d as { token?: string; session_id?: string; seq?: number };
          this.resumeCount += 1;
          const session = d.session_id ? this.sessions.get(d.session_id) : undefined;
          if (!session || typeof d.token !== 'string') {
            socket.send(JSON.stringify({ op: 9, d: false }));
            return;
          }
          session.socket = socket;
          this.current = session;
          this.byShard.set(session.shard[0], session);
          identified = session;
          // Replay what the client missed, then RESUMED.
          for (const e of session.sent) {
            if (e.s > (d.seq ?? 0)) socket.send(JSON.stringify({ op: 0, t: e.t, s: e.s, d: e.d }));
          }
          this.dispatch(session, 'RESUMED', { _trace: ['["fake-discord",{"micros":1}]'] });
          this.notify();
          break;
        }
        case 3:
        case 4:
        case 8:
          break; // presence, voice state, request guild members: accepted, ignored
        default:
          socket.close(4001, 'Unknown opcode.');
      }
    });
    socket.send(
      JSON.stringify({
        op: 10,
        d: { heartbeat_interval: this.opts.heartbeatInterval, _trace: ['fake'] },
        s: null,
        t: null,
      }),
    );
  }

  private dispatch(session: GatewaySession, t: string, d: unknown): void {
    session.seq += 1;
    const event = { s: session.seq, t, d };
    if (t !== 'RESUMED' && t !== 'READY') session.sent.push(event);
    if (session.sent.length > 500) session.sent.shift();
    session.socket?.send(JSON.stringify({ op: 0, ...event }));
  }

  private guildPayload(guildId: string): Json {
    return {
      id: guildId,
      name: 'Fact-checkers',
      icon: null,
      icon_hash: null,
      splash: null,
      discovery_splash: null,
      owner_id: FAKE_USER_ID,
      region: 'deprecated',
      afk_channel_id: null,
      afk_timeout: 300,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 1,
      default_message_notifications: 1,
      explicit_content_filter: 2,
      roles: [
        {
          id: FAKE_GUILD_ID,
          name: '@everyone',
          color: 0,
          colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 0,
          permissions: '2248473465835073',
          managed: false,
          mentionable: false,
          flags: 0,
        },
        {
          id: FAKE_ROLE_ID,
          name: 'moderators',
          color: 0,
          colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
          hoist: false,
          icon: null,
          unicode_emoji: null,
          position: 1,
          permissions: '8',
          managed: false,
          mentionable: true,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: 0,
      application_id: null,
      system_channel_id: FAKE_CHANNEL_ID,
      system_channel_flags: 0,
      rules_channel_id: null,
      max_presences: null,
      max_members: 500000,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: 'en-US',
      public_updates_channel_id: null,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      approximate_member_count: undefined,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      // GUILD_CREATE extras
      joined_at: '2025-01-01T00:00:00.000000+00:00',
      large: false,
      unavailable: false,
      member_count: 3,
      voice_states: [],
      members: [memberObject({ ...this.botUser })],
      channels: [
        {
          id: FAKE_CHANNEL_ID,
          type: 0,
          guild_id: guildId,
          name: 'general',
          position: 0,
          permission_overwrites: [],
          parent_id: null,
          topic: null,
          nsfw: false,
          last_message_id: null,
          rate_limit_per_user: 0,
          flags: 0,
        },
      ],
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      lazy: true,
      application_command_counts: {},
      embedded_activities: [],
      incidents_data: null,
      hub_type: null,
      latest_onboarding_question_id: null,
    };
  }

  // ----- driving the client -------------------------------------------------------------------------------

  private baseInteraction(
    type: number,
    userId: string,
    extra: Json,
    guildId: string = FAKE_GUILD_ID,
  ): { payload: Json; pending: PendingInteraction } {
    const payload = interactionPayload(type, userId, extra, guildId);
    const pending: PendingInteraction = {
      id: String(payload.id),
      token: String(payload.token),
      type,
      userId,
      dispatchedAt: Date.now(),
      acknowledged: false,
    };
    return { payload, pending };
  }

  /** The session a server's events go to: the one of its shard (the latest session when not sharded). */
  private sessionFor(guildId: string | undefined): GatewaySession | null {
    const count = this.current?.shard[1] ?? 1;
    if (count <= 1) return this.current;
    return this.byShard.get(shardOf(guildId, count)) ?? null;
  }

  private emit(payload: Json, pending: PendingInteraction): { id: string; token: string } {
    // With the session's socket down, the event waits in the session for the client's RESUME (replay).
    const session = this.sessionFor(typeof payload.guild_id === 'string' ? payload.guild_id : undefined);
    if (!session) throw new Error('fake Discord: no gateway session to dispatch to');
    pending.dispatchedAt = Date.now();
    pending.shard = session.shard[0];
    if (typeof payload.guild_id === 'string') pending.guildId = payload.guild_id;
    this.interactions.set(pending.id, pending);
    this.byToken.set(pending.token, pending);
    this.dispatch(session, 'INTERACTION_CREATE', payload);
    return { id: pending.id, token: pending.token };
  }

  /**
   * Dispatch a slash command. `options` are the option objects as Discord sends them
   * (`{ name, type, value }`); `resolved` is added for user options automatically.
   */
  sendCommand(
    name: string,
    options: { name: string; type: number; value: unknown; focused?: boolean }[] = [],
    opts: {
      userId?: string;
      commandId?: string;
      resolvedUsers?: string[];
      raw?: Json;
      guildId?: string;
    } = {},
  ): { id: string; token: string } {
    const userId = opts.userId ?? FAKE_USER_ID;
    const guildId = opts.guildId ?? FAKE_GUILD_ID;
    const resolvedIds = [
      ...new Set([
        ...options.filter((o) => o.type === 6).map((o) => String(o.value)),
        ...(opts.resolvedUsers ?? []),
      ]),
    ];
    const data: Json = {
      id: opts.commandId ?? snowflake(),
      name,
      type: 1,
      guild_id: guildId,
      ...(options.length ? { options } : {}),
      ...(resolvedIds.length
        ? {
            resolved: {
              users: Object.fromEntries(resolvedIds.map((id) => [id, userObject(id, `user${id.slice(-3)}`)])),
              members: Object.fromEntries(
                resolvedIds.map((id) => {
                  const m = memberObject(userObject(id, `user${id.slice(-3)}`));
                  delete m.user;
                  return [id, m];
                }),
              ),
            },
          }
        : {}),
      ...(opts.raw ?? {}),
    };
    const { payload, pending } = this.baseInteraction(2, userId, { data }, guildId);
    pending.commandName = name;
    return this.emit(payload, pending);
  }

  /** Dispatch an autocomplete request: `focused` is the option being typed. */
  sendAutocomplete(
    name: string,
    options: { name: string; type: number; value: unknown; focused?: boolean }[],
    opts: { userId?: string } = {},
  ): { id: string; token: string } {
    const data: Json = { id: snowflake(), name, type: 1, guild_id: FAKE_GUILD_ID, options };
    const { payload, pending } = this.baseInteraction(4, opts.userId ?? FAKE_USER_ID, { data });
    return this.emit(payload, pending);
  }

  /**
   * Click a button or pick from a select menu on a message the bot sent. `values` makes it a string
   * select (component type 3).
   */
  sendComponent(
    message: FakeMessage,
    customId: string,
    opts: { userId?: string; values?: string[]; guildId?: string } = {},
  ): { id: string; token: string } {
    const data: Json =
      opts.values !== undefined
        ? { custom_id: customId, component_type: 3, values: opts.values }
        : { custom_id: customId, component_type: 2 };
    const { payload, pending } = this.baseInteraction(
      3,
      opts.userId ?? FAKE_USER_ID,
      { data, message: structuredClone(message) },
      opts.guildId ?? message.guild_id ?? FAKE_GUILD_ID,
    );
    pending.original = message;
    return this.emit(payload, pending);
  }

  /** Dispatch any raw INTERACTION_CREATE payload (fields not given are filled in). */
  sendRawInteraction(type: number, extra: Json, userId = FAKE_USER_ID): { id: string; token: string } {
    const { payload, pending } = this.baseInteraction(type, userId, extra);
    return this.emit(payload, pending);
  }

  /** The shard an interaction was dispatched to. */
  shardOfInteraction(interactionId: string): number | undefined {
    return this.interactions.get(interactionId)?.shard;
  }

  /** Op 7: ask the client to reconnect and resume. */
  requestReconnect(): void {
    this.current?.socket?.send(JSON.stringify({ op: 7, d: null }));
  }

  /** Op 9: invalidate the session (resumable or not). */
  invalidateSession(resumable: boolean): void {
    this.current?.socket?.send(JSON.stringify({ op: 9, d: resumable }));
  }

  /** Drop the gateway connection, with a close code (4000: unknown error, resumable) or abruptly. */
  dropConnection(code?: number): void {
    const socket = this.current?.socket;
    if (!socket) return;
    if (code === undefined) socket.terminate();
    else socket.close(code, 'fake Discord dropped the connection');
  }
}
