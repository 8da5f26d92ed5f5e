import { detailRepeated, onlyDiscountedAgainst, sideRepeated } from './disputes.js';
import type { Decision, Rule, RuleContext } from './decision.js';
import { confirms, opposes, weightOf, type Assessment } from './matching.js';
import { planOrigin } from './origin.js';
import { comparePlans, planStance, supported } from './plans.js';
import type { Claim } from './reading.js';
import type { FactcheckTables, FactDoc, Side } from './tables.js';
import { namesIn } from './vocabulary.js';
import { normaliseForMatching } from '../../text/normalise.js';
import { thresholds } from './thresholds.js';
import {
  detailRank,
  differsInFigures,
  occasionRank,
  onlyAnotherParty,
  roleRank,
  sameOccasion,
} from './ranks.js';

export type { Decision, PlanStance, Rule, RuleContext, Stance } from './decision.js';

const planKinds = new Set(['provision', 'plan-note']);

/**
 * The verdict rules, in order: the first rule that decides wins. A new kind of claim is one rule here
 * (plus its cases in the tests). Each rule says why, and which facts decide it.
 */
export const rules: readonly Rule[] = [
  {
    name: 'nothing to check',
    decide: ({ claim }) =>
      claim.stems.length === 0 && claim.figures.length === 0
        ? {
            verdict: 'not_in_sources',
            rule: 'nothing to check',
            reason: 'The claim names nothing the sources could confirm or refute.',
            facts: [],
          }
        : undefined,
  },
  {
    name: 'too little to check',
    decide: ({ tables, claim }) => {
      // "NATO NATO NATO", "600,000", "the plan ends the war": one thing named, nothing said about it
      const telling = claim.stems.filter((s) => weightOf(tables, s) >= thresholds.tellingWord);
      const items =
        telling.length +
        claim.figures.length +
        claim.dates.length +
        (claim.plans.length || claim.genericPlan ? 1 : 0);
      const weighty = claim.stems.length >= 2 || items >= 2;
      return weighty
        ? undefined
        : {
            verdict: 'not_in_sources',
            rule: 'too little to check',
            reason: 'The claim names too little to check: say what it states about what.',
            facts: [],
          };
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
    decide: ({ tables, claim, ranked }) =>
      claim.plans.length || !claim.genericPlan
        ? undefined
        : comparePlans('the peace plan: the plans compared', claim, ranked, tables.proposers),
  },
  {
    name: 'a recorded disagreement',
    decide: ({ tables, claim, ranked }) => {
      const best = ranked[0]?.coverage ?? 0;
      // facts tied with the last candidate are candidates too: a short claim ties with many facts
      const last = ranked[thresholds.candidates - 1]?.coverage ?? 0;
      for (const a of ranked.filter((x, i) => i < thresholds.candidates || x.coverage >= last)) {
        if (a.coverage < thresholds.dispute || a.doc.sides.length < 2) continue;
        // a claim dated to another occasion is not about what these accounts disagree on, unless they
        // disagree on the date itself
        if (a.date === 'differ' && a.doc.sides.filter((s) => s.dates.length > 0).length < 2) continue;
        // the disagreement must be about what the claim is about, not a neighbour of it
        if (a.coverage < best - thresholds.disputeBehindBestDetail) continue;
        if (claim.plans.length && !claim.plans.some((p) => a.doc.plan === p || a.doc.plansNamed.includes(p)))
          continue;
        // a disagreement decides only a claim about its subject ("the Duma majority", not "Zelensky")
        if (a.doc.subject && subjectShare(tables, claim, a.doc) < thresholds.disputeSubject) continue;
        const side = sideRepeated(tables, claim, a, ranked[0]?.doc.stems);
        if (!side || onlyDiscountedAgainst(side, a.doc.sides)) continue;
        // "Lavrov said X" when one account is Lavrov's: the claim reports what he said, which the other
        // facts decide, and is not itself one of the accounts in dispute
        if (claim.reports && a.doc.sides.some((s) => attributedTo(tables, claim, s))) continue;
        // further behind only when the claim states the disputed detail, or the day the disagreement is about
        const sameDay = a.date === 'agree' && claim.dates.some((d) => d.day !== undefined);
        if (a.coverage < best - thresholds.disputeBehindBest && !sameDay && !detailRepeated(claim, side))
          continue;
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
    name: 'where and when a plan was made',
    decide: ({ tables, claim }) => planOrigin(tables, claim),
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
    decide: ({ tables, claim, ranked }) => {
      const top = ranked[0];
      if (claim.plans.length || claim.genericPlan) return undefined;
      if (!(top && planKinds.has(top.doc.kind) && top.coverage >= thresholds.support)) return undefined;
      // the claim is about another document filed with a plan (the E3 counter-proposal): its own text
      // decides, not what the plans say
      if (top.doc.anotherDocument && namesOtherDocument(tables, claim, top.doc)) return undefined;
      return comparePlans('no plan named: the plans compared', claim, ranked, tables.proposers);
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
          (!claim.plans.length ||
            claim.plans.some(
              (p) => (a.doc.plan === p && !a.doc.anotherDocument) || a.doc.plansNamed.includes(p),
            )) &&
          // "the peace plan …" is about a plan's text, not about events or what someone said
          (!claim.genericPlan || a.doc.plan !== undefined || a.doc.plansNamed.length > 0),
      );
      // an offer the claim states as done neither confirms nor denies it: it does not set the bar
      const top = Math.max(0, ...facts.filter((a) => !a.unrealised || opposes(a)).map((a) => a.addressed));
      const near = (a: Assessment) =>
        a.addressed >= top - thresholds.nearBest ||
        (a.names === 'differ' && a.besidesNames >= top - thresholds.nearBest);
      const about = (a: Assessment) => (a.names === 'differ' ? a.besidesNames : a.addressed);
      // among facts as close, one on the very occasion the claim dates, then one that gives another holder
      // of the claim's role, says most directly otherwise
      const against = facts
        .filter((a) => opposes(a) && near(a))
        .sort(
          (a, b) =>
            detailRank(b, about) - detailRank(a, about) ||
            occasionRank(b) - occasionRank(a) ||
            about(b) - about(a) ||
            roleRank(b) - roleRank(a),
        )[0];
      // a fact that leaves out a person or place the claim names does not confirm it
      const agreeing = facts.find((a) => confirms(a) && !a.missingNames.length && near(a));
      // "X chairs it" where a fact as close gives the chair to someone else: a fact that puts nobody in the
      // role cannot confirm who holds it
      if (against && agreeing && claim.roles.size && roleRank(against) && agreeing.roles === 'none')
        return about(against) >= thresholds.contradict
          ? { verdict: 'contradicted', rule: 'the best fact', reason: '', facts: [against] }
          : undefined;
      // parties are loose: a fact that differs only by naming another party ("Russian assets") does not
      // outweigh one that names the claim's party and agrees with it
      if (against && agreeing && onlyAnotherParty(claim, against) && agreeing.names === 'agree')
        return agreeing.coverage >= thresholds.support
          ? supported('the best fact', agreeing, ranked)
          : undefined;
      if (against && agreeing) {
        // never "supported" past a fact as close to the claim that says otherwise; a tie decides nothing
        // (unverified reporting does not tie with a reported fact: it cannot outweigh it)
        const outweighed = against.doc.status !== 'reported' && agreeing.doc.status === 'reported';
        if (against.coverage === agreeing.coverage && against.addressed === agreeing.coverage && !outweighed)
          return undefined;
        // another figure or date given as fully as the agreeing one: the sources are not one-sided, so unsure
        if (
          differsInFigures(against) &&
          sameOccasion(against, agreeing) &&
          against.addressed >= agreeing.coverage
        )
          return undefined;
        if (against.coverage < agreeing.coverage || against.addressed <= agreeing.coverage) {
          return agreeing.coverage >= thresholds.support
            ? supported('the best fact', agreeing, ranked)
            : undefined;
        }
      }
      if (against) {
        return about(against) >= thresholds.contradict
          ? { verdict: 'contradicted', rule: 'the best fact', reason: '', facts: [against] }
          : undefined;
      }
      if (agreeing && agreeing.coverage >= thresholds.support)
        return supported('the best fact', agreeing, ranked);
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

/**
 * The claim uses a word every note of that other document shares and the plan itself does not
 * ("counter-proposal"): it names the document, not the plan it is filed with.
 */
function namesOtherDocument(tables: FactcheckTables, claim: Claim, note: FactDoc): boolean {
  const notes = tables.docs.filter((d) => d.anotherDocument && d.plan === note.plan);
  const plan = tables.docs.find((d) => d.kind === 'plan' && d.plan === note.plan);
  return claim.stems.some((s) => !plan?.stems.has(s) && notes.every((d) => d.stems.has(s)));
}

/** The account is given by a person the claim names as its speaker. */
function attributedTo(tables: FactcheckTables, claim: Claim, side: Side): boolean {
  const speakers = [...claim.names].filter(([, kind]) => kind === 'person').map(([key]) => key);
  if (!speakers.length) return false;
  const named = namesIn(tables.vocabulary, normaliseForMatching(side.text));
  return speakers.some((key) => named.has(key));
}

/** How much of the claim a disagreement's subject holds; the plan the claim names counts as one word. */
function subjectShare(tables: FactcheckTables, claim: Claim, doc: FactDoc): number {
  const subject = doc.subject ?? new Set<string>();
  const plan = claim.plans.some((p) => doc.plansNamed.includes(p)) ? tables.maxIdf : 0;
  const total =
    claim.stems.reduce((sum, s) => sum + weightOf(tables, s), 0) + (claim.plans.length ? tables.maxIdf : 0);
  const words = claim.stems.filter((s) => subject.has(s)).reduce((sum, s) => sum + weightOf(tables, s), 0);
  // the plan alone is not the subject: some word of the claim must be what the sources disagree on
  return total && words > 0 ? (words + plan) / total : 0;
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
  const about = (a: Assessment) => (a.names === 'differ' ? a.besidesNames : a.coverage);
  const first = decision.facts[0];
  // as close to the claim as the deciding fact, or close enough on its own
  const bar = Math.min(thresholds.corroborate, first ? about(first) - thresholds.corroborateBehind : 1);
  const more = ranked
    .filter((a) => !used.has(a.doc.id) && a.doc.kind !== 'disagreement' && opposes(a) === against)
    .filter((a) => about(a) >= bar)
    .slice(0, 2);
  return { ...decision, facts: [...decision.facts, ...more] };
}
