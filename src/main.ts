/**
 * The production entry point (`node dist/main.js`; `npm start` runs the same). Which mode runs depends on
 * the environment (or .env):
 *
 * - DISCORD_PUBLIC_KEY: the HTTP interactions endpoint (src/http/) on HOST:PORT (default 0.0.0.0:8080).
 *   No token needed; stateless, so any number of replicas can run behind a load balancer.
 * - DISCORD_TOKEN: the bot over the gateway (src/discord/), optionally only some shards
 *   (SHARD_COUNT, SHARD_IDS).
 * - neither: the interactive terminal session, same commands.
 *
 * The configuration is validated first; a missing or malformed variable stops start-up with a message
 * naming it (never showing the token). Each mode is imported only when chosen: the terminal loads
 * neither the fact base nor discord.js before its prompt, and only the gateway loads discord.js. No mode
 * loads zod: knowledge/ is validated in a child process (src/knowledge/apart.ts).
 */
import { chooseMode, loadEnv } from './env.js';

type ConfigModule = typeof import('./config.js'); // eslint-disable-line @typescript-eslint/consistent-type-imports

/** The configuration (config.js) is read only for the bot modes; a bad variable stops start-up naming it. */
async function parseOrExit<T>(parse: (config: ConfigModule) => T): Promise<T> {
  const config = await import('./config.js');
  try {
    return parse(config);
  } catch (error) {
    if (error instanceof config.ConfigError) {
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
      const { runTerminalSession } = await import('./terminal.js');
      process.exitCode = await runTerminalSession();
      return;
    }
    case 'http': {
      const [http, ops] = await parseOrExit((c) => [c.parseHttpConfig(env), c.parseOpsConfig(env)] as const);
      const { runHttp } = await import('./http/run.js');
      return runHttp(http, ops);
    }
    case 'gateway': {
      const [discord, ops] = await parseOrExit((c) => [c.parseConfig(env), c.parseOpsConfig(env)] as const);
      const { runGateway } = await import('./discord/gateway.js');
      return runGateway(discord, ops);
    }
  }
}

main().catch((error: unknown) => {
  // Only reached by a bug before the logger exists; even then the token is not printed.
  const text = error instanceof Error ? error.message : String(error);
  const token = process.env.DISCORD_TOKEN?.trim();
  process.stderr.write(`Unexpected failure: ${token ? text.split(token).join('[redacted]') : text}\n`);
  process.exit(1);
});
