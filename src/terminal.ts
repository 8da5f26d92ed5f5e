/**
 * The interactive terminal session of `node dist/main.js` without a token. The prompt comes first: this
 * module needs only readline, so the session is ready to type into at once, and the fact base (with its
 * validation and index, a few hundred milliseconds) loads while the first line is typed. Lines typed
 * meanwhile wait and are answered in order; a knowledge base that does not load ends the session with
 * its problems listed, as before.
 */
import { answerLines, openPrompt, SESSION_INTRO, SESSION_TITLE } from './cli/read-loop.js';

export async function runTerminalSession(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const prompt = openPrompt(input, output);
  const { interactive, rl } = prompt;
  output.write(`${SESSION_TITLE}\n${SESSION_INTRO}`);
  prompt.show();

  const session = (async () => {
    const cli = await import('./cli.js');
    const holder = cli.loadHolder();
    return { session: cli.createSession(holder), stopReloading: cli.reloadOnHangup(holder) };
  })();
  let failed = false;
  session.then(
    ({ session }) => {
      output.write(`${interactive ? '\r' : ''}${session.factsLine()}\n`);
      prompt.show(true);
    },
    (error: unknown) => {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${interactive ? '\n' : ''}Could not load the knowledge base: ${message}\n`);
      rl.close();
    },
  );

  try {
    await answerLines(prompt, output, async (line) => (await session).session.answer(line));
  } catch {
    // the session failed to load: reported above
  }
  await session.then(
    ({ stopReloading }) => stopReloading(),
    () => {},
  );
  return failed ? 1 : 0;
}
