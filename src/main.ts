/**
 * The production entry point (`node dist/main.js`; `npm start` runs the same).
 *
 * - No DISCORD_TOKEN (in the environment or .env): the interactive terminal session, same commands.
 * - With a token: the Discord bot over the gateway. The configuration is validated first; a missing or
 *   malformed variable stops start-up with a message naming it (never showing the token).
 *
 * Each mode is imported only when chosen: the terminal never loads discord.js.
 */
import { loadEnv, wantsBot } from './env.js';

async function main(): Promise<void> {
  const env = loadEnv();
  if (!wantsBot(env)) {
    const { runTerminalSession } = await import('./terminal.js');
    process.exitCode = await runTerminalSession();
    return;
  }
  const { ConfigError, parseConfig, parseOpsConfig } = await import('./config.js');
  let configs;
  try {
    configs = { discord: parseConfig(env), ops: parseOpsConfig(env) };
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Cannot start the bot. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { runGateway } = await import('./discord/gateway.js');
  await runGateway(configs.discord, configs.ops);
}

main().catch((error: unknown) => {
  // Only reached by a bug before the logger exists; even then the token is not printed.
  const text = error instanceof Error ? error.message : String(error);
  const token = process.env.DISCORD_TOKEN?.trim();
  process.stderr.write(`Unexpected failure: ${token ? text.split(token).join('[redacted]') : text}\n`);
  process.exit(1);
});
