/** The interactive terminal session: one typed line in, its answer out; `next`/`prev` page the last list. */
import type { Answer } from '../answers/types.js';
import type { CommandContext } from '../commands/types.js';
import { CoreHolder, type Core } from '../core.js';
import { humanDate } from '../text/dates.js';
import { parseLine, type ParseResult } from './arguments.js';
import { execute, renderForTerminal } from './answer.js';
import { answerLines, openPrompt, SESSION_INTRO, SESSION_TITLE } from './read-loop.js';

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
      return `${renderForTerminal(core, parsed, answer, 'next / prev for more')}\n\n`;
    },
  };
}

/** Interactive session: reads lines until EOF or /quit; `next` and `prev` page the last paged answer. */
export async function runInteractive(
  source: Core | CoreHolder,
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<void> {
  const prompt = openPrompt(input, output);
  const session = createSession(source);
  output.write(`${SESSION_TITLE} ${session.factsLine()}\n${SESSION_INTRO}`);
  prompt.show();
  await answerLines(prompt, output, (line) => session.answer(line));
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
  return renderForTerminal(core, parsed, answer, 'next / prev for more');
}
