/**
 * `npm run deploy-commands`: registers the slash commands with Discord — in one server when
 * DISCORD_GUILD_ID is set (instant; for testing), otherwise globally — through the same REST base as the
 * bot (DISCORD_API_BASE). A bulk overwrite (PUT), so commands removed from the code disappear too.
 * Prints a summary; never the token.
 */
import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import type { Command } from '../commands/types.js';
import { ConfigError, loadEnv, parseConfig, type DiscordConfig } from '../config.js';
import { toApiCommands, type ApiCommand } from './definitions.js';

export interface DeployResult {
  scope: 'guild' | 'global';
  route: string;
  registered: { id?: string; name: string }[];
}

export async function deployCommands(config: DiscordConfig, list: readonly Command[]): Promise<DeployResult> {
  const body: ApiCommand[] = toApiCommands(list);
  const rest = new REST({ api: config.apiBase }).setToken(config.token);
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.clientId, config.guildId)
    : Routes.applicationCommands(config.clientId);
  const result = (await rest.put(route, { body })) as { id?: string; name: string }[];
  return {
    scope: config.guildId ? 'guild' : 'global',
    route,
    registered: Array.isArray(result) ? result.map((c) => ({ id: c.id, name: c.name })) : [],
  };
}

export async function main(): Promise<number> {
  let config: DiscordConfig;
  try {
    config = parseConfig(loadEnv());
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Cannot deploy the commands. ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { commands } = await import('../commands/index.js');
  try {
    const result = await deployCommands(config, commands);
    const where =
      result.scope === 'guild'
        ? `server ${config.guildId}`
        : 'all servers (global; may take a while to appear)';
    process.stdout.write(
      `Registered ${result.registered.length} commands for application ${config.clientId} in ${where}:\n` +
        result.registered.map((c) => `  /${c.name}${c.id ? ` (${c.id})` : ''}`).join('\n') +
        '\n',
    );
    return 0;
  } catch (error) {
    const e = error as Error & { status?: number; code?: unknown };
    const detail = [e.status ? `HTTP ${e.status}` : '', e.code !== undefined ? `code ${String(e.code)}` : '']
      .filter(Boolean)
      .join(', ');
    const hint =
      e.status === 401
        ? ' Check DISCORD_TOKEN.'
        : e.status === 403 || e.status === 404
          ? ' Check DISCORD_CLIENT_ID and DISCORD_GUILD_ID (is the bot in that server, invited with applications.commands?).'
          : '';
    process.stderr.write(
      `Could not register the commands: ${e.message.split(config.token).join('[redacted]')}${detail ? ` (${detail})` : ''}.${hint}\n`,
    );
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`Unexpected failure: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
