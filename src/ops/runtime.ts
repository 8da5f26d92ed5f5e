/**
 * What both bot edges (gateway and HTTP) run besides answering: the core holder that reloads serve from,
 * SIGHUP → reload, the misses log and the metrics. The edges read `ops.holder.current` per interaction and
 * report each outcome to `ops.observe`.
 */
import type { OpsConfig } from '../config.js';
import { CoreHolder, type ReloadOutcome } from '../core.js';
import { whole, type Logger } from '../discord/log.js';
import { defaultKnowledgeDir } from '../knowledge/dir.js';
import type { Metrics } from './metrics.js';
import { createMissesLog, type MissesLog } from './misses.js';
import { fanOut, type OutcomeObserver } from './outcome.js';

export interface Ops {
  holder: CoreHolder;
  observe: OutcomeObserver;
  /** Present when metrics are served (METRICS_PORT in gateway mode; always with the HTTP endpoint). */
  metrics: Metrics | null;
  ownerIds: ReadonlySet<string>;
  /** Reloads, logs the outcome (every problem, one line each) and counts it. Never throws. */
  reload(trigger: string): ReloadOutcome;
  /** Writes what is pending (the misses log). */
  close(): Promise<void>;
}

/** Loads the knowledge (throws KnowledgeError) and sets up the misses log and, if asked, metrics. */
export async function startOps(
  config: OpsConfig,
  logger: Logger,
  options: { metrics: boolean },
): Promise<Ops> {
  const holder = CoreHolder.load(config.knowledgeDir ?? defaultKnowledgeDir);
  let metrics: Metrics | null = null;
  if (options.metrics) {
    // prom-client is loaded only when metrics are served.
    const { createMetrics } = await import('./metrics.js');
    metrics = createMetrics();
    metrics.setFacts(holder.current.index.size);
  }
  let misses: MissesLog | undefined;
  if (config.missesFile) {
    misses = createMissesLog({
      file: config.missesFile,
      maxBytes: config.missesMaxBytes,
      onError: (error) => logger.warn('could not write the misses file', { error: String(error) }),
    });
    logger.info('recording unanswered questions', { file: config.missesFile });
  }
  const observe = fanOut([metrics?.observe, misses?.observe], (error) =>
    logger.error('an outcome observer failed', { error: String(error) }),
  );

  function reload(trigger: string): ReloadOutcome {
    const outcome = holder.reload();
    metrics?.reloaded(outcome);
    if (outcome.ok) {
      logger.info('knowledge reloaded', {
        trigger,
        facts: outcome.facts,
        before: outcome.previousFacts,
        as_of: outcome.asOf,
        ms: outcome.ms,
      });
    } else {
      logger.error('knowledge reload failed; the previous knowledge keeps serving', {
        trigger,
        problems: outcome.errors.length,
      });
      for (const problem of outcome.errors) logger.error('knowledge problem', { problem: whole(problem) });
    }
    return outcome;
  }

  return {
    holder,
    observe,
    metrics,
    ownerIds: new Set(config.ownerIds),
    reload,
    close: async () => {
      await misses?.flush();
    },
  };
}

/** SIGHUP reloads the knowledge (the conventional "re-read your configuration" signal). */
export function reloadOnSignal(ops: Ops): void {
  process.on('SIGHUP', () => void ops.reload('SIGHUP'));
}
