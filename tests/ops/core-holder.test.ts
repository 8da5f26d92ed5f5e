import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreHolder } from '../../src/core.js';
import { ROOT } from '../e2e/harness.js';

const dir = mkdtempSync(join(tmpdir(), 'holder-'));
cpSync(join(ROOT, 'knowledge'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('CoreHolder', () => {
  it('swaps in a valid base and keeps the old one when the new one is broken', () => {
    const holder = CoreHolder.load(dir);
    const first = holder.current;
    const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, title: 'Corrected title' }));
    const ok = holder.reload();
    expect(ok).toMatchObject({ ok: true, asOf: meta.asOf });
    expect(holder.current).not.toBe(first);
    const second = holder.current;

    writeFileSync(join(dir, 'plans.json'), '[');
    writeFileSync(join(dir, 'meta.json'), JSON.stringify({ ...meta, asOf: 'yesterday' }));
    const failed = holder.reload();
    expect(failed.ok).toBe(false);
    if (!failed.ok) {
      expect(failed.errors.some((e) => e.startsWith('plans.json'))).toBe(true);
      expect(failed.errors.some((e) => e.startsWith('meta.json'))).toBe(true);
    }
    expect(holder.current).toBe(second);
    expect(holder.current.kb.meta.title).toBe('Corrected title');
  });
});
