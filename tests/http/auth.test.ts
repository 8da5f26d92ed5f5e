/**
 * Only Discord may talk to the endpoint: every request whose signature does not check out — tampered
 * body, another key, missing or malformed headers, a stale or garbage timestamp — is 401, and no work is
 * done for it (the shared handler never sees it: no log line names its interaction id).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InteractionsServer } from '../../src/http/server.js';
import { MAX_CLOCK_SKEW_SECONDS, createVerifier } from '../../src/http/verify.js';
import { interactionPayload, snowflake } from '../e2e/fake-discord.js';
import { startEndpoint } from './in-process.js';
import { newApplication, nowSeconds, request, signatureHeaders } from './signing.js';

const app = newApplication();
const stranger = newApplication();
const log: string[] = [];
let endpoint: InteractionsServer;
let url: string;

beforeAll(async () => {
  ({ endpoint, url } = await startEndpoint(app.publicKeyHex, 'debug', log));
});

afterAll(async () => {
  await endpoint?.close();
});

/** A fresh /provision interaction with a unique id, as JSON text. */
function body(): { id: string; text: string } {
  const id = snowflake();
  const payload = interactionPayload(2, '1500000000000000001', {
    id,
    data: { id: '9', name: 'provision', type: 1, options: [{ name: 'query', type: 3, value: 'troop-cap' }] },
  });
  return { id, text: JSON.stringify(payload) };
}

const send = (text: string | Buffer, headers: Record<string, string>) =>
  request(url, { headers: { 'content-type': 'application/json', ...headers }, body: text });

const handled = (id: string): boolean => log.some((line) => line.includes(`id=${id}`));

describe('the signature check', () => {
  it('a correctly signed request is answered (the control case)', async () => {
    const { id, text } = body();
    const reply = await send(text, signatureHeaders(app, text));
    expect(reply.status).toBe(200);
    expect(reply.json!.type).toBe(4);
    expect(handled(id)).toBe(true);
  });

  it('rejects every single-bit change of the body: 100 % → 401, none handled', async () => {
    const { id, text } = body();
    const headers = signatureHeaders(app, text);
    const bytes = Buffer.from(text);
    let rejected = 0;
    for (let i = 0; i < bytes.length; i += 1) {
      const tampered = Buffer.from(bytes);
      tampered[i] = tampered[i]! ^ (1 << (i % 7)); // stays 7-bit: still text, often still valid JSON
      const reply = await send(tampered, headers);
      if (reply.status === 401) rejected += 1;
    }
    expect(rejected).toBe(bytes.length);
    expect(handled(id)).toBe(false);
  });

  it('rejects appended, truncated and re-serialised bodies', async () => {
    const { id, text } = body();
    const headers = signatureHeaders(app, text);
    const variants = [
      `${text} `,
      `${text}\n`,
      text.slice(0, -1),
      ` ${text}`,
      JSON.stringify(JSON.parse(text), null, 1),
      '',
    ];
    for (const variant of variants) expect((await send(variant, headers)).status).toBe(401);
    expect(handled(id)).toBe(false);
  });

  it('rejects signatures by another key, and tampered or malformed signatures', async () => {
    const { id, text } = body();
    const good = signatureHeaders(app, text);
    const sig = good['x-signature-ed25519']!;
    const flip = (s: string, i: number) => s.slice(0, i) + (s[i] === '0' ? '1' : '0') + s.slice(i + 1);
    const signatures = [
      signatureHeaders(stranger, text, good['x-signature-timestamp'])['x-signature-ed25519']!,
      ...Array.from({ length: 128 }, (_, i) => flip(sig, i)),
      '',
      'zz'.repeat(64),
      sig.slice(0, 127),
      `${sig}00`,
      '0'.repeat(128),
      `${sig.slice(0, 64)} ${sig.slice(64)}`,
    ];
    for (const signature of signatures) {
      const reply = await send(text, { ...good, 'x-signature-ed25519': signature });
      expect(reply.status, signature).toBe(401);
    }
    expect(handled(id)).toBe(false);
  });

  it('rejects missing headers', async () => {
    const { id, text } = body();
    const good = signatureHeaders(app, text);
    expect((await send(text, {})).status).toBe(401);
    expect((await send(text, { 'x-signature-ed25519': good['x-signature-ed25519']! })).status).toBe(401);
    expect((await send(text, { 'x-signature-timestamp': good['x-signature-timestamp']! })).status).toBe(401);
    expect(handled(id)).toBe(false);
  });

  it('rejects stale, future, altered and garbage timestamps, even when the signature covers them', async () => {
    const { id, text } = body();
    const now = Number(nowSeconds());
    const signedWith = (timestamp: string) => signatureHeaders(app, text, timestamp);
    const cases: Record<string, string>[] = [
      signedWith(String(now - MAX_CLOCK_SKEW_SECONDS - 60)),
      signedWith(String(now + MAX_CLOCK_SKEW_SECONDS + 60)),
      signedWith('0'),
      signedWith('abc'),
      signedWith(''),
      signedWith('-1'),
      signedWith(`${now}.5`),
      signedWith(`${now} 1`),
      signedWith('9'.repeat(40)),
      { ...signedWith(String(now)), 'x-signature-timestamp': String(now + 1) },
    ];
    for (const headers of cases) expect((await send(text, headers)).status).toBe(401);
    expect(handled(id)).toBe(false);
  });
});

describe('the verifier (property)', () => {
  const verify = createVerifier(app.publicKeyHex);

  it('accepts exactly the signed bytes: any other body fails', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.uint8Array({ maxLength: 300 }), (signed, sent) => {
        const headers = signatureHeaders(app, Buffer.from(signed));
        const ok = verify(
          headers['x-signature-ed25519'],
          headers['x-signature-timestamp'],
          Buffer.from(sent),
        );
        expect(ok).toBe(Buffer.from(signed).equals(Buffer.from(sent)));
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on garbage headers', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.uint8Array({ maxLength: 64 }), (sig, ts, bytes) => {
        expect(verify(sig, ts, Buffer.from(bytes))).toBe(false);
      }),
      { numRuns: 300 },
    );
    expect(verify(undefined, undefined, Buffer.alloc(0))).toBe(false);
    expect(verify(['a', 'b'], ['1'], Buffer.alloc(0))).toBe(false);
  });
});
