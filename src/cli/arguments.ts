/**
 * Reading what a terminal user typed: a command line (`provision troop-cap --json`), a typed line
 * (`/plan us-28 --page 2`, or a plain question that goes to /ask) — into a command and its options.
 */
import { maxQueryLength } from '../answers/reading.js';
import { commands, findCommand } from '../commands/index.js';
import type { Command, OptionValues } from '../commands/types.js';
import { withinEdits } from '../text/edits.js';

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
export function parseFreeWords(words: readonly string[]): ParseResult {
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

/** A name as echoed in an error: no control characters, at most 40 characters. */
export function clipName(text: string): string {
  return [...text.replace(/[\u0000-\u001f\u007f]/g, '?')].slice(0, 40).join('');
}
