/**
 * How every long-running mode (gateway, HTTP) lives and stops: a bug is logged and serving goes on;
 * SIGINT/SIGTERM stop cleanly within a grace period. Run `node dist/main.js` directly (under an init such
 * as tini, `docker run --init` or systemd) so those signals reach it — npm does not pass them on.
 */
import { describeError, type Logger } from '../discord/log.js';

/** How long a shutdown may take before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 5_000;

export function handleSignals(logger: Logger, stop: (reason: string) => Promise<void>): void {
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
}
