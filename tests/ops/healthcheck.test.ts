import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { check, healthUrl } from '../../src/ops/healthcheck.js';

describe('container healthcheck', () => {
  it('asks the HTTP endpoint, else the gateway metrics port, else nothing', () => {
    expect(healthUrl({ DISCORD_PUBLIC_KEY: 'ab', PORT: '9000' })).toBe('http://127.0.0.1:9000/healthz');
    expect(healthUrl({ DISCORD_PUBLIC_KEY: 'ab' })).toBe('http://127.0.0.1:8080/healthz');
    expect(healthUrl({ DISCORD_TOKEN: 't', METRICS_PORT: '9464' })).toBe('http://127.0.0.1:9464/healthz');
    expect(healthUrl({ DISCORD_TOKEN: 't' })).toBeNull();
  });

  it('is healthy on 200 only', async () => {
    let status = 200;
    const server = createServer((_req, res) => res.writeHead(status).end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/healthz`;
    try {
      expect(await check(url)).toBe(true);
      status = 503;
      expect(await check(url)).toBe(false);
    } finally {
      server.close();
    }
    expect(await check(url)).toBe(false); // nothing listening
    expect(await check(null)).toBe(true);
  });
});
