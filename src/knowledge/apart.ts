/**
 * knowledge/ validated in a short-lived node process of its own. zod and the schema are needed for a few
 * hundred milliseconds at start-up and at each reload, then never again, but a module once loaded stays
 * for the life of a process: loading them in the bot kept about 5 MB of its memory for good. So the bot
 * runs src/knowledge/validate.ts, which loads and checks knowledge/ and sends the base back serialised,
 * and never loads zod itself. Synchronous like the in-process load it replaces (a reload blocks for its
 * duration either way), so every caller stays as it was.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { deserialize } from 'node:v8';
import type { KnowledgeBase } from './load.js';
import { KnowledgeError } from './problems.js';
import type { ValidationOutcome } from './validate.js';

/** Run from source (tsx, the tests), the validator is TypeScript too. */
const fromSource = import.meta.url.endsWith('.ts');
const validator = fileURLToPath(new URL(fromSource ? './validate.ts' : './validate.js', import.meta.url));

/** Reads, validates and cross-checks `dir` in a child process; throws a KnowledgeError listing every problem. */
export function loadKnowledgeApart(dir: string): KnowledgeBase {
  let output: Buffer;
  try {
    output = execFileSync(process.execPath, [...(fromSource ? ['--import', 'tsx'] : []), validator, dir], {
      maxBuffer: 1 << 30,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`the knowledge validator failed${stderr ? `:\n${stderr}` : ''}`, { cause: error });
  }
  const outcome = deserialize(output) as ValidationOutcome;
  if (outcome.ok) return outcome.kb;
  if ('problems' in outcome) throw new KnowledgeError(outcome.problems);
  throw new Error(`the knowledge validator failed: ${outcome.error}`);
}
