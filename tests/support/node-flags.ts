import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * How `npm start` runs the bot: node's flags and the built entry (package.json is the one place they are
 * set; the Dockerfile and the README's systemd unit repeat them, and tests/ops/deploy-flags.test.ts holds
 * them equal). Tests and benchmarks that start the bot as production does take both from here.
 */
function productionCommand(): { flags: string[]; entry: string } {
  const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8')) as { scripts: { start: string } };
  const words = pkg.scripts.start.trim().split(/\s+/);
  const entry = words.at(-1) ?? '';
  if (words[0] !== 'node' || !/^dist\/.*\.js$/.test(entry)) {
    throw new Error(`package.json "start" is not \`node [flags] dist/….js\`: ${pkg.scripts.start}`);
  }
  return { flags: words.slice(1, -1), entry };
}

export function productionNodeFlags(): string[] {
  return productionCommand().flags;
}

/** The built file production starts, relative to the project root (the bundle in dist/bundle/). */
export function productionEntry(): string {
  return productionCommand().entry;
}
