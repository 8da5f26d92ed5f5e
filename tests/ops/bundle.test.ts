/**
 * What `npm start` runs is the bundle `npm run build` writes to dist/bundle/ (scripts/bundle.mjs). Read
 * as files: which chunks each mode can load, and that none of them holds zod — knowledge/ is validated
 * by the separate validator process, so the bot never carries the validator in its memory.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness.js';
import { productionEntry } from '../support/node-flags.js';

const entry = join(ROOT, productionEntry());
const dir = join(entry, '..');

/** Every chunk `file` can load, statically or by dynamic import(), itself included. */
function reachable(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const match of code.matchAll(/(?:from\s*|import\s*\(\s*)["']\.\/([\w.-]+\.js)["']/g)) {
    reachable(match[1]!, seen);
  }
  return seen;
}

/** A chunk that defines zod's base schema type. */
const holdsZod = (file: string) => readFileSync(join(dir, file), 'utf8').includes('$ZodType');

describe('the production bundle', () => {
  const fromMain = reachable('main.js');

  it('reaches every mode from the entry, and the validator is a file of its own', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(files).toContain('validate.js');
    expect(fromMain.has('validate.js')).toBe(false);
    for (const mode of ['gateway', 'run', 'terminal']) {
      expect([...fromMain].some((f) => f.startsWith(`${mode}-`))).toBe(true);
    }
  });

  it('never loads zod in the bot; only the validator holds it', () => {
    expect([...fromMain].filter(holdsZod)).toEqual([]);
    expect([...reachable('validate.js')].some(holdsZod)).toBe(true);
  });
});
