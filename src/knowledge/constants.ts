/**
 * The closed lists the schema is built on, without zod: the answering code needs them at run time
 * (ordering sources by reliability, listing parties, naming intents), and the running bot never loads
 * zod (knowledge/ is validated in a separate process: src/knowledge/apart.ts). The schema enforces them.
 */

export const planIds = ['us-28', 'us-ua-20', 'eu-6'] as const;

export const partyIds = ['ukraine', 'russia', 'united-states', 'europe'] as const;

export function isPartyId(id: string): id is (typeof partyIds)[number] {
  return (partyIds as readonly string[]).includes(id);
}

/** Most reliable first. */
export const reliabilityTiers = [
  'source-document',
  'official',
  'major-outlet',
  'analysis',
  'regional-outlet',
  'state-media',
  'aggregator',
] as const;

/** Tiers a reader is warned about wherever a source of theirs is cited. */
export const weakTiers: readonly (typeof reliabilityTiers)[number][] = ['state-media', 'aggregator'];

/** The kinds of question the query reader tells apart (src/query/). */
export const intentNames = [
  'when',
  'who',
  'figure',
  'compare',
  'what-changed',
  'party-position',
  'status',
  'plan-overview',
  'list',
  'timeline',
] as const;
