import { planText } from './clauses.js';
import { comparableUnits, dateMatches, isSpanOfTime, sameFigure, unitNames, type Figure } from './figures.js';
import type { Claim } from './reading.js';
import type { FactDoc, FactcheckTables } from './tables.js';
import { thresholds } from './thresholds.js';
import { wordStem } from './words.js';

/**
 * How a claim's figures and dates stand to a fact's: the same, another of the same kind, or nothing to
 * compare — with the units, windows and spans people write them in.
 */
export type Agreement = 'agree' | 'differ' | 'none';

/**
 * The unit words of the claim's figures ("years" in "2 years", "euro") that the fact answers with a figure
 * of their own: the figure is compared on its own, so its unit word is no further word the fact lacks (it
 * may write "€90bn"). A figure of the same kind in another unit ("100 days" for "2 years") counts in a
 * plan's terms only: there it is a window, elsewhere "a week after" dates rather than measures.
 */
export function unitsGiven(tables: FactcheckTables, claim: Claim, doc: FactDoc): Set<string> {
  const units = new Set<string>();
  for (const figure of significant(claim.figures)) {
    const given = doc.figures.some(
      (f) =>
        f.unit === figure.unit ||
        (planText.has(doc.kind) && figure.unit !== 'none' && comparableUnits(figure.unit, f.unit)),
    );
    if (!given) continue;
    for (const word of unitNames(figure.unit)) units.add(wordStem(tables.vocabulary, word));
  }
  units.delete('');
  return units;
}

/**
 * The fact's figures a claim's figure is compared with: those in its very unit when the fact gives any
 * ("3 months" against "a six-month period", not against "90 days" of something else), else any of its kind.
 */
export function figuresComparable(figure: Figure, stated: readonly Figure[]): Figure[] {
  const comparable = stated.filter((f) => comparableUnits(figure.unit, f.unit));
  // a bare number has no unit to prefer
  const sameUnit = figure.unit === 'none' ? [] : comparable.filter((f) => f.unit === figure.unit);
  return sameUnit.length ? sameUnit : comparable;
}

/** Figures worth comparing: a bare small number ("3", "2") is too vague. */
export function significant(figures: Figure[]): Figure[] {
  return figures.filter((f) => f.unit !== 'none' || f.amount >= 1000);
}

export function figureAgreement(claimed: Figure[], stated: Figure[]): Agreement {
  let agree = 0;
  let differ = 0;
  for (const figure of significant(claimed)) {
    const comparable = figuresComparable(figure, stated);
    if (!comparable.length) continue;
    if (comparable.some((f) => sameFigure(figure, f, thresholds.approximate))) agree += 1;
    else differ += 1;
  }
  if (differ) return 'differ';
  return agree ? 'agree' : 'none';
}

/**
 * "The 28-point plan scheduled the elections for 15 May": a plan's text that sets a window ("within 100
 * days") and no date answers a date with another kind of timing — it says otherwise.
 */
export function windowInstead(claim: Claim, doc: FactDoc): boolean {
  return (
    claim.dates.length > 0 &&
    doc.dates.length === 0 &&
    (doc.kind === 'provision' || doc.kind === 'plan-note') &&
    doc.figures.some((f) => isSpanOfTime(f.unit))
  );
}

export function dateAgreement(claim: Claim, doc: FactDoc): Agreement {
  if (claim.dates.length && doc.dates.length) {
    const all = claim.dates.every((c) => doc.dates.some((d) => dateMatches(c, d)));
    return all ? 'agree' : 'differ';
  }
  if (claim.years.length && doc.years.length) {
    return claim.years.every((y) => doc.years.includes(y)) ? 'agree' : 'differ';
  }
  return 'none';
}
