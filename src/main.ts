/**
 * The production entry point (`npm start`). Which mode runs depends on the environment (or .env):
 *
 * - DISCORD_PUBLIC_KEY: the HTTP interactions endpoint (src/http/) on HOST:PORT (default 0.0.0.0:8080).
 *   No token needed; stateless, so any number of replicas can run behind a load balancer.
 * - DISCORD_TOKEN: the bot over the gateway (src/discord/), optionally only some shards
 *   (SHARD_COUNT, SHARD_IDS).
 * - neither: the interactive terminal session, same commands.
 *
 * The configuration is validated first; a missing or malformed variable stops start-up with a message
 * naming it (never showing the token). discord.js is imported only in gateway mode.
 */
import { commands } from './commands/index.js';
import {
  chooseMode,
  ConfigError,
  loadEnv,
  parseConfig,
  parseHttpConfig,
  type DiscordConfig,
  type HttpConfig,
} from './config.js';
import { loadCore, type Core } from './core.js';
import { Cooldowns } from './discord/cooldown.js';
import { watchLauncher } from './discord/launcher.js';
import { createLogger, describeError, tokenSecrets, whole, type Logger } from './discord/log.js';
import { createInteractionsServer } from './http/server.js';
import { createInteractionHandler } from './interactions/handler.js';
import { KnowledgeError } from './knowledge/load.js';

/** How long a shutdown may take before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 5_000;

function loadCoreOrExit(logger: Logger): Core {
  try {
    return loadCore();
  } catch (error) {
    logger.error('cannot load the knowledge base', {
      // every problem, unclipped: a maintainer fixes them all from this one line
      error: error instanceof KnowledgeError ? whole(error.message) : String(error),
    });
    process.exit(1);
  }
}

/** Keep serving through bugs, and stop cleanly on SIGINT/SIGTERM or when the launcher goes away. */
function handleSignals(logger: Logger, stop: (reason: string) => Promise<void>): void {
  // A bug anywhere must not take the process down: log it and keep serving.
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
    void stop(reason).then(() => {
      logger.info('stopped', { reason });
      process.exit(0);
    });
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  // `npm start` does not pass SIGTERM on: stop with whatever started us (see launcher.ts).
  watchLauncher((pid) => shutdown(`launcher ${pid} exited`));
}

async function runGateway(config: DiscordConfig): Promise<void> {
  const logger = createLogger(config.logLevel, tokenSecrets(config.token));
  const core = loadCoreOrExit(logger);
  // Imported here so that the terminal and the HTTP endpoint never load discord.js.
  const { createBot } = await import('./discord/client.js');
  const bot = createBot({ config, core, commands, logger });
  handleSignals(logger, (reason) => bot.stop(reason));
  try {
    await bot.start();
  } catch (error) {
    logger.error('could not connect to Discord', describeError(error));
    await bot.stop('login failed');
    process.exit(1);
  }
}

async function runHttp(config: HttpConfig): Promise<void> {
  const logger = createLogger(config.logLevel);
  const core = loadCoreOrExit(logger);
  const handler = createInteractionHandler({
    getCore: () => core,
    commands,
    cooldowns: new Cooldowns(config.cooldownSeconds),
    logger,
  });
  const endpoint = createInteractionsServer({
    publicKey: config.publicKey,
    handler,
    logger,
    health: () => ({ as_of: core.kb.meta.asOf }),
  });
  handleSignals(logger, async (reason) => {
    logger.info('shutting down', { reason });
    await endpoint.close();
  });
  try {
    const address = await endpoint.listen(config.port, config.host);
    logger.info('listening', {
      url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
      interactions: '/interactions',
      health: '/healthz',
      commands: commands.length,
    });
  } catch (error) {
    logger.error('cannot listen', { host: config.host, port: config.port, ...describeError(error) });
    process.exit(1);
  }
}

function parseOrExit<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Cannot start. ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

async function main(): Promise<void> {
  const env = loadEnv();
  switch (chooseMode(env)) {
    case 'terminal': {
      const { main: runTerminal } = await import('./cli.js');
      process.exitCode = await runTerminal(['interactive']);
      return;
    }
    case 'http':
      return runHttp(parseOrExit(() => parseHttpConfig(env)));
    case 'gateway':
      return runGateway(parseOrExit(() => parseConfig(env)));
  }
}

main().catch((error: unknown) => {
  // Only reached by a bug before the logger exists; even then the token is not printed.
  const text = error instanceof Error ? error.message : String(error);
  const token = process.env.DISCORD_TOKEN?.trim();
  process.stderr.write(`Unexpected failure: ${token ? text.split(token).join('[redacted]') : text}\n`);
  process.exit(1);
});
