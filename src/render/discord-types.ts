/** The Discord message payload (plain API JSON, no discord.js) and what renderDiscord is told besides the answer. */

export interface DiscordEmbed {
  title: string;
  description?: string;
  color: number;
  fields: { name: string; value: string; inline?: boolean }[];
  footer: { text: string };
}

export interface DiscordButton {
  type: 2;
  style: 1 | 2;
  label: string;
  custom_id: string;
  disabled?: boolean;
}

export interface DiscordSelect {
  type: 3;
  custom_id: string;
  placeholder: string;
  options: { label: string; value: string; description?: string }[];
}

export interface DiscordActionRow {
  type: 1;
  components: (DiscordButton | DiscordSelect)[];
}

export interface DiscordPayload {
  content?: string;
  embeds: DiscordEmbed[];
  components: DiscordActionRow[];
  allowed_mentions: { parse: []; users?: string[] };
  flags?: number;
}

export interface DiscordRenderOptions {
  /** The command that produced the answer (for "did you mean" picks). */
  command: string;
  /** Reply only to the person who asked. */
  hide?: boolean;
  /** A user the reply is addressed to: the only one who may be pinged. */
  targetUserId?: string;
  /** Show every citation in full (the "Sources" button's reply). */
  fullSources?: boolean;
  /** The timeline filter, so its page buttons can carry it. */
  about?: string;
  /**
   * What the command was asked (its primary option), so a More button can re-run it; without it, parts
   * left out are only named.
   */
  query?: string;
  /** The first section to show: the More button's reply continues where the previous one stopped. */
  from?: number;
  /** Titles for "did you mean" options, by fact id. */
  titleOf?: (id: string) => string;
}
