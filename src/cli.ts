import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { errorAnswer } from './answers/common.js';
import type { Answer } from './answers/types.js';
import { commands, findCommand } from './commands/index.js';
import type { Command, CommandContext, OptionValues } from './commands/types.js';
import { CoreHolder, type Core } from './core.js';
import { defaultKnowledgeDir, KnowledgeError } from './knowledge/load.js';
import { renderJson } from './render/json.js';
import { renderText } from './render/text.js';

/**
 * The terminal edge: the same commands as on Discord, typed as `/provision troop-cap --json`.
 * One-shot (`npm run cli -- provision troop-cap`), batch (JSON lines on stdin) and interactive.
 */

export interface ParsedLine {
  command: string;
  query: string;
  options: OptionValues;
  json: boolean;
}

export type ParseResult = { ok: true; line: ParsedLine; handler: Command } | { ok: false; message: string };

const commandList = () => commands.map((c) => `/${c.definition.name}`).join(', ');

/** Words fill the command's primary option; `--name value` sets any other option; `--json` asks for JSON. */
export function parseArguments(words: readonly string[], preset: OptionValues = {}): ParseResult {
  const [name, ...rest] = words;
  if (!name) return { ok: false, message: `No command given. Commands: ${commandList()}.` };
  const handler = findCommand(name);
  if (!handler) {
    return { ok: false, message: `Unknown command "${clipName(name)}". Commands: ${commandList()}.` };
  }
  const { definition } = handler;
  const options: OptionValues = { ...preset };
  const free: string[] = [];
  let json = false;
  for (let i = 0; i < rest.length; i += 1) {
    const word = rest[i]!;
    if (word === '--json') {
      json = true;
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
        message: `/${definition.name} has no option --${clipName(flag ?? '')}. Options: ${known}, --json.`,
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
    return { ok: false, message: `/${definition.name} takes no words, only options. Try /help.` };
  }
  const missing = definition.options.find((o) => o.required && options[o.name] === undefined);
  if (missing) {
    return {
      ok: false,
      message: `/${definition.name} needs ${missing.name === definition.primary ? 'some words' : `--${missing.name}`}: ${definition.usage}`,
    };
  }
  return { ok: true, line: { command: definition.name, query, options, json }, handler };
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

/** One typed line (`/provision troop-cap --json`) → the text to print. */
export function answerLine(core: Core, line: string, context: CommandContext = {}): string {
  const parsed = parseArguments(splitLine(line.replace(/^\//, '')));
  const answer = execute(core, parsed, context);
  return parsed.ok && parsed.line.json
    ? `${renderJson(answer, parsed.line.command, parsed.line.query)}\n\n`
    : `${renderText(answer)}\n\n`;
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

/**
 * Interactive session: reads `/command words…` lines until EOF or /quit. Given a CoreHolder, each line is
 * answered from the knowledge serving then, and /reload (or SIGHUP) reloads it.
 */
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
  const current = (): Core => (source instanceof CoreHolder ? source.current : source);
  const context: CommandContext =
    source instanceof CoreHolder ? { reloadKnowledge: () => source.reload() } : {};
  output.write(
    `Peace-plan fact bot — offline terminal session. Facts as of ${current().kb.meta.asOf}.\n` +
      `Type a command such as /provision troop-cap, /issue znpp, /ask how many troops can Ukraine keep?, /help; /quit to leave.\n` +
      'Add --json to any command for the JSON answer. (Set DISCORD_TOKEN to run the Discord bot instead.)\n\n',
  );
  rl.setPrompt('> ');
  prompt();
  for await (const raw of rl) {
    const line = raw.trim();
    if (!line) {
      prompt();
      continue;
    }
    if (/^\/?(quit|exit)$/i.test(line)) break;
    output.write(answerLine(current(), line, context));
    prompt();
  }
  rl.close();
}

/** Batch: one JSON line in ({"command","query", …options}), one Answer JSON line out, in order. */
export async function runBatch(
  core: Core,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  let failures = 0;
  const rl = createInterface({ input, terminal: false, crlfDelay: Infinity });
  for await (const raw of rl) {
    if (!raw.trim()) continue;
    let answer: Answer;
    let command = '';
    let query = '';
    try {
      const request = JSON.parse(raw) as Record<string, unknown>;
      command = typeof request.command === 'string' ? request.command : '';
      query = typeof request.query === 'string' ? request.query : '';
      const parsed = parseRequest(command, query, request);
      answer = execute(core, parsed);
    } catch {
      answer = errorAnswer(core, 'Each line must be a JSON object such as {"command":"ask","query":"…"}.');
    }
    if (answer.status === 'error') failures += 1;
    output.write(`${renderJson(answer, command, query)}\n`);
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
  const parsed = parseArguments(argv);
  const answer = execute(core, parsed);
  const json = argv.includes('--json');
  const command = parsed.ok ? parsed.line.command : (first ?? '');
  const query = parsed.ok
    ? parsed.line.query
    : argv
        .slice(1)
        .filter((w) => w !== '--json')
        .join(' ');
  if (json) process.stdout.write(`${renderJson(answer, command, query)}\n`);
  else if (answer.status === 'error') process.stderr.write(`${answer.text}\n`);
  else process.stdout.write(`${renderText(answer)}\n`);
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
