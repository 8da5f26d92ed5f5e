import {
  bestClause,
  factNegative,
  introducedAsOffer,
  onTheClaimsOccasion,
  planText,
  spokenBy,
  unrealisedClause,
  weightOf,
} from './clauses.js';
import { dateMatches, sameFigure } from './figures.js';
import {
  dateAgreement,
  figureAgreement,
  figuresComparable,
  significant,
  unitsGiven,
  windowInstead,
  type Agreement,
} from './measures.js';
import { negationsOn } from './negation.js';
import type { Claim } from './reading.js';
import type { Clause, FactDoc, FactcheckTables } from './tables.js';
import { namesIn, type NameKind, type Vocabulary } from './vocabulary.js';
import { normaliseForMatching } from '../../text/normalise.js';
import { thresholds } from './thresholds.js';

export { weightOf } from './clauses.js';
export { figureAgreement, significant, type Agreement } from './measures.js';

/**
 * How one fact stands to a claim: how much of the claim it covers, and whether its figures, dates, names
 * and direction (negative or not) agree with the claim's, differ, or say nothing.
 */

export interface Assessment {
  doc: FactDoc;
  /** Weighted share of the claim's words the fact holds (names that differ left out). */
  coverage: number;
  /** `addressed`, leaving out the claim's names that the fact replaces with others ("Yermak" for "Umerov"). */
  besidesNames: number;
  /** Coverage with another figure or date of the same kind counted as addressed (what a contradiction needs). */
  addressed: number;
  /** Share of the fact's own words the claim uses: among equal coverage, the more specific fact first. */
  precision: number;
  figure: Agreement;
  date: Agreement;
  names: Agreement;
  /** The claim's names the fact does not hold, where it names others of the same kind. */
  otherNames: string[];
  /** The claim's names the fact does not hold and has no rival for. */
  missingNames: string[];
  polarity: 'agree' | 'opposite';
  /**
   * The fact's clause on the claim tells of an offer, a plan or a possibility the claim states as done
   * ("he proposed meeting Putin" against "Putin and Zelensky met"): it cannot confirm the claim.
   */
  unrealised: boolean;
  /** Whether the fact puts the same people or parties in the claim's roles (leads, receives). */
  roles: Agreement | 'missing';
  clause?: Clause;
}

export function assess(tables: FactcheckTables, claim: Claim, doc: FactDoc): Assessment {
  const otherNames: string[] = [];
  const missingNames: string[] = [];
  let named = 0;
  const docKinds = new Set(doc.names.values());
  // the party a claim speaks for ("the Europeans want…") speaks through the points of a plan it put
  // forward (the Berlin statement), whoever those points name; a party merely mentioned does not
  const proposers = doc.plan ? tables.proposers.get(doc.plan) : undefined;
  const speaker = claim.subjectParty && proposers?.has(claim.subjectParty) ? claim.subjectParty : undefined;
  const holds = (key: string) => doc.names.has(key) || key === speaker;
  // parties are loose: a fact that names one of the claim's parties is about them
  const claimParties = [...claim.names].filter(([, kind]) => kind === 'party').map(([key]) => key);
  const holdsAParty = claimParties.some(holds);
  // "Kyiv said yes": a capital stands for its government in a fact that names the party and no place
  const standsIn = (key: string, kind: NameKind) => {
    const party =
      kind === 'place' && claim.actingCapitals.has(key) ? tables.vocabulary.capitals.get(key) : undefined;
    return party !== undefined && doc.names.has(party) && !docKinds.has('place');
  };
  const heldAsParty = new Set<string>();
  for (const [key, kind] of claim.names) {
    if (holds(key)) {
      named += 1;
      continue;
    }
    if (standsIn(key, kind)) {
      named += 1;
      for (const s of claim.nameStems.get(key) ?? []) heldAsParty.add(s);
      continue;
    }
    if (kind === 'party') {
      if (!holdsAParty && docKinds.has('party')) otherNames.push(key);
      continue;
    }
    if (docKinds.has(kind)) otherNames.push(key);
    else missingNames.push(key);
  }
  const skip = new Set(otherNames.flatMap((key) => claim.nameStems.get(key) ?? []));
  let total = 0;
  let held = 0;
  let skipped = 0;
  const nameStems = new Set([...claim.nameStems.values()].flat());
  const units = unitsGiven(tables, claim, doc);
  for (const s of claim.stems) {
    // a person, place or party the claim names is what it is about: it weighs double
    const w = weightOf(tables, s) * (nameStems.has(s) ? 2 : 1);
    total += w;
    if (doc.stems.has(s) || units.has(s) || heldAsParty.has(s)) held += w;
    else if (skip.has(s)) skipped += w;
  }
  // a figure or a date is part of what the claim is about: a fact that gives one of the same kind covers it
  // (fully when it is the same; a different one still addresses it, which is what a contradiction needs)
  let otherFigures = 0;
  for (const figure of significant(claim.figures)) {
    total += tables.maxIdf;
    const comparable = figuresComparable(figure, doc.figures);
    if (comparable.some((f) => sameFigure(figure, f, thresholds.approximate))) held += tables.maxIdf;
    else if (comparable.length) {
      held += tables.maxIdf * thresholds.differentFigure;
      otherFigures += tables.maxIdf * (1 - thresholds.differentFigure);
    }
  }
  const window = windowInstead(claim, doc);
  for (const date of claim.dates) {
    total += tables.maxIdf / 2;
    if (doc.dates.some((d) => dateMatches(date, d))) held += tables.maxIdf / 2;
    else if (doc.dates.some((d) => d.month === date.month)) {
      held += tables.maxIdf / 4;
      otherFigures += tables.maxIdf / 4;
    } else if (doc.dates.length || window) otherFigures += tables.maxIdf / 2;
  }
  const otherParty =
    (doc.party && claim.subjectParty && doc.party !== claim.subjectParty) || othersPlan(tables, claim, doc);
  const factor = otherParty ? thresholds.otherParty : 1;
  const coverage = (total > 0 ? held / total : 0) * factor;
  // a fact that replaces every name the claim gives, and holds none of them, is about something else
  const replacesAll = named === 0 && claim.names.size > 1;
  const besidesNames =
    (total - skipped > 0 && !replacesAll ? (held + otherFigures) / (total - skipped) : 0) * factor;
  const addressed = (total > 0 ? (held + otherFigures) / total : 0) * factor;
  let docTotal = 0;
  let docHeld = 0;
  const claimStems = new Set(claim.stems);
  for (const s of doc.stems) {
    const w = weightOf(tables, s);
    docTotal += w;
    if (claimStems.has(s)) docHeld += w;
  }
  const clause = bestClause(tables, claim, doc.clauses);
  const shared = new Set(claim.stems.filter((s) => doc.stems.has(s)));
  const claimNegative = negationsOn(claim.tokens, shared, thresholds.negationReach) % 2 === 1;
  // a plan's point is read for what it provides, not for the demands it reports ("Russia demands that…")
  const own = doc.kind === 'provision' ? doc.clauses.filter((c) => !c.reported) : doc.clauses;
  // an event is one occasion; a note or a position can tell of several, one clause each
  const read = spokenBy(tables, claim, doc, own.length ? own : doc.clauses);
  const occasion = doc.kind === 'event' ? read : onTheClaimsOccasion(claim, read);
  const negative = factNegative(tables, shared, occasion);
  // what the fact says on the claim's occasion is what may be only an offer
  const said = bestClause(tables, claim, occasion);
  return {
    doc,
    coverage,
    besidesNames,
    addressed,
    precision: docTotal > 0 ? docHeld / docTotal : 0,
    figure: figureAgreement(claim.figures, doc.figures),
    date: window ? 'differ' : dateAgreement(claim, doc),
    names: otherNames.length ? 'differ' : named ? 'agree' : 'none',
    otherNames,
    missingNames,
    polarity: negative === claimNegative ? 'agree' : 'opposite',
    roles: roleAgreement(claim, doc, tables.vocabulary, coverage >= thresholds.support),
    unrealised:
      !claim.unrealised &&
      !planText.has(doc.kind) &&
      said !== undefined &&
      (unrealisedClause(tables, said, shared) || introducedAsOffer(tables, doc.clauses, said)),
    ...(clause ? { clause } : {}),
  };
}

/**
 * "The US wants a 600k cap": what a party that put plans forward wants is in its own plans and positions;
 * another party's plan (the E3 counter-proposal) does not speak for it.
 */
function othersPlan(tables: FactcheckTables, claim: Claim, doc: FactDoc): boolean {
  const speaker = claim.subjectParty;
  if (!speaker || !claim.unrealised || !doc.plan) return false;
  const proposes = [...tables.proposers.values()].some((parties) => parties.has(speaker));
  return proposes && tables.proposers.get(doc.plan)?.has(speaker) !== true;
}

/** The fact says the opposite of the claim: another figure, date or person, the other direction or role. */
export function opposes(a: Assessment): boolean {
  return (
    a.figure === 'differ' ||
    a.date === 'differ' ||
    a.names === 'differ' ||
    a.polarity === 'opposite' ||
    a.roles === 'differ'
  );
}

/** The fact could confirm the claim: it opposes nothing and leaves no role of the claim unfilled. */
export function confirms(a: Assessment): boolean {
  return !opposes(a) && a.roles !== 'missing' && !a.unrealised;
}

function roleAgreement(
  claim: Claim,
  doc: FactDoc,
  vocabulary: Vocabulary,
  covered: boolean,
): Assessment['roles'] {
  const sides = vocabulary.sides;
  let result: Assessment['roles'] = 'none';
  // a person and the party they act for hold a role together ("Witkoff wrote it", "the US wrote it")
  const same = (a: string, b: string) => a === b || sides.get(a) === b || sides.get(b) === a;
  for (const [role, holders] of claim.roles) {
    const stated = doc.roles.get(role);
    if (!stated) {
      // a fact that holds what the claim says and names its holder and no rival for the role cannot give
      // it to someone else ("Zelensky's open letter" for "Zelensky wrote the letter"); else it is open
      if (subjectHolds(vocabulary, doc, role, holders)) {
        if (result === 'none') result = 'agree';
        continue;
      }
      if (!covered || rivalNamed(claim, doc, holders)) result = 'missing';
      continue;
    }
    if (![...holders].some((h) => [...stated].some((s) => same(h, s)))) return 'differ';
    // "Umerov led Russia's delegation": a person who acts for another side cannot hold that side's role
    const possessor = claim.possessor;
    if (possessor && [...holders].some((h) => sides.has(h) && sides.get(h) !== possessor)) return 'differ';
    // "Russia gets all its power" where the fact splits it between Russia and Ukraine
    if (claim.exclusive && [...stated].some((s) => ![...holders].some((h) => same(h, s)))) return 'differ';
    if (result === 'none') result = 'agree';
  }
  return result;
}

/** The fact names a person or party of the holders' kind that the claim does not name. */
function rivalNamed(claim: Claim, doc: FactDoc, holders: ReadonlySet<string>): boolean {
  const kinds = new Set([...holders].map((h) => claim.names.get(h)).filter((k) => k !== undefined));
  // a person's card is about them and many occasions: it leaves the role of any one occasion open
  if (doc.kind === 'actor' || ![...holders].every((h) => doc.names.has(h))) return true;
  // the person a fact opens with is who it is about ("Zelensky's open letter to Putin")
  const firstPerson = [...doc.names].find(([, kind]) => kind === 'person')?.[0];
  if (kinds.size === 1 && kinds.has('person') && firstPerson && holders.has(firstPerson)) return false;
  return [...doc.names].some(([key, kind]) => kinds.has(kind) && !claim.names.has(key));
}

/**
 * "Ukraine joins the EU … and gets privileged access": a point whose first clause names a holder of the
 * role first and has the role's verb gives the role to that holder, however far the verb is from the name.
 */
function subjectHolds(
  vocabulary: Vocabulary,
  doc: FactDoc,
  role: string,
  holders: ReadonlySet<string>,
): boolean {
  const first = doc.clauses[0];
  if (doc.kind !== 'provision' || !first) return false;
  const text = normaliseForMatching(first.text);
  const subject = [...namesIn(vocabulary, text).keys()][0];
  return (
    subject !== undefined &&
    holders.has(subject) &&
    text.split(' ').some((w) => vocabulary.roleVerbs.get(w) === role)
  );
}

/** Facts ranked by how much of the claim they cover. */
export function rank(
  tables: FactcheckTables,
  claim: Claim,
  docs: readonly FactDoc[] = tables.docs,
): Assessment[] {
  return docs
    .map((doc) => assess(tables, claim, doc))
    .filter((a) => a.coverage > 0)
    .sort((a, b) => b.coverage - a.coverage || b.precision - a.precision);
}
