/**
 * The read loop both terminal sessions share (`node dist/main.js` without a token, and `npm run cli`):
 * a "> " prompt when a person types (none when input is piped), blank lines skipped, /quit or /exit to
 * leave. It needs only readline, so the terminal can show its prompt before the fact base loads.
 */
import { createInterface, type Interface } from 'node:readline';

export const SESSION_TITLE = 'Peace-plan fact bot — offline terminal session.';
export const SESSION_INTRO =
  // at most 80 columns a line, like every answer in the terminal
  'Ask a question in plain words, or type a command such as /provision troop-cap,\n' +
  '/issue znpp, /help; /quit to leave. Add --full for everything, --sources for\n' +
  'every source, --json for the JSON answer. (Set DISCORD_TOKEN to run the Discord\n' +
  'bot instead.)\n\n';

export interface Prompt {
  /** A person is typing (a TTY), not a pipe: only then is the prompt shown. */
  readonly interactive: boolean;
  readonly rl: Interface;
  /** Shows the prompt again; `keep` leaves the cursor where it is. */
  show(keep?: boolean): void;
}

export function openPrompt(input: NodeJS.ReadableStream, output: NodeJS.WritableStream): Prompt {
  const interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive });
  rl.setPrompt('> ');
  return {
    interactive,
    rl,
    show: (keep = false) => {
      if (interactive) rl.prompt(keep);
    },
  };
}

/**
 * Answers each typed line in order until the input ends or /quit; the prompt comes back after each
 * answer. The readline interface is closed however the loop ends (an answer that throws included).
 */
export async function answerLines(
  prompt: Prompt,
  output: NodeJS.WritableStream,
  answer: (line: string) => string | Promise<string>,
): Promise<void> {
  try {
    for await (const raw of prompt.rl) {
      const line = raw.trim();
      if (!line) {
        prompt.show();
        continue;
      }
      if (/^\/?(quit|exit)$/i.test(line)) break;
      output.write(await answer(line));
      prompt.show();
    }
  } finally {
    prompt.rl.close();
  }
}
