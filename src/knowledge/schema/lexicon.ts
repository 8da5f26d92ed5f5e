/** knowledge/lexicon.json: how people type questions and claims. */
import { intentNames } from '../constants.js';
import { z } from '../zod.js';
import { PartyId, PlanId } from './facts.js';
import { text } from './fields.js';

/** The words a claim is read with (knowledge/lexicon.json, "claims"): data, not code. */
export const ClaimLexicon = z.strictObject({
  /** Words that name "a plan" without saying which ("the deal", "the peace plan"). */
  genericPlan: z.array(text).default([]),
  /** Documents whose points the fact base does not hold. */
  otherDocuments: z.array(text).default([]),
  /** Words and phrases that turn a statement negative: "not", "bans", "rules out", "withdraw", "dropped". */
  negative: z.array(text).default([]),
  /** Negations that deny the whole rest of their clause ("no source shows", "no evidence that"). */
  wideNegative: z.array(text).default([]),
  /** Words that put what follows in the unrealised ("proposed", "could", "ready to"): an offer is not a deed. */
  unrealised: z.array(text).default([]),
  /** Phrases that hold a negation but deny nothing ("came out of", "no later than"). */
  notNegative: z.array(text).default([]),
  /** Negations that say something is absent or was dropped ("not", "drops", "without"), not a bar. */
  absence: z.array(text).default([]),
  /** Roles a claim can put someone in, with the verbs that do ("leads": led, chaired; "receives": gets). */
  roles: z.record(z.string().min(1), z.array(text)).default({}),
  /** Roles that go to the one after "to" ("hands … to Russia": receives), with their verbs. */
  rolesTo: z.record(z.string().min(1), z.array(text)).default({}),
  /** Roles shared among those after "between" ("split 50:50 between Russia and Ukraine": receives). */
  rolesBetween: z.record(z.string().min(1), z.array(text)).default({}),
  /** Words that make a claim's role one holder's alone ("all its power", "only Russia"). */
  exclusive: z.array(text).default([]),
  /** Verbs that report what a party wants or says ("demands", "says"): such a clause in a plan's point is not the point's own text. */
  reporting: z.array(text).default([]),
  /** Words that carry no claim of their own ("lol", "basically"). */
  casual: z.array(text).default([]),
  /** Verbs that say a document came into being ("issued", "signed", "unveiled"): a claim of where and when. */
  origin: z.array(text).default([]),
  /**
   * Words a claim's meaning does not rest on: function words, question words and the verbs people wrap
   * claims in. Fewer than a question's stopwords: "deal", "draft" or "war" carry a claim.
   */
  stopwords: z.array(text).default([]),
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
