import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../e2e/harness.js';
import { productionEntry, productionNodeFlags } from '../support/node-flags.js';

/** The three ways the bot is deployed run the same built entry with the same flags, so what is measured is what runs. */
describe('production node flags and entry', () => {
  const flags = productionNodeFlags();
  const entry = productionEntry();

  it('are set in package.json and tune the heap', () => {
    expect(flags.some((f) => f.startsWith('--max-semi-space-size='))).toBe(true);
  });

  it('are the same in the Dockerfile CMD', () => {
    const cmd = /^CMD (\[.*\])$/m.exec(readFileSync(`${ROOT}/Dockerfile`, 'utf8'))?.[1];
    expect(cmd).toBeDefined();
    expect(JSON.parse(cmd!)).toEqual(['node', ...flags, entry]);
  });

  it('are the same in the README (npm start line and systemd unit)', () => {
    const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
    expect(readme).toContain(`ExecStart=/usr/bin/node ${flags.join(' ')} ${entry}`);
    expect(readme).toContain(`npm start          # = node ${flags.join(' ')} ${entry}`);
  });
});
