import type { PlanId } from '../../knowledge/schema.js';
import type { Decision, PlanStance, Stance } from './decision.js';
import { confirms, opposes, type Assessment } from './matching.js';
import type { Claim } from './reading.js';
import type { FactDoc } from './tables.js';
import { thresholds } from './thresholds.js';

/**
 * What each plan says on a claim: its own best point, or, through a recorded change, the other plan's
 * point ("dropped", "amended", "unchanged"); and the plans side by side when the claim names none.
 */

const allPlans: readonly PlanId[] = ['us-28', 'us-ua-20', 'eu-6'];

/** No plan named: what each plan says, side by side (supported if all agree, depends if they differ). */
export function comparePlans(
  rule: string,
  claim: Claim,
  ranked: Assessment[],
  proposers?: ReadonlyMap<PlanId, ReadonlySet<string>>,
): Decision | undefined {
  const own = speakersPlans(claim, proposers);
  if (own.length) return comparePartysPlans(rule, claim, ranked, own);
  const stances = allPlans.map((plan) => planStance(plan, ranked, claim));
  const main = stances.slice(0, 2);
  const european = stances[2]!;
  const says = stances.filter((s) => s.stance === 'says');
  const against = stances.filter((s) => s.stance === 'opposite' || s.stance === 'dropped');
  const facts = stances.flatMap((s) => [s.point, s.change]).filter((x): x is Assessment => x !== undefined);
  if (main.every((s) => s.stance === 'says') && european.stance !== 'opposite') {
    return supported(rule, main[0]!.point!, ranked, stances);
  }
  // a claim that only a note on one plan (its deadline, its origin) bears out and no plan denies is about
  // that plan's story, not terms the plans differ on, when it names no plan or reports what someone said
  // of one ("Putin said the plan could be a basis…"): the best fact decides. "The peace plan needs a
  // referendum" is about terms: there a note speaks for the plan's terms.
  const onlyNotes = says.every((s) => s.point?.doc.kind === 'plan-note');
  if ((!claim.genericPlan || claim.reports) && !against.length && onlyNotes) return undefined;
  if (says.length && (against.length || main.some((s) => s.stance !== 'says'))) {
    return { verdict: 'depends_on_plan', rule, reason: '', facts, plans: stances };
  }
  if (!says.length && against.some((s) => s.stance === 'opposite')) {
    return { verdict: 'contradicted', rule, reason: '', facts, plans: stances };
  }
  return undefined;
}

/**
 * The plans put forward by the party a claim speaks for, when it tells what that party wants, offers or
 * says ("the Europeans want an 800k army"): the party's word is its own plan, not the others'.
 */
function speakersPlans(claim: Claim, proposers?: ReadonlyMap<PlanId, ReadonlySet<string>>): PlanId[] {
  const speaker = claim.subjectParty;
  if (!speaker || !proposers || !claim.unrealised) return [];
  return allPlans.filter((plan) => proposers.get(plan)?.has(speaker));
}

/** What the party's own plans say: all say so → supported, some → depends, none but some otherwise → contradicted. */
function comparePartysPlans(
  rule: string,
  claim: Claim,
  ranked: Assessment[],
  plans: PlanId[],
): Decision | undefined {
  const stances = plans.map((plan) => planStance(plan, ranked, claim));
  const says = stances.filter((s) => s.stance === 'says');
  const against = stances.filter((s) => s.stance === 'opposite' || s.stance === 'dropped');
  const facts = stances.flatMap((s) => [s.point, s.change]).filter((x): x is Assessment => x !== undefined);
  if (says.length === stances.length) return supported(rule, says[0]!.point!, ranked, stances);
  if (says.length) return { verdict: 'depends_on_plan', rule, reason: '', facts, plans: stances };
  if (against.some((s) => s.stance === 'opposite'))
    return { verdict: 'contradicted', rule, reason: '', facts, plans: stances };
  return undefined;
}

/** "Supported" never rests on unverified reporting alone. */
export function supported(
  rule: string,
  best: Assessment,
  ranked: Assessment[],
  plans?: PlanStance[],
): Decision {
  const firm = (a: Assessment) =>
    a.doc.status === 'reported' && confirms(a) && a.coverage >= thresholds.support;
  if (best.doc.status !== 'reported' && !ranked.some(firm)) {
    return {
      verdict: 'not_in_sources',
      rule,
      reason: 'Only unverified reporting says so; the fact base cannot confirm it.',
      facts: [best],
    };
  }
  return { verdict: 'supported', rule, reason: '', facts: [best], ...(plans ? { plans } : {}) };
}

/** What one plan says on the claim: its own best point, or a change that dropped or rewrote the other plan's. */
export function planStance(plan: PlanId, ranked: Assessment[], claim: Claim): PlanStance {
  const point = ranked.find((a) => a.doc.plan === plan && a.doc.kind === 'provision');
  // a note that gives another document's text (the E3 counter-proposal under the Berlin statement) does
  // not speak for the plan
  const note = ranked.find(
    (a) => a.doc.plan === plan && a.doc.kind === 'plan-note' && !a.doc.anotherDocument,
  );
  const other = ranked.find(
    (a) =>
      a.doc.kind === 'provision' &&
      a.doc.plan &&
      a.doc.plan !== plan &&
      a.doc.plan !== 'eu-6' &&
      plan !== 'eu-6',
  );
  const change = other ? changeFrom(other.doc, ranked) : undefined;
  const strong = (a: Assessment | undefined): a is Assessment =>
    a !== undefined && a.coverage >= thresholds.planPoint;
  // the other plan's point speaks when it covers the claim (or the change recorded from it does) better
  const otherCovers =
    other &&
    change &&
    (other.coverage >= thresholds.planPoint ||
      (change.coverage >= thresholds.support && other.coverage >= thresholds.weakPoint));
  const otherWins =
    otherCovers && (!strong(point) || other.coverage > point.coverage + thresholds.otherPlanMargin);
  if (otherWins && change) {
    const type = change.doc.change?.type;
    if (type === 'unchanged')
      return { plan, stance: opposes(other) ? 'opposite' : 'says', point: other, change };
    if (type === 'removed' || type === 'amended' || type === 'added') {
      // "the 20-point plan drops the amnesty", "… does not cap the army at 600,000": that is what the change says
      const stance: Stance = claim.absent ? 'says' : 'dropped';
      const own = point ?? note;
      return { plan, stance, point: other, change, ...(own ? { own } : {}) };
    }
  }
  // the plan's own points first; a note about the plan (its origin, its status) only when no point fits
  // …unless a note covers the claim clearly better and says otherwise ("these items are not in the
  // published text"): a note denies for its plan, it does not add terms to it
  const noteFirst =
    strong(note) &&
    (!strong(point) || (opposes(note) && note.coverage > point.coverage + thresholds.otherPlanMargin));
  const own = noteFirst ? note : strong(point) ? point : undefined;
  if (!own) return { plan, stance: 'silent' };
  if (opposes(own)) {
    // a figure: never "otherwise" past a point of the same plan, as close, that gives the claim's figure
    const agreeing =
      own.figure === 'differ'
        ? ranked.find(
            (a) =>
              a.doc.plan === plan &&
              a.doc.kind === 'provision' &&
              a.figure === 'agree' &&
              a.coverage >= Math.max(thresholds.planPoint, own.coverage - thresholds.nearBest) &&
              confirms(a),
          )
        : undefined;
    if (agreeing) return { plan, stance: 'says', point: agreeing };
    // "otherwise" needs the point to be about the very same thing: it holds the claim's rarest known word
    return aboutRarest(claim, own, ranked)
      ? { plan, stance: 'opposite', point: own }
      : { plan, stance: 'silent' };
  }
  // "Russia gets the plant" when the point names no one who gets it: the point does not say so
  return confirms(own) ? { plan, stance: 'says', point: own } : { plan, stance: 'silent' };
}

/** The recorded change that starts or ends at a point, assessed like any fact. */
function changeFrom(point: FactDoc, ranked: Assessment[]): Assessment | undefined {
  return ranked.find(
    (a) => a.doc.change && (a.doc.change.from.includes(point.id) || a.doc.change.to.includes(point.id)),
  );
}

/** The fact holds the claim's rarest word among those the fact base uses (fewest facts, two at least, hold it). */
function aboutRarest(claim: Claim, fact: Assessment, ranked: Assessment[]): boolean {
  let rarest: string | undefined;
  let fewest = Infinity;
  for (const s of claim.stems) {
    const holders = ranked.filter((a) => a.doc.stems.has(s)).length;
    if (holders > 1 && holders < fewest) {
      rarest = s;
      fewest = holders;
    }
  }
  return rarest === undefined || fact.doc.stems.has(rarest);
}
