import type { PlanId } from '../../knowledge/schema.js';
import type { Verdict } from '../types.js';
import type { Assessment } from './matching.js';
import type { Claim } from './reading.js';
import type { FactcheckTables, Side } from './tables.js';

/** What a verdict rule decides: the verdict, why, and the facts (or accounts, or plans) it rests on. */
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
