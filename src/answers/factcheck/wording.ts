import type { Core } from '../../core.js';
import { planLabel } from '../common.js';
import type { Verdict } from '../types.js';
import type { Assessment } from './matching.js';
import type { Decision, PlanStance } from './rules.js';

/** The verdict in plain words, then what decides it — the first sentence of every fact-check reply. */
export const verdictLabels: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  depends_on_plan: 'Depends on the plan',
  disputed: 'Disputed',
  not_in_sources: 'Not in the sources',
};

const opening: Record<Verdict, string> = {
  supported: 'The sources support this claim.',
  contradicted: 'The sources say otherwise.',
  depends_on_plan: 'It depends on which plan: the plans differ on this.',
  disputed: 'The sources disagree on this.',
  not_in_sources: 'The sources do not cover this claim.',
};

export function verdictSentence(core: Core, decision: Decision): string {
  const parts = [opening[decision.verdict]];
  if (decision.reason) parts.push(decision.reason);
  if (decision.plans?.length && decision.verdict !== 'not_in_sources') {
    parts.push(
      ...decision.plans
        .filter((s) => s.stance !== 'silent' || decision.verdict === 'depends_on_plan')
        .map((s) => stanceSentence(core, s)),
    );
  } else {
    const first = decision.facts[0];
    if (first && decision.verdict !== 'not_in_sources') parts.push(why(decision.verdict, first));
  }
  if (decision.sides)
    parts.push(...decision.sides.map((s, i) => `Account ${i + 1}: ${s.text.replace(/^\(|\)$/g, '')}`));
  return parts.join(' ');
}

function why(verdict: Verdict, a: Assessment): string {
  const said = `The fact base records: ${a.doc.summary}`;
  if (verdict !== 'contradicted') return said;
  const what = [
    a.figure === 'differ' ? 'another figure' : '',
    a.date === 'differ' ? 'another date' : '',
    a.names === 'differ' ? 'other people or places' : '',
    a.polarity === 'opposite' ? 'the opposite' : '',
  ].filter(Boolean);
  return what.length ? `It records ${what.join(', ')}: ${a.doc.summary}` : said;
}

function stanceSentence(core: Core, s: PlanStance): string {
  const plan = planLabel(core, s.plan);
  switch (s.stance) {
    case 'says':
      // through a recorded change ("dropped", "unchanged"), the change is what says so
      return `The ${plan} says so: ${(s.change ?? s.point)?.doc.summary ?? ''}`;
    case 'opposite':
      return `The ${plan} says otherwise: ${s.point?.doc.summary ?? ''}`;
    case 'dropped':
      return `The ${plan} does not have it as claimed: ${s.change?.doc.summary ?? ''}`;
    case 'silent':
      return `The ${plan} has no such point.`;
  }
}
