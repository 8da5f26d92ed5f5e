/**
 * discord.js 14 builds its objects assuming fields Discord always sends today. A gateway payload without
 * one of them makes discord.js throw before any handler runs — and the person gets "the application did
 * not respond". These functions fill safe defaults in place. They run from the `raw` event, which
 * discord.js emits just before it handles the very same packet object. Nothing present is changed.
 */
type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** READY: discord.js reads `guilds` and `application` unconditionally. */
export function fillReadyDefaults(d: unknown, applicationId: string): void {
  if (!isObject(d)) return;
  if (!Array.isArray(d.guilds)) d.guilds = [];
  if (!isObject(d.application)) d.application = { id: applicationId, flags: 0 };
}

/**
 * INTERACTION_CREATE: `entitlements`, `authorizing_integration_owners`, a component's `message`, and a
 * command's `data.type` (1, a slash command, unless said otherwise).
 */
export function fillInteractionDefaults(d: unknown): void {
  if (!isObject(d)) return;
  if (!Array.isArray(d.entitlements)) d.entitlements = [];
  const user = (isObject(d.member) && isObject(d.member.user) ? d.member.user : d.user) as Json | undefined;
  if (!isObject(d.authorizing_integration_owners)) {
    d.authorizing_integration_owners =
      typeof d.guild_id === 'string'
        ? { '0': d.guild_id }
        : user && typeof user.id === 'string'
          ? { '1': user.id }
          : {};
  }
  if (d.type === 3 && !isObject(d.message)) {
    d.message = {
      id: typeof d.id === 'string' ? d.id : '0',
      channel_id: typeof d.channel_id === 'string' ? d.channel_id : '0',
      content: '',
      embeds: [],
      components: [],
      attachments: [],
      flags: 0,
      type: 0,
      timestamp: new Date().toISOString(),
    };
  }
  if ((d.type === 2 || d.type === 4) && isObject(d.data) && d.data.type === undefined) d.data.type = 1;
}
