/**
 * The interactive terminal session of `node dist/main.js` without a token. The prompt comes first: this
 * module needs only readline, so the session is ready to type into at once, and the fact base (with its
 * validation and index, a few hundred milliseconds) loads while the first line is typed. Lines typed
 * meanwhile wait and are answered in order; a knowledge base that does not load ends the session with
 * its problems listed, as before.
 */
import { createInterface } from 'node:readline';

export const SESSION_TITLE = 'Peace-plan fact bot — offline terminal session.';
export const SESSION_INTRO =
  'Ask a question in plain words, or type a command such as /provision troop-cap, /issue znpp, /help; /quit to leave.\n' +
  'Add --full for everything, --sources for every source, --json for the JSON answer. (Set DISCORD_TOKEN to run the Discord bot instead.)\n\n';

export async function runTerminalSession(
  input: NodeJS.ReadableStream = process.stdin,
  output: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const interactive = 'isTTY' in input && Boolean((input as { isTTY?: boolean }).isTTY);
  const rl = createInterface({ input, output, terminal: interactive });
  const prompt = (keep = false) => {
    if (interactive) rl.prompt(keep);
  };
  output.write(`${SESSION_TITLE}\n${SESSION_INTRO}`);
  rl.setPrompt('> ');
  prompt();

  const session = (async () => {
    const cli = await import('./cli.js');
    const holder = cli.loadHolder();
    return { session: cli.createSession(holder), stopReloading: cli.reloadOnHangup(holder) };
  })();
  let failed = false;
  session.then(
    ({ session }) => {
      output.write(`${interactive ? '\r' : ''}${session.factsLine()}\n`);
      prompt(true);
    },
    (error: unknown) => {
      failed = true;
      const message = error instanceof Error ? error.message : String(error);
      process.stderr.write(`${interactive ? '\n' : ''}Could not load the knowledge base: ${message}\n`);
      rl.close();
    },
  );

  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (!line) {
        prompt();
        continue;
      }
      if (/^\/?(quit|exit)$/i.test(line)) break;
      const { session: ready } = await session;
      output.write(ready.answer(line));
      prompt();
    }
  } catch {
    // the session failed to load: reported above
  }
  rl.close();
  await session.then(
    ({ stopReloading }) => stopReloading(),
    () => {},
  );
  return failed ? 1 : 0;
}
