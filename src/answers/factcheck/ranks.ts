import type { Assessment } from './matching.js';
import type { Claim } from './reading.js';
import { thresholds } from './thresholds.js';

/**
 * How the "best fact" rule orders and weighs facts that say otherwise against facts that agree: which
 * detail differs, on which occasion, in which role, and whether only a party is replaced.
 */

/**
 * 1 when the fact is about what the claim names (its names agree) and gives another figure or date for it:
 * "the Anchorage summit lasted two days" is answered by Anchorage's three hours, not by another summit's days.
 */
export function detailRank(a: Assessment, about: (a: Assessment) => number): number {
  // one detail differs on the same occasion: another figure on the claim's date, or another date
  const oneDetail = (a.figure === 'differ') !== (a.date === 'differ');
  return oneDetail && a.names === 'agree' && about(a) >= thresholds.contradict ? 1 : 0;
}

/** 1 when the fact is dated as the claim is (the same round, not another one at the same place). */
export function occasionRank(a: Assessment): number {
  return a.date === 'agree' ? 1 : 0;
}

/** 1 when the fact puts someone else in the role the claim asserts ("the US wrote it" against "Europe wrote it"). */
export function roleRank(a: Assessment): number {
  return a.roles === 'differ' ? 1 : 0;
}

/** The fact opposes the claim only by naming another party where the claim names one. */
export function onlyAnotherParty(claim: Claim, a: Assessment): boolean {
  return (
    a.names === 'differ' &&
    a.otherNames.every((key) => claim.names.get(key) === 'party') &&
    a.figure !== 'differ' &&
    a.date !== 'differ' &&
    a.polarity === 'agree' &&
    a.roles !== 'differ'
  );
}

/** The fact gives another figure or date for what the claim states. */
export function differsInFigures(a: Assessment): boolean {
  return a.figure === 'differ' || a.date === 'differ';
}

/** Both facts could be about the same occasion: the other one keeps the claim's date and names. */
export function sameOccasion(other: Assessment, agreeing: Assessment): boolean {
  // two recorded events are two occasions (the Davos meeting's hours are not the Anchorage summit's)
  if (other.doc.kind === 'event' && agreeing.doc.kind === 'event') return false;
  // a body's or person's card tells of many occasions: its figure (Euroclear's €185bn) is not the event's
  if (other.doc.kind === 'actor' && agreeing.doc.kind !== 'actor') return false;
  return other.names !== 'differ' && !(agreeing.date === 'agree' && other.date === 'differ');
}
