/**
 * The bot over the gateway, as `node dist/main.js` runs it with a DISCORD_TOKEN. Loaded by main.ts only in
 * this mode, so the terminal never pays for discord.js. SIGHUP (and /reload from an owner) reloads the
 * knowledge without touching the connection; SIGINT/SIGTERM close the gateway cleanly. Run it directly as
 * PID 1 under an init (`docker run --init`, tini, systemd) so those signals reach it.
 */
import { commands } from '../commands/index.js';
import type { DiscordConfig, OpsConfig } from '../config.js';
import { KnowledgeError } from '../knowledge/problems.js';
import { reloadOnSignal, startOps, type Ops } from '../ops/runtime.js';
import { handleSignals } from '../ops/signals.js';
import { createBot } from './client.js';
import { createLogger, describeError, tokenSecrets, whole } from './log.js';

export async function runGateway(config: DiscordConfig, opsConfig: OpsConfig): Promise<void> {
  const logger = createLogger(config.logLevel, tokenSecrets(config.token));

  let ops: Ops;
  try {
    ops = await startOps(opsConfig, logger, { metrics: opsConfig.metricsPort !== null });
  } catch (error) {
    logger.error('cannot load the knowledge base', {
      // every problem, unclipped: a maintainer fixes them all from this one line
      error: error instanceof KnowledgeError ? whole(error.message) : String(error),
    });
    process.exit(1);
  }

  const bot = createBot({
    config,
    getCore: () => ops.holder.current,
    commands,
    logger,
    ownerIds: ops.ownerIds,
    reloadKnowledge: () => ops.reload('/reload'),
    observe: ops.observe,
  });

  let ready = false;
  ops.metrics?.watchCaches(() => bot.cacheSizes());
  if (ops.metrics && opsConfig.metricsPort !== null) {
    const { serveMetrics } = await import('../ops/metrics.js');
    try {
      const served = await serveMetrics(ops.metrics, opsConfig.metricsPort, () => ready);
      served.server.unref();
      logger.info('metrics listening', { port: served.port, path: '/metrics' });
    } catch (error) {
      logger.error('cannot serve metrics', { port: opsConfig.metricsPort, ...describeError(error) });
      process.exit(1);
    }
  }

  handleSignals(logger, async (reason) => {
    await bot.stop(reason);
    await ops.close();
  });
  reloadOnSignal(ops);

  try {
    await bot.start();
    ready = true;
  } catch (error) {
    logger.error('could not connect to Discord', describeError(error));
    await bot.stop('login failed');
    process.exit(1);
  }
}
