import type { KnowledgeBase } from '../knowledge/load.js';
import type { Lexicon, PartyId, PlanId } from '../knowledge/schema.js';
import { intentNames } from '../knowledge/constants.js';
import { normaliseForMatching, tokenize } from '../text/normalise.js';
import { PhraseTable } from './phrases.js';
import type { Intent } from './types.js';

/**
 * Everything the query reader knows, prepared once per fact base: the lexicon (knowledge/lexicon.json) as
 * phrase tables, and the names of plans, parties, people and topics from the fact files. No word list lives
 * in code.
 */
export interface Vocabulary {
  /** Slang, spelling variants, translations and synonyms → replacement words ([] drops the phrase). */
  rewrites: PhraseTable<string[]>;
  stopwords: ReadonlySet<string>;
  /** Stopwords that, written in capitals, name a topic ("START" the treaty), from the topics' own aliases. */
  acronyms: ReadonlyMap<string, string>;
  /** One-word spelling variants → the fact base's form: the search folds the facts' own text with these. */
  variants: ReadonlyMap<string, string>;
  planNames: PhraseTable<PlanId>;
  planNicknames: PhraseTable<PlanId>;
  planWords: PhraseTable<true>;
  /** Words before a point's number ("point", "pt" after rewriting, "item"). */
  pointWords: ReadonlySet<string>;
  /** The number each plan is named after (28, 20, 6). */
  planNumbers: ReadonlyMap<number, PlanId>;
  intents: PhraseTable<Intent>;
  negations: PhraseTable<true>;
  units: PhraseTable<string>;
  /** Question phrases → the units they ask for ("how long" → days, years …). */
  questionUnits: PhraseTable<string[]>;
  roles: PhraseTable<string>;
  presentCues: PhraseTable<true>;
  reactionCues: PhraseTable<true>;
  authorship: PhraseTable<true>;
  outOfScope: PhraseTable<string>;
  verbatimCues: PhraseTable<true>;
  parties: PhraseTable<PartyId>;
  /** People and bodies (actor ids). */
  people: PhraseTable<string>;
  topics: PhraseTable<string>;
  /** Provision ids that exist, to tell a real point reference from a missing one. */
  provisions: ReadonlySet<string>;
  /** The highest point number of each plan. */
  pointCounts: ReadonlyMap<PlanId, number>;
}

const prepared = new WeakMap<KnowledgeBase, Vocabulary>();

/** The vocabulary of a fact base, built on first use and kept with it. */
export function vocabularyOf(kb: KnowledgeBase): Vocabulary {
  let vocabulary = prepared.get(kb);
  if (!vocabulary) {
    vocabulary = buildVocabulary(kb);
    prepared.set(kb, vocabulary);
  }
  return vocabulary;
}

/** A phrase as written in the lexicon → its normalised words; a trailing "*" survives normalisation. */
export function phraseWords(phrase: string): string[] {
  return phrase
    .split(/\s+/)
    .flatMap((part) => {
      const star = part.endsWith('*');
      const words = tokenize(normaliseForMatching(star ? part.slice(0, -1) : part));
      if (star && words.length > 0) words[words.length - 1] += '*';
      return words;
    })
    .filter(Boolean);
}

function table<T>(entries: Iterable<[string, T]>): PhraseTable<T> {
  const out = new PhraseTable<T>();
  for (const [phrase, value] of entries) out.add(phraseWords(phrase), value);
  return out;
}

function buildVocabulary(kb: KnowledgeBase): Vocabulary {
  const lexicon: Lexicon = kb.lexicon;
  const rewrites = new PhraseTable<string[]>();
  // A synonym replaces only words the facts do not use themselves; a word they use ("land") is kept and the
  // synonym added ("land territory"), so the facts that say it still match.
  const factText = ` ${[...kb.facts.values()]
    .flatMap((f) => [f.title, f.summary, ...f.aliases])
    .map(normaliseForMatching)
    .join(' | ')} `;
  const usedByFacts = (words: readonly string[]) => factText.includes(` ${words.join(' ')} `);
  // Later sections win on the same phrase: synonyms, then variants, translations, slang.
  for (const section of [lexicon.synonyms, lexicon.variants, lexicon.translations, lexicon.slang]) {
    for (const [phrase, replacement] of Object.entries(section)) {
      const words = phraseWords(phrase);
      // …and only into words the facts use: a synonym nobody wrote would make the question harder to answer.
      if (section === lexicon.synonyms && !usedByFacts(tokenize(normaliseForMatching(replacement)))) continue;
      const kept = section === lexicon.synonyms && usedByFacts(words) ? words : [];
      const into = [...kept, ...tokenize(normaliseForMatching(replacement)).filter((w) => !kept.includes(w))];
      // A rewrite that normalisation already performs is no rewrite.
      if (words.join(' ') !== into.join(' ')) rewrites.add(words, into);
    }
  }
  const planNames = new PhraseTable<PlanId>();
  const planNicknames = new PhraseTable<PlanId>();
  for (const plan of lexicon.planNames) {
    for (const name of plan.names) planNames.add(phraseWords(name), plan.plan);
    for (const name of plan.nicknames) planNicknames.add(phraseWords(name), plan.plan);
  }
  for (const plan of kb.plans.values()) {
    for (const name of [plan.name, plan.shortName, ...plan.aliases])
      planNames.add(phraseWords(name), plan.id);
  }
  const intents = new PhraseTable<Intent>();
  for (const intent of intentNames) {
    for (const cue of lexicon.intents[intent]) intents.add(phraseWords(cue), intent);
  }
  const units = new PhraseTable<string>();
  for (const [unit, words] of Object.entries(lexicon.units)) {
    for (const word of words) units.add(phraseWords(word), unit);
  }
  const parties = new PhraseTable<PartyId>();
  const people = new PhraseTable<string>();
  for (const actor of kb.actors.values()) {
    for (const name of [actor.name, ...actor.aliases]) {
      if (actor.kind === 'party') parties.add(phraseWords(name), actor.id as PartyId);
      else people.add(phraseWords(name), actor.id);
    }
  }
  // Short forms the party records do not list ("EU", "Brussels", "the West"), from the lexicon.
  for (const [phrase, party] of Object.entries(lexicon.parties)) {
    if (kb.actors.has(party)) parties.add(phraseWords(phrase), party);
  }
  const topics = new PhraseTable<string>();
  for (const topic of kb.topics.values()) {
    for (const name of [topic.title, ...topic.aliases]) topics.add(phraseWords(name), topic.id);
  }
  const pointCounts = new Map<PlanId, number>();
  for (const provision of kb.provisions.values()) {
    pointCounts.set(provision.plan, Math.max(pointCounts.get(provision.plan) ?? 0, provision.number));
  }
  return {
    rewrites,
    stopwords: new Set(lexicon.stopwords.flatMap(phraseWords)),
    acronyms: acronymsOf(kb, new Set(lexicon.stopwords.flatMap(phraseWords))),
    variants: new Map(
      Object.entries(lexicon.variants).flatMap(([from, to]) => {
        const key = phraseWords(from);
        const into = normaliseForMatching(to);
        return key.length === 1 && key[0] !== into ? [[key[0]!, into] as [string, string]] : [];
      }),
    ),
    planNames,
    planNicknames,
    planWords: table(lexicon.planWords.map((w) => [w, true as const])),
    pointWords: new Set(lexicon.pointWords.flatMap(phraseWords)),
    planNumbers: new Map(lexicon.planNames.map((p) => [p.number, p.plan])),
    intents,
    negations: table(lexicon.negations.map((w) => [w, true as const])),
    units,
    questionUnits: table(Object.entries(lexicon.questionUnits)),
    roles: table(lexicon.roles.map((w) => [w, w])),
    presentCues: table(lexicon.presentCues.map((w) => [w, true as const])),
    reactionCues: table(lexicon.reactionCues.map((w) => [w, true as const])),
    authorship: table(lexicon.authorship.map((w) => [w, true as const])),
    outOfScope: table(lexicon.outOfScope.map((w) => [w, w])),
    verbatimCues: table(lexicon.verbatimCues.map((w) => [w, true as const])),
    parties,
    people,
    topics,
    provisions: new Set(kb.provisions.keys()),
    pointCounts,
  };
}

/**
 * A topic alias that spells a stopword in capitals ("START treaty", "New START"): that word, in capitals in
 * a question, names the topic, though in lower case it is only a verb.
 */
function acronymsOf(kb: KnowledgeBase, stopwords: ReadonlySet<string>): Map<string, string> {
  const acronyms = new Map<string, string>();
  for (const topic of kb.topics.values()) {
    for (const alias of topic.aliases) {
      for (const word of alias.match(/\b[A-Z]{3,}\b/g) ?? []) {
        if (stopwords.has(word.toLowerCase())) acronyms.set(word.toLowerCase(), topic.id);
      }
    }
  }
  return acronyms;
}

/**
 * "START in the 20-point plan": the stopwords a question writes in capitals that name a topic. A question
 * written all in capitals shouts; its capitals name nothing.
 */
export function acronymsNamed(cleaned: string, vocabulary: Vocabulary): Set<string> {
  if (!/[a-z]/.test(cleaned)) return new Set();
  const words = (cleaned.match(/\b[A-Z]{3,}\b/g) ?? []).map((w) => w.toLowerCase());
  return new Set(words.filter((w) => vocabulary.acronyms.has(w)));
}
