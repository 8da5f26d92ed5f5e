import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Answer } from '../answers/types.js';
import { execute, parseArguments } from '../cli.js';
import { findCommand } from '../commands/index.js';
import { loadCore, type Core } from '../core.js';
import { scoreClaim, scoreQuestion, type ClaimItem, type Outcome, type QuestionItem } from './score.js';

/**
 * `npm run eval`: the development set (tests/eval/, our own copy) answered in-process by the same
 * command path as the terminal, scored per kind. `--verbose` lists the misses; `--set questions|claims`.
 */

const evalDir = fileURLToPath(new URL('../../tests/eval/', import.meta.url));

export interface KindRow {
  kind: string;
  pass: number;
  total: number;
}
export interface Miss {
  id: string;
  kind: string;
  query: string;
  why: string;
  got: string;
}
export interface SetResult {
  name: 'questions' | 'claims';
  rows: KindRow[];
  pass: number;
  total: number;
  misses: Miss[];
  /** Questions: out-of-scope ones refused (not_found), and answerable ones refused (not found or ambiguous). */
  refusals?: { outOfScopeRefused: number; outOfScope: number; answerableRefused: number; answerable: number };
}

export function loadItems<T>(name: 'questions' | 'claims'): T[] {
  return JSON.parse(readFileSync(`${evalDir}${name}.json`, 'utf8')) as T[];
}

/** One command answered the way `cli batch` answers {"command","query"}. */
export function answerRequest(core: Core, command: string, query: string): Answer {
  const primary = findCommand(command)?.definition.primary;
  return execute(core, parseArguments([command], primary && query ? { [primary]: query } : {}));
}

function tally(
  name: SetResult['name'],
  items: readonly { id: string; kind: string; query: string; outcome: Outcome; answer: Answer }[],
): SetResult {
  const rows = new Map<string, KindRow>();
  const misses: Miss[] = [];
  for (const { id, kind, query, outcome, answer } of items) {
    const row = rows.get(kind) ?? { kind, pass: 0, total: 0 };
    row.total += 1;
    if (outcome.pass) row.pass += 1;
    else {
      const got = `${answer.verdict ? `verdict=${answer.verdict} ` : ''}status=${answer.status} title=${JSON.stringify(answer.title.slice(0, 80))}`;
      misses.push({ id, kind, query, why: outcome.why, got });
    }
    rows.set(kind, row);
  }
  const list = [...rows.values()];
  const pass = list.reduce((n, r) => n + r.pass, 0);
  return { name, rows: list, pass, total: items.length, misses };
}

export function evaluateQuestions(core: Core, items = loadItems<QuestionItem>('questions')): SetResult {
  const refusals = { outOfScopeRefused: 0, outOfScope: 0, answerableRefused: 0, answerable: 0 };
  const result = tally(
    'questions',
    items.map((item) => {
      const answer = answerRequest(core, item.command, item.query);
      if (item.kind === 'out-of-scope') {
        refusals.outOfScope += 1;
        if (answer.status === 'not_found') refusals.outOfScopeRefused += 1;
      } else {
        refusals.answerable += 1;
        if (answer.status !== 'found') refusals.answerableRefused += 1;
      }
      return {
        id: item.id,
        kind: item.kind,
        query: `${item.command}: ${item.query}`,
        answer,
        outcome: scoreQuestion(item, answer),
      };
    }),
  );
  return { ...result, refusals };
}

export function evaluateClaims(core: Core, items = loadItems<ClaimItem>('claims')): SetResult {
  return tally(
    'claims',
    items.map((item) => {
      const answer = answerRequest(core, 'factcheck', item.claim);
      return {
        id: item.id,
        kind: item.verdict,
        query: item.claim,
        answer,
        outcome: scoreClaim(item, answer),
      };
    }),
  );
}

const percent = (pass: number, total: number) => (total ? ((100 * pass) / total).toFixed(1) : '0.0');

export function formatResult(result: SetResult, verbose: boolean): string {
  const lines = [
    `${result.name}: ${result.total} items`,
    `${'kind'.padEnd(18)}${'pass'.padStart(6)}${'total'.padStart(7)}${'%'.padStart(8)}`,
  ];
  for (const row of result.rows) {
    lines.push(
      `${row.kind.padEnd(18)}${String(row.pass).padStart(6)}${String(row.total).padStart(7)}${percent(row.pass, row.total).padStart(8)}`,
    );
  }
  if (verbose && result.misses.length) {
    lines.push('', `misses (${result.misses.length}):`);
    for (const miss of result.misses)
      lines.push(`- ${miss.id} [${miss.kind}] ${miss.query}`, `    ${miss.why}`, `    got ${miss.got}`);
  }
  const r = result.refusals;
  if (r) {
    lines.push(
      '',
      `out-of-scope refused: ${r.outOfScopeRefused}/${r.outOfScope} = ${percent(r.outOfScopeRefused, r.outOfScope)}%`,
      `answerable refused:   ${r.answerableRefused}/${r.answerable} = ${percent(r.answerableRefused, r.answerable)}%`,
    );
  }
  lines.push('', `overall: ${result.pass}/${result.total} = ${percent(result.pass, result.total)}%`);
  return lines.join('\n');
}

function main(argv: readonly string[]): number {
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const setIndex = argv.indexOf('--set');
  const only = setIndex >= 0 ? argv[setIndex + 1] : undefined;
  const core = loadCore();
  const results: SetResult[] = [];
  if (only !== 'claims') results.push(evaluateQuestions(core));
  if (only !== 'questions') results.push(evaluateClaims(core));
  process.stdout.write(`${results.map((r) => formatResult(r, verbose)).join('\n\n')}\n`);
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = main(process.argv.slice(2));
