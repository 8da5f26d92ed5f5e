import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { clip, errorAnswer } from './answers/common.js';
import { maxQueryLength } from './answers/reading.js';
import type { Answer } from './answers/types.js';
import { commands, findCommand } from './commands/index.js';
import type { Command, CommandContext, OptionValues } from './commands/types.js';
import { CoreHolder, type Core } from './core.js';
import { defaultKnowledgeDir, KnowledgeError } from './knowledge/load.js';
import { renderJson } from './render/json.js';
import { renderText, type TextRenderOptions } from './render/text.js';
import { withinEdits } from './text/edits.js';
import { humanDate } from './text/dates.js';
import { terminalWidth } from './text/wrap.js';
import { SESSION_INTRO, SESSION_TITLE } from './terminal.js';

/**
 * The terminal edge: the same commands as on Discord, typed as `/provision troop-cap --json`.
 * One-shot (`npm run cli -- provision troop-cap`), batch (JSON lines on stdin) and interactive.
 */

export interface ParsedLine {
  command: string;
  query: string;
  options: OptionValues;
  json: boolean;
  /** --full: every section and source in full; --sources: every source in full. */
  full: boolean;
  sources: boolean;
}

export type ParseResult = { ok: true; line: ParsedLine; handler: Command } | { ok: false; message: string };

const commandList = () => commands.map((c) => `/${c.definition.name}`).join(', ');

/** The closest command to a mistyped name ("provison" → provision), if one is close enough. */
export function closestCommand(name: string): string | undefined {
  const key = name.replace(/^\//, '').toLowerCase();
  if (key.length < 3) return undefined;
  const names = commands.map((c) => c.definition.name);
  return (
    names.find((n) => withinEdits(key, n, 1)) ??
    names.find((n) => key.length >= 5 && withinEdits(key, n, 2)) ??
    names.find((n) => key.length >= 4 && n.startsWith(key))
  );
}

const displayFlags = new Set(['--json', '--full', '--sources']);
const helpFlags = new Set(['--help', '-h']);

/**
 * Words fill the command's primary option; `--name value` sets any other option; `--json` asks for JSON,
 * `--full` for everything, `--sources` for every source in full; `--help`/`-h` explains the command.
 * Every option is held to the same 300-character limit as a question, and an error never repeats a long
 * input back.
 */
export function parseArguments(words: readonly string[], preset: OptionValues = {}): ParseResult {
  const [name, ...rest] = words;
  if (!name) return { ok: false, message: `No command given. Commands: ${commandList()}.` };
  if (helpFlags.has(name)) return helpFor(undefined, rest);
  const handler = findCommand(name);
  if (!handler) {
    const close = closestCommand(name);
    return {
      ok: false,
      message: close
        ? `Unknown command "${clipName(name)}". Did you mean /${close}? (Commands: ${commandList()}.)`
        : `Unknown command "${clipName(name)}". Commands: ${commandList()}.`,
    };
  }
  if (rest.some((w) => helpFlags.has(w))) return helpFor(handler.definition.name, rest);
  const { definition } = handler;
  const options: OptionValues = { ...preset };
  const free: string[] = [];
  const flags = new Set<string>();
  for (let i = 0; i < rest.length; i += 1) {
    const word = rest[i]!;
    if (displayFlags.has(word)) {
      flags.add(word);
      continue;
    }
    if (!word.startsWith('--') || word.length === 2) {
      free.push(word);
      continue;
    }
    const [flag, inline] = word.slice(2).split(/=(.*)/s, 2);
    const option = definition.options.find((o) => o.name === flag);
    if (!option) {
      const known = definition.options.map((o) => `--${o.name}`).join(', ') || 'none';
      return {
        ok: false,
        message: `/${definition.name} has no option --${clipName(flag ?? '')}. Options: ${known}, --json, --full, --sources.`,
      };
    }
    const value = inline ?? rest[(i += 1)];
    if (value === undefined) return { ok: false, message: `--${option.name} needs a value.` };
    if (option.type === 'integer') {
      const n = Number(value);
      if (!Number.isInteger(n)) return { ok: false, message: `--${option.name} takes a whole number.` };
      options[option.name] = n;
    } else if (option.type === 'boolean') {
      options[option.name] = value === 'true';
    } else {
      options[option.name] = value;
    }
  }
  const query = free.join(' ');
  if (definition.primary && query) options[definition.primary] = query;
  else if (query) {
    return {
      ok: false,
      message: `/${definition.name} takes no words, only options. Try /help ${definition.name}.`,
    };
  }
  for (const option of definition.options) {
    const value = options[option.name];
    if (typeof value === 'string' && [...value].length > maxQueryLength) {
      const what = option.name === definition.primary ? 'The text' : `--${option.name}`;
      return {
        ok: false,
        message: `${what} is too long (${[...value].length} characters; at most ${maxQueryLength}). Shorten it and try again.`,
      };
    }
  }
  const missing = definition.options.find((o) => o.required && options[o.name] === undefined);
  if (missing) {
    return {
      ok: false,
      message: `/${definition.name} needs ${missing.name === definition.primary ? 'some words' : `--${missing.name}`}: ${definition.usage}`,
    };
  }
  return {
    ok: true,
    line: {
      command: definition.name,
      query:
        definition.primary && typeof options[definition.primary] === 'string'
          ? String(options[definition.primary])
          : query,
      options,
      json: flags.has('--json'),
      full: flags.has('--full'),
      sources: flags.has('--sources'),
    },
    handler,
  };
}

/** `--help`, `-h`, `provision --help`: the help answer, for one command or for all. */
function helpFor(command: string | undefined, rest: readonly string[]): ParseResult {
  const handler = findCommand('help')!;
  return {
    ok: true,
    line: {
      command: 'help',
      query: command ?? '',
      options: command ? { command } : {},
      json: rest.includes('--json'),
      full: false,
      sources: false,
    },
    handler,
  };
}

/**
 * A line as a person types it. `/command words…` runs that command; a line without a slash runs the
 * command it starts with when that reads as one (`provision troop-cap`), and otherwise is a question for
 * /ask (`how many troops can Ukraine keep?`).
 */
export function parseLine(line: string): ParseResult {
  const words = splitLine(line);
  if (line.trimStart().startsWith('/')) {
    words[0] = words[0]!.replace(/^\//, '');
    return parseArguments(words);
  }
  return parseFreeWords(words);
}

/** Words with no slash (a terminal line, or `npm run cli -- how many troops`): a command, else /ask. */
function parseFreeWords(words: readonly string[]): ParseResult {
  const [first] = words;
  if (!first) return parseArguments(words);
  if (helpFlags.has(first) || findCommand(first)) {
    const parsed = parseArguments(words);
    if (parsed.ok || !/takes no words/.test(parsed.message)) return parsed;
  }
  const close = closestCommand(first);
  if (close && words.length <= 3 && !findCommand(first)) return parseArguments(words);
  return parseArguments(['ask', ...words]);
}

/** A terminal line as a person types it: `/ask how many troops?`, with "quoted words" kept together. */
export function splitLine(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(match[1] ?? match[2] ?? match[3]!);
  return words;
}

/** Runs a parsed line; a handler bug becomes an error answer, never a stack trace. */
export function execute(core: Core, parsed: ParseResult, context: CommandContext = {}): Answer {
  if (!parsed.ok) return errorAnswer(core, parsed.message);
  try {
    return parsed.handler.run(core, parsed.line.options, context);
  } catch (error) {
    process.stderr.write(
      `[error] /${parsed.line.command} failed: ${(error as Error).stack ?? String(error)}\n`,
    );
    return errorAnswer(
      core,
      'Something went wrong while answering; the error was logged. Please try rephrasing.',
    );
  }
}

function clipName(text: string): string {
  return [...text.replace(/[\u0000-\u001f\u007f]/g, '?')].slice(0, 40).join('');
}

/** How a terminal reply looks: wrapped to the terminal, within the line budget unless asked for more. */
function textOptions(core: Core, line: ParsedLine | undefined, pageHint: string): TextRenderOptions {
  return {
    width: terminalWidth(process.env, process.stdout.columns),
    full: line?.full ?? false,
    sources: line?.sources ?? false,
    titleOf: (id) => core.index.entry(id)?.title ?? id,
    pageHint,
  };
}

function render(core: Core, parsed: ParseResult, answer: Answer, pageHint: string): string {
  return parsed.ok && parsed.line.json
    ? renderJson(answer, parsed.line.command, parsed.line.query)
    : renderText(answer, textOptions(core, parsed.ok ? parsed.line : undefined, pageHint));
}

/** One interactive session's state: the knowledge it answers from and the last paged answer. */
export interface Session {
  /** "Facts as of …" for the knowledge serving now. */
  factsLine(): string;
  /** The text to print for one typed line (not /quit). */
  answer(line: string): string;
}

/**
 * Given a CoreHolder, each line is answered from the knowledge serving then, and /reload reloads it;
 * `next` and `prev` page the last paged answer.
 */
export function createSession(source: Core | CoreHolder): Session {
  const current = (): Core => (source instanceof CoreHolder ? source.current : source);
  const context: CommandContext =
    source instanceof CoreHolder ? { reloadKnowledge: () => source.reload() } : {};
  let last: { parsed: ParseResult & { ok: true }; answer: Answer } | undefined;
  return {
    factsLine: () => `Facts as of ${humanDate(current().kb.meta.asOf)}.`,
    answer(line) {
      const core = current();
      const step = /^\/?(next|more|n)$/i.test(line) ? 1 : /^\/?(prev|previous|back|p)$/i.test(line) ? -1 : 0;
      if (step !== 0) return `${page(core, last, step, (parsed, answer) => (last = { parsed, answer }))}\n\n`;
      const parsed = parseLine(line);
      const answer = execute(core, parsed, context);
      if (parsed.ok && answer.page && answer.page.count > 1) last = { parsed, answer };
      return `${render(core, parsed, answer, 'next / prev for more')}\n\n`;
    },
  };
}

/** Interactive session: reads lines until EOF or /quit; `next` and `prev` page the last paged answer. */
export async function runInteractive(
  source: Core | CoreHolder,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive });
  const prompt = () => {
    if (interactive) rl.prompt();
  };
  const session = createSession(source);
  output.write(`${SESSION_TITLE} ${session.factsLine()}\n${SESSION_INTRO}`);
  rl.setPrompt('> ');
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      prompt();
      continue;
    }
    if (/^\/?(quit|exit)$/i.test(line)) break;
    output.write(session.answer(line));
    prompt();
  }
  rl.close();
}

/** The knowledge (KNOWLEDGE_DIR or knowledge/) behind a terminal session; throws KnowledgeError. */
export function loadHolder(): CoreHolder {
  return CoreHolder.load(process.env.KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir);
}

/** Reload on SIGHUP for as long as a terminal session lasts; returns the function that stops it. */
export function reloadOnHangup(holder: CoreHolder): () => void {
  const onHangup = (): void => {
    const outcome = holder.reload();
    process.stderr.write(
      outcome.ok
        ? `[reload] ${outcome.facts} facts, as of ${outcome.asOf}\n`
        : `[reload] failed; the previous knowledge keeps serving:\n${outcome.errors.join('\n')}\n`,
    );
  };
  process.on('SIGHUP', onHangup);
  return () => process.off('SIGHUP', onHangup);
}

/** `next` / `prev`: the neighbouring page of the last paged answer, or a plain word on why not. */
function page(
  core: Core,
  last: { parsed: ParseResult & { ok: true }; answer: Answer } | undefined,
  step: number,
  remember: (parsed: ParseResult & { ok: true }, answer: Answer) => void,
): string {
  if (!last?.answer.page) return 'Nothing to page through: next and prev follow a /plan or /timeline answer.';
  const { index, count } = last.answer.page;
  const wanted = index + step;
  if (wanted > count) return `That was the last page (${count} of ${count}). Type prev to go back.`;
  if (wanted < 1) return 'That was the first page. Type next for more.';
  const parsed = {
    ...last.parsed,
    line: { ...last.parsed.line, options: { ...last.parsed.line.options, page: wanted } },
  };
  const answer = execute(core, parsed);
  remember(parsed, answer);
  return render(core, parsed, answer, 'next / prev for more');
}

/**
 * Input lines split at "\n" only (a trailing "\r" dropped): a raw carriage return inside a JSON string is
 * part of that line, as the JSON lines format has it, not a line break of its own.
 */
export async function* inputLines(input: NodeJS.ReadableStream): AsyncGenerator<string> {
  let buffer = '';
  input.setEncoding?.('utf8');
  for await (const chunk of input as AsyncIterable<string | Buffer>) {
    buffer += typeof chunk === 'string' ? chunk : chunk.toString('utf8');
    let end = buffer.indexOf('\n');
    while (end >= 0) {
      yield buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      end = buffer.indexOf('\n');
    }
  }
  if (buffer.length > 0) yield buffer.replace(/\r$/, '');
}

/**
 * Batch: one JSON line in ({"command","query", …options}), one Answer JSON line out, in order — exactly
 * one per input line, a blank line included (it gets an error answer), so outputs pair with inputs.
 */
export async function runBatch(
  core: Core,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  let failures = 0;
  for await (const raw of inputLines(input)) {
    let answer: Answer;
    let command = '';
    let query = '';
    if (!raw.trim()) {
      answer = errorAnswer(
        core,
        'Empty line: each line must be a JSON object such as {"command":"ask","query":"…"}.',
      );
    } else {
      try {
        // a raw control character (a CR pasted into a string) is not valid JSON: read it as a space
        const request = JSON.parse(raw.replace(/[\u0000-\u001f]/g, ' ')) as Record<string, unknown>;
        if (!request || typeof request !== 'object' || Array.isArray(request))
          throw new Error('not an object');
        command = typeof request.command === 'string' ? request.command : '';
        query = typeof request.query === 'string' ? request.query : '';
        const parsed = parseRequest(command, query, request);
        if (parsed.ok) query = parsed.line.query; // the primary option may come under its own name
        answer = execute(core, parsed);
      } catch {
        answer = errorAnswer(core, 'Each line must be a JSON object such as {"command":"ask","query":"…"}.');
      }
    }
    if (answer.status === 'error') failures += 1;
    // what was asked is echoed back for pairing, but never a megabyte of it
    output.write(`${renderJson(answer, clip(command, 40), clip(query, maxQueryLength + 1))}\n`);
  }
  return failures;
}

function parseRequest(command: string, query: string, request: Record<string, unknown>): ParseResult {
  const handler = findCommand(command);
  const primary = handler?.definition.primary;
  const words = [command];
  for (const option of handler?.definition.options ?? []) {
    const value = request[option.name];
    if (value !== undefined && option.name !== primary) words.push(`--${option.name}`, String(value));
  }
  // The primary option may come as "query" or under its own name ({"command":"plan","plan":"us-28"}).
  const named = primary ? request[primary] : undefined;
  const primaryValue = query || (typeof named === 'string' || typeof named === 'number' ? String(named) : '');
  return parseArguments(words, primary && primaryValue ? { [primary]: primaryValue } : {});
}

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
  else process.stdout.write(`${render(core, parsed, answer, '--page N for more')}\n`);
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
