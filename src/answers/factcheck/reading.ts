import type { PartyId, PlanId } from '../../knowledge/schema.js';
import type { Query } from '../../query/index.js';
import { normaliseForMatching } from '../../text/normalise.js';
import { planOrder } from '../common.js';
import { plansNamed } from '../reading.js';
import { readDates, readFigures, readYears, type DateMention, type Figure } from './figures.js';
import {
  blank,
  contentStems,
  findPhrase,
  foldSameThing,
  namesIn,
  markTokens,
  negativeCount,
  rolesIn,
  type Roles,
  type MarkedToken,
  type NameKind,
  unrealisedIn,
  type Vocabulary,
} from './vocabulary.js';

/**
 * What a claim says, in pieces the rules compare with facts. This is the small interface the rules read;
 * it can be fed from the shared query reader once that reads claims.
 */
export interface Claim {
  text: string;
  /** Plans the claim names ("Trump's plan" = 28-point, "the new plan" = 20-point). */
  plans: PlanId[];
  /** "the plan", "the deal": a plan, but which one is not said. */
  genericPlan: boolean;
  /** A document whose points the fact base does not hold ("the Chinese plan"). */
  otherDocument?: string;
  figures: Figure[];
  dates: DateMention[];
  years: number[];
  /** An odd number of negations and bars: the claim says something is absent, barred or given up. */
  negative: boolean;
  /** The party the claim is about when it opens with one ("the US offered…", "Russia demands…"). */
  subjectParty?: PartyId;
  /** The claim's words in order with negations marked, to see what each negation is about. */
  tokens: MarkedToken[];
  /** The claim says something is absent or was dropped ("does not include", "drops", "no longer"). */
  absent: boolean;
  /** A numbered point the claim names ("point 7 of the 28-point plan"), when it exists. */
  point?: string;
  /** It tells of an offer, a plan or a possibility ("proposed to meet", "could meet"), not of a deed. */
  unrealised: boolean;
  /** It reports what someone says or wants ("Lavrov said…", "Russia demands…"). */
  reports: boolean;
  /** Who the claim puts in a role: who leads, who receives. */
  roles: Roles;
  /** It gives a role to its holder alone ("Russia gets all its power", "only the US"). */
  exclusive: boolean;
  /** The one party whose delegation, team or side the claim speaks of ("Russia's delegation"). */
  possessor?: PartyId;
  /** Capitals that act in the claim ("Kyiv said yes"), not places where something happens ("in Moscow"). */
  actingCapitals: Set<string>;
  /** People, places and outlets named, by key. */
  names: Map<string, NameKind>;
  /** Content stems, in order of appearance, without plan names, figures and negations. */
  stems: string[];
  /** Content stems with the negations and verbs kept ("prohibits", "dropped"): how a side words it. */
  allStems: string[];
  /** The stems that spell the names above (compared as names, not as words). */
  nameStems: Map<string, string[]>;
}

/** Words before a place that make it where something happens ("in Moscow"), not who acts. */
const locative = new Set([
  'in',
  'at',
  'to',
  'from',
  'near',
  'into',
  'outside',
  'inside',
  'around',
  'via',
  'of',
]);

/** Words after a place that say what it is made into ("Kyiv a demilitarised city", "Kyiv into a zone"). */
const becomes = new Set(['a', 'an', 'into', 'city', 'capital']);

const planNouns = new Set([
  'plan',
  'plans',
  'proposal',
  'draft',
  'deal',
  'framework',
  'version',
  'text',
  'statement',
  'peace',
  'list',
  'document',
]);

/**
 * Reads a claim: the plans from the shared query reader (its plan names and nicknames), then what the
 * fact check compares — figures, dates, negations, names and content words.
 */
export function readClaim(vocabulary: Vocabulary, raw: string, query?: Query): Claim {
  // A claim in Ukrainian or Russian is read in the words the query reader translates it into
  // (knowledge/lexicon.json translations): the facts are in English.
  const read = query && /\p{Script=Cyrillic}/u.test(raw) ? query.text : raw;
  const text = read
    .replace(/@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>/gi, ' ')
    .replace(/[\u{1F000}-\u{1FFFF}\u{2600}-\u{27BF}]/gu, ' ');
  // slang the facts never use ("yrs", "govt", "ua") in the words the facts use, before anything is read
  let normalised = normaliseForMatching(text)
    .split(' ')
    .map((word) => vocabulary.slang.get(word) ?? word)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
  // what someone wants or says ("Lavrov said…"): a report of words, true when they were said
  const reports = normalised.split(' ').some((w) => vocabulary.reporting.has(w));
  // an offer, an idea, or a report of a wish: a proposal in the facts can confirm it
  const unrealised = reports || unrealisedIn(vocabulary, normalised);
  // "counter proposal" is one thing, not a plan: fold such compounds before plan words are read
  normalised = foldSameThing({ sameThing: vocabulary.compounds }, normalised);
  const plans = new Set<PlanId>();
  const spans = [...plansNamed(normalised)];
  for (const [phrase, plan] of vocabulary.planNicknames) {
    for (let at = findPhrase(normalised, phrase); at >= 0; at = findPhrase(normalised, phrase, at + 1)) {
      spans.push({ plan, start: at, end: at + phrase.length });
    }
  }
  const counted = new Set<PlanId>();
  for (const span of spans) {
    // "had 28 points", "cut to 19 points": a count of points, not a plan's name ("the 28 points" is one)
    const after = normalised.slice(span.end).trimStart().split(' ')[0] ?? '';
    const wordsBefore = normalised.slice(0, span.start).trimEnd().split(' ');
    const previous = wordsBefore.at(-1) ?? '';
    // "the plan of 20 points" (Ukrainian and Russian word order, translated) names the plan too
    const afterPlanNoun =
      planNouns.has(previous) ||
      (['of', 'from', 'with'].includes(previous) && planNouns.has(wordsBefore.at(-2) ?? ''));
    // "Trump's 28-point plan", "Witkoff's 28 pts": the person before a plan's name is part of the name
    const before = normalised.slice(0, span.start).trimEnd();
    const owner = vocabulary.names.find(
      (n) => n.kind === 'person' && (before === n.phrase || before.endsWith(` ${n.phrase}`)),
    );
    if (
      /\d+ points?$/.test(normalised.slice(span.start, span.end)) &&
      !planNouns.has(after) &&
      previous !== 'the' &&
      !afterPlanNoun &&
      !owner
    ) {
      counted.add(span.plan);
      continue;
    }
    plans.add(span.plan);
    const start = owner ? before.length - owner.phrase.length : span.start;
    normalised = blank(normalised, start, span.end);
  }
  // a document the fact base does not hold ("the Chinese plan"), before plan words are set aside
  const otherDocument = vocabulary.otherDocuments.find((d) => findPhrase(normalised, d) >= 0);
  let genericPlan = false;
  const kept: string[] = [];
  for (const phrase of vocabulary.genericPlan) {
    for (let at = findPhrase(normalised, phrase); at >= 0; at = findPhrase(normalised, phrase)) {
      // "the deal", "this plan" name a plan; "no deal", "a deal" do not
      const previous = normalised.slice(0, at).trimEnd().split(' ').pop() ?? '';
      const namesPlan = ['the', 'this', 'that'].includes(previous);
      if (namesPlan) genericPlan = true;
      // a deal that names no plan is what the claim is about ("the summit produced a deal"): keep it
      else if (!phrase.includes(' ')) kept.push(phrase);
      normalised = blank(normalised, at, at + phrase.length);
    }
  }
  if (kept.length) normalised = `${normalised} ${kept.join(' ')}`;
  normalised = normalised.replace(/\s+/g, ' ').trim();
  const folded = foldSameThing(vocabulary, normalised);
  // "the plan demands X", "the letter demanded X": the verb reports what is said (the claim is marked
  // `reports`), and is not itself content a fact must hold; "says" is a stopword for the same reason
  const reportingVerbs = new Set(
    normalised
      .split(' ')
      .filter((w) => vocabulary.reporting.has(w))
      .flatMap((w) => contentStems(vocabulary, w)),
  );
  const names = namesIn(vocabulary, normalised);
  const nameStems = new Map<string, string[]>();
  for (const key of names.keys()) {
    const entry = vocabulary.names.find((n) => n.key === key && findPhrase(normalised, n.phrase) >= 0);
    if (entry) nameStems.set(key, contentStems(vocabulary, foldSameThing(vocabulary, entry.phrase)));
  }
  const opening = normalised
    .split(' ')
    .filter((w) => w && w !== 'the' && !vocabulary.casual.has(w))
    .slice(0, 3)
    .join(' ');
  const subjectParty = vocabulary.parties.find(
    ([phrase]) => findPhrase(opening, phrase) >= 0 && opening.indexOf(phrase) <= 3,
  )?.[1];
  // "Russia's delegation": the party written in the possessive
  const written = ` ${text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')} `;
  const possessors = new Set(
    vocabulary.parties.filter(([phrase]) => written.includes(` ${phrase}'s `)).map(([, party]) => party),
  );
  const possessor = possessors.size === 1 ? [...possessors][0] : undefined;
  const actingCapitals = new Set(
    [...vocabulary.capitals.keys()].filter((capital) => {
      const at = findPhrase(normalised, capital);
      const before = at > 0 ? (normalised.slice(0, at).trimEnd().split(' ').pop() ?? '') : '';
      // "makes Kyiv a demilitarised city", "turns Moscow into …": what the place becomes, not who acts
      const after =
        normalised
          .slice(at + capital.length)
          .trimStart()
          .split(' ')[0] ?? '';
      return at >= 0 && !locative.has(before) && !becomes.has(after);
    }),
  );
  return {
    text: raw,
    ...(subjectParty ? { subjectParty } : {}),
    ...(possessor ? { possessor } : {}),
    actingCapitals,
    plans: planOrder.filter((p) =>
      query ? query.plans.includes(p) && !(counted.has(p) && !plans.has(p)) : plans.has(p),
    ),
    genericPlan,
    ...(otherDocument ? { otherDocument } : {}),
    figures: readFigures(text).filter((f) => !(f.unit === 'points' && plans.size > 0)),
    dates: readDates(text),
    years: readYears(text),
    negative: negativeCount(vocabulary, folded) % 2 === 1,
    unrealised,
    reports,
    absent: vocabulary.absence.some((phrase) => findPhrase(folded, phrase) >= 0),
    ...(query?.point?.id ? { point: query.point.id } : {}),
    tokens: markTokens(vocabulary, folded),
    roles: rolesIn(vocabulary, folded),
    exclusive: vocabulary.exclusive.some((phrase) => findPhrase(normalised, phrase) >= 0),
    names,
    stems: [...new Set(markTokens(vocabulary, folded).flatMap((t) => (t.stem ? [t.stem] : [])))].filter(
      (s) => !reportingVerbs.has(s),
    ),
    allStems: [...new Set(contentStems(vocabulary, folded, true))],
    nameStems,
  };
}
