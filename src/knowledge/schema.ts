/**
 * The shape of every file in knowledge/. The loader validates each file against these schemas and
 * then cross-checks what a schema cannot see (ids, references, quotes, aliases). Callers import every
 * shape from here; each family of files is defined in schema/ (sources, facts, meta, lexicon).
 */
export * from './schema/sources.js';
export * from './schema/facts.js';
export * from './schema/meta.js';
export * from './schema/lexicon.js';
export { intentNames, isPartyId, partyIds, planIds, reliabilityTiers, weakTiers } from './constants.js';
