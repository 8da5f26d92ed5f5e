/**
 * The HTTP interactions endpoint as `node dist/main.js` runs it with DISCORD_PUBLIC_KEY (moved out of
 * main.ts so the terminal session loads none of it). Serves from the core holder, so SIGHUP and an owner's
 * /reload swap the knowledge between requests; GET /metrics gives the Prometheus text.
 */
import { commands } from '../commands/index.js';
import type { HttpConfig, OpsConfig } from '../config.js';
import { Cooldowns } from '../discord/cooldown.js';
import { createLogger, describeError, whole } from '../discord/log.js';
import { createInteractionHandler } from '../interactions/handler.js';
import { KnowledgeError } from '../knowledge/problems.js';
import { metricsRoute } from '../ops/metrics.js';
import { reloadOnSignal, startOps, type Ops } from '../ops/runtime.js';
import { handleSignals } from '../ops/signals.js';
import { createInteractionsServer } from './server.js';

export async function runHttp(config: HttpConfig, opsConfig: OpsConfig): Promise<void> {
  const logger = createLogger(config.logLevel);
  let ops: Ops;
  try {
    ops = await startOps(opsConfig, logger, { metrics: true });
  } catch (error) {
    logger.error('cannot load the knowledge base', {
      // every problem, unclipped: a maintainer fixes them all from this one line
      error: error instanceof KnowledgeError ? whole(error.message) : String(error),
    });
    process.exit(1);
  }
  const handler = createInteractionHandler({
    getCore: () => ops.holder.current,
    commands,
    cooldowns: new Cooldowns(config.cooldownSeconds),
    logger,
    ownerIds: ops.ownerIds,
    reloadKnowledge: () => ops.reload('/reload'),
    observe: ops.observe,
  });
  const endpoint = createInteractionsServer({
    publicKey: config.publicKey,
    handler,
    logger,
    health: () => ({ as_of: ops.holder.current.kb.meta.asOf }),
  });
  if (ops.metrics) endpoint.routes.add('GET', '/metrics', metricsRoute(ops.metrics));
  handleSignals(logger, async (reason) => {
    logger.info('shutting down', { reason });
    await endpoint.close();
    await ops.close();
  });
  reloadOnSignal(ops);
  try {
    const address = await endpoint.listen(config.port, config.host);
    logger.info('listening', {
      url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
      interactions: '/interactions',
      health: '/healthz',
      metrics: '/metrics',
      commands: commands.length,
    });
  } catch (error) {
    logger.error('cannot listen', { host: config.host, port: config.port, ...describeError(error) });
    process.exit(1);
  }
}
