import { comparableUnits, dateMatches, sameFigure, type Figure } from './figures.js';
import { weightOf, type Assessment } from './matching.js';
import type { Claim } from './reading.js';
import type { FactcheckTables, Side } from './tables.js';
import { thresholds } from './thresholds.js';

/**
 * Does a claim repeat one side of a recorded disagreement? Only when it states the very detail the
 * sources disagree on: a figure or a day one side gives and another does not, or the words one side uses
 * and the others do not. A claim that merely mentions the subject is not "disputed" by it.
 */
export function sideRepeated(
  tables: FactcheckTables,
  claim: Claim,
  a: Assessment,
  /** Words the fact that covers the claim best holds: the rest of the claim is accounted for there. */
  heldElsewhere: ReadonlySet<string> = new Set(),
): Side | undefined {
  const sides = a.doc.sides;
  if (sides.length < 2) return undefined;
  // a figure the claim gives that no side gives: the claim is wrong on every account, not disputed
  const figures = claim.figures.filter((f) => f.unit !== 'none' || f.amount >= 1000);
  const comparable = figures.filter((f) =>
    sides.some((s) => s.figures.some((g) => comparableUnits(f.unit, g.unit))),
  );
  const figureSide = sides.find((s) =>
    comparable.some((f) =>
      s.figures.some((g) => comparableUnits(f.unit, g.unit) && sameFigure(f, g, thresholds.approximate)),
    ),
  );
  if (comparable.length && !figureSide) return undefined;
  if (figureSide && comparable.some((f) => differsOnFigures(sides, f))) return figureSide;
  // the figure of the fact itself, which its "(Conflict: …)" note does not question
  if (figureSide?.inline === 'main') return undefined;

  const days = claim.dates.filter((d) => d.day !== undefined);
  const dated = sides.filter((s) => s.dates.some((d) => d.day !== undefined));
  if (days.length && dated.length >= 2) {
    const dateSide = dated.find((s) => days.some((c) => s.dates.some((d) => dateMatches(c, d))));
    if (!dateSide) return undefined;
    return dateSide;
  }

  const ownWords = sides.map((side) => {
    const others = new Set(sides.filter((s) => s !== side).flatMap((s) => [...s.stems]));
    return [...side.stems].filter((s) => !others.has(s));
  });
  let best: Side | undefined;
  let bestShare = 0;
  for (const side of sides) {
    // the text a "(Conflict: …)" note qualifies is the fact itself: its words are not the disputed detail
    if (side.inline === 'main') continue;
    const others = new Set(sides.filter((s) => s !== side).flatMap((s) => [...s.stems]));
    const own = [...side.stems].filter((s) => !others.has(s));
    if (!own.length) continue;
    // a word of what the accounts disagree on ("de jure" against "de facto") tells the sides apart most
    const weight = (s: string) => weightOf(tables, s) * (a.doc.subject?.has(s) ? subjectWeight : 1);
    let hit = 0;
    for (const s of claim.allStems) if (own.includes(s)) hit += weight(s);
    let total = 0;
    for (const s of claim.allStems) {
      // a negation marker ("leave", "no") is not content the facts could hold
      if (tables.vocabulary.negative.has(s) && !own.includes(s)) continue;
      // the claim's words that only another account uses count against this one
      const anothers = ownWords.some((words, k) => sides[k] !== side && words.includes(s));
      if ((!a.doc.stems.has(s) && !heldElsewhere.has(s)) || own.includes(s) || anothers) total += weight(s);
    }
    const share = total ? hit / total : 0;
    if (share > bestShare) {
      best = side;
      bestShare = share;
    }
  }
  return bestShare >= thresholds.sideWords ? best : undefined;
}

/** How much more a word of the disagreement's subject counts in telling which side a claim repeats. */
const subjectWeight = 3;

/** A claim that repeats the account the fact sheet accepts, against one it judges an error, is not disputed. */
export function onlyDiscountedAgainst(side: Side, sides: Side[]): boolean {
  return !side.discounted && sides.filter((s) => s !== side).every((s) => s.discounted);
}

/** At least two accounts give a figure of this kind, and not the same one. */
function differsOnFigures(sides: Side[], like: Figure): boolean {
  const giving = sides
    .map((s) => s.figures.filter((g) => comparableUnits(like.unit, g.unit)))
    .filter((list) => list.length > 0)
    .map((list) =>
      list
        .map((g) => `${g.amount}${g.unit}`)
        .sort()
        .join(','),
    );
  return giving.length >= 2 && new Set(giving).size > 1;
}

/** The claim gives a day or a figure this side gives: it states the very detail the sources disagree on. */
export function detailRepeated(claim: Claim, side: Side): boolean {
  const day = claim.dates.some(
    (c) => c.day !== undefined && side.dates.some((d) => d.day !== undefined && dateMatches(c, d)),
  );
  const figure = claim.figures.some(
    (f) =>
      (f.unit !== 'none' || f.amount >= 1000) &&
      side.figures.some((g) => comparableUnits(f.unit, g.unit) && sameFigure(f, g, thresholds.approximate)),
  );
  return day || figure;
}
