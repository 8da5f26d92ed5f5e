/**
 * The terminal edge: the same commands as on Discord, typed as `/provision troop-cap --json`.
 * One-shot (`npm run cli -- provision troop-cap`), batch (JSON lines on stdin) and interactive; the parts
 * live in src/cli/ (arguments, answer, session, batch, knowledge). This file is the entry point.
 */
import { pathToFileURL } from 'node:url';
import { clip } from './answers/common.js';
import { maxQueryLength } from './answers/reading.js';
import type { CoreHolder } from './core.js';
import { KnowledgeError } from './knowledge/problems.js';
import { renderJson } from './render/json.js';
import { parseArguments, parseFreeWords } from './cli/arguments.js';
import { execute, renderForTerminal } from './cli/answer.js';
import { runBatch } from './cli/batch.js';
import { loadHolder, reloadOnHangup } from './cli/knowledge.js';
import { runInteractive } from './cli/session.js';

// What other modules (the eval runner, the terminal launcher) use of the terminal edge.
export { closestCommand, parseArguments, parseLine, splitLine } from './cli/arguments.js';
export type { ParsedLine, ParseResult } from './cli/arguments.js';
export { execute } from './cli/answer.js';
export { inputLines, runBatch } from './cli/batch.js';
export { loadHolder, reloadOnHangup } from './cli/knowledge.js';
export { createSession, runInteractive, type Session } from './cli/session.js';

/** `npm run cli -- …`: exit 0 on an answer (found, ambiguous or not found), 2 on bad input, 1 if broken. */
export async function main(argv: readonly string[]): Promise<number> {
  let holder: CoreHolder;
  try {
    holder = loadHolder();
  } catch (error) {
    process.stderr.write(
      error instanceof KnowledgeError
        ? `${error.message}\n`
        : `Could not load the knowledge base: ${String(error)}\n`,
    );
    return 1;
  }
  const core = holder.current;
  const [first] = argv;
  if (first === 'batch') return (await runBatch(core)) > 0 ? 2 : 0;
  if (!first || first === 'interactive') {
    const stop = reloadOnHangup(holder);
    await runInteractive(holder);
    stop();
    return 0;
  }
  const parsed = first.startsWith('/')
    ? parseArguments([first.slice(1), ...argv.slice(1)])
    : parseFreeWords(argv);
  const answer = execute(core, parsed);
  const json = argv.includes('--json');
  const command = parsed.ok ? parsed.line.command : clip(first ?? '', 40);
  const query = parsed.ok
    ? parsed.line.query
    : clip(
        argv
          .slice(1)
          .filter((w) => w !== '--json')
          .join(' '),
        maxQueryLength + 1,
      );
  if (json) process.stdout.write(`${renderJson(answer, command, query)}\n`);
  else if (answer.status === 'error') process.stderr.write(`${answer.text}\n`);
  else process.stdout.write(`${renderForTerminal(core, parsed, answer, '--page N for more')}\n`);
  return answer.status === 'error' ? 2 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Unexpected failure: ${String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
