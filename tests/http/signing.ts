/**
 * Discord's side of an interactions endpoint, for tests: an Ed25519 key pair made in the test (the
 * "application"), requests signed the way Discord signs them, sent over HTTP to 127.0.0.1.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import http from 'node:http';
import { expect } from 'vitest';
import { checkMessage, interactionPayload, snowflake } from '../e2e/fake-discord.js';
import { STRING, type Option } from '../support/discord-wire.js';

type Json = Record<string, unknown>;

export interface Application {
  /** The public key as the Developer Portal shows it: 64 hex characters (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function newApplication(): Application {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const der = publicKey.export({ format: 'der', type: 'spki' });
  return { publicKeyHex: der.subarray(der.length - 32).toString('hex'), privateKey };
}

export const nowSeconds = (): string => String(Math.floor(Date.now() / 1000));

/** The X-Signature-* headers Discord would send with `body`. */
export function signatureHeaders(
  app: Application,
  body: string | Buffer,
  timestamp: string = nowSeconds(),
): Record<string, string> {
  const signature = sign(null, Buffer.concat([Buffer.from(timestamp), Buffer.from(body)]), app.privateKey);
  return { 'x-signature-ed25519': signature.toString('hex'), 'x-signature-timestamp': timestamp };
}

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown> | undefined;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

/** POST (or any method) with node:http; a server that answers before reading the whole body is fine. */
export function request(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: options.method ?? 'POST', headers: options.headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: Record<string, unknown> | undefined;
          try {
            json = JSON.parse(text) as Record<string, unknown>;
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    // The server may answer (413, 401) and close before the whole body is written: not an error here.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });
    if (options.body !== undefined) req.setHeader('content-length', Buffer.byteLength(options.body));
    req.end(options.body);
  });
}

/** POST an interaction, signed by `app`. */
export function postInteraction(url: string, app: Application, interaction: unknown): Promise<Reply> {
  const body = JSON.stringify(interaction);
  return request(url, {
    headers: { 'content-type': 'application/json', ...signatureHeaders(app, body) },
    body,
  });
}

// Interactions as Discord sends them to an endpoint.

export const commandInteraction = (name: string, options: Option[] = [], userId: string): Json =>
  interactionPayload(2, userId, {
    data: { id: snowflake(), name, type: 1, ...(options.length ? { options } : {}) },
  });

export const autocompleteInteraction = (
  name: string,
  option: string,
  value: unknown,
  userId = '1500000000000000999',
): Json =>
  interactionPayload(4, userId, {
    data: { id: snowflake(), name, type: 1, options: [{ name: option, type: STRING, value, focused: true }] },
  });

/** The message a reply created, as Discord would attach it to a click on one of its components. */
export function messageOf(reply: Json, askerId: string): Json {
  const data = reply.data as Json;
  return {
    id: snowflake(),
    channel_id: '1300000000000000003',
    type: 20,
    content: data.content ?? '',
    embeds: data.embeds ?? [],
    components: data.components ?? [],
    flags: Number(data.flags ?? 0),
    interaction_metadata: { id: snowflake(), type: 2, user: { id: askerId, username: 'asker' } },
  };
}

export const componentInteraction = (
  message: Json,
  customId: string,
  userId: string,
  values?: string[],
): Json =>
  interactionPayload(3, userId, {
    message,
    data:
      values !== undefined
        ? { custom_id: customId, component_type: 3, values }
        : { custom_id: customId, component_type: 2 },
  });

/** 200, a message or update inside every Discord limit, pinging nobody but `allowedUsers`. */
export function expectMessage(reply: Reply, type: 4 | 7, allowedUsers: string[] = []): Json {
  expect(reply.status, reply.text).toBe(200);
  expect(reply.headers['content-type']).toMatch(/^application\/json/);
  const json = reply.json!;
  expect(json.type).toBe(type);
  const data = json.data as Json;
  expect(checkMessage(data, 'data')).toEqual([]);
  const am = data.allowed_mentions as { parse?: string[]; users?: string[]; roles?: string[] };
  expect(am, 'allowed_mentions must always be sent').toBeDefined();
  expect(am.parse).toEqual([]);
  expect(am.roles ?? []).toEqual([]);
  expect([...(am.users ?? [])].sort()).toEqual([...allowedUsers].sort());
  return data;
}
