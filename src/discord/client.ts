/**
 * The gateway edge: the discord.js client with the Guilds intent only (slash commands need no privileged
 * intent), REST base from DISCORD_API_BASE. Each INTERACTION_CREATE is answered by the shared interaction
 * handler (src/interactions/, the same one the HTTP endpoint uses) and its response posted to Discord's
 * callback route — this file only translates transport. Connection trouble is logged; reconnecting and
 * resuming are discord.js's job. With SHARD_COUNT/SHARD_IDS it runs just those shards (discord.js's own
 * sharding), and every log line about a shard or an interaction names the shard. `stop()` (and
 * SIGINT/SIGTERM, via main.ts) closes the gateway cleanly.
 *
 * The client caches only what it needs to run: guilds with their channels and roles (which discord.js
 * requires) and the bot's own user and member. Members, users, messages and the rest are not kept, so
 * memory stays flat however many people ask.
 */
import {
  Client,
  DiscordAPIError,
  Events,
  GatewayIntentBits,
  Options,
  Routes,
  type ClientOptions,
  type Guild,
} from 'discord.js';
import type { Command } from '../commands/types.js';
import type { DiscordConfig } from '../config.js';
import type { Core, ReloadOutcome } from '../core.js';
import { readInteraction } from '../interactions/api.js';
import { createInteractionHandler } from '../interactions/handler.js';
import type { OutcomeObserver } from '../ops/outcome.js';
import { Cooldowns } from './cooldown.js';
import { describeError, tokenSecrets, type Logger } from './log.js';

export interface BotDeps {
  config: DiscordConfig;
  /** The core serving now (read per interaction, so a reload applies without reconnecting). */
  getCore: () => Core;
  commands: readonly Command[];
  logger: Logger;
  ownerIds?: ReadonlySet<string>;
  reloadKnowledge?: () => ReloadOutcome;
  observe?: OutcomeObserver;
}

export interface Bot {
  client: Client;
  /** Resolves once the client is logged in and ready. */
  start(): Promise<void>;
  /** Closes the gateway connection and REST queues; idempotent. */
  stop(reason?: string): Promise<void>;
  /** Entries in the client's caches of people, places and messages (all bounded by clientOptions). */
  cacheSizes(): Record<string, number>;
}

export function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiBase },
    // Defence in depth: whatever a reply says, nobody is pinged unless a reply explicitly allows it.
    allowedMentions: { parse: [], repliedUser: false },
    // Slash commands need no guild data: do not hold interactions back long waiting for guilds to stream in.
    waitGuildTimeout: 3_000,
    ...shardOptions(config),
    // Interactions carry the member, user and channel they need and are answered from the raw packet:
    // nothing else is looked up, so nothing else is kept.
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildForumThreadManager: 0,
      GuildInviteManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      GuildMessageManager: 0,
      GuildScheduledEventManager: 0,
      GuildStickerManager: 0,
      GuildTextThreadManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
      VoiceStateManager: 0,
    }),
    // Whatever a future discord.js still caches past those limits is swept regularly.
    sweepers: {
      ...Options.DefaultSweeperSettings,
      messages: { interval: 300, lifetime: 300 },
      users: { interval: 600, filter: () => (user) => user.id !== user.client.user.id },
      threads: { interval: 600, lifetime: 600 },
    },
  };
}

/** Discord's answer when an interaction is gone (expired, or already answered): retrying cannot help. */
const GONE = new Set([10062, 40060]);

/** The shards as discord.js options; none with no SHARD_COUNT, so nothing changes then. */
function shardOptions(config: DiscordConfig): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (!config.shards) return {};
  if (config.shards.count === 'auto') return { shards: 'auto' };
  return { shards: config.shards.ids, shardCount: config.shards.count };
}

/**
 * discord.js reads SHARDS and SHARD_COUNT from the environment when its options leave them at their
 * defaults (its ShardingManager sets them for its children). Ours have been parsed already and are passed
 * explicitly; `SHARD_COUNT=auto` would otherwise become NaN inside discord.js.
 */
function keepShardVariablesFromDiscordJs(): void {
  delete process.env.SHARDS;
  delete process.env.SHARD_COUNT;
}

export function createBot({ config, getCore, commands, logger, ...ops }: BotDeps): Bot {
  for (const secret of tokenSecrets(config.token)) logger.addSecret(secret);
  keepShardVariablesFromDiscordJs();
  const client = new Client(clientOptions(config));
  const handler = createInteractionHandler({
    getCore,
    commands,
    cooldowns: new Cooldowns(config.cooldownSeconds),
    logger,
    ...ops,
  });
  let stopping: Promise<void> | null = null;

  /** Post the shared handler's response to the interaction's callback route; on failure, an apology. */
  async function answer(raw: unknown, shard: number): Promise<void> {
    const { id, token } = readInteraction(raw);
    if (!id || !token) {
      logger.warn('interaction without id or token ignored', { shard });
      return;
    }
    const route = Routes.interactionCallback(id, token);
    try {
      await client.rest.post(route, { body: handler.handle(raw, { shard }), auth: false });
    } catch (error) {
      logger.error('interaction failed', { shard, id, ...describeError(error) });
      if (error instanceof DiscordAPIError && (error.status === 404 || GONE.has(Number(error.code)))) return;
      try {
        await client.rest.post(route, { body: handler.fallback(raw), auth: false });
      } catch (second) {
        logger.error('could not tell the user about the failure', { shard, id, ...describeError(second) });
      }
    }
  }

  // The raw packet, as the HTTP endpoint gets it: discord.js's interaction objects are not needed.
  client.ws.on('INTERACTION_CREATE' as never, (data: unknown, shard: number) => {
    void answer(data, shard);
  });
  client.on(Events.ShardReady, (shard, unavailable) =>
    logger.info('shard ready', { shard, unavailable_guilds: unavailable?.size ?? 0 }),
  );
  client.once(Events.ClientReady, (ready) => {
    const appId = ready.application.id;
    logger.info('ready', {
      user: ready.user.tag,
      application: appId,
      guilds: ready.guilds.cache.size,
      commands: commands.length,
      api: config.apiBase,
      shards: (client.options.shards as number[]).join(','),
      shard_count: client.options.shardCount,
    });
    if (appId !== config.clientId) {
      logger.warn('DISCORD_CLIENT_ID differs from the application of this token', {
        configured: config.clientId,
        actual: appId,
      });
    }
  });
  client.on(Events.Error, (error) => logger.error('client error', describeError(error)));
  client.on(Events.Warn, (message) => logger.warn('client warning', { message }));
  client.on(Events.ShardError, (error, shard) =>
    logger.error('gateway error', { shard, ...describeError(error) }),
  );
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.warn('gateway disconnected for good', { shard, code: event.code }),
  );
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) logger.info('gateway reconnecting', { shard });
  });
  client.on(Events.ShardResume, (shard, replayed) => logger.info('gateway resumed', { shard, replayed }));
  client.on(Events.Invalidated, () => logger.error('session invalidated'));
  client.rest.on('rateLimited', (info) =>
    logger.warn('rate limited', { route: info.route, retry_ms: info.retryAfter, global: info.global }),
  );
  if (logger.level === 'debug') client.on(Events.Debug, (message) => logger.debug('discord.js', { message }));

  return {
    client,
    cacheSizes() {
      const perGuild = (count: (guild: Guild) => number) =>
        client.guilds.cache.reduce((sum, guild) => sum + count(guild), 0);
      return {
        guilds: client.guilds.cache.size,
        users: client.users.cache.size,
        channels: client.channels.cache.size,
        members: perGuild((guild) => guild.members.cache.size),
        roles: perGuild((guild) => guild.roles.cache.size),
        messages: client.channels.cache.reduce(
          (sum, channel) => sum + ('messages' in channel ? channel.messages.cache.size : 0),
          0,
        ),
      };
    },
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      logger.info('connecting', {
        api: config.apiBase,
        ...(config.shards
          ? {
              shard_count: config.shards.count,
              shards: 'ids' in config.shards ? config.shards.ids.join(',') : 'auto',
            }
          : {}),
      });
      await client.login(config.token);
      await ready;
    },
    stop(reason = 'shutdown') {
      stopping ??= (async () => {
        logger.info('shutting down', { reason });
        try {
          await client.destroy();
        } catch (error) {
          logger.error('error while closing the client', describeError(error));
        }
      })();
      return stopping;
    },
  };
}
