import { clipText } from './format.js';
import type { DiscordEmbed } from './discord-types.js';

/**
 * Discord's limits, in one place: embed title 256, description 4096, ≤ 25 fields (name 256, value 1024),
 * footer 2048, ≤ 6000 characters in all embeds, content 2000, custom_id 100, select options 25
 * (label/value 100, description 100).
 */
export const limits = {
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  content: 2000,
  selectOptions: 25,
  optionText: 100,
} as const;

/** Characters an embed counts against Discord's 6000 total, in UTF-16 code units (the stricter count). */
export function embedLength(embed: DiscordEmbed): number {
  return (
    embed.title.length +
    (embed.description ?? '').length +
    embed.footer.text.length +
    embed.fields.reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

/** Drops trailing sections (keeping the Sources field last) until the embed fits the 6000-character total. */
export function fitEmbedTotal(
  embed: DiscordEmbed,
  sourcesField: DiscordEmbed['fields'][number] | undefined,
): void {
  const sections = embed.fields.filter((f) => f !== sourcesField);
  let dropped = 0;
  const rebuild = () => {
    embed.fields = [...sections];
    if (dropped > 0)
      embed.fields.push({ name: '…', value: `${dropped} more sections: use the Sources button.` });
    if (sourcesField) embed.fields.push(sourcesField);
  };
  while (embedLength(embed) > limits.embedTotal && sections.length > 0) {
    sections.pop();
    dropped += 1;
    rebuild();
  }
  while (embedLength(embed) > limits.embedTotal && embed.description) {
    embed.description = clipText(embed.description, Math.max(0, embed.description.length - 200));
  }
  if (embedLength(embed) > limits.embedTotal && sourcesField) {
    sourcesField.value = clipText(
      sourcesField.value,
      Math.max(1, limits.embedTotal - embedLength(embed) + sourcesField.value.length),
    );
  }
}
