import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMissesLog, missOf } from '../../src/ops/misses.js';
import { groupMisses } from '../../src/ops/misses-report.js';
import type { InteractionOutcome } from '../../src/ops/outcome.js';
import { ROOT } from '../e2e/harness.js';

const outcome = (fields: Partial<InteractionOutcome>): InteractionOutcome => ({
  kind: 'command',
  command: 'provision',
  status: 'not_found',
  query: 'Zebra  Pancake?',
  ms: 3,
  ...fields,
});

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('misses log', () => {
  it('records not found, ambiguous and not-in-the-sources commands only', () => {
    expect(missOf(outcome({}))).toMatchObject({
      query: 'zebra pancake',
      status: 'not_found',
      suggestion: null,
    });
    expect(missOf(outcome({ status: 'ambiguous', topSuggestion: 'troop-cap' }))).toMatchObject({
      status: 'ambiguous',
      suggestion: 'troop-cap',
    });
    expect(missOf(outcome({ status: 'found', verdict: 'not_in_sources' }))?.status).toBe('not_in_sources');
    expect(missOf(outcome({ status: 'found' }))).toBeNull();
    expect(missOf(outcome({ status: 'error' }))).toBeNull();
    expect(missOf(outcome({ kind: 'autocomplete' }))).toBeNull();
    expect(missOf(outcome({ query: undefined }))).toBeNull();
    expect(missOf(outcome({ query: ' ?! ' }))).toBeNull();
    expect([...missOf(outcome({ query: 'x'.repeat(5000) }))!.query].length).toBe(300);
  });

  it('rotates to FILE.1 at the cap, so it never holds more than twice the cap', async () => {
    dir = mkdtempSync(join(tmpdir(), 'misses-'));
    const file = join(dir, 'misses.jsonl');
    const log = createMissesLog({ file, maxBytes: 2048 });
    for (let i = 0; i < 100; i += 1) log.observe(outcome({ query: `unknown thing number ${i}` }));
    await log.flush();
    expect(existsSync(`${file}.1`)).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(2048);
    expect(statSync(`${file}.1`).size).toBeLessThanOrEqual(2048);
    const last = readFileSync(file, 'utf8').trim().split('\n').at(-1)!;
    expect(JSON.parse(last)).toMatchObject({ query: 'unknown thing number 99' });
  });

  it('groups the most frequent first, and `npm run misses -- FILE` prints them', async () => {
    dir = mkdtempSync(join(tmpdir(), 'misses-'));
    const file = join(dir, 'misses.jsonl');
    const log = createMissesLog({ file, maxBytes: 1_000_000 });
    for (let i = 0; i < 3; i += 1) log.observe(outcome({ query: 'Zebra pancake' }));
    log.observe(outcome({ query: 'troop', status: 'ambiguous', topSuggestion: 'troop-cap' }));
    await log.flush();
    const { groups } = groupMisses(`${readFileSync(file, 'utf8')}not json\n`);
    expect(groups.map((g) => [g.query, g.count])).toEqual([
      ['zebra pancake', 3],
      ['troop', 1],
    ]);
    const run = spawnSync('npm', ['run', '--silent', 'misses', '--', file], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/4 unanswered questions, 2 distinct/);
    expect(run.stdout).toMatch(/3 +\/provision "zebra pancake"/);
    expect(run.stdout).toMatch(/\/provision "troop" +\(ambiguous.*did you mean troop-cap/);
  });
});
