/**
 * The facts of knowledge/: plans.json (plans and their notes), provisions/ (numbered points), topics.json
 * (threads across plans and how they changed), issues.json (positions, disagreements, gaps),
 * timeline.json (events) and parties.json (actors).
 */
import { partyIds, planIds } from '../constants.js';
import { z } from '../zod.js';
import { isoDate, looseDate, slug, text } from './fields.js';
import { Citation } from './sources.js';

const citations = z.array(Citation).min(1, 'every fact needs at least one citation');

/**
 * How firmly a fact is known. `unverified` and `content-unknown` carry the fact sheet's
 * "(unverified)" and "(content not found in available sources)" marks; `statusNote` says why.
 */
export const FactStatus = z.enum(['reported', 'unverified', 'content-unknown']);
export type FactStatus = z.infer<typeof FactStatus>;

/**
 * The fact-sheet lines a fact encodes: line ids such as "A.6" or "G.2026-05-08", or a heading such as
 * "E.ZNPP" for a fact about a whole section. `npm run check:knowledge` checks them against FACTS.md.
 */
const sheet = z
  .array(z.string().regex(/^[A-K]2?(?:\.\S+)?$/, 'must be a fact-sheet line id such as "A.6" or "E.ZNPP.RU"'))
  .min(1, 'must name the fact-sheet line(s) it encodes, e.g. ["A.6"]');

const valueUnits = [
  'troops',
  'usd',
  'eur',
  'hours',
  'days',
  'weeks',
  'months',
  'years',
  'year',
  'percent',
  'km',
  'points',
  'people',
  'count',
] as const;
/**
 * Structured assertions a fact makes, for the fact check: who (subject) does or says what (claim),
 * affirmed or denied (polarity), with which figure, under which plan. Optional: facts without them are
 * checked through their summary text.
 */
export const Assertion = z.strictObject({
  subject: text,
  claim: text,
  polarity: z.enum(['affirms', 'denies']).default('affirms'),
  figure: z.strictObject({ amount: z.number().finite(), unit: z.enum(valueUnits) }).optional(),
  plan: z.enum(planIds).optional(),
});
export type Assertion = z.infer<typeof Assertion>;

/** Fields every fact shares. */
const factFields = {
  id: slug,
  summary: text,
  status: FactStatus.default('reported'),
  statusNote: text.optional(),
  sheet,
  citations,
  /** What the fact asserts, for the fact check (optional). */
  assertions: z.array(Assertion).optional(),
};

/**
 * A figure the fact sheet gives: troop cap 600,000, $100 billion, 100 days. `label` says whose figure it is
 * and what it counts; `year` is a calendar year (2040), `count` a plain number whose label names the thing.
 */
export const Value = z.strictObject({
  label: text,
  amount: z.number().finite(),
  unit: z.enum(valueUnits),
});
export type Value = z.infer<typeof Value>;

export const PlanId = z.enum(planIds);
export type PlanId = z.infer<typeof PlanId>;

/** Context about a plan that is not one of its numbered points: origin, authorship, status. */
export const PlanNote = z.strictObject({
  ...factFields,
  title: text,
  aliases: z.array(text).default([]),
  topics: z.array(slug).default([]),
  values: z.array(Value).default([]),
});
export type PlanNote = z.infer<typeof PlanNote>;

export const Plan = z.strictObject({
  ...factFields,
  id: PlanId,
  name: text,
  shortName: text,
  date: isoDate,
  proposedBy: text,
  planStatus: text,
  pointCount: z.number().int().positive(),
  aliases: z.array(text).default([]),
  notes: z.array(PlanNote).default([]),
});
export type Plan = z.infer<typeof Plan>;
export const PlansFile = z.array(Plan);

export const Provision = z.strictObject({
  ...factFields,
  plan: PlanId,
  number: z.number().int().positive(),
  /** A sub-entry such as 20-point "14a"; the plan's point count counts numbers, not parts. */
  part: z
    .string()
    .regex(/^[a-z]$/)
    .optional(),
  title: text,
  topics: z.array(slug).default([]),
  values: z.array(Value).default([]),
  aliases: z.array(text).default([]),
});
export type Provision = z.infer<typeof Provision>;
export const ProvisionsFile = z.array(Provision);

export const ChangeType = z.enum(['added', 'removed', 'amended', 'unchanged', 'unclear']);
export type ChangeType = z.infer<typeof ChangeType>;

/** How a thread moved from the 28-point to the 20-point proposal. */
export const Change = z.strictObject({
  ...factFields,
  type: ChangeType,
  from: z.array(slug).default([]),
  to: z.array(slug).default([]),
});
export type Change = z.infer<typeof Change>;

/** A thread across plans (troop-cap, znpp …) — what people look up. */
export const Topic = z.strictObject({
  ...factFields,
  title: text,
  aliases: z.array(text).default([]),
  /** Figures of the thread that no point of a plan carries: positions, events, context (attributed in the label). */
  values: z.array(Value).default([]),
  provisions: z.array(slug).default([]),
  changes: z.array(Change).default([]),
  related: z.array(slug).default([]),
});
export type Topic = z.infer<typeof Topic>;
export const TopicsFile = z.array(Topic);

export const PartyId = z.enum(partyIds);
export type PartyId = z.infer<typeof PartyId>;

/** One party's position, attributed to whoever states it ("Russia demands…", "Bosack argues…"). */
export const Position = z.strictObject({
  ...factFields,
  party: PartyId,
  /** Who says so, when not the party itself: e.g. "Bosack (analysis)", "Bloomberg source". */
  attributedTo: text.optional(),
});
export type Position = z.infer<typeof Position>;

/** Where sources contradict each other; each side keeps its own citations. */
export const Disagreement = z.strictObject({
  id: slug,
  summary: text,
  /** The facts whose detail the sources disagree on (their ids): a fact check of them weighs every account. */
  facts: z.array(slug).default([]),
  sheet,
  claims: z
    .array(
      z.strictObject({
        claim: text,
        citations,
        /** The fact sheet judges this account an error: a claim repeating another account is not disputed by it. */
        discounted: z.boolean().optional(),
      }),
    )
    .min(2, 'a disagreement needs at least two claims'),
});
export type Disagreement = z.infer<typeof Disagreement>;

/**
 * Something the fact sheet searched for and did not find ("content not found in available sources").
 * A gap is not a fact and has no citation; replies state it so nobody fills it by guessing.
 */
export const Gap = z.strictObject({
  party: PartyId.optional(),
  sheet,
  note: text,
});
export type Gap = z.infer<typeof Gap>;

/** An unresolved issue, keyed by the topic it is about. */
export const Issue = z.strictObject({
  ...factFields,
  topic: slug,
  title: text,
  positions: z.array(Position).min(1),
  disagreements: z.array(Disagreement).default([]),
  notes: z.array(z.strictObject({ ...factFields })).default([]),
  gaps: z.array(Gap).default([]),
});
export type Issue = z.infer<typeof Issue>;
export const IssuesFile = z.array(Issue);

export const TimelineEvent = z.strictObject({
  ...factFields,
  date: looseDate,
  /** Last day of a multi-day event ("2025-11-30 to 12-01"). */
  endDate: looseDate.optional(),
  title: text,
  topics: z.array(slug).default([]),
  aliases: z.array(text).default([]),
  /** Background events before the talks (e.g. Russia's June 2025 memorandum). */
  background: z.boolean().default(false),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export const TimelineFile = z.array(TimelineEvent);

export const Actor = z.strictObject({
  ...factFields,
  name: text,
  kind: z.enum(['party', 'person', 'body']),
  /** The party a person or body belongs to, if any. */
  side: z.union([PartyId, z.literal('other')]).optional(),
  role: text,
  aliases: z.array(text).default([]),
});
export type Actor = z.infer<typeof Actor>;
export const ActorsFile = z.array(Actor);
