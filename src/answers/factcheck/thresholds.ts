/**
 * Every number the fact check decides with, in one place. Coverage is the share of a claim's content
 * (weighted by how rare each word is in the fact base) that a fact also holds.
 */
export const thresholds = {
  /** A fact must cover this much of the claim to support it. */
  support: 0.7,
  /** …and this much to contradict it (a contradiction must be about the very same thing). */
  contradict: 0.72,
  /** A plan's point must cover this much to count as that plan "saying" something on the claim. */
  planPoint: 0.62,
  /** …or this much, when the change recorded from it covers the claim well. */
  weakPoint: 0.45,
  /** Another plan's point must beat the named plan's own best point by this much to speak for it. */
  otherPlanMargin: 0.12,
  /** Another fact pointing the same way joins the evidence at this coverage. */
  corroborate: 0.75,
  /** …or when it is at most this far behind the deciding fact. */
  corroborateBehind: 0.05,
  /** A recorded disagreement must cover this much of the claim to decide it. */
  dispute: 0.6,
  /** …and be at most this far behind the fact that covers the claim best. */
  disputeBehindBest: 0.1,
  /** …or this far, when the claim gives the very day or figure one side gives. */
  disputeBehindBestDetail: 0.2,
  /** Coverage kept by a party's position when the claim is about another party ("the US offered…"). */
  otherParty: 0.7,
  /** Share of a figure's weight a fact earns by giving a different figure of the same kind. */
  differentFigure: 0.5,
  /** …and its subject (its summary, not its accounts) this much. */
  disputeSubject: 0.45,
  /** A side of a disagreement must cover this much of the claim's own words to be the one it repeats. */
  sideWords: 0.5,
  /** Weight of a claim word the fact base never uses, relative to the rarest known word. */
  unknownWordWeight: 0.8,
  /** A negation reaches this many content words after it. */
  negationReach: 3,
  /** A clause is read for negations when it shares this share of the best clause's weight with the claim. */
  touchingClause: 0.5,
  /** Facts this close behind the best are looked at too when the best cannot decide. */
  nearBest: 0.1,
  /** A word this rare (inverse document frequency) tells something on its own ("amnesty", not "war"). */
  tellingWord: 2.6,
  /** How many ranked facts the rules look at. */
  candidates: 12,
  /** Figures within this relative distance are the same figure ("about 880,000"). */
  approximate: 0.06,
} as const;
