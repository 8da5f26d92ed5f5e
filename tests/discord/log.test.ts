import { describe, expect, it } from 'vitest';
import { createLogger, describeError, whole } from '../../src/discord/log.js';

describe('logger', () => {
  it('writes one line per event with the level, filtered by level', () => {
    const lines: string[] = [];
    const log = createLogger('info', [], (l) => lines.push(l));
    log.debug('hidden');
    log.info('ready', { user: 'bot#0', guilds: 2 });
    log.error('failed', { error: 'x y' });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\S+ INFO {2}ready user=bot#0 guilds=2\n$/);
    expect(lines[1]).toMatch(/ERROR failed error="x y"\n$/);
  });

  it('redacts secrets everywhere, including ones added later', () => {
    const lines: string[] = [];
    const log = createLogger('debug', ['tok.en.1'], (l) => lines.push(l));
    log.addSecret('second-secret');
    log.info('login tok.en.1', { header: 'Bot tok.en.1', other: 'x second-secret y' });
    expect(lines.join('')).not.toMatch(/tok\.en\.1|second-secret/);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('keeps user input from forging log lines', () => {
    const lines: string[] = [];
    const log = createLogger('info', [], (l) => lines.push(l));
    log.info('interaction', { query: 'a\n2025-01-01T00:00:00Z ERROR fake\u202e' });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.split('\n')).toHaveLength(2);
  });

  it('describes errors without URLs', () => {
    const error = Object.assign(new Error('Unknown interaction'), {
      code: 10062,
      status: 404,
      url: 'https://x/interactions/1/secret-token/callback',
    });
    const described = describeError(error);
    expect(described).toMatchObject({ error: 'Error: Unknown interaction', code: 10062, status: 404 });
    expect(JSON.stringify(described)).not.toContain('secret-token');
  });
});

describe('logger: fields in full', () => {
  it('clips user input at 300 characters but writes a whole() field, every line of it', () => {
    const lines: string[] = [];
    const log = createLogger('info', [], (l) => lines.push(l));
    const problems = Array.from(
      { length: 5 },
      (_, i) =>
        `provisions/us-28.json: [${i}].citations[0].quote: not verbatim in its source: ${'q'.repeat(120)}`,
    ).join('\n');
    log.error('cannot load the knowledge base', { error: whole(problems), query: 'x'.repeat(5000) });
    expect(lines).toHaveLength(1);
    for (let i = 0; i < 5; i += 1) expect(lines[0]).toContain(`[${i}].citations[0].quote`);
    expect(lines[0]).not.toContain('x'.repeat(301));
    expect(lines[0]!.split('\n')).toHaveLength(2);
  });
});
