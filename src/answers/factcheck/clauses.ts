import { normaliseForMatching } from '../../text/normalise.js';
import { dateMatches, readDates, type DateMention } from './figures.js';
import { markTokens, negationsOn, unrealisedOn, type MarkedToken } from './negation.js';
import type { Claim } from './reading.js';
import type { Clause, FactDoc, FactcheckTables, Side } from './tables.js';
import { thresholds } from './thresholds.js';
import { foldSameThing } from './vocabulary.js';

/** How a fact's clauses are read against a claim: which of them speak to it, and whether they deny or only offer. */

export function weightOf(tables: FactcheckTables, stem: string): number {
  return tables.idf.get(stem) ?? tables.maxIdf * thresholds.unknownWordWeight;
}

export function bestClause(tables: FactcheckTables, claim: Claim, clauses: Clause[]): Clause | undefined {
  let best: Clause | undefined;
  let bestScore = 0;
  for (const clause of clauses) {
    let score = 0;
    for (const s of claim.stems) if (clause.stems.has(s)) score += weightOf(tables, s);
    if (score > bestScore) {
      best = clause;
      bestScore = score;
    }
  }
  return best;
}

const clauseDates = new WeakMap<Clause, DateMention[]>();
const sideClauses = new WeakMap<Side, Clause>();

/**
 * "Lavrov said Moscow never received it" is about what Lavrov said: the clauses that name the speaker are the
 * ones to read, or the account of the speaker where sources disagree; otherwise all of them.
 */
export function spokenBy(tables: FactcheckTables, claim: Claim, doc: FactDoc, clauses: Clause[]): Clause[] {
  if (!claim.reports) return clauses;
  const speakers = [...claim.names]
    .filter(([, kind]) => kind === 'person')
    .map(([key]) => claim.nameStems.get(key) ?? [])
    .filter((stems) => stems.length > 0);
  // a fact whose only person is the speaker is all his; one that names others is read where he speaks
  const others = [...doc.names].some(([key, kind]) => kind === 'person' && !claim.names.has(key));
  if (!speakers.length || !others) return clauses;
  const names = (stems: ReadonlySet<string>) => speakers.some((words) => words.every((w) => stems.has(w)));
  const said = clauses.filter((c) => names(c.stems));
  if (said.length) return said;
  const notes = doc.sides.filter((side) => side.inline !== 'main' && names(side.stems));
  return notes.length ? notes.map((side) => clauseOfSide(tables, side)) : clauses;
}

function clauseOfSide(tables: FactcheckTables, side: Side): Clause {
  let clause = sideClauses.get(side);
  if (!clause) {
    const folded = foldSameThing(tables.vocabulary, normaliseForMatching(side.text));
    clause = {
      text: side.text,
      stems: side.stems,
      tokens: markTokens(tables.vocabulary, folded),
      reported: true,
    };
    sideClauses.set(side, clause);
  }
  return clause;
}
const clauseFolded = new WeakMap<Clause, string>();

/** A plan's text proposes by nature: "the plan proposed X" is what the plan says. */
export const planText = new Set<FactDoc['kind']>(['provision', 'plan', 'plan-note', 'change']);

/** The clause before ends in an offer's verb ("…an open letter proposing: a face-to-face meeting"). */
export function introducedAsOffer(tables: FactcheckTables, clauses: Clause[], clause: Clause): boolean {
  const before = clauses[clauses.indexOf(clause) - 1];
  if (!before) return false;
  const folded = foldedClause(tables, before);
  return tables.vocabulary.unrealised.some((cue) => folded === cue || folded.endsWith(` ${cue}`));
}

function foldedClause(tables: FactcheckTables, clause: Clause): string {
  let folded = clauseFolded.get(clause);
  if (folded === undefined) {
    folded = foldSameThing(tables.vocabulary, normaliseForMatching(clause.text));
    clauseFolded.set(clause, folded);
  }
  return folded;
}

export function unrealisedClause(
  tables: FactcheckTables,
  clause: Clause,
  shared: ReadonlySet<string>,
): boolean {
  return unrealisedOn(tables.vocabulary, foldedClause(tables, clause), shared, thresholds.negationReach);
}

/**
 * The clauses about the occasion the claim dates: "rounds were held in Abu Dhabi on 23–24 Jan; a round
 * pencilled for March was postponed" speaks of January in its first clause only, so the postponement does
 * not deny a claim about January. Clauses that give no date stay; all stay when none gives the claim's date.
 */
export function onTheClaimsOccasion(claim: Claim, clauses: Clause[]): Clause[] {
  if (!claim.dates.length) return clauses;
  const datesOf = (c: Clause) => {
    let dates = clauseDates.get(c);
    if (!dates) clauseDates.set(c, (dates = readDates(c.text)));
    return dates;
  };
  const otherOccasion = (c: Clause) =>
    datesOf(c).length > 0 && !datesOf(c).some((d) => claim.dates.some((date) => dateMatches(date, d)));
  const kept = clauses.filter((c) => !otherOccasion(c));
  return kept.length < clauses.length && kept.some((c) => datesOf(c).length > 0) ? kept : clauses;
}

/**
 * Is the fact negative where it meets the claim? A clause counts when one of its negations or bars reaches a
 * word the claim shares ("NATO keeps its troops out of Ukraine"); "met for five hours with no compromise"
 * is not a negative meeting. Clauses that barely touch the claim do not count.
 */
export function factNegative(
  tables: FactcheckTables,
  shared: ReadonlySet<string>,
  clauses: Clause[],
): boolean {
  const weights = clauses.map((c) =>
    [...shared].filter((s) => c.stems.has(s)).reduce((sum, s) => sum + weightOf(tables, s), 0),
  );
  const top = Math.max(0, ...weights);
  return (
    clauses.some(
      (c, i) =>
        weights[i]! >= top * thresholds.touchingClause &&
        top > 0 &&
        negationsOn(
          // "no source shows…" denies its whole clause only where the clause is what the claim is about
          weights[i]! < top ? narrowed(c.tokens) : c.tokens,
          shared,
          thresholds.negationReach,
        ) %
          2 ===
          1,
    ) || [...shared].some((s) => onlyDenied(s, clauses))
  );
}

/** Tokens with every wide negation read as an ordinary one. */
function narrowed(tokens: MarkedToken[]): MarkedToken[] {
  return tokens.some((t) => t.wide) ? tokens.map((t) => (t.wide ? { negative: t.negative } : t)) : tokens;
}

/**
 * The fact names this word of the claim only to deny it ("met for three hours; there was no deal" against
 * "the summit produced a deal"): every clause that has it negates it. Such a fact speaks against the claim
 * however small the clause, since what the claim asserts is exactly what the fact denies.
 */
function onlyDenied(stem: string, clauses: Clause[]): boolean {
  const having = clauses.filter((c) => c.stems.has(stem));
  const only = new Set([stem]);
  return (
    having.length > 0 && having.every((c) => negationsOn(c.tokens, only, thresholds.negationReach) % 2 === 1)
  );
}
