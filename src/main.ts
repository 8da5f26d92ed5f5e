/**
 * The production entry point (`npm start`).
 *
 * - No DISCORD_TOKEN (in the environment or .env): the interactive terminal session, same commands.
 * - With a token: the Discord bot over the gateway. The configuration is validated first; a missing or
 *   malformed variable stops start-up with a message naming it (never showing the token).
 */
import { main as runTerminal } from './cli.js';
import { commands } from './commands/index.js';
import { ConfigError, loadEnv, parseConfig, wantsBot, type DiscordConfig } from './config.js';
import { loadCore, type Core } from './core.js';
import { createBot } from './discord/client.js';
import { watchLauncher } from './discord/launcher.js';
import { createLogger, describeError, tokenSecrets } from './discord/log.js';
import { KnowledgeError } from './knowledge/load.js';

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

async function runBot(config: DiscordConfig): Promise<void> {
  const logger = createLogger(config.logLevel, tokenSecrets(config.token));

  let core: Core;
  try {
    core = loadCore();
  } catch (error) {
    logger.error('cannot load the knowledge base', {
      error: error instanceof KnowledgeError ? error.message : String(error),
    });
    process.exit(1);
  }

  const bot = createBot({ config, core, commands, logger });

  // A bug anywhere must not take the bot down: log it and keep serving.
  process.on('unhandledRejection', (reason) => logger.error('unhandled rejection', describeError(reason)));
  process.on('uncaughtException', (error) => logger.error('uncaught exception', describeError(error)));

  let shuttingDown = false;
  const shutdown = (reason: string): void => {
    if (shuttingDown) return;
    shuttingDown = true;
    const force = setTimeout(() => {
      logger.warn('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    void bot.stop(reason).then(() => {
      logger.info('stopped', { reason });
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // `npm start` does not pass SIGTERM on: stop with whatever started us (see launcher.ts).
  watchLauncher((pid) => shutdown(`launcher ${pid} exited`));

  try {
    await bot.start();
  } catch (error) {
    logger.error('could not connect to Discord', describeError(error));
    await bot.stop('login failed');
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const env = loadEnv();
  if (!wantsBot(env)) {
    process.exitCode = await runTerminal(['interactive']);
    return;
  }
  let config: DiscordConfig;
  try {
    config = parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Cannot start the bot. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  await runBot(config);
}

main().catch((error: unknown) => {
  // Only reached by a bug before the logger exists; even then the token is not printed.
  const text = error instanceof Error ? error.message : String(error);
  const token = process.env.DISCORD_TOKEN?.trim();
  process.stderr.write(`Unexpected failure: ${token ? text.split(token).join('[redacted]') : text}\n`);
  process.exit(1);
});
