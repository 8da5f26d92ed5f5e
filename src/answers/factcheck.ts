import type { Core } from '../core.js';
import type {
  Change,
  Citation,
  Disagreement,
  PartyId,
  PlanId,
  Provision,
  Topic,
  Value,
} from '../knowledge/schema.js';
import { withinEdits } from '../text/edits.js';
import { normaliseForMatching, stem, tokenize } from '../text/normalise.js';
import { isStopword } from '../search/stopwords.js';
import {
  baseAnswer,
  clip,
  formatValue,
  literal,
  planLabel,
  planOrder,
  resolveCitations,
  statusMark,
  titleOf,
} from './common.js';
import { cleanQuery, plansNamed, validateQuery } from './reading.js';
import type { Answer, AnswerSection, Verdict } from './types.js';

/**
 * /factcheck: a claim someone read ("the 20-point plan caps Ukraine's army at 600,000") → a verdict, with
 * the evidence quoted and cited. Everything comes from the knowledge: the topic from its aliases and
 * words, figures from the provisions' `values`, what was dropped or changed from the topics' `changes`,
 * and where sources contradict each other from the issues' `disagreements`. A claim about something the
 * fact base does not hold, a claim that mixes several things, or one the logic is not sure of gets
 * `not_in_sources` with the reason — never a guess.
 *
 * The claim is read as: [plan] [not] [ban-like verb] THING [figure]. Per plan, the points on the claim's
 * topic are matched statement by statement; a statement is *negative* when a bar or absence ("no",
 * "barred", "never", "rule out") stands next to the words it shares with the claim. A ban-like claim
 * ("bans NATO membership") is about a negative THING; "not" says the THING is absent. Figures are
 * compared with the plan's `values`, unit and parties included. A plan with no point of its own answers
 * through the change recorded from the plan that has one (removed, amended, unchanged).
 */

const words = (text: string) => text.split(/\s+/).filter(Boolean);

// ─── Reading the claim ──────────────────────────────────────────────────────────────────────────────

export type Comparator = 'eq' | 'approx' | 'gte' | 'lte';
type Unit = Value['unit'];

export interface ClaimNumber {
  amount: number;
  unit?: Unit;
  comparator: Comparator;
}

export interface ClaimReading {
  normalised: string;
  plans: PlanId[];
  /** A plan or document whose points the fact base does not hold ("the Chinese 12-point plan"). */
  otherPlan?: string;
  /** "point 7 of the 28-point plan" → us-28-7 ("?-7" when no single plan is named). */
  point?: string;
  numbers: ClaimNumber[];
  /** Dates ("15 May", "2025"): only a recorded statement can support them. */
  dates: string[];
  /** "not", "no", "never", "doesn't": the claim says the thing is absent. */
  negated: boolean;
  /** "bans", "bars", "rules out": the thing is itself a bar. */
  restrictive: boolean;
  /** "drops", "removes", "no longer": the claim is about a change from the 28- to the 20-point plan. */
  removal: boolean;
  parties: PartyId[];
  /** Parties the claim says receive something ("Russia gets…", "gives Ukraine…"). */
  recipients: PartyId[];
  /** "Russia demands…", "Ukraine rejects…": a party's position, checked against recorded positions. */
  position: boolean;
  /** "currently", "today": about how things stand, not about what a plan says. */
  present: boolean;
  /** A person is named ("Putin offered…"): without a plan named, the claim is about what someone said or did. */
  person: boolean;
  /** The claim is about a plan's text ("the plan…", "the 20-point plan…"), not about what someone said. */
  aboutPlan: boolean;
  /** The claim says something (a verb: "is", "bans", "includes"…), not just names things ("NATO NATO"). */
  predicate: boolean;
  /** Content words in normal form, for the search; and their stems, for word-by-word matching. */
  content: string[];
  stems: string[];
}

const negationWords = new Set(
  words(`not no never nor without none neither doesnt dont didnt isnt arent wasnt werent wont cannot cant hasnt
  havent hadnt shouldnt wouldnt couldnt mustnt nothing false untrue`),
);
/** Verbs that make the thing a bar: "bans NATO membership" is about a ban. */
const restrictVerbs = new Set(
  words(`ban bans banned banning bar bars barred barring prohibit prohibits prohibited prohibiting forbid forbids
  forbade forbidden forbidding exclude excludes excluded excluding prevent prevents prevented preventing block
  blocks blocked blocking outlaw outlaws outlawed outlawing renounce renounces renounced renouncing abandon
  abandons abandoned abandoning deny denies denied denying veto vetoes vetoed preclude precludes precluded`),
);
/** Verbs that say a later draft dropped something. */
const removeVerbs = new Set(
  words(`drop drops dropped dropping remove removes removed removing scrap scraps scrapped scrapping delete deletes
  deleted deleting omit omits omitted omitting eliminate eliminates eliminated`),
);
/** Verbs and fillers that only carry the assertion ("the plan *includes*…"): no meaning for finding a fact. */
const fillerWords = new Set(
  words(`include includes included including contain contains contained require requires required requiring call
  calls called mention mentions mentioned provide provides provided providing propose proposes proposed proposing
  offer offers offered promise promises promised grant grants granted envisage envisages envisaged foresee foresees
  stipulate stipulates stipulated establish establishes established create creates created set sets setting put
  puts caps capped capping limits limited limiting restrict restricts restricted restricting commit commits
  committed ensure ensures ensured states stated claim claims claimed true correct accurate has hold holds held
  oblige obliges obliged force forces forced keeps keep kept style like type kind similar sort form plan plans
  proposal proposals draft drafts deal deals framework document documents text version versions point points
  under according reportedly supposedly would will shall must can may could might lets let allow allows allowed
  permit permits permitted enable enables also still anymore longer any really actually indeed whole entire
  gets receives receive received obtains obtain retains retain wins win gains gain takes take taking getting
  receiving gives give giving hands hand pays pay paying compensates sign signs signed use uses
  used using deploy deploys deployed deploying deployment stationed station`),
);
/** Verbs of a party's position: "Russia demands…" is about what a party wants, not what a plan says. */
const positionVerbs = new Set(
  words(`demand demands demanded want wants wanted insist insists insisted reject rejects rejected refuse refuses
  refused accept accepts accepted seek seeks sought say says said argue argues argued oppose opposes opposed
  support supports supported welcome welcomes welcomed threaten threatens threatened`),
);
/** Verbs a claim is made with, beyond the fillers ("is", "has", "will"). */
const predicateWords = new Set(
  words(`is are was were be been being has have had do does did will would shall should can could may might must
  goes go gets get gives give makes make keeps keep sets set puts put stays stay remains remain becomes become
  aims aim targets target raises raise returns return lifts lift frees free ends end cedes cede joins join
  withdraws withdraw recognises recognizes recognise recognize guarantees splits split holds hold needs need
  leaves leave hands transfers transfer creates funds fund covers cover reaches reach starts start begins
  demilitarises demilitarizes caps cap limits limit bars`),
);
const presentWords = new Set(words('currently today now nowadays presently current'));
const receiveVerbs = new Set(
  words(
    'gets get receives receive received obtains obtain retains retain wins win gains gain takes take taking getting receiving keeps',
  ),
);
const giveVerbs = new Set(
  words('gives give giving grants grant hands hand pays pay paying offers offer compensates'),
);

const partyWords: Record<string, PartyId> = {
  ukraine: 'ukraine',
  kyiv: 'ukraine',
  russia: 'russia',
  moscow: 'russia',
  kremlin: 'russia',
  us: 'united-states',
  washington: 'united-states',
  europe: 'europe',
  eu: 'europe',
};

const unitWords: Record<string, Unit> = {
  troops: 'troops',
  soldiers: 'troops',
  personnel: 'troops',
  servicemen: 'troops',
  army: 'troops',
  armed: 'troops',
  forces: 'troops',
  military: 'troops',
  strong: 'troops',
  men: 'troops',
  usd: 'usd',
  dollar: 'usd',
  dollars: 'usd',
  eur: 'eur',
  euro: 'eur',
  euros: 'eur',
  days: 'days',
  day: 'days',
  years: 'years',
  year: 'years',
  percent: 'percent',
  pct: 'percent',
  km: 'km',
  kilometres: 'km',
  kilometers: 'km',
  people: 'people',
};
/** Unit words that are also what the claim is about ("army"): they stay in the content. */
const contentUnits = new Set(words('army armed forces military troops soldiers personnel days years'));

const months = new Set(
  words(
    'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec',
  ),
);

const comparatorPhrases: [RegExp, Comparator][] = [
  [
    /(?:^| )(?:no more than|not more than|at most|up to|maximum of|less than|fewer than|under|below|not exceeding)$/,
    'lte',
  ],
  [/(?:^| )(?:more than|at least|over|above|exceeding|upwards of|greater than|minimum of)$/, 'gte'],
  [/(?:^| )(?:about|around|roughly|approximately|nearly|almost|some|close to|circa)$/, 'approx'],
];

/** Documents the fact base does not hold the points of: a claim about them is not this bot's to judge. */
const otherPlanPattern =
  /\b(?:e3|chinese|china|brazil|brazilian|vatican|african|kellogg|biden|minsk|peace formula|\d{1,3} points?)\b/;

/** What the claim says, in pieces the verdict logic can compare with the knowledge. */
export function readClaim(core: Core, claim: string): ClaimReading {
  const normalised = normaliseForMatching(
    claim
      // mentions are not part of a claim
      .replace(/@(?:everyone|here)\b|<(?:@[!&]?|#)\d+>/gi, ' ')
      .replace(/\bhalf (?:of )?(?=the\b)/gi, ' 50 percent of ')
      .replace(/US\$/g, ' usd ')
      .replace(/\$/g, ' usd ')
      .replace(/€/g, ' eur ')
      .replace(/£/g, ' gbp ')
      .replace(/%/g, ' percent ')
      .replace(/\bper ?cent\b/gi, ' percent '),
  );

  // Plans: the strict patterns, then the plans' own aliases from the knowledge.
  const spans = plansNamed(normalised);
  for (const [plan, keys] of prepared(core).planAliases) {
    for (const key of keys) {
      for (
        let at = findPhrase(normalised, key, 0);
        at >= 0;
        at = findPhrase(normalised, key, at + key.length)
      ) {
        spans.push({ plan, start: at, end: at + key.length });
      }
    }
  }
  let rest = normalised;
  for (const span of spans)
    rest = `${rest.slice(0, span.start)}${' '.repeat(span.end - span.start)}${rest.slice(span.end)}`;
  const plans = planOrder.filter((p) => spans.some((s) => s.plan === p));
  const otherPlan = otherPlanPattern.exec(rest)?.[0];
  const tokens = tokenize(rest.replace(/\s+/g, ' ').trim());

  let point: string | undefined;
  const numbers: ClaimNumber[] = [];
  const dates: string[] = [];
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i]!;
    const next = tokens[i + 1] ?? '';
    if (/^(?:point|pt|item|clause|paragraph)$/.test(token) && /^\d{1,2}$/.test(next)) {
      const part = /^[a-e]$/.test(tokens[i + 2] ?? '') ? tokens[i + 2] : '';
      point = `${plans.length === 1 ? plans[0] : '?'}-${next}${part}`;
      i += part ? 2 : 1;
      continue;
    }
    if (!/^\d+$/.test(token) || (tokens[i - 1] === 'article' && token === '5')) {
      kept.push(token);
      continue;
    }
    const amount = Number(token);
    const unit = unitNear(tokens, i);
    if (months.has(next) || months.has(tokens[i - 1] ?? '') || (amount >= 1900 && amount <= 2100 && !unit)) {
      dates.push(token);
      continue;
    }
    let comparator: Comparator = 'eq';
    const before = kept.slice(-3).join(' ');
    for (const [pattern, c] of comparatorPhrases) {
      const match = pattern.exec(before);
      if (!match) continue;
      comparator = c;
      // "no more than" is a comparator, not a negation
      kept.splice(kept.length - words(match[0]).length);
      break;
    }
    if (!numbers.some((n) => n.amount === amount))
      numbers.push({ amount, comparator, ...(unit ? { unit } : {}) });
  }

  let negations = 0;
  let restricts = 0;
  let removal = false;
  let position = false;
  const content: string[] = [];
  const parties = new Set<PartyId>();
  const recipients = new Set<PartyId>();
  for (let i = 0; i < kept.length; i += 1) {
    const token = kept[i]!;
    const next = kept[i + 1];
    if (token === 'no' && next === 'longer') {
      removal = true;
      i += 1;
    } else if (
      /^(?:give|gives|giving|rule|rules|ruled|ruling)$/.test(token) &&
      next === (token.startsWith('g') ? 'up' : 'out')
    ) {
      restricts += 1;
      i += 1;
    } else if (negationWords.has(token)) {
      negations += 1;
    } else if (restrictVerbs.has(token)) {
      restricts += 1;
    } else if (removeVerbs.has(token)) {
      // "Ukraine drops its NATO bid" renounces; "the 20-point plan drops the ban" is a removal.
      const subject = kept.slice(Math.max(0, i - 2), i).some((t) => partyWords[t]);
      if (subject && plans.length === 0) restricts += 1;
      else removal = true;
    } else if (partyWords[token] || (token === 'united' && next === 'states')) {
      const party = partyWords[token] ?? 'united-states';
      parties.add(party);
      const after = kept.slice(i + 1, i + 4);
      const verbAt = after.findIndex((t) => receiveVerbs.has(t));
      if (verbAt >= 0 && !after.slice(0, verbAt).some((t) => partyWords[t])) recipients.add(party);
      const before = kept[i - 1];
      if (before && (giveVerbs.has(before) || before === 'to')) recipients.add(party);
      if (token === 'united') i += 1;
      content.push(party === 'united-states' ? 'us' : token);
    } else if (
      positionVerbs.has(token) &&
      kept
        .slice(Math.max(0, i - 3), i)
        .some((t) => partyWords[t] || t === 'zelensky' || t === 'putin' || t === 'trump')
    ) {
      position = true;
      if (!isStopword(token)) content.push(token);
    } else if (
      token === 'peace' &&
      /^(?:plan|deal|proposal|agreement|framework|process|draft)$/.test(next ?? '')
    ) {
      i += 1;
    } else if (fillerWords.has(token) || isStopword(token) || token === 'gbp') {
      continue;
    } else if (unitWords[token] && !contentUnits.has(token)) {
      continue;
    } else {
      content.push(token);
    }
  }
  const unique = [...new Set(content)];
  return {
    normalised,
    plans,
    ...(otherPlan ? { otherPlan } : {}),
    ...(point ? { point } : {}),
    numbers,
    dates,
    negated: negations % 2 === 1,
    restrictive: restricts % 2 === 1,
    removal,
    parties: [...parties],
    recipients: [...recipients],
    position,
    aboutPlan:
      plans.length > 0 ||
      kept.some((t) => /^(?:plan|plans|proposal|proposals|draft|drafts|deal|framework)$/.test(t)),
    predicate:
      removal ||
      kept.some(
        (t) =>
          predicateWords.has(t) ||
          fillerWords.has(t) ||
          restrictVerbs.has(t) ||
          removeVerbs.has(t) ||
          positionVerbs.has(t) ||
          negationWords.has(t),
      ) ||
      // an unknown verb ("demilitarises", "frees"): at least three words, one of them with a verb's ending
      (new Set(content).size >= 3 && content.some((t) => !partyWords[t] && /(?:[^s]s|es|ed|ing)$/.test(t))) ||
      // a figure is a claim about something: "the 20-point plan: $800bn in funds"
      (numbers.length > 0 && content.length > 0),
    present: tokens.some((t) => presentWords.has(t)),
    person: personIsSubject(core, unique),
    content: unique,
    stems: [...new Set(stemTokens(content))].filter((w) => w && !isStopword(w)),
  };
}

/** A person's name among the claim's first words: "Putin offered…", not "a council chaired by Trump". */
function personIsSubject(core: Core, content: readonly string[]): boolean {
  const head = content.slice(0, 3).join(' ');
  return prepared(core).people.some((key) => findPhrase(head, key, 0) >= 0);
}

function unitNear(tokens: readonly string[], i: number): Unit | undefined {
  for (const offset of [1, -1, 2, -2, 3]) {
    const unit = unitWords[tokens[i + offset] ?? ''];
    if (unit) return unit;
  }
  return undefined;
}

function findPhrase(text: string, phrase: string, from: number): number {
  for (let at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 || text[at - 1] === ' ';
    const after = at + phrase.length === text.length || text[at + phrase.length] === ' ';
    if (before && after) return at;
  }
  return -1;
}

// ─── What the knowledge holds, prepared once per core ───────────────────────────────────────────────

interface Statement {
  text: string;
  tokens: string[];
  stems: string[];
  stemSet: Set<string>;
  /** Token positions of bars and absences: "no", "barred", "never", "rule out", "keep … out". */
  markers: number[];
  /** Someone's position reported inside the point ("Russia demands…", "Zelensky says…"). */
  reported: boolean;
}

interface ProvisionDoc {
  provision: Provision;
  title: Statement;
  statements: Statement[];
  stems: Set<string>;
}

interface TopicDoc {
  topic: Topic;
  /** Title and aliases: what every point on the topic is about. */
  context: Set<string>;
  /** The context words no point on the topic has in its own text ("ZNPP", "army"): every point inherits them. */
  inherited: Set<string>;
  aliasKeys: string[];
  /** Everything the topic's facts say: does the claim stay on this topic? */
  all: Set<string>;
  provisions: ProvisionDoc[];
  changes: { change: Change; statement: Statement }[];
}

interface Prepared {
  topics: Map<string, TopicDoc>;
  provisions: Map<string, ProvisionDoc>;
  idf: Map<string, number>;
  unknownIdf: number;
  /** Provision ids by value amount: figures find their topic even when the words do not. */
  byAmount: Map<number, string[]>;
  planAliases: [PlanId, string[]][];
  /** Names of the people in parties.json, normalised. */
  people: string[];
}

const preparedByCore = new WeakMap<Core, Prepared>();

function prepared(core: Core): Prepared {
  let p = preparedByCore.get(core);
  if (!p) {
    p = prepare(core);
    preparedByCore.set(core, p);
  }
  return p;
}

const markerWords = new Set(
  words(`no not never barred bar bars ban bans banned outlawed outlaw outlaws prohibit prohibits prohibited forbid
  forbids forbidden excluded without cannot deleted dropped drops omitted omits removed neither nor`),
);
const reportedPattern =
  /\b(?:demands?|says|said|argues|floated|countered|proposed|characterised|described|expects|renders|copy|copies|outlets?|differ|disagree)\b/i;

function statement(text: string): Statement {
  const tokens = tokenize(normaliseForMatching(text));
  const markers: number[] = [];
  tokens.forEach((token, i) => {
    if (markerWords.has(token)) markers.push(i);
    else if (
      token === 'out' &&
      tokens.slice(Math.max(0, i - 4), i).some((t) => /^(?:keep|keeps|kept|rule|rules|ruled)$/.test(t))
    ) {
      markers.push(i);
    }
  });
  const stems = stemTokens(tokens);
  return {
    text,
    tokens,
    stems,
    stemSet: new Set(stems.filter(Boolean)),
    markers,
    reported: reportedPattern.test(text),
  };
}

/** Sentences, and the (a) (b) (c) parts of enumerations: each is one statement. */
function splitStatements(text: string): string[] {
  return text
    .replace(/\s+\(([a-h])\)\s+/g, '\n($1) ')
    .split(/(?<=[.!?])\s+(?=[A-Z("“])|\n|;\s+/)
    .map((s) => s.replace(/^\(?[a-h]\)\s*/, '').trim())
    .filter(Boolean);
}

function stemsOf(text: string): Set<string> {
  return new Set(stemTokens(tokenize(normaliseForMatching(text))).filter(Boolean));
}

/** Stems aligned with the tokens ('' for stopwords); "non aggression" is one word, "nonaggression". */
function stemTokens(tokens: readonly string[]): string[] {
  const out = tokens.map((t) => (isStopword(t) ? '' : stem(t)));
  tokens.forEach((t, i) => {
    if (t === 'non' && i + 1 < tokens.length && out[i + 1]) {
      out[i + 1] = `non${out[i + 1]}`;
      out[i] = '';
    }
  });
  return out;
}

function prepare(core: Core): Prepared {
  const provisions = new Map<string, ProvisionDoc>();
  for (const provision of core.kb.provisions.values()) {
    const title = statement(provision.title.replace(/\s*\([^)]*\)\s*/g, ' '));
    const statements = splitStatements(provision.summary).map(statement);
    const stems = new Set<string>();
    for (const s of [title, ...statements]) for (const w of s.stemSet) stems.add(w);
    for (const text of [...provision.aliases, ...provision.values.map((v) => v.label)]) {
      for (const w of stemsOf(text)) stems.add(w);
    }
    provisions.set(provision.id, { provision, title, statements, stems });
  }
  const topics = new Map<string, TopicDoc>();
  for (const topic of core.kb.topics.values()) {
    const context = stemsOf(`${topic.title} ${topic.aliases.join(' ')}`);
    // what names the topic itself: its title, one-word aliases, words several aliases share ("army", "plant")
    const aliasCount = new Map<string, number>();
    for (const alias of topic.aliases)
      for (const w of stemsOf(alias)) aliasCount.set(w, (aliasCount.get(w) ?? 0) + 1);
    const naming = new Set([
      ...stemsOf(topic.title),
      ...topic.aliases.filter((a) => stemsOf(a).size === 1).flatMap((a) => [...stemsOf(a)]),
      ...[...aliasCount].filter(([, count]) => count >= 2).map(([w]) => w),
    ]);
    const docs = topic.provisions
      .map((id) => provisions.get(id))
      .filter((d): d is ProvisionDoc => d !== undefined);
    const changes = topic.changes.map((change) => ({ change, statement: statement(change.summary) }));
    const all = new Set([...context, ...stemsOf(topic.summary)]);
    for (const d of docs) for (const w of d.stems) all.add(w);
    for (const c of changes) for (const w of c.statement.stemSet) all.add(w);
    const issue = core.kb.issuesByTopic.get(topic.id);
    if (issue) {
      const texts = [issue.title, issue.summary, ...issue.positions.map((p) => p.summary)];
      texts.push(...issue.disagreements.map(disagreementText));
      for (const w of stemsOf(texts.join(' '))) all.add(w);
    }
    // context words a point states itself (outside reported speech) must be matched in the point itself
    const pointWords = new Set(
      docs.flatMap((d) =>
        [d.title, ...d.statements].filter((x) => !x.reported).flatMap((x) => [...x.stemSet]),
      ),
    );
    topics.set(topic.id, {
      topic,
      context,
      inherited: new Set([...naming].filter((w) => !pointWords.has(w))),
      aliasKeys: [topic.title, ...topic.aliases].map(normaliseForMatching).filter(Boolean),
      all,
      provisions: docs,
      changes,
    });
  }
  // Rarity of each word across topics: rare words carry a claim's meaning.
  const df = new Map<string, number>();
  for (const doc of topics.values()) for (const w of doc.all) df.set(w, (df.get(w) ?? 0) + 1);
  const n = Math.max(1, topics.size);
  const idf = new Map<string, number>();
  for (const [w, count] of df) idf.set(w, Math.log(1 + n / count));
  const byAmount = new Map<number, string[]>();
  for (const provision of core.kb.provisions.values()) {
    for (const value of provision.values) {
      const list = byAmount.get(value.amount) ?? [];
      if (!list.includes(provision.id)) list.push(provision.id);
      byAmount.set(value.amount, list);
    }
  }
  const planAliases: [PlanId, string[]][] = [...core.kb.plans.values()].map((plan) => [
    plan.id,
    [...new Set([plan.name, plan.shortName, ...plan.aliases].map(normaliseForMatching))]
      .flatMap((key) => (/ points$/.test(key) ? [key, key.replace(/ points$/, ' point')] : [key]))
      .filter((key) => key.includes(' ') || /\d/.test(key))
      .sort((a, b) => b.length - a.length),
  ]);
  const people = [...core.kb.actors.values()]
    .filter((actor) => actor.kind === 'person')
    .flatMap((actor) => [actor.name, ...actor.aliases])
    .map(normaliseForMatching)
    .filter((key) => key.length >= 4 && !partyWords[key]);
  return {
    topics,
    provisions,
    idf,
    unknownIdf: Math.log(1 + n) + 0.5,
    byAmount,
    planAliases,
    people: unique(people),
  };
}

function disagreementText(d: Disagreement): string {
  return `${d.summary} ${d.claims.map((c) => c.claim).join(' ')}`;
}

// ─── Matching words ─────────────────────────────────────────────────────────────────────────────────

function covers(stems: ReadonlySet<string>, word: string): boolean {
  if (stems.has(word)) return true;
  if (word.length < 6 || /\d/.test(word)) return false;
  for (const other of stems)
    if (Math.abs(other.length - word.length) <= 1 && withinEdits(word, other, 1)) return true;
  return false;
}

interface Coverage {
  share: number;
  missing: string[];
}

/** The share of the claim's meaning (rare words weigh more) that these texts hold. */
function coverage(p: Prepared, stems: readonly string[], ...sets: ReadonlySet<string>[]): Coverage {
  let total = 0;
  let covered = 0;
  const missing: string[] = [];
  for (const word of stems) {
    const weight = p.idf.get(word) ?? p.unknownIdf;
    total += weight;
    if (sets.some((set) => covers(set, word))) covered += weight;
    else missing.push(word);
  }
  return { share: total === 0 ? 0 : covered / total, missing };
}

/** Is a bar or absence next to the words this statement shares with the claim? */
function negativeNear(s: Statement, stems: readonly string[]): boolean {
  if (s.markers.length === 0) return false;
  const wanted = new Set(stems);
  const hits: number[] = [];
  s.stems.forEach((w, i) => {
    if (w && (wanted.has(w) || [...wanted].some((c) => c.length >= 6 && covers(new Set([w]), c))))
      hits.push(i);
  });
  return s.markers.some((m) => hits.some((h) => Math.abs(h - m) <= 4));
}

// ─── The verdict ────────────────────────────────────────────────────────────────────────────────────

type Stance = 'says' | 'opposite' | 'removed' | 'changed' | 'unchanged' | 'unclear' | 'silent';

interface PlanFinding {
  plan: PlanId;
  stance: Stance;
  /** Is the claim true of this plan? undefined: the sources do not say. */
  truth: boolean | undefined;
  provisions: string[];
  changes: string[];
  /** For figures: the plan's values that decided. */
  values: { provision: string; value: Value }[];
  note?: string;
}

interface Evidence {
  heading: string;
  text: string;
  citations: Citation[];
  factId: string;
}

interface Decision {
  verdict: Verdict;
  sentence: string;
  evidence: Evidence[];
  factIds: string[];
  suggestions?: string[];
}

export const verdictLabels: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  depends_on_plan: 'Depends on the plan',
  disputed: 'Disputed between sources',
  not_in_sources: 'Not in the sources',
};

/** How much of the claim's meaning a topic, a point or a recorded statement must explain. */
const topicAt = 0.7;
const pointAt = 0.75;
const statementAt = 0.85;

export function answerFactcheck(core: Core, rawClaim: string | undefined): Answer {
  const invalid = validateQuery(core, rawClaim, 'a claim to check');
  if (invalid) return { ...invalid, verdict: 'not_in_sources' };
  const claim = cleanQuery(rawClaim!);
  const reading = readClaim(core, claim);
  return buildAnswer(core, claim, reading, decide(core, reading, claim));
}

function refuse(sentence: string, evidence: Evidence[] = [], suggestions: string[] = []): Decision {
  return {
    verdict: 'not_in_sources',
    sentence,
    evidence,
    factIds: evidence.map((e) => e.factId),
    suggestions,
  };
}

function decide(core: Core, reading: ClaimReading, claim: string): Decision {
  if (reading.otherPlan) {
    return refuse(
      `the claim names "${reading.otherPlan}", a document whose points the fact base does not hold; it checks the U.S. 28-point, U.S.–Ukraine 20-point and European 6-point texts only.`,
    );
  }
  if (reading.point?.startsWith('?')) {
    return refuse(
      'the claim names a point number without a single plan it belongs to; name the plan (28-point, 20-point or European 6-point).',
    );
  }
  if (
    reading.content.length === 0 &&
    !(reading.numbers.length > 0 && reading.plans.length > 0 && reading.predicate)
  ) {
    return refuse(
      'the claim names nothing the fact base could check — say what the plan is said to contain.',
    );
  }
  if (!reading.predicate) {
    return refuse(
      'that names things but states nothing about them — write the claim as a sentence, e.g. "the 20-point plan caps the army at 800,000".',
      [],
      searchSuggestions(core, claim),
    );
  }
  if (reading.plans.length > 1 && reading.numbers.length > 1) {
    return refuse(
      'the claim pairs several plans with several figures; check one plan at a time.',
      [],
      searchSuggestions(core, claim),
    );
  }
  const statementOr = (fallback: Decision, topic?: TopicDoc) =>
    statementSupport(core, reading, topic) ?? fallback;
  if (reading.dates.length > 0) {
    return statementOr(
      refuse(
        `the claim turns on a date (${reading.dates.join(', ')}), and no recorded statement gives it; the fact-check compares what the plans contain — see /timeline for dates.`,
        [],
        searchSuggestions(core, claim),
      ),
    );
  }
  if ((reading.position || reading.person || reading.present) && reading.plans.length === 0) {
    // what someone said or wants, or how things stand: only recorded statements and disagreements speak to it
    const topic = findTopic(core, reading)?.topic;
    // the disagreement must be about the claim's subject ("Trump wants…" is not about Ukraine's constitution)
    const subject = reading.content.slice(0, 3).join(' ');
    const aboutSubject = (d: DisputeHit) => {
      const text = normaliseForMatching(
        `${d.disagreement.summary} ${d.disagreement.claims.map((c) => c.claim).join(' ')}`,
      );
      const party = firstParty(reading.normalised);
      const person = prepared(core).people.find((key) => findPhrase(subject, key, 0) >= 0);
      return person
        ? findPhrase(text, person, 0) >= 0
        : !party || tokenize(text).some((t) => partyWords[t] === party);
    };
    const planless = topic
      ? disputesFor(core, reading, topic).find((d) => d.strong && aboutSubject(d))
      : undefined;
    const statement = statementSupport(core, reading, topic);
    if (planless && !(statement && planless.plans.length > 0)) return disputedDecision(topic!, planless, []);
    if (statement) return statement;
    const what = reading.present
      ? 'how things stand now, which the plans do not record'
      : 'what a party or person said or wants';
    return refuse(
      `the claim is about ${what}, and no recorded statement says it${topic ? ` — the recorded positions on ${lowerTitle(topic.topic)} are below` : ''}.`,
      topic ? positionEvidence(core, topic) : [],
      topic ? [topic.topic.id] : searchSuggestions(core, claim),
    );
  }
  const found = findTopic(core, reading);
  if (!found) {
    return statementOr(
      refuse(
        'the fact base has nothing on what this claim is about, so it cannot judge it.',
        [],
        searchSuggestions(core, claim),
      ),
    );
  }
  const { topic } = found;
  if (found.mixed) {
    return refuse(
      `the claim mixes several things (${found.mixed}); check them one at a time.`,
      [],
      [topic.topic.id, ...found.others],
    );
  }
  if (found.cov.share < topicAt) {
    // Show the words as the person wrote them ("cannabis"), not as stems ("cannabi").
    const written = new Map(reading.content.map((word) => [stem(word), word]));
    const missing = found.cov.missing.slice(0, 5).map((s) => written.get(s) ?? s);
    if (found.cov.share < 0.5) {
      return statementOr(
        refuse(
          `the fact base has nothing on ${missing.map((w) => `"${w}"`).join(', ')}, so it cannot judge this claim.`,
          [],
          searchSuggestions(core, claim),
        ),
        topic,
      );
    }
    return statementOr(
      refuse(
        `the sources on ${lowerTitle(topic.topic)} do not cover part of this claim (${missing.join(', ')}), so it cannot be judged.`,
        [topicEvidence(topic.topic)],
        [topic.topic.id, ...found.others],
      ),
      topic,
    );
  }
  if (reading.point) {
    const provision = core.kb.provisions.get(reading.point);
    if (!provision) {
      return refuse(
        `the ${planLabel(core, reading.plans[0]!)} has no point ${reading.point.split('-').pop()}.`,
        [],
        [topic.topic.id],
      );
    }
    if (!provision.topics.includes(topic.topic.id)) {
      return refuse(
        `point ${provision.number}${provision.part ?? ''} of the ${planLabel(core, provision.plan)} is about “${provision.title}”, not what the claim describes.`,
        [provisionEvidence(core, provision)],
      );
    }
  }
  if (reading.removal) return decideRemoval(core, reading, topic);
  if (reading.plans.length === 0) {
    // a disagreement about a fact outside the plans ("Ukraine's army is about one million today")
    const planless = disputesFor(core, reading, topic).find((d) => d.plans.length === 0 && d.strong);
    if (planless) return disputedDecision(topic, planless, []);
  }

  const findings =
    reading.numbers.length > 0
      ? numberFindings(core, reading, topic)
      : presenceFindings(core, reading, topic);
  if (!findings) {
    const namedDispute =
      disputesFor(core, reading, topic).find(
        (d) => d.strong && reading.plans.some((plan) => d.plans.includes(plan)),
      ) ?? (reading.plans.length > 0 ? ownTopicStrongDispute(core, reading, topic, []) : undefined);
    if (namedDispute) return disputedDecision(topic, namedDispute, [topicEvidence(topic.topic)]);
    if (reading.numbers.length > 0) {
      const same = sameFigureElsewhere(core, reading, topic);
      if (same) return same;
    }
    return statementOr(
      refuse(
        reading.numbers.length > 0
          ? `the sources record no figure on ${lowerTitle(topic.topic)} that ${reading.numbers.map((n) => numberText(n)).join(', ')} can be compared with.`
          : `no point on ${lowerTitle(topic.topic)} in any plan says this, or its opposite.`,
        [topicEvidence(topic.topic)],
        [topic.topic.id],
      ),
      topic,
    );
  }
  return verdictFrom(core, reading, topic, findings);
}

/** The topic the claim is about: candidates from the search, then checked word by word. */
function findTopic(
  core: Core,
  reading: ClaimReading,
): { topic: TopicDoc; cov: Coverage; mixed?: string; others: string[] } | undefined {
  const p = prepared(core);
  const scores = new Map<string, number>();
  const bump = (topicId: string, score: number) => {
    if (p.topics.has(topicId)) scores.set(topicId, Math.max(scores.get(topicId) ?? 0, score));
  };
  const result = core.index.search(reading.content.join(' '), {
    kinds: ['topic', 'provision', 'change', 'issue'],
    limit: 12,
    fuzzy: false,
  });
  for (const hit of result.hits) {
    const entry = core.index.entry(hit.id);
    if (!entry) continue;
    const topics =
      hit.kind === 'topic' ? [hit.id] : hit.kind === 'change' ? [entry.parent ?? ''] : entry.topics;
    for (const t of topics) bump(t, hit.confidence * (hit.kind === 'topic' ? 1 : 0.9));
  }
  // Exact figures point at the provisions that carry them.
  const numberTopics = new Set<string>();
  for (const number of reading.numbers) {
    for (const id of p.byAmount.get(number.amount) ?? []) {
      for (const t of core.kb.provisions.get(id)?.topics ?? []) numberTopics.add(t);
    }
  }
  for (const t of numberTopics) bump(t, 0.5);
  if (scores.size === 0) return undefined;

  const needsPoints = reading.plans.length > 0 || reading.numbers.length > 0;
  const ranked = [...scores.entries()]
    .map(([id, score]) => {
      const doc = p.topics.get(id)!;
      const cov = coverage(p, reading.stems, doc.all);
      const alias = doc.aliasKeys.some((key) => findPhrase(reading.normalised, key, 0) >= 0) ? 0.15 : 0;
      const context = coverage(p, reading.stems, doc.context).share * 0.2;
      const figures = numberTopics.has(id) ? 0.2 : 0;
      const points = needsPoints && doc.provisions.length === 0 ? -0.25 : 0;
      return { doc, cov, total: cov.share + score * 0.3 + alias + context + figures + points };
    })
    .sort((a, b) => b.total - a.total || a.doc.topic.id.localeCompare(b.doc.topic.id));
  const best = ranked[0]!;
  if (best.cov.share < 0.4) return undefined;
  const others = ranked.slice(1, 4).map((r) => r.doc.topic.id);

  // Words the best topic leaves unexplained that another topic's name explains: two claims in one.
  if (best.cov.missing.length > 0) {
    const total = reading.stems.reduce((sum, w) => sum + (p.idf.get(w) ?? p.unknownIdf), 0) || 1;
    for (const other of ranked.slice(1, 6)) {
      if (related(best.doc.topic, other.doc.topic)) continue;
      const explained = best.cov.missing.filter((w) => covers(other.doc.context, w));
      const weight = explained.reduce((sum, w) => sum + (p.idf.get(w) ?? p.unknownIdf), 0);
      if (explained.length > 0 && weight / total >= 0.2) {
        return {
          topic: best.doc,
          cov: best.cov,
          mixed: `${lowerTitle(best.doc.topic)}; ${lowerTitle(other.doc.topic)}`,
          others: [other.doc.topic.id],
        };
      }
    }
  }
  return { topic: best.doc, cov: best.cov, others };
}

function related(a: Topic, b: Topic): boolean {
  return (
    a.related.includes(b.id) ||
    b.related.includes(a.id) ||
    a.provisions.some((id) => b.provisions.includes(id))
  );
}

// ─── Figures ────────────────────────────────────────────────────────────────────────────────────────

function comparable(number: ClaimNumber, value: Value): boolean {
  const people = (u: Unit) => u === 'troops' || u === 'people';
  if (number.unit) return number.unit === value.unit || (people(number.unit) && people(value.unit));
  if (value.unit === 'percent') return number.amount <= 100;
  return number.amount >= 1000 === value.amount >= 1000;
}

function matches(number: ClaimNumber, amount: number): boolean {
  switch (number.comparator) {
    case 'eq':
      return number.amount === amount;
    case 'approx':
      return Math.abs(number.amount - amount) <= Math.abs(amount) * 0.1;
    case 'gte':
      return amount >= number.amount;
    case 'lte':
      return amount <= number.amount;
  }
}

const partyNoun: Record<PartyId, string> = {
  ukraine: '(?:Ukraine|Kyiv)',
  russia: '(?:Russia|Moscow|Kremlin)',
  'united-states': '(?:US|U\\.S\\.|United States|Washington|America)',
  europe: '(?:Europe|EU|European Union)',
};
const partyAny: Record<PartyId, RegExp> = {
  ukraine: /\b(?:Ukrain\w*|Kyiv)\b/i,
  russia: /\b(?:Russia\w*|Moscow|Kremlin)\b/i,
  'united-states': /\b(?:US|U\.S\.|United States|Washington|America\w*)\b/,
  europe: /\b(?:Europe\w*|EU|European Union)\b/,
};
const receivingPattern = new Map(
  (Object.keys(partyNoun) as PartyId[]).map((party) => {
    const noun = partyNoun[party];
    return [
      party,
      new RegExp(
        `\\b${noun}(?:'s)?\\s+(?:receives?|gets?|obtains?|keeps?|retains?|takes?|taking|gains?|is (?:given|granted|compensated|paid))\\b|\\b(?:gives?|giving|grants?|granting|offers?|pays?|compensates?|compensating|to|for)\\s+(?:the\\s+)?${noun}\\b|\\b${noun} share\\b`,
      ),
    ] as const;
  }),
);

/** The parties of a claim must be the parties of the text that would support it. */
function partiesFit(reading: ClaimReading, text: string, receiverText = text): boolean {
  return (
    reading.parties.every((party) => partyAny[party].test(text)) &&
    reading.recipients.every((party) => receivingPattern.get(party)!.test(receiverText))
  );
}

/** The statement of a point that carries a value: its label and the sentence with the figure. */
function valueText(provision: Provision, value: Value): string {
  const withFigure = splitStatements(provision.summary).find((s) =>
    tokenize(normaliseForMatching(s)).includes(String(value.amount)),
  );
  return `${value.label}. ${withFigure ?? provision.title}`;
}

function valueFits(reading: ClaimReading, provision: Provision, value: Value): boolean {
  // A label that shares a figure out among parties decides alone ("stake of each of the US and Ukraine").
  const enumerates = /\b(?:each of|between|among|both)\b/i.test(value.label);
  const text = enumerates ? value.label : `${valueText(provision, value)} ${provision.title}`;
  return partiesFit(reading, text, value.label);
}

function numberFindings(core: Core, reading: ClaimReading, topic: TopicDoc): PlanFinding[] | undefined {
  const findings: PlanFinding[] = [];
  for (const plan of planOrder) {
    const docs = topic.provisions.filter(
      (d) => d.provision.plan === plan && (!reading.point || d.provision.id === reading.point),
    );
    let all = true;
    let differs = false;
    let unknown = false;
    const decisive: { provision: string; value: Value }[] = [];
    for (const number of reading.numbers) {
      const candidates = docs.flatMap((d) =>
        d.provision.values
          .filter((v) => comparable(number, v) && valueFits(reading, d.provision, v))
          .map((value) => ({ provision: d.provision.id, value })),
      );
      const labelled = (c: { value: Value }) =>
        reading.parties.filter((party) => partyAny[party].test(c.value.label)).length;
      const hit = candidates
        .filter((c) => matches(number, c.value.amount))
        .sort((a, b) => labelled(b) - labelled(a))[0];
      if (hit) decisive.push(hit);
      else if (candidates.length > 0) {
        all = false;
        differs = true;
        decisive.push(...candidates);
      } else {
        all = false;
        unknown = true;
      }
    }
    const base = { plan, changes: [], provisions: unique(decisive.map((d) => d.provision)) };
    if (all) findings.push({ ...base, stance: 'says', truth: !reading.negated, values: decisive });
    else if (differs && !unknown)
      findings.push({ ...base, stance: 'changed', truth: reading.negated, values: decisive });
    else
      findings.push({
        ...base,
        stance: docs.length > 0 ? 'unclear' : 'silent',
        truth: undefined,
        values: [],
        provisions: docs.map((d) => d.provision.id),
      });
  }
  const anchors = findings.filter((f) => f.stance === 'says').flatMap((f) => f.provisions);
  if (findings.every((f) => f.stance === 'unclear' || f.stance === 'silent')) return undefined;
  // A plan with no figure of its own answers through the change recorded from a plan that has the figure.
  for (const finding of findings) {
    if (finding.stance !== 'silent' && finding.stance !== 'unclear') continue;
    const linked = linkedChange(core, topic, anchors, finding.plan);
    if (!linked) continue;
    const type = linked.change.type;
    if (type === 'removed' || type === 'added' || type === 'amended') {
      Object.assign(finding, {
        stance: type === 'amended' ? 'changed' : 'removed',
        truth: reading.negated,
        changes: [linked.change.id],
        provisions: linked.provisions,
      });
    }
  }
  return findings;
}

/** The same figure recorded, but not as the claim puts it (other parties, another topic). */
function sameFigureElsewhere(core: Core, reading: ClaimReading, topic: TopicDoc): Decision | undefined {
  const p = prepared(core);
  const holders = unique(reading.numbers.flatMap((n) => p.byAmount.get(n.amount) ?? []))
    .map((id) => core.kb.provisions.get(id)!)
    .filter((provision) => provision.topics.includes(topic.topic.id));
  if (holders.length === 0) return undefined;
  const who = [
    ...reading.recipients.map((r) => `as going to ${partyName[r]}`),
    ...reading.parties.filter((x) => !reading.recipients.includes(x)).map((x) => `as ${partyName[x]}'s`),
  ];
  return refuse(
    `the sources record ${reading.numbers.map((n) => numberText(n)).join(', ')} in ${holders.map((h) => `the ${planLabel(core, h.plan)} (point ${h.number}${h.part ?? ''})`).join(' and ')}, but not ${who.length ? who.join(' or ') : 'as the claim puts it'}.`,
    holders.map((h) => provisionEvidence(core, h)),
    [topic.topic.id],
  );
}

const partyName: Record<PartyId, string> = {
  ukraine: 'Ukraine',
  russia: 'Russia',
  'united-states': 'the US',
  europe: 'Europe',
};

/** The change that links a plan to the points that decided the claim in another plan. */
function linkedChange(
  core: Core,
  topic: TopicDoc,
  anchors: readonly string[],
  plan: PlanId,
): { change: Change; provisions: string[] } | undefined {
  if (anchors.length === 0) return undefined;
  const planOf = (id: string) => core.kb.provisions.get(id)?.plan;
  // the claim's topic first, then every other topic the deciding points belong to
  const topicIds = unique([
    topic.topic.id,
    ...anchors.flatMap((id) => core.kb.provisions.get(id)?.topics ?? []),
  ]);
  const changes = topicIds.flatMap((id) => core.kb.topics.get(id)?.changes ?? []);
  for (const change of changes) {
    if (change.from.some((id) => anchors.includes(id))) {
      const other = change.to.filter((id) => planOf(id) === plan);
      if (other.length > 0 || (plan === 'us-ua-20' && change.type === 'removed'))
        return { change, provisions: other };
    }
    if (change.to.some((id) => anchors.includes(id))) {
      const other = change.from.filter((id) => planOf(id) === plan);
      if (other.length > 0 || (plan === 'us-28' && change.type === 'added'))
        return { change, provisions: other };
    }
  }
  return undefined;
}

// ─── Presence: "the plan bans…", "includes an amnesty" ──────────────────────────────────────────────

interface PointMatch {
  doc: ProvisionDoc;
  statement: Statement;
  share: number;
  negative: boolean;
}

function bestStatement(
  p: Prepared,
  reading: ClaimReading,
  topic: TopicDoc,
  doc: ProvisionDoc,
): PointMatch | undefined {
  let best: PointMatch | undefined;
  for (const s of [doc.title, ...doc.statements]) {
    if (s.reported && s !== doc.title) continue;
    // words explained only by the topic's name do not make a point say the claim
    if (coverage(p, reading.stems, s.stemSet).share === 0) continue;
    const share =
      coverage(p, reading.stems, s.stemSet, doc.title.stemSet, topic.inherited).share +
      coverage(p, reading.stems, s.stemSet).share * 0.01;
    if (!partiesFit(reading, `${doc.provision.title}. ${s.text}`, s.text)) continue;
    const negative = negativeNear(s, reading.stems);
    if (
      !best ||
      share > best.share + 1e-9 ||
      (Math.abs(share - best.share) < 1e-9 &&
        negative === reading.restrictive &&
        best.negative !== reading.restrictive)
    ) {
      best = { doc, statement: s, share, negative };
    }
  }
  return best;
}

function presenceFindings(core: Core, reading: ClaimReading, topic: TopicDoc): PlanFinding[] | undefined {
  const p = prepared(core);
  const docs = topic.provisions.filter((d) => !reading.point || d.provision.id === reading.point);
  // a claim of common words only ("the plan ends the war") says too little to match a point
  const weight = reading.stems.reduce((sum, w) => sum + (p.idf.get(w) ?? p.unknownIdf), 0);
  if (weight < 1.5) return undefined;
  const matched = docs
    .map((doc) => bestStatement(p, reading, topic, doc))
    .filter((m): m is PointMatch => m !== undefined && m.share >= pointAt);
  const top = Math.max(0, ...matched.map((m) => m.share));
  // Changes with no point of their own (a process step added to the 20-point plan).
  const bare = topic.changes.filter(
    ({ change, statement: s }) =>
      change.from.length === 0 &&
      change.to.length === 0 &&
      coverage(p, reading.stems, s.stemSet, topic.inherited).share >= pointAt,
  );
  if (matched.length === 0 && bare.length === 0) return undefined;

  const strong = new Map<PlanId, PointMatch>();
  for (const m of matched.sort((a, b) => b.share - a.share)) {
    if (m.share >= top * 0.85 && !strong.has(m.doc.provision.plan)) strong.set(m.doc.provision.plan, m);
  }
  // Does a matched statement state the claim's thing (same sign) or its opposite?
  const same = (m: { negative: boolean }) => m.negative === reading.restrictive;
  const findings: PlanFinding[] = [];
  for (const plan of planOrder) {
    const match = strong.get(plan);
    if (match) {
      const states = same(match);
      findings.push({
        plan,
        stance: states ? 'says' : 'opposite',
        truth: states !== reading.negated,
        provisions: [match.doc.provision.id],
        changes: [],
        values: [],
        ...(match.doc.provision.status !== 'reported'
          ? { note: statusMark(match.doc.provision).trim() }
          : {}),
      });
      continue;
    }
    const anchors = [...strong.values()];
    const linked = linkedChange(
      core,
      topic,
      anchors.map((m) => m.doc.provision.id),
      plan,
    );
    if (linked) {
      const anchor = anchors.find(
        (m) =>
          linked.change.from.includes(m.doc.provision.id) || linked.change.to.includes(m.doc.provision.id),
      )!;
      const states = same(anchor);
      const type = linked.change.type;
      let stance: Stance = 'unclear';
      let truth: boolean | undefined;
      if (type === 'removed' || type === 'added') {
        stance = 'removed';
        // the thing is gone: "not X" is true; if it was a bar that went, X itself is still not stated
        truth = states ? reading.negated : undefined;
      } else if (type === 'amended') {
        stance = 'changed';
        // an amendment that leaves this aspect open ("whether … is not confirmed") decides nothing
        const open = /\b(?:not confirmed|unclear|not known|unknown|uncertain|whether)\b/i.test(
          linked.change.summary,
        );
        // the amended point may still say it, if less fully ("ratified by the Duma" still is a law)
        const kept = linked.provisions
          .map((id) => p.provisions.get(id))
          .map((doc) => (doc ? bestStatement(p, reading, topic, doc) : undefined))
          .filter((m): m is PointMatch => m !== undefined && m.share >= 0.6 && same(m))
          .sort((a, b) => b.share - a.share)[0];
        if (kept) {
          stance = 'says';
          truth = !reading.negated;
          linked.provisions = [kept.doc.provision.id];
        } else truth = states && !reading.negated && !open ? false : undefined;
      } else if (type === 'unchanged') {
        stance = 'unchanged';
        truth = states !== reading.negated;
      }
      findings.push({
        plan,
        stance,
        truth,
        provisions: linked.provisions,
        changes: [linked.change.id],
        values: [],
      });
      continue;
    }
    const change = bare[0];
    const has =
      change &&
      ((plan === 'us-ua-20' && change.change.type === 'added') ||
        (plan === 'us-28' && change.change.type === 'removed'));
    const lacks =
      change &&
      ((plan === 'us-28' && change.change.type === 'added') ||
        (plan === 'us-ua-20' && change.change.type === 'removed'));
    if (change && (has || lacks)) {
      const states = same({ negative: negativeNear(change.statement, reading.stems) });
      findings.push({
        plan,
        stance: has ? (states ? 'says' : 'opposite') : 'removed',
        truth: has ? states !== reading.negated : states ? reading.negated : undefined,
        provisions: [],
        changes: [change.change.id],
        values: [],
        ...(has && change.change.status !== 'reported' ? { note: statusMark(change.change).trim() } : {}),
      });
      continue;
    }
    const hasPoints = topic.provisions.some((d) => d.provision.plan === plan);
    findings.push({
      plan,
      stance: hasPoints ? 'unclear' : 'silent',
      truth: undefined,
      provisions: [],
      changes: [],
      values: [],
    });
  }
  return findings;
}

// ─── Removals: "the 20-point plan drops the NATO ban" ───────────────────────────────────────────────

function decideRemoval(core: Core, reading: ClaimReading, topic: TopicDoc): Decision {
  if (reading.plans.some((plan) => plan !== 'us-ua-20')) {
    return refuse(
      'the fact base records changes from the 28-point to the 20-point plan only; it cannot say what another plan dropped.',
      [topicEvidence(topic.topic)],
      [topic.topic.id],
    );
  }
  const plain: ClaimReading = { ...reading, negated: false, removal: false, plans: [] };
  const findings =
    reading.numbers.length > 0 ? numberFindings(core, plain, topic) : presenceFindings(core, plain, topic);
  const before = findings?.find((f) => f.plan === 'us-28');
  const after = findings?.find((f) => f.plan === 'us-ua-20');
  if (!findings || !before || !after || before.truth !== true) {
    return refuse(
      'the sources do not record this in the 28-point plan, so they cannot say the 20-point plan dropped it.',
      findings ? findingEvidence(core, findings) : [topicEvidence(topic.topic)],
      [topic.topic.id],
    );
  }
  if (after.truth === undefined) {
    return refuse(
      'the sources do not say whether the 20-point plan kept or dropped this.',
      findingEvidence(core, [after, before]),
      [topic.topic.id],
    );
  }
  const dropped = after.truth === false;
  const holds = dropped !== reading.negated;
  const evidence = findingEvidence(core, [after, before]);
  return {
    verdict: holds ? 'supported' : 'contradicted',
    sentence: `${dropped ? describe(core, after) : `the 20-point plan keeps it: ${describe(core, after, false)}`}; the 28-point plan ${describe(core, before, false)}.`,
    evidence,
    factIds: evidenceIds(topic, evidence),
  };
}

// ─── From the plans to one verdict ──────────────────────────────────────────────────────────────────

function verdictFrom(core: Core, reading: ClaimReading, topic: TopicDoc, findings: PlanFinding[]): Decision {
  const named = reading.plans;
  const inScope = named.length > 0 ? findings.filter((f) => named.includes(f.plan)) : findings;
  const evidence = findingEvidence(core, [...inScope, ...findings.filter((f) => !inScope.includes(f))]);
  const disputes = disputesFor(core, reading, topic, findings).filter((d) => d.plans.length > 0);
  // A recorded disagreement about a plan the claim names decides only when the plan's own text does not
  // already support the claim: then one source says it and another does not.
  const namedDispute = disputes.find((d) => d.strong && named.some((plan) => d.plans.includes(plan)));
  if (namedDispute) return disputedDecision(topic, namedDispute, evidence);
  // a disagreement about no plan in particular, on a word the plan's own text does not use ("overwhelming")
  const strong = named.length > 0 ? ownTopicStrongDispute(core, reading, topic, findings) : undefined;
  if (strong) return disputedDecision(topic, strong, evidence);

  const unknown = inScope.filter((f) => f.truth === undefined);
  if (named.length > 0 && unknown.length > 0) {
    return refuse(
      `the sources do not say this of the ${unknown.map((f) => planLabel(core, f.plan)).join(' or the ')}${unknown.some((f) => f.stance === 'unclear' || f.stance === 'removed' || f.stance === 'changed') ? ' — its text on this topic says something else, shown below' : ''}.`,
      evidence.length ? evidence : [topicEvidence(topic.topic)],
      [topic.topic.id],
    );
  }
  const yes = inScope.filter((f) => f.truth === true);
  const no = inScope.filter((f) => f.truth === false);
  if (yes.length === 0 && no.length === 0) {
    return refuse(
      `no plan's text on ${lowerTitle(topic.topic)} says this or its opposite.`,
      evidence.length ? evidence : [topicEvidence(topic.topic)],
      [topic.topic.id],
    );
  }
  // Shown alongside: a disagreement about a plan the verdict covers.
  const note = disputes.find((d) =>
    (named.length > 0 ? named : no.map((f) => f.plan)).some((plan) => d.plans.includes(plan)),
  );
  const withDispute = note ? [...evidence, disagreementEvidence(note)] : evidence;
  const factIds = evidenceIds(topic, withDispute);
  const notes = yes
    .filter((f) => f.note)
    .map((f) => ` (${planLabel(core, f.plan)}: ${f.note!.replace(/^\*\(|\)\*$/g, '')})`);
  const disputeNote = note
    ? ` Sources disagree on the ${note.plans.map((p) => planLabel(core, p)).join(' and the ')} here (below).`
    : '';
  if (no.length === 0) {
    return {
      verdict: 'supported',
      sentence: `${yes.map((f) => describe(core, f)).join('; ')}${notes.join('')}.${disputeNote}`,
      evidence: withDispute,
      factIds,
    };
  }
  if (yes.length === 0) {
    const figures = reading.numbers.length > 0 && !reading.negated;
    return {
      verdict: 'contradicted',
      sentence: `${no.map((f) => describe(core, f)).join('; ')}${figures ? `, not ${reading.numbers.map((n) => numberText(n, no[0]?.values[0]?.value)).join(' / ')}` : ''}${figures ? figureElsewhere(core, reading, findings) : ''}.${disputeNote}`,
      evidence: withDispute,
      factIds,
    };
  }
  return {
    verdict: 'depends_on_plan',
    sentence: `true of the ${yes.map((f) => planLabel(core, f.plan)).join(' and the ')} (${yes.map((f) => describe(core, f, false)).join('; ')}), not of the ${no.map((f) => planLabel(core, f.plan)).join(' or the ')} (${no.map((f) => describe(core, f, false)).join('; ')})${notes.join('')}.${disputeNote}`,
    evidence: withDispute,
    factIds,
  };
}

/** A disagreement on the claim's own topic that names no plan, on a word the plan's own text does not use. */
function ownTopicStrongDispute(
  core: Core,
  reading: ClaimReading,
  topic: TopicDoc,
  findings: PlanFinding[],
): DisputeHit | undefined {
  const deciding = findings.flatMap((f) => f.provisions);
  return disputesIn(core, prepared(core), reading, topic, deciding).find(
    (d) => d.strong && d.plans.length === 0,
  );
}

function disputedDecision(topic: TopicDoc, hit: DisputeHit, evidence: Evidence[]): Decision {
  const all = [disagreementEvidence(hit), ...evidence];
  return {
    verdict: 'disputed',
    sentence: `${hit.disagreement.summary.replace(/\.$/, '')}: ${hit.disagreement.claims.map((c) => c.claim.replace(/\.$/, '')).join('; ')}.`,
    evidence: all,
    factIds: evidenceIds(topic, all),
  };
}

/** "(600,000 was the 28-point figure)": the plan whose figure the claim has, when it named another. */
function figureElsewhere(core: Core, reading: ClaimReading, findings: PlanFinding[]): string {
  const others = findings.filter(
    (f) => !reading.plans.includes(f.plan) && f.stance === 'says' && f.values.length > 0,
  );
  if (others.length === 0) return '';
  const amount = reading.numbers.map((n) => numberText(n, others[0]!.values[0]!.value)).join(' / ');
  return `; ${amount} is the ${others.map((f) => planLabel(core, f.plan)).join(' and the ')} figure`;
}

function describe(core: Core, finding: PlanFinding, withPlan = true): string {
  const plan = withPlan ? `the ${planLabel(core, finding.plan)} ` : '';
  const point = (id: string) => {
    const provision = core.kb.provisions.get(id);
    return provision ? `point ${provision.number}${provision.part ?? ''}, “${provision.title}”` : id;
  };
  const change = finding.changes[0] ? topicChange(core, finding.changes[0]) : undefined;
  const changeText = change ? ` — ${clip(change.summary, 220).replace(/\.$/, '')}` : '';
  if (finding.values.length > 0) {
    const parts = unique(
      finding.values.map((v) => {
        const provision = core.kb.provisions.get(v.provision);
        return `${formatValue(v.value)} (${lowerFirst(v.value.label)}, point ${provision?.number ?? '?'}${provision?.part ?? ''})`;
      }),
    );
    return `${plan}sets ${parts.join(' and ')}`;
  }
  const first = finding.provisions[0];
  switch (finding.stance) {
    case 'says':
      return first ? `${plan}says so in ${point(first)}` : `${plan}has it${changeText}`;
    case 'unchanged':
      return `${plan}has it too${first ? ` (${point(first)})` : ''}${changeText}`;
    case 'opposite':
      return first ? `${plan}says otherwise in ${point(first)}` : `${plan}says otherwise${changeText}`;
    case 'removed':
      return `${plan}does not have it${changeText}`;
    case 'changed':
      return `${plan}changed it${first ? ` (${point(first)})` : ''}${changeText}`;
    default:
      return `${plan}is not clear on it`;
  }
}

function topicChange(core: Core, id: string): Change | undefined {
  const parent = core.index.entry(id)?.parent;
  return parent ? core.kb.topics.get(parent)?.changes.find((c) => c.id === id) : undefined;
}

// ─── Disagreements between sources ──────────────────────────────────────────────────────────────────

interface DisputeHit {
  issueId: string;
  disagreement: Disagreement;
  /** The plans the disagreement is about (none: it is about a fact outside the plans). */
  plans: PlanId[];
  /**
   * The claim takes a side: it uses the term the sources differ on ("de jure", "frozen assets" in the
   * 20-point plan), a figure only some sides give, or a word only one side has that the plan's own text
   * does not use ("troops" for point 9). Otherwise the disagreement is only shown alongside.
   */
  strong: boolean;
}

/** Recorded disagreements the claim touches: on its topic, a related one or a topic of the deciding points. */
function disputesFor(
  core: Core,
  reading: ClaimReading,
  topic: TopicDoc,
  findings: PlanFinding[] = [],
): DisputeHit[] {
  const p = prepared(core);
  const topicIds = unique([
    topic.topic.id,
    ...findings.flatMap((f) => f.provisions.flatMap((id) => core.kb.provisions.get(id)?.topics ?? [])),
    ...topic.topic.related,
  ]);
  const deciding = findings.flatMap((f) => f.provisions);
  return topicIds.flatMap((id) => disputesIn(core, p, reading, p.topics.get(id) ?? topic, deciding));
}

const namedPlans = (text: string) =>
  planOrder.filter((plan) => plansNamed(normaliseForMatching(text)).some((s) => s.plan === plan));

function disputesIn(
  core: Core,
  p: Prepared,
  reading: ClaimReading,
  topic: TopicDoc,
  deciding: readonly string[],
): DisputeHit[] {
  const issue = core.kb.issuesByTopic.get(topic.topic.id);
  if (!issue) return [];
  // what the plans' own (not reported) statements say: a word found there is not the claim taking a side
  const statedBy = (plans: readonly PlanId[]) =>
    new Set(
      [...topic.provisions.map((d) => d.provision.id), ...deciding].flatMap((id) => {
        const doc = p.provisions.get(id);
        if (!doc || (plans.length > 0 && !plans.includes(doc.provision.plan))) return [];
        return [doc.title, ...doc.statements].filter((x) => !x.reported).flatMap((x) => [...x.stemSet]);
      }),
    );
  const hits: DisputeHit[] = [];
  for (const disagreement of issue.disagreements) {
    const about = namedPlans(disagreement.summary);
    const summary = stemsOf(disagreement.summary);
    const sides = disagreement.claims.map((c) => ({
      text: c.claim,
      tokens: tokenize(normaliseForMatching(c.claim)),
      stems: stemsOf(c.claim),
    }));
    // the question the sources differ on: summary words some sides use and others do not
    const question = [...summary].filter(
      (w) => sides.some((side) => covers(side.stems, w)) && !sides.every((side) => covers(side.stems, w)),
    );
    for (const side of sides) {
      const plans = about.length > 0 ? about : namedPlans(side.text);
      if (!reading.numbers.every((n) => side.tokens.includes(String(n.amount)))) continue;
      if (!partiesFit({ ...reading, recipients: [] }, `${disagreement.summary} ${side.text}`)) continue;
      const share = coverage(p, reading.stems, side.stems, summary, topic.inherited).share;
      const distinctive = reading.stems.filter(
        (w) =>
          !partyWords[w] &&
          covers(side.stems, w) &&
          sides.every((other) => other === side || !covers(other.stems, w)),
      );
      const stated = statedBy(plans);
      // a party the sources differ on counts even if the plan names it elsewhere ("US–Russia" vs "Ukraine–US")
      const asksQuestion = reading.stems.some(
        (w) =>
          question.some((q) => covers(new Set([q]), w)) &&
          (partyWords[w] !== undefined ? plans.length > 0 : !covers(stated, w)),
      );
      const takesSide =
        reading.numbers.length > 0 &&
        !sides.every((other) => reading.numbers.every((n) => other.tokens.includes(String(n.amount))));
      const strong =
        (share >= 0.5 && (asksQuestion || takesSide)) ||
        (share >= 0.6 && distinctive.some((w) => !covers(stated, w)));
      const weak = share >= 0.6 && (plans.length > 0 || distinctive.length > 0 || reading.numbers.length > 0);
      if (strong || weak) {
        hits.push({ issueId: issue.id, disagreement, plans, strong });
        break;
      }
    }
  }
  return hits;
}

// ─── Recorded statements (positions, notes, events): support only ───────────────────────────────────

/**
 * Claims about what someone said or did ("the US offered 15-year guarantees") are checked against the
 * text of one fact: one statement must hold nearly all the claim's meaning, every figure and every
 * party. This path only supports; the fact base records what was said, not everything that was not.
 */
function statementSupport(
  core: Core,
  reading: ClaimReading,
  topic: TopicDoc | undefined,
): Decision | undefined {
  if (
    reading.negated ||
    reading.removal ||
    reading.restrictive ||
    reading.stems.length + reading.numbers.length < 2
  )
    return undefined;
  const p = prepared(core);
  const candidates = new Set<string>();
  const issue = topic ? core.kb.issuesByTopic.get(topic.topic.id) : undefined;
  // attributed positions first, then whatever the search finds, then the topic's own summary
  if (issue)
    for (const id of [...issue.positions.map((x) => x.id), ...issue.notes.map((x) => x.id)])
      candidates.add(id);
  for (const hit of core.index.search(reading.content.join(' '), { limit: 8, fuzzy: false }).hits)
    candidates.add(hit.id);
  if (topic) candidates.add(topic.topic.id);
  if (issue) candidates.add(issue.id);
  const context = topic ? new Set([...topic.inherited, ...stemsOf(topic.topic.title)]) : new Set<string>();
  for (const id of candidates) {
    const entry = core.index.entry(id);
    if (!entry || entry.kind === 'provision' || entry.kind === 'change' || entry.status === 'content-unknown')
      continue;
    // a claim about a plan's text is not supported by what a party wants or an event
    if (reading.aboutPlan && !['plan', 'plan-note', 'topic'].includes(entry.kind)) continue;
    if (reading.plans.length > 0 && !(entry.parent && (reading.plans as string[]).includes(entry.parent)))
      continue;
    // a topic's first sentence frames it ("Whether Ukraine may join NATO."): it states nothing
    const summary =
      entry.kind === 'topic' ? splitStatements(entry.summary).slice(1).join(' ') : entry.summary;
    for (const segment of segments(summary)) {
      const s = statement(segment);
      if (coverage(p, reading.stems, s.stemSet, context).share < statementAt) continue;
      if (coverage(p, reading.stems, s.stemSet).share < (reading.numbers.length > 0 ? 0.5 : 0.7)) continue;
      if (!reading.numbers.every((n) => s.tokens.includes(String(n.amount)))) continue;
      if (!reading.dates.every((d) => s.tokens.includes(d))) continue;
      if (!partiesFit(reading, segment) || s.markers.length > 0) continue;
      // the claim's subject must be the statement's: "Russia offered…" is not "the US offered…, Russia rejected…"
      const subject = firstParty(reading.normalised);
      if (subject && firstParty(normaliseForMatching(segment)) !== subject) continue;
      const evidence: Evidence = {
        heading: entry.title,
        text: `${entry.summary}${statusMark(entry)}`,
        citations: entry.citations,
        factId: entry.id,
      };
      return {
        verdict: 'supported',
        sentence: `the sources record that ${lowerFirst(segment.replace(/[.;]$/, ''))}${entry.status === 'unverified' ? ' (unverified)' : ''}.`,
        evidence: [evidence],
        factIds: [entry.id],
      };
    }
  }
  return undefined;
}

/** Statements inside a summary: sentences, then their comma-separated parts, without "(Conflict: …)". */
function segments(summary: string): string[] {
  const clean = summary.replace(/\((?:Conflict|Note)[^)]*\)/g, ' ');
  return splitStatements(clean).flatMap((s) => {
    // a sentence listing several parties' stands is also judged part by part ("the US offered 15 years, Ukraine asked…")
    const parts = s.split(/,\s+(?:and\s+|while\s+|but\s+)?/).filter((part) => part.length > 12);
    return parts.length > 1 ? [s, ...parts] : [s];
  });
}

/** The first party a (normalised) text names: its subject, near enough. */
function firstParty(normalised: string): PartyId | undefined {
  for (const token of tokenize(normalised)) {
    const party = partyWords[token];
    if (party) return party;
  }
  return undefined;
}

// ─── Evidence and the answer ────────────────────────────────────────────────────────────────────────

function provisionEvidence(core: Core, provision: Provision): Evidence {
  const values = provision.values.length ? ` (${provision.values.map(formatValue).join(', ')})` : '';
  return {
    heading: `${planLabel(core, provision.plan)}, point ${provision.number}${provision.part ?? ''} — ${provision.title}`,
    text: `${provision.summary}${values}${statusMark(provision)}`,
    citations: provision.citations,
    factId: provision.id,
  };
}

/** The recorded positions on a topic, one section per party. */
function positionEvidence(core: Core, topic: TopicDoc): Evidence[] {
  const issue = core.kb.issuesByTopic.get(topic.topic.id);
  if (!issue) return [topicEvidence(topic.topic)];
  return issue.positions.slice(0, 8).map((position) => ({
    heading: `${partyName[position.party]}${position.attributedTo ? ` (per ${position.attributedTo})` : ''}`,
    text: `${position.summary}${statusMark(position)}`,
    citations: position.citations,
    factId: position.id,
  }));
}

function changeEvidence(change: Change): Evidence {
  return {
    heading: 'What changed from 28 to 20 points',
    text: `${change.summary}${statusMark(change)}`,
    citations: change.citations,
    factId: change.id,
  };
}

function topicEvidence(topic: Topic): Evidence {
  return {
    heading: topic.title,
    text: `${topic.summary}${statusMark(topic)}`,
    citations: topic.citations,
    factId: topic.id,
  };
}

function disagreementEvidence(hit: DisputeHit): Evidence {
  return {
    heading: 'Sources disagree',
    text: [hit.disagreement.summary, ...hit.disagreement.claims.map((c) => `• ${c.claim}`)].join('\n'),
    citations: hit.disagreement.claims.flatMap((c) => c.citations),
    factId: hit.issueId,
  };
}

function findingEvidence(core: Core, findings: PlanFinding[]): Evidence[] {
  const out: Evidence[] = [];
  const seen = new Set<string>();
  for (const id of findings.flatMap((f) => f.provisions)) {
    const provision = core.kb.provisions.get(id);
    if (provision && !seen.has(id)) out.push(provisionEvidence(core, provision));
    seen.add(id);
  }
  for (const id of findings.flatMap((f) => f.changes)) {
    const change = topicChange(core, id);
    if (change && !seen.has(id)) out.push(changeEvidence(change));
    seen.add(id);
  }
  return out;
}

function evidenceIds(topic: TopicDoc, evidence: Evidence[]): string[] {
  return unique([...evidence.map((e) => e.factId), topic.topic.id]);
}

function searchSuggestions(core: Core, claim: string): string[] {
  return core.index
    .search(claim, { kinds: ['topic', 'provision', 'issue'], limit: 5, fuzzy: false })
    .hits.filter((h) => h.confidence >= 0.3)
    .map((h) => h.id);
}

function buildAnswer(core: Core, claim: string, reading: ClaimReading, decision: Decision): Answer {
  const sections: AnswerSection[] = decision.evidence.map((e) => ({
    heading: e.heading,
    text: e.text,
    citations: resolveCitations(core, e.citations),
  }));
  sections.push({ heading: 'How the claim was read', text: readingText(core, reading), citations: [] });
  const { verdict } = decision;
  const found = verdict !== 'not_in_sources';
  const sentence = decision.sentence.charAt(0).toUpperCase() + decision.sentence.slice(1);
  return baseAnswer(core, {
    status: found ? 'found' : 'not_found',
    title: `Fact-check: ${verdictLabels[verdict]}`,
    text: `**${verdictLabels[verdict]}:** “${literal(claim, 200)}”\n${sentence}`,
    sections,
    factIds: decision.factIds,
    suggestions: found
      ? []
      : unique(decision.suggestions ?? [])
          .filter((id) => core.index.entry(id))
          .slice(0, 5),
    verdict,
  });
}

function readingText(core: Core, reading: ClaimReading): string {
  return [
    `Plan: ${reading.plans.length ? reading.plans.map((p) => planLabel(core, p)).join(', ') : 'none named, so every plan was checked'}`,
    reading.point && !reading.point.startsWith('?') ? `Point: ${titleOf(core, reading.point)}` : '',
    reading.numbers.length ? `Figures: ${reading.numbers.map((n) => numberText(n)).join(', ')}` : '',
    reading.dates.length ? `Dates: ${reading.dates.join(', ')}` : '',
    reading.parties.length ? `Parties: ${reading.parties.map((x) => partyName[x]).join(', ')}` : '',
    reading.negated ? 'Negated ("not", "no", "never"…)' : '',
    reading.restrictive ? 'About a bar ("bans", "rules out"…)' : '',
    reading.removal ? 'About a removal ("drops", "no longer"…)' : '',
    reading.content.length ? `Key words: ${reading.content.slice(0, 10).join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A claim's figure as a reader writes it; borrows the unit of the value it is compared with. */
function numberText(number: ClaimNumber, like?: Value): string {
  const prefix = { eq: '', approx: 'about ', gte: 'at least ', lte: 'at most ' }[number.comparator];
  const unit = number.unit ?? like?.unit;
  return `${prefix}${unit ? formatValue({ label: '', amount: number.amount, unit }) : number.amount.toLocaleString('en-US')}`;
}

function lowerTitle(topic: Topic): string {
  return lowerFirst(topic.title);
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) && !/^(?:Ukraine|Russia|Europe|Zelensky|Trump|NATO|The US)\b/.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text;
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}

/** Builds the fact-check's per-core tables now rather than on the first claim (start-up, benchmark). */
export function prepareFactcheck(core: Core): void {
  prepared(core);
}
