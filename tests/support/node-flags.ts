import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The node flags `npm start` runs the bot with (package.json is the one place they are set; the
 * Dockerfile and the README's systemd unit repeat them, and tests/ops/deploy-flags.test.ts holds them
 * equal). Tests and benchmarks that start `dist/main.js` as production does take them from here.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/main.js') {
    throw new Error(`package.json "start" is not \`node [flags] dist/main.js\`: ${pkg.scripts.start}`);
  }
  return words.slice(1, -1);
}
