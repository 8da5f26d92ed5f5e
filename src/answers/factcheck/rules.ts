import type { PlanId } from '../../knowledge/schema.js';
import type { Verdict } from '../types.js';
import { onlyDiscountedAgainst, sideRepeated } from './disputes.js';
import { confirms, opposes, weightOf, type Assessment } from './matching.js';
import type { Claim } from './reading.js';
import type { FactcheckTables, FactDoc, Side } from './tables.js';
import { thresholds } from './thresholds.js';

/**
 * The verdict rules, in order: the first rule that decides wins. A new kind of claim is one rule here
 * (plus its cases in the tests). Each rule says why, and which facts decide it.
 */
export interface Decision {
  verdict: Verdict;
  rule: string;
  /** Plain words after the verdict: what decides it. */
  reason: string;
  /** The deciding facts, first the one that decides; sides when sources disagree. */
  facts: Assessment[];
  sides?: Side[];
  /** Per plan, when the verdict depends on the plan. */
  plans?: PlanStance[];
}

export interface RuleContext {
  tables: FactcheckTables;
  claim: Claim;
  /** Every fact that shares a word with the claim, best first. */
  ranked: Assessment[];
}

export interface Rule {
  name: string;
  decide(context: RuleContext): Decision | undefined;
}

export type Stance = 'says' | 'opposite' | 'dropped' | 'silent';
export interface PlanStance {
  plan: PlanId;
  stance: Stance;
  point?: Assessment;
  change?: Assessment;
  /** The plan's own nearest point, when another plan's point decided. */
  own?: Assessment;
}

const planKinds = new Set(['provision', 'plan-note']);
const notPlans: readonly PlanId[] = ['us-28', 'us-ua-20', 'eu-6'];

export const rules: readonly Rule[] = [
  {
    name: 'nothing to check',
    decide: ({ claim }) =>
      claim.stems.length === 0 && claim.figures.length === 0
        ? { verdict: 'not_in_sources', rule: 'nothing to check', reason: 'The claim names nothing the sources could confirm or refute.', facts: [] }
        : undefined,
  },
  {
    name: 'too little to check',
    decide: ({ tables, claim }) => {
      // "NATO NATO NATO", "600,000", "the plan ends the war": one thing named, nothing said about it
      const telling = claim.stems.filter((s) => weightOf(tables, s) >= thresholds.tellingWord);
      const items = telling.length + claim.figures.length + claim.dates.length + (claim.plans.length || claim.genericPlan ? 1 : 0);
      const weighty = claim.stems.length >= 2 || items >= 2;
      return weighty
        ? undefined
        : { verdict: 'not_in_sources', rule: 'too little to check', reason: 'The claim names too little to check: say what it states about what.', facts: [] };
    },
  },
  {
    name: 'the point named',
    decide: ({ claim, ranked }) => {
      if (!claim.point) return undefined;
      const point = ranked.find((a) => a.doc.id === claim.point);
      if (point && point.coverage >= thresholds.planPoint) return undefined; // the plan's rules decide
      return {
        verdict: 'not_in_sources',
        rule: 'the point named',
        reason: 'The point named is about something else; the sources do not put this claim in it.',
        facts: point ? [point] : [],
      };
    },
  },
  {
    name: 'a document the sources do not hold',
    decide: ({ claim }) =>
      claim.otherDocument
        ? {
            verdict: 'not_in_sources',
            rule: 'a document the sources do not hold',
            reason: `The fact base does not hold the points of “${claim.otherDocument}”.`,
            facts: [],
          }
        : undefined,
  },
  {
    // "the peace plan …": which plan says what comes before any disagreement about one of them
    name: 'the peace plan: the plans compared',
    decide: ({ claim, ranked }) =>
      claim.plans.length || !claim.genericPlan ? undefined : comparePlans('the peace plan: the plans compared', claim, ranked),
  },
  {
    name: 'a recorded disagreement',
    decide: ({ tables, claim, ranked }) => {
      const best = ranked[0]?.coverage ?? 0;
      for (const a of ranked.slice(0, thresholds.candidates)) {
        if (a.coverage < thresholds.dispute || a.doc.sides.length < 2) continue;
        // the disagreement must be about what the claim is about, not a neighbour of it
        if (a.coverage < best - thresholds.disputeBehindBest) continue;
        if (claim.plans.length && !claim.plans.some((p) => a.doc.plan === p || a.doc.plansNamed.includes(p))) continue;
        // a disagreement decides only a claim about its subject ("the Duma majority", not "Zelensky")
        if (a.doc.subject && subjectShare(tables, claim, a.doc) < thresholds.disputeSubject) continue;
        const side = sideRepeated(tables, claim, a);
        if (!side || onlyDiscountedAgainst(side, a.doc.sides)) continue;
        return {
          verdict: 'disputed',
          rule: 'a recorded disagreement',
          reason: 'The sources disagree on this very point.',
          facts: [a],
          sides: a.doc.sides,
        };
      }
      return undefined;
    },
  },
  {
    name: 'the plan named',
    decide: ({ claim, ranked }) => {
      if (claim.plans.length !== 1) return undefined;
      const stance = planStance(claim.plans[0]!, ranked, claim);
      if (stance.stance === 'says') return supported('the plan named', stance.point!, ranked, [stance]);
      if (stance.stance === 'opposite' || stance.stance === 'dropped') {
        const facts = [stance.point, stance.change].filter((x): x is Assessment => x !== undefined);
        return { verdict: 'contradicted', rule: 'the plan named', reason: '', facts, plans: [stance] };
      }
      return undefined;
    },
  },
  {
    name: 'no plan named: the plans compared',
    decide: ({ claim, ranked }) => {
      const top = ranked[0];
      if (claim.plans.length || claim.genericPlan) return undefined;
      if (!(top && planKinds.has(top.doc.kind) && top.coverage >= thresholds.support)) return undefined;
      return comparePlans('no plan named: the plans compared', claim, ranked);
    },
  },
  {
    name: 'the best fact',
    decide: ({ claim, ranked }) => {
      // changes speak through the plans' stances; a claim about a plan is decided by facts about that plan
      const facts = ranked.filter(
        (a) =>
          a.doc.kind !== 'disagreement' &&
          a.doc.kind !== 'change' &&
          (!claim.plans.length || claim.plans.some((p) => a.doc.plan === p || a.doc.plansNamed.includes(p))) &&
          // "the peace plan …" is about a plan's text, not about events or what someone said
          (!claim.genericPlan || a.doc.plan !== undefined || a.doc.plansNamed.length > 0),
      );
      const top = Math.max(0, ...facts.map((a) => a.addressed));
      const near = (a: Assessment) =>
        a.addressed >= top - thresholds.nearBest || (a.names === 'differ' && a.besidesNames >= top - thresholds.nearBest);
      const about = (a: Assessment) => (a.names === 'differ' ? a.besidesNames : a.addressed);
      const against = facts.filter((a) => opposes(a) && near(a)).sort((a, b) => about(b) - about(a))[0];
      // a fact that leaves out a person or place the claim names does not confirm it
      const agreeing = facts.find((a) => confirms(a) && !a.missingNames.length && near(a));
      if (against && agreeing) {
        // never "supported" past a fact as close to the claim that says otherwise; a tie decides nothing
        if (against.coverage === agreeing.coverage && against.addressed === agreeing.coverage) return undefined;
        if (against.coverage < agreeing.coverage || against.addressed <= agreeing.coverage) {
          return agreeing.coverage >= thresholds.support ? supported('the best fact', agreeing, ranked) : undefined;
        }
      }
      if (against) {
        return about(against) >= thresholds.contradict
          ? { verdict: 'contradicted', rule: 'the best fact', reason: '', facts: [against] }
          : undefined;
      }
      if (agreeing && agreeing.coverage >= thresholds.support) return supported('the best fact', agreeing, ranked);
      return undefined;
    },
  },
  {
    name: 'nothing relevant',
    decide: ({ ranked }) => ({
      verdict: 'not_in_sources',
      rule: 'nothing relevant',
      reason: 'Nothing in the fact base speaks to this claim.',
      facts: ranked.slice(0, 3).filter((a) => a.coverage >= 0.4),
    }),
  },
];

/** How much of the claim a disagreement's subject holds; the plan the claim names counts as one word. */
function subjectShare(tables: FactcheckTables, claim: Claim, doc: FactDoc): number {
  const subject = doc.subject ?? new Set<string>();
  const plan = claim.plans.some((p) => doc.plansNamed.includes(p)) ? tables.maxIdf : 0;
  const total = claim.stems.reduce((sum, s) => sum + weightOf(tables, s), 0) + (claim.plans.length ? tables.maxIdf : 0);
  const words = claim.stems.filter((s) => subject.has(s)).reduce((sum, s) => sum + weightOf(tables, s), 0);
  // the plan alone is not the subject: some word of the claim must be what the sources disagree on
  return total && words > 0 ? (words + plan) / total : 0;
}

/** No plan named: what each plan says, side by side (supported if all agree, depends if they differ). */
function comparePlans(rule: string, claim: Claim, ranked: Assessment[]): Decision | undefined {
  const stances = notPlans.map((plan) => planStance(plan, ranked, claim));
  const main = stances.slice(0, 2);
  const european = stances[2]!;
  const says = stances.filter((s) => s.stance === 'says');
  const against = stances.filter((s) => s.stance === 'opposite' || s.stance === 'dropped');
  const facts = stances.flatMap((s) => [s.point, s.change]).filter((x): x is Assessment => x !== undefined);
  if (main.every((s) => s.stance === 'says') && european.stance !== 'opposite') {
    return supported(rule, main[0]!.point!, ranked, stances);
  }
  if (says.length && (against.length || main.some((s) => s.stance !== 'says'))) {
    return { verdict: 'depends_on_plan', rule, reason: '', facts, plans: stances };
  }
  if (!says.length && against.some((s) => s.stance === 'opposite')) {
    return { verdict: 'contradicted', rule, reason: '', facts, plans: stances };
  }
  return undefined;
}

export function decide(context: RuleContext): Decision {
  for (const rule of rules) {
    const decision = rule.decide(context);
    if (decision) return withCorroboration(decision, context.ranked);
  }
  throw new Error('the last rule always decides');
}

/** Other facts on the same thing that point the same way join the evidence (two at most). */
function withCorroboration(decision: Decision, ranked: Assessment[]): Decision {
  if (decision.verdict !== 'supported' && decision.verdict !== 'contradicted') return decision;
  const against = decision.verdict === 'contradicted';
  const used = new Set(decision.facts.map((a) => a.doc.id));
  const more = ranked
    .filter((a) => !used.has(a.doc.id) && a.doc.kind !== 'disagreement' && opposes(a) === against)
    .filter((a) => (a.names === 'differ' ? a.besidesNames : a.coverage) >= thresholds.corroborate)
    .slice(0, 2);
  return { ...decision, facts: [...decision.facts, ...more] };
}

/** "Supported" never rests on unverified reporting alone. */
function supported(rule: string, best: Assessment, ranked: Assessment[], plans?: PlanStance[]): Decision {
  const firm = (a: Assessment) => a.doc.status === 'reported' && confirms(a) && a.coverage >= thresholds.support;
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
  const note = ranked.find((a) => a.doc.plan === plan && a.doc.kind === 'plan-note');
  const other = ranked.find(
    (a) => a.doc.kind === 'provision' && a.doc.plan && a.doc.plan !== plan && a.doc.plan !== 'eu-6' && plan !== 'eu-6',
  );
  const change = other ? changeFrom(other.doc, ranked) : undefined;
  const strong = (a: Assessment | undefined): a is Assessment => a !== undefined && a.coverage >= thresholds.planPoint;
  // the other plan's point speaks when it covers the claim (or the change recorded from it does) better
  const otherCovers =
    other &&
    change &&
    (other.coverage >= thresholds.planPoint ||
      (change.coverage >= thresholds.support && other.coverage >= thresholds.weakPoint));
  const otherWins = otherCovers && (!strong(point) || other.coverage > point.coverage + thresholds.otherPlanMargin);
  if (otherWins && change) {
    const type = change.doc.change?.type;
    if (type === 'unchanged') return { plan, stance: opposes(other) ? 'opposite' : 'says', point: other, change };
    if (type === 'removed' || type === 'amended' || type === 'added') {
      // "the 20-point plan drops the amnesty", "… does not cap the army at 600,000": that is what the change says
      const stance: Stance = claim.absent ? 'says' : 'dropped';
      const own = point ?? note;
      return { plan, stance, point: other, change, ...(own ? { own } : {}) };
    }
  }
  // the plan's own points first; a note about the plan (its origin, its status) only when no point fits
  const own = strong(point) ? point : strong(note) ? note : undefined;
  if (!own) return { plan, stance: 'silent' };
  if (opposes(own)) return { plan, stance: 'opposite', point: own };
  // "Russia gets the plant" when the point names no one who gets it: the point does not say so
  return confirms(own) ? { plan, stance: 'says', point: own } : { plan, stance: 'silent' };
}

/** The recorded change that starts or ends at a point, assessed like any fact. */
function changeFrom(point: FactDoc, ranked: Assessment[]): Assessment | undefined {
  return ranked.find((a) => a.doc.change && (a.doc.change.from.includes(point.id) || a.doc.change.to.includes(point.id)));
}
