/**
 * The process src/knowledge/apart.ts starts: reads and validates knowledge/ (zod, cross-checks, verbatim
 * quotes) and writes the outcome to stdout in V8's serialisation format — the base, or every problem.
 * Usage: node dist/knowledge/validate.js DIR
 */
import { serialize } from 'node:v8';
import { loadKnowledge, type KnowledgeBase } from './load.js';
import { KnowledgeError, type KnowledgeProblem } from './problems.js';

export type ValidationOutcome =
  | { ok: true; kb: KnowledgeBase }
  | { ok: false; problems: KnowledgeProblem[] }
  | { ok: false; error: string };

function validate(dir: string): ValidationOutcome {
  try {
    return { ok: true, kb: loadKnowledge(dir) };
  } catch (error) {
    if (error instanceof KnowledgeError) return { ok: false, problems: error.problems };
    return { ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

// No process.exit: node writes all of stdout before the process ends.
process.stdout.write(serialize(validate(process.argv[2] ?? '')));
