import { z } from './zod.js';

/**
 * The shape of every file in knowledge/. The loader validates each file against these schemas and
 * then cross-checks what a schema cannot see (ids, references, quotes, aliases).
 */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "troop-cap"');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be an ISO date YYYY-MM-DD');
/** Partial dates are allowed for events known only to the month ("2025-10"). */
const looseDate = z.string().regex(/^\d{4}-\d{2}(?:-\d{2})?$/, 'must be YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1, 'must not be empty');

export const reliabilityTiers = [
  'source-document',
  'official',
  'major-outlet',
  'analysis',
  'regional-outlet',
  'state-media',
  'aggregator',
] as const;
export const Reliability = z.enum(reliabilityTiers);
export type Reliability = z.infer<typeof Reliability>;

/** Tiers a reply flags so readers weigh them accordingly. */
export const weakTiers: readonly Reliability[] = ['state-media', 'aggregator'];

export const Source = z.strictObject({
  id: slug,
  title: text,
  publisher: text,
  author: text.nullable(),
  date: isoDate.nullable(),
  url: z.url().nullable(),
  language: z.string().min(2),
  reliability: Reliability,
  note: z.string(),
  /** Only source documents have a text file in knowledge/sources/, and only they can be quoted. */
  file: z
    .string()
    .regex(/^[\w.-]+\.txt$/, 'must be a .txt file name in knowledge/sources/')
    .optional(),
});
export type Source = z.infer<typeof Source>;
export const SourcesFile = z.array(Source);

/** A verbatim excerpt of a shipped source document. */
export const QuoteCitation = z.strictObject({ source: slug, quote: text });
/** Reporting we describe in our own words; the reference's metadata lives in sources.json. */
export const ReferenceCitation = z.strictObject({ source: slug, note: text });
export const Citation = z.union([QuoteCitation, ReferenceCitation]);
export type Citation = z.infer<typeof Citation>;
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
const planIds = ['us-28', 'us-ua-20', 'eu-6'] as const;
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

export const PartyId = z.enum(['ukraine', 'russia', 'united-states', 'europe']);
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

/**
 * The fact base's dates, kept apart so no reply implies that the newest headline is the present:
 * when it was last reviewed against the fact sheet (`asOf`, the date every answer is "as of"), its
 * latest reliably reported development, and the latest date of any item at all, however weak.
 */
export const Meta = z.strictObject({
  title: text,
  /** When the fact base was last reviewed against the fact sheet ("reviewed 1 Dec 2026"). */
  asOf: isoDate,
  /** The latest development found in reliable reporting ("latest reliable report 4 Jun 2026"). */
  latestReliable: isoDate,
  latestReliableNote: text,
  /** The latest date of any item or source, headline-only ones included; nothing is dated later. */
  latestAny: looseDate,
  latestAnyNote: text,
  /** What the dates mean and what no source shows, in a sentence or three. */
  asOfNote: text,
  corrections: text,
  repository: z.url().optional(),
  /** What the fact base knows it does not know (fact sheet section K). */
  gaps: z.array(Gap).default([]),
});
export type Meta = z.infer<typeof Meta>;

/** The words a claim is read with (knowledge/lexicon.json, "claims"): data, not code. */
export const ClaimLexicon = z.strictObject({
  /** Words that name "a plan" without saying which ("the deal", "the peace plan"). */
  genericPlan: z.array(text).default([]),
  /** Documents whose points the fact base does not hold. */
  otherDocuments: z.array(text).default([]),
  /** Words and phrases that turn a statement negative: "not", "bans", "rules out", "withdraw", "dropped". */
  negative: z.array(text).default([]),
  /** Phrases that hold a negation but deny nothing ("came out of", "no later than"). */
  notNegative: z.array(text).default([]),
  /** Negations that deny the whole rest of their clause ("no source shows", "no evidence that"). */
  wideNegative: z.array(text).default([]),
  /** Words that put what follows in the unrealised ("proposed", "could", "ready to"): an offer is not a deed. */
  unrealised: z.array(text).default([]),
  /** Negations that say something is absent or was dropped ("not", "drops", "without"), not a bar. */
  absence: z.array(text).default([]),
  /** Roles a claim can put someone in, with the verbs that do ("leads": led, chaired; "receives": gets). */
  roles: z.record(z.string().min(1), z.array(text)).default({}),
  /** Roles that go to the one after "to" ("hands … to Russia": receives), with their verbs. */
  rolesTo: z.record(z.string().min(1), z.array(text)).default({}),
  /** Verbs that report what a party wants or says ("demands", "says"): such a clause in a plan's point is not the point's own text. */
  reporting: z.array(text).default([]),
  /** Words that carry no claim of their own ("lol", "basically"). */
  casual: z.array(text).default([]),
  /** Verbs that say a document came into being ("issued", "signed", "unveiled"): a claim of where and when. */
  origin: z.array(text).default([]),
  /** Words that carry meaning in a claim though a search skips them ("START" the treaty). */
  contentWords: z.array(text).default([]),
  /** Verbs that make a string of words a claim. */
  verbs: z.array(text).default([]),
  places: z.array(text).default([]),
  outlets: z.array(text).default([]),
  /** Words and phrases that mean the same thing here; the first is the one compared. */
  sameThing: z.array(z.array(text).min(2)).default([]),
});
export type ClaimLexicon = z.infer<typeof ClaimLexicon>;

/** The kinds of question the query reader tells apart (src/query/). */
export const intentNames = [
  'when',
  'who',
  'figure',
  'compare',
  'what-changed',
  'party-position',
  'status',
  'plan-overview',
  'list',
] as const;

/** Words as people type them → the words the fact base uses; "" drops the word. */
const rewrites = z.record(z.string().min(1), z.string());
const phrases = z.array(text);

/**
 * knowledge/lexicon.json: the vocabulary of questions (slang, spelling variants, Ukrainian and Russian forms,
 * synonyms, plan nicknames, cue words per intent, units, out-of-scope markers). Data, so a maintainer adds a
 * word without touching code.
 */
export const Lexicon = z.strictObject({
  about: text.optional(),
  slang: rewrites,
  variants: rewrites,
  translations: rewrites,
  synonyms: rewrites,
  stopwords: z.array(z.string().min(1)),
  planNames: z.array(
    z.strictObject({
      plan: PlanId,
      /** How many points the plan is named after ("28-point"). */
      number: z.number().int().positive(),
      /** Phrases that name the plan on their own. */
      names: phrases,
      /** Words that name it only before a plan word ("Trump's plan", "the new draft"). */
      nicknames: phrases,
    }),
  ),
  planWords: phrases,
  /** Words before a point's number ("point 7", "item 3"). */
  pointWords: phrases,
  /** Short forms of the parties that parties.json does not list ("EU" → europe). */
  parties: z.record(z.string().min(1), PartyId),
  intents: z.strictObject(
    Object.fromEntries(intentNames.map((name) => [name, phrases])) as {
      [K in (typeof intentNames)[number]]: typeof phrases;
    },
  ),
  negations: phrases,
  units: z.record(z.string().min(1), phrases),
  /** The units a question phrase asks for ("how long" → days, months, years, hours, km). */
  questionUnits: z.record(z.string().min(1), z.array(z.string().min(1))),
  /** Words asking for the present state ("now", "currently"): a figure of today beats what a plan sets. */
  presentCues: phrases,
  /** Words asking for a response to something or its outcome ("react to", "did it actually happen"): later events answer. */
  reactionCues: phrases,
  roles: phrases,
  /** Words asking who made a plan ("wrote", "drew up", "signed"): answered by the plan's authors. */
  authorship: phrases,
  outOfScope: phrases,
  verbatimCues: phrases,
  /** How claims are read by the fact check (src/answers/factcheck/). */
  claims: ClaimLexicon.default(ClaimLexicon.parse({})),
});
export type Lexicon = z.infer<typeof Lexicon>;
