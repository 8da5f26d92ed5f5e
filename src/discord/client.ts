/**
 * The discord.js client: gateway with the Guilds intent only (slash commands need no privileged intent),
 * REST base from DISCORD_API_BASE, every interaction handed to the router. Connection trouble is logged;
 * reconnecting and resuming are discord.js's job. `stop()` (and SIGINT/SIGTERM, via main.ts) closes the
 * gateway cleanly.
 *
 * The client caches only what answering needs: the bot's own user and member, guilds and their channels
 * and roles (which discord.js requires). Members, users, messages and the rest are not kept, so memory
 * stays flat however many people ask.
 */
import { Client, Events, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import type { Command } from '../commands/types.js';
import type { DiscordConfig } from '../config.js';
import type { Core, ReloadOutcome } from '../core.js';
import type { OutcomeObserver } from '../ops/outcome.js';
import { Cooldowns } from './cooldown.js';
import { describeError, tokenSecrets, type Logger } from './log.js';
import { createRouter } from './router.js';

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
}

export function clientOptions(config: DiscordConfig): ClientOptions {
  return {
    intents: [GatewayIntentBits.Guilds],
    rest: { api: config.apiBase },
    // Defence in depth: whatever a reply says, nobody is pinged unless a reply explicitly allows it.
    allowedMentions: { parse: [], repliedUser: false },
    // Slash commands need no guild data: do not hold interactions back long waiting for guilds to stream in.
    waitGuildTimeout: 3_000,
    // Interactions carry the member, user, channel and message they need; nothing else is looked up.
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

export function createBot({ config, getCore, commands, logger, ...ops }: BotDeps): Bot {
  for (const secret of tokenSecrets(config.token)) logger.addSecret(secret);
  const client = new Client(clientOptions(config));
  const router = createRouter({
    getCore,
    commands,
    cooldowns: new Cooldowns(config.cooldownSeconds),
    logger,
    ...ops,
  });
  let stopping: Promise<void> | null = null;

  client.on(Events.InteractionCreate, (interaction) => {
    void router.handle(interaction);
  });
  client.once(Events.ClientReady, (ready) => {
    const appId = ready.application.id;
    logger.info('ready', {
      user: ready.user.tag,
      application: appId,
      guilds: ready.guilds.cache.size,
      commands: commands.length,
      api: config.apiBase,
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
    async start() {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      logger.info('connecting', { api: config.apiBase });
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
