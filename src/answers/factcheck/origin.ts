import type { Decision } from './decision.js';
import { dateMatches } from './figures.js';
import { assess } from './matching.js';
import type { Claim } from './reading.js';
import type { FactcheckTables, FactDoc } from './tables.js';

/**
 * "The Berlin statement was signed in Paris on 6 Jan": a claim of where or when a plan came into being is
 * checked against the plan's own record of its making (its notes that say it was issued, released, …),
 * not against other events that merely mention the plan. A place or day that record does not give, where
 * it gives one, contradicts; anything else is left to the other rules.
 */
export function planOrigin(tables: FactcheckTables, claim: Claim): Decision | undefined {
  const origin = tables.vocabulary.origin;
  const plan = claim.plans[0];
  if (claim.plans.length !== 1 || !plan || !claim.stems.some((s) => origin.has(s))) return undefined;
  const places = [...claim.names].filter(([, kind]) => kind === 'place').map(([key]) => key);
  const days = claim.dates.filter((d) => d.day !== undefined);
  if (!places.length && !days.length) return undefined;
  const record = tables.docs.filter(
    (d) => d.plan === plan && d.kind === 'plan-note' && [...d.stems].some((s) => origin.has(s)),
  );
  const placed = record.filter((d) => [...d.names.values()].includes('place'));
  const dated = record.filter((d) => d.dates.some((x) => x.day !== undefined));
  const placeDiffers =
    places.length > 0 && placed.length > 0 && !placed.some((d) => places.some((p) => d.names.has(p)));
  const dayDiffers =
    days.length > 0 &&
    dated.length > 0 &&
    !dated.some((d) => d.dates.some((x) => days.some((c) => dateMatches(c, x))));
  if (!placeDiffers && !dayDiffers) return undefined;
  const deciding: FactDoc[] = [...new Set([...(placeDiffers ? placed : []), ...(dayDiffers ? dated : [])])];
  return {
    verdict: 'contradicted',
    rule: 'where and when a plan was made',
    reason: 'The plan’s own record gives another place or day for its making.',
    facts: deciding.slice(0, 2).map((d) => assess(tables, claim, d)),
  };
}
