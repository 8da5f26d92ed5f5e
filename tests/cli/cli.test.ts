import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer } from '../../src/answers/types.js';
import { findCommand } from '../../src/commands/index.js';
import { loadCore, type Core } from '../../src/core.js';
import { humanDate } from '../../src/text/dates.js';
import { requiredCommands } from '../fixtures/commands.js';

/**
 * The terminal contract, checked on the real entry points run as child processes. Spawning costs about
 * half a second, so each process checks as much as it can and independent ones run side by side.
 */
const root = join(import.meta.dirname, '../..');
const asOf = (JSON.parse(readFileSync(join(root, 'knowledge/meta.json'), 'utf8')) as { asOf: string }).asOf;
const stackTrace = /^\s+at .+[:(]\d+:\d+\)?$/m;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(
  script: string,
  args: readonly string[],
  input?: string,
  env: Record<string, string> = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
      cwd: root,
      // No token and no .env file: never the Discord bot.
      env: {
        ...process.env,
        DISCORD_TOKEN: '',
        ENV_FILE: join(root, 'no-such.env'),
        FORCE_COLOR: '0',
        NO_COLOR: '1',
        ...env,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const cli = (args: readonly string[], input?: string, env?: Record<string, string>) =>
  run('src/cli.ts', args, input, env);

let core: Core;
beforeAll(() => {
  core = loadCore();
});

/** The fields every Answer has, per the design. */
function expectAnswerShape(value: Record<string, unknown>): void {
  expect(['found', 'ambiguous', 'not_found', 'error']).toContain(value.status);
  expect(typeof value.title).toBe('string');
  expect(typeof value.text).toBe('string');
  for (const key of ['sections', 'citations', 'factIds', 'suggestions'])
    expect(Array.isArray(value[key]), key).toBe(true);
  expect(value.asOf).toBe(asOf);
}

describe('cli: one command', () => {
  it('provision troop-cap --json prints exactly one JSON object: the Answer plus command and query', async () => {
    const result = await cli(['provision', 'troop-cap', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(1);
    const parsed = JSON.parse(lines[0]!) as Record<string, unknown> & Answer;
    expect(parsed.command).toBe('provision');
    expect(parsed.query).toBe('troop-cap');
    expectAnswerShape(parsed);
    expect(parsed.status).toBe('found');
    expect(parsed.factIds[0]).toBe('troop-cap');
    expect(parsed.text).toContain('600,000');
    expect(parsed.text).toContain('800,000');
    // The process gives the same answer as the core in this process.
    const answer: Record<string, unknown> = { ...parsed };
    delete answer.command;
    delete answer.query;
    expect(answer).toEqual(
      JSON.parse(JSON.stringify(findCommand('provision')!.run(core, { query: 'troop-cap' }))),
    );
  });

  it('without --json prints the text answer within 40 lines of 80 columns, sources and the as-of date', async () => {
    const result = await cli(['provision', 'troop', 'cap'], undefined, { COLUMNS: '80' });
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout.startsWith('Size of Ukraine')).toBe(true);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(result.stdout).toMatch(/\nSources( \(\d+ of \d+\))?\n/);
    expect(result.stdout).toMatch(new RegExp(`(As of|reviewed) ${humanDate(asOf)}`));
    expect(lines.at(-1)).toMatch(/^facts: troop-cap/);
  });

  it('--sources shows every source in full, with its verbatim quotes', async () => {
    const result = await cli(['provision', 'troop-cap', '--sources']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/“[^”]*600,000[^”]*”/);
    expect(result.stdout).toContain('anonymous, low reliability');
  });

  it('reads words without a command as a question, and suggests the command meant by a typo', async () => {
    const [question, typo] = await Promise.all([
      cli(['how', 'many', 'troops', 'can', 'Ukraine', 'keep?', '--json']),
      cli(['provison', 'troop-cap']),
    ]);
    expect(JSON.parse(question.stdout)).toMatchObject({ command: 'ask', status: 'found' });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/Did you mean \/provision\?/);
  });

  it('--help and -h explain a command', async () => {
    const [all, one] = await Promise.all([cli(['--help']), cli(['provision', '-h'])]);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('■ /provision');
    expect(one.code).toBe(0);
    expect(one.stdout.startsWith('/provision')).toBe(true);
  });

  it('an out-of-scope question is an answer (not found), exit 0', async () => {
    const result = await cli(['ask', 'what', 'is', 'the', 'weather', 'in', 'Paris', '--json']);
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as Answer & { command: string; query: string };
    expect(parsed.status).toBe('not_found');
    expect(parsed.query).toBe('what is the weather in Paris');
  });
});

describe('cli: bad input gets a clear message, a non-zero exit and no stack trace', () => {
  const cases: [string, string[], RegExp][] = [
    ['an empty query', ['provision', ''], /needs some words/],
    ['no words at all', ['ask'], /needs some words/],
    ['an unknown command', ['/frobnicate', 'troop-cap'], /Unknown command "frobnicate".*\/provision/],
    ['an unknown option', ['provision', 'troop-cap', '--colour', 'red'], /has no option --colour/],
    ['an option without its value', ['plan', 'us-28', '--page'], /--page needs a value/],
    ['a page that is not a number', ['plan', 'us-28', '--page', 'two'], /whole number/],
    ['10,000 characters', ['ask', 'a'.repeat(10_000)], /10000 characters.*300/],
    ['a 96 kB list of fact ids', ['sources', 'us-28-6,'.repeat(12_000)], /too long.*300/],
    ['control characters', ['ask', 'troop\u0007cap\u001b[2J'], /control characters/],
  ];

  it.each(cases)('%s', async (_name, args, message) => {
    const result = await cli(args);
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBeNull();
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(stackTrace);
    expect(result.stderr.length).toBeLessThan(500);
    expect(result.stdout).toBe('');
  });

  it('with --json, bad input is still one JSON object with status error', async () => {
    const result = await cli(['/frobnicate', '--json']);
    expect(result.code).not.toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(1);
    const parsed = JSON.parse(lines[0]!) as Answer & { command: string };
    expect(parsed.status).toBe('error');
    expect(parsed.text).toMatch(/Unknown command/);
    expect(result.stderr).not.toMatch(stackTrace);
  });
});

describe('cli: batch', () => {
  it('answers fuzz input one line each: a 1 MB option, blank lines, a raw CR inside a JSON string', async () => {
    const huge = 'us-28-6,'.repeat(131_072);
    const input = [
      JSON.stringify({ command: 'sources', facts: huge }),
      '',
      '   \t ',
      '{"command":"ask","query":"troop\rcap"}',
      JSON.stringify({ command: 'compare', topic: 'nato', plan_a: 'x'.repeat(5000), plan_b: 'us-28' }),
      JSON.stringify({ command: 'about' }),
    ].join('\n');
    const result = await cli(['batch'], `${input}\n`);
    expect(result.stderr).not.toMatch(stackTrace);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(6);
    const out = lines.map((line) => JSON.parse(line) as Answer & { command: string; query: string });
    expect(out[0]).toMatchObject({ command: 'sources', status: 'error' });
    expect(out[0]!.text).toMatch(/too long/);
    expect(lines[0]!.length).toBeLessThan(3000);
    expect(out[1]!.status).toBe('error');
    expect(out[2]!.status).toBe('error');
    expect(out[3]!.command).toBe('ask');
    expect(out[3]!.status).not.toBe('error');
    expect(out[4]).toMatchObject({ command: 'compare', status: 'error' });
    expect(out[4]!.text).toMatch(/--plan_a is too long/);
    expect(out[5]).toMatchObject({ command: 'about', status: 'found' });
  });

  it('writes one JSON line per input line, in order', async () => {
    const requests = [
      { command: 'ask', query: 'how many troops can Ukraine keep?' },
      { command: 'provision', query: 'ZNPP' },
      { command: 'issue', query: 'znpp' },
      { command: 'plan', plan: 'us-28', page: 2 },
      { command: 'ask', query: 'what is the capital of France?' },
      { command: 'nonsense', query: 'x' },
      { command: 'ask', query: '' },
      { command: 'timeline', about: 'witkoff' },
    ];
    const input =
      [
        ...requests.map((r) => JSON.stringify(r)),
        'this is not JSON',
        JSON.stringify({ command: 'about' }),
      ].join('\n') + '\n';
    const result = await cli(['batch'], input);
    expect(result.stderr).not.toMatch(stackTrace);
    const lines = result.stdout.trim().split('\n');
    expect(lines.length).toBe(requests.length + 2);
    const out = lines.map((line) => JSON.parse(line) as Answer & { command: string; query: string });
    for (const answer of out) expectAnswerShape(answer as unknown as Record<string, unknown>);

    expect(out[0]).toMatchObject({
      command: 'ask',
      query: 'how many troops can Ukraine keep?',
      status: 'found',
    });
    expect(out[0]!.factIds[0]).toBe('troop-cap');
    expect(out[1]).toMatchObject({ command: 'provision', query: 'ZNPP', status: 'found' });
    expect(out[1]!.factIds[0]).toBe('znpp');
    expect(out[2]).toMatchObject({ command: 'issue', status: 'found' });
    expect(out[2]!.factIds[0]).toBe(core.kb.issuesByTopic.get('znpp')!.id);
    expect(out[3]).toMatchObject({ command: 'plan', status: 'found', page: { index: 2 } });
    expect(out[3]!.factIds[0]).toBe('us-28');
    expect(out[4]).toMatchObject({ command: 'ask', status: 'not_found' });
    expect(out[5]).toMatchObject({ command: 'nonsense', status: 'error' });
    expect(out[5]!.text).toMatch(/Unknown command/);
    expect(out[6]).toMatchObject({ command: 'ask', status: 'error' });
    expect(out[7]).toMatchObject({ command: 'timeline', status: 'found' });
    expect(out[7]!.title.toLowerCase()).toContain('witkoff');
    expect(out[8]).toMatchObject({ status: 'error' });
    expect(out[8]!.text).toMatch(/JSON object/);
    expect(out[9]).toMatchObject({ command: 'about', status: 'found' });
    // Errors in the batch are reported through the exit code, after every line was answered.
    expect(result.code).not.toBe(0);
  });

  it('exits 0 when every line is answered', async () => {
    const input = ['troop cap', 'znpp', 'NATO']
      .map((query) => JSON.stringify({ command: 'provision', query }))
      .join('\n');
    const result = await cli(['batch'], input);
    expect(result.code).toBe(0);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Answer & { query: string });
    expect(out.map((a) => a.query)).toEqual(['troop cap', 'znpp', 'NATO']);
    expect(out.map((a) => a.factIds[0])).toEqual(['troop-cap', 'znpp', 'nato-membership']);
  });
});

describe('interactive session', () => {
  const entry = existsSync(join(root, 'src/main.ts')) ? 'src/main.ts' : 'src/cli.ts';

  it(`${entry} without DISCORD_TOKEN answers slash commands typed on stdin and exits on EOF`, async () => {
    const input = [
      '/provision troop-cap',
      '/issue znpp',
      '/ask how many troops can Ukraine keep?',
      '/help',
      '',
    ].join('\n');
    const result = await run(entry, [], input);
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(stackTrace);
    const out = result.stdout;
    expect(out).toContain(`Facts as of ${humanDate(asOf)}`);
    const troop = out.indexOf("Size of Ukraine's armed forces (troop cap)");
    const znpp = out.indexOf(core.kb.issuesByTopic.get('znpp')!.title);
    const ask = out.indexOf("Size of Ukraine's armed forces (troop cap)", znpp);
    const help = out.indexOf('\nCommands\n');
    expect(troop).toBeGreaterThan(0);
    expect(znpp).toBeGreaterThan(troop);
    expect(ask).toBeGreaterThan(znpp);
    expect(help).toBeGreaterThan(ask);
    expect(out).toContain('■ Sources disagree');
    expect(out).toContain('600,000');
    expect(out).toContain('800,000');
    for (const name of requiredCommands) {
      expect(out.slice(help)).toContain(`■ /${name}`);
    }
    expect(out.match(new RegExp(`(As of|reviewed) ${humanDate(asOf)}`, 'g'))!.length).toBeGreaterThanOrEqual(
      4,
    );
  });

  it('pages with next and prev, says when there is no more, and reads a plain line as a question', async () => {
    const input = [
      '/plan us-28',
      'next',
      'next',
      'next',
      'prev',
      'how many troops can Ukraine keep?',
      '',
    ].join('\n');
    const result = await run(entry, [], input);
    expect(result.code).toBe(0);
    const pages = [...result.stdout.matchAll(/page (\d) of (\d)/g)].map((m) => m[1]);
    expect(pages.filter((_, i) => i % 2 === 0)).toEqual(['1', '2', '3', '2']);
    expect(result.stdout).toContain('That was the last page');
    expect(result.stdout).toContain("Size of Ukraine's armed forces (troop cap)");
    expect(result.stdout).not.toContain('Unknown command');
  });

  it('reports bad lines and keeps going', async () => {
    const result = await run(entry, [], '/frobnicate\n/ask\n/provision znpp --json\n/quit\n/help\n');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Unknown command "frobnicate"');
    expect(result.stdout).toContain('/ask needs some words');
    const json = result.stdout.split('\n').find((line) => line.startsWith('{'));
    expect(JSON.parse(json!)).toMatchObject({ command: 'provision', query: 'znpp', status: 'found' });
    // /quit ends the session: the /help after it is not answered.
    expect(result.stdout).not.toContain('\nCommands\n');
    expect(result.stderr).not.toMatch(stackTrace);
  });
});
