import { commands } from '../../src/commands/index.js';
import type { LogLevel } from '../../src/config.js';
import { loadCore } from '../../src/core.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/discord/log.js';
import { createInteractionsServer, type InteractionsServer } from '../../src/http/server.js';
import { createInteractionHandler } from '../../src/interactions/handler.js';

/**
 * The HTTP interactions endpoint in this process: the real shared handler over the real fact base, no
 * cooldown, on a free port of 127.0.0.1. Every log line it writes is pushed onto `log`.
 */
export async function startEndpoint(
  publicKeyHex: string,
  level: LogLevel,
  log: string[],
): Promise<{ endpoint: InteractionsServer; base: string; url: string }> {
  const core = loadCore();
  const logger = createLogger(level, [], (line) => void log.push(line));
  const handler = createInteractionHandler({
    getCore: () => core,
    commands,
    cooldowns: new Cooldowns(0),
    logger,
  });
  const endpoint = createInteractionsServer({ publicKey: publicKeyHex, handler, logger });
  const base = `http://127.0.0.1:${(await endpoint.listen(0, '127.0.0.1')).port}`;
  return { endpoint, base, url: `${base}/interactions` };
}
