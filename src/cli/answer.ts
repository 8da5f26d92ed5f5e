/** Running a parsed line and showing its answer in the terminal: text wrapped to the terminal, or JSON. */
import { errorAnswer } from '../answers/common.js';
import type { Answer } from '../answers/types.js';
import type { CommandContext } from '../commands/types.js';
import type { Core } from '../core.js';
import { renderJson } from '../render/json.js';
import { renderText, type TextRenderOptions } from '../render/text.js';
import { terminalWidth } from '../text/wrap.js';
import type { ParsedLine, ParseResult } from './arguments.js';

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

export function renderForTerminal(core: Core, parsed: ParseResult, answer: Answer, pageHint: string): string {
  return parsed.ok && parsed.line.json
    ? renderJson(answer, parsed.line.command, parsed.line.query)
    : renderText(answer, textOptions(core, parsed.ok ? parsed.line : undefined, pageHint));
}
