/** Batch mode: JSON lines in, one Answer JSON line out per input line, in order. */
import { clip, errorAnswer } from '../answers/common.js';
import { maxQueryLength } from '../answers/reading.js';
import type { Answer } from '../answers/types.js';
import { findCommand } from '../commands/index.js';
import type { Core } from '../core.js';
import { renderJson } from '../render/json.js';
import { parseArguments, type ParseResult } from './arguments.js';
import { execute } from './answer.js';

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
