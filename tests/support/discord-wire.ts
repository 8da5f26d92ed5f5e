/**
 * Discord's wire values, and small readers of reply JSON, shared by the tests that drive the bot the way
 * Discord does: through the gateway against the fake Discord (tests/e2e) and through the HTTP
 * interactions endpoint (tests/http). Written out here, not imported from src/, so the tests check the
 * bot against Discord's numbers rather than against itself.
 */

/** Application command option types, as Discord numbers them. */
export const STRING = 3;
export const INTEGER = 4;
export const BOOLEAN = 5;
export const USER = 6;
/** The message flag that shows a reply only to the member who asked. */
export const EPHEMERAL = 64;

export type Option = { name: string; type: number; value: unknown; focused?: boolean };

/**
 * A new member id on every call, counting up from `base`: each test acts as its own member, so a
 * per-user cooldown only meets the test about it.
 */
export function memberIds(base: bigint): () => string {
  let seq = 0;
  return () => (base + BigInt((seq += 1))).toString();
}

/** A reply's embeds as one string, to look for words in. */
export function embedText(data: Record<string, unknown> | undefined): string {
  return JSON.stringify(data?.embeds ?? []);
}

/** Every custom_id on a message's (or a reply's) components, row by row. */
export function customIds(message: { components?: unknown } | undefined): string[] {
  return ((message?.components as Record<string, unknown>[] | undefined) ?? []).flatMap((row) =>
    ((row.components as Record<string, unknown>[] | undefined) ?? []).map((c) => String(c.custom_id)),
  );
}
