import { isPartyId } from '../../knowledge/constants.js';
import type { Actor, Lexicon, PartyId, PlanId } from '../../knowledge/schema.js';
import { normaliseForMatching, stem, tokenize } from '../../text/normalise.js';
import { wordStem } from './words.js';

export { blank, findPhrase } from './words.js';
export * from './negation.js';
export * from './roles.js';

/**
 * The lexicon (knowledge/lexicon.json) and the people of parties.json, compiled once for reading claims
 * and facts alike: one normal form, "same thing" phrases folded to one word, names found as phrases.
 */
export interface Vocabulary {
  /** Phrase → the word it folds to; longest phrases first. */
  /** "Same thing" phrases by their first word, longest first: phrase words → the word they fold to. */
  sameThing: Map<string, [string[], string][]>;
  /** "Same thing" phrases that hold a plan word ("counter proposal"): one word, not a plan. */
  compounds: Map<string, [string[], string][]>;
  negative: Set<string>;
  /** Negation phrases as words ("rules out", "keep out"), longest first. */
  negativePhrases: string[][];
  /** Words that put what follows in the unrealised ("proposed", "could", "ready to"), normalised. */
  unrealised: string[];
  /** Negations that deny the whole rest of their clause ("no source shows …"), as words. */
  wideNegative: string[][];
  /** Phrases that hold a negation but deny nothing ("came out of", "no later than"), as words. */
  notNegative: string[][];
  casual: Set<string>;
  /** One-word slang → the words the facts use ("yrs" → "years"; "" drops it): claims are typed, facts are not. */
  slang: Map<string, string>;
  /** Word → its content stem ("" for none), filled as texts are read: the same words recur in every fact. */
  stems: Map<string, string>;
  /** Verbs that report a party's wish or words ("demands", "says"). */
  reporting: Set<string>;
  /** A role verb (folded) → the role it gives ("led" → leads, "gets" → receives). */
  roleVerbs: Map<string, string>;
  /** A verb whose role goes to the one after "to" ("hands … to Russia" → receives). */
  roleVerbsTo: Map<string, string>;
  /** A verb whose role is shared by those after "between" ("split … between Russia and Ukraine"). */
  roleVerbsBetween: Map<string, string>;
  /** Words that make a role one holder's alone ("all", "only"). */
  exclusive: string[];
  /** Phrases that say something is absent or was dropped ("does not include", "drops", "no longer"). */
  absence: string[];
  /** Stems of verbs that say a document came into being ("issu", "sign", "unveil"). */
  origin: Set<string>;
  /** Words a claim's meaning does not rest on (knowledge/lexicon.json claims.stopwords). */
  stopwords: Set<string>;
  /** Words that are content here though a search would skip them ("START"). */
  keep: Set<string>;
  verbs: Set<string>;
  /** Names by their first word, longest first (to read them in one pass). */
  namesByFirst: Map<string, { words: string[]; key: string; kind: NameKind }[]>;
  /** Normalised name phrase → the name's key (a person's id, a place, an outlet). */
  names: { phrase: string; key: string; kind: NameKind }[];
  /** The names that can hold a role: people, parties and the parties' adjectives ("Russian-led"). */
  roleNames: { phrase: string; key: string; kind: NameKind }[];
  /** A person → the party they act for (Witkoff → the US): a party's role is its people's. */
  sides: Map<string, string>;
  /** Normalised party name or alias ("kyiv", "the us", "kremlin") → the party. */
  parties: [string, PartyId][];
  /** A capital that also names its party's government ("Kyiv said yes" is Ukraine saying yes). */
  capitals: Map<string, PartyId>;
  planNicknames: [string, PlanId][];
  genericPlan: string[];
  otherDocuments: string[];
}

export type NameKind = 'person' | 'place' | 'outlet' | 'party';

export function compileVocabulary(shared: Lexicon, actors: Iterable<Actor>): Vocabulary {
  const lexicon = shared.claims;
  const norm = (s: string) => normaliseForMatching(s);
  const sameThing = new Map<string, [string[], string][]>();
  for (const group of lexicon.sameThing) {
    // the first of a group is what every other phrase of it becomes, word for word
    const target = norm(group[0]!);
    for (const phrase of group) {
      const words = norm(phrase).split(' ');
      if (!sameThing.has(words[0]!)) sameThing.set(words[0]!, []);
      sameThing.get(words[0]!)!.push([words, target]);
    }
  }
  for (const list of sameThing.values()) list.sort((a, b) => b[0].length - a[0].length);
  const negatives = lexicon.negative.map(norm);
  const names: Vocabulary['names'] = [];
  const parties: [string, PartyId][] = [];
  const sides = new Map<string, string>();
  for (const actor of actors) {
    if (actor.kind === 'person' && actor.side && actor.side !== 'other') sides.set(actor.id, actor.side);
    const party = actor.id;
    if (actor.kind === 'party' && isPartyId(party)) {
      for (const phrase of [actor.name, ...actor.aliases]) parties.push([norm(phrase), party]);
    }
    if (actor.kind !== 'person') continue;
    for (const phrase of [actor.name, ...actor.aliases]) {
      const n = norm(phrase);
      if (n && /^[a-z0-9 ]+$/.test(n)) names.push({ phrase: n, key: actor.id, kind: 'person' });
    }
  }
  for (const place of lexicon.places) names.push({ phrase: norm(place), key: norm(place), kind: 'place' });
  // parties are names too ("US jets" are not "European jets"); a capital stays a place
  const places = new Set(lexicon.places.map(norm));
  for (const [phrase, party] of parties)
    if (phrase && !places.has(phrase)) names.push({ phrase, key: party, kind: 'party' });
  // a party's adjective holds a role for it ("Russian-led"): the lexicon's one-word variants of its names
  const partyOf = new Map(parties.filter(([phrase]) => !places.has(phrase)));
  const adjectives: Vocabulary['names'] = [];
  for (const [variant, into] of Object.entries(shared.variants)) {
    const party = partyOf.get(norm(into));
    const phrase = norm(variant);
    if (party && phrase && !partyOf.has(phrase)) adjectives.push({ phrase, key: party, kind: 'party' });
  }
  for (const outlet of lexicon.outlets)
    names.push({ phrase: norm(outlet), key: norm(outlet), kind: 'outlet' });
  names.sort((a, b) => b.phrase.length - a.phrase.length);
  // plan names and nicknames are the query reader's ("Trump's plan", "the new draft", "the Berlin statement")
  const planNicknames: [string, PlanId][] = [];
  const planWords = shared.planWords.filter((w) => !/points?/.test(w)).map(norm);
  for (const { plan, names: planNames, nicknames } of shared.planNames) {
    for (const phrase of planNames) planNicknames.push([norm(phrase), plan]);
    for (const nickname of nicknames)
      for (const word of planWords) planNicknames.push([`${norm(nickname)} ${word}`, plan]);
  }
  planNicknames.sort((a, b) => b[0].length - a[0].length);
  const namesByFirst = new Map<string, { words: string[]; key: string; kind: NameKind }[]>();
  for (const { phrase, key, kind } of names) {
    const words = phrase.split(' ');
    if (!namesByFirst.has(words[0]!)) namesByFirst.set(words[0]!, []);
    namesByFirst.get(words[0]!)!.push({ words, key, kind });
  }
  for (const list of namesByFirst.values()) list.sort((a, b) => b.words.length - a.words.length);
  const planWordSet = new Set(lexicon.genericPlan.map(norm).filter((w) => !w.includes(' ')));
  const compounds = new Map<string, [string[], string][]>();
  for (const [first, list] of sameThing) {
    const kept = list.filter(([words]) => words.length > 1 && words.some((w) => planWordSet.has(w)));
    if (kept.length) compounds.set(first, kept);
  }
  return {
    sameThing,
    compounds,
    namesByFirst,
    negative: new Set(negatives.filter((n) => !n.includes(' '))),
    negativePhrases: negatives
      .filter((n) => n.includes(' '))
      .map((n) => n.split(' '))
      .sort((a, b) => b.length - a.length),
    unrealised: lexicon.unrealised.map(norm),
    wideNegative: lexicon.wideNegative.map((phrase) => foldSameThing({ sameThing }, norm(phrase)).split(' ')),
    notNegative: lexicon.notNegative
      .map((phrase) => foldSameThing({ sameThing }, norm(phrase)).split(' '))
      .filter((words) => words.length > 1),
    casual: new Set(lexicon.casual.map(norm)),
    slang: new Map(
      Object.entries(shared.slang)
        .map(([word, into]) => [norm(word), norm(into)] as const)
        .filter(([word]) => word && !word.includes(' ') && !word.endsWith('*')),
    ),
    stems: new Map(),
    reporting: new Set(lexicon.reporting.map(norm)),
    roleVerbsTo: new Map(
      Object.entries(lexicon.rolesTo).flatMap(([role, verbs]) => verbs.map((v) => [norm(v), role] as const)),
    ),
    roleVerbsBetween: new Map(
      Object.entries(lexicon.rolesBetween).flatMap(([role, verbs]) =>
        verbs.map((v) => [norm(v), role] as const),
      ),
    ),
    exclusive: lexicon.exclusive.map(norm),
    roleVerbs: new Map(
      Object.entries(lexicon.roles).flatMap(([role, verbs]) => verbs.map((v) => [norm(v), role] as const)),
    ),
    absence: lexicon.absence.map((phrase) => foldSameThing({ sameThing }, norm(phrase))),
    stopwords: new Set(lexicon.stopwords),
    keep: new Set(lexicon.contentWords.map(norm)),
    origin: new Set(lexicon.origin.map((w) => stem(norm(w)))),
    verbs: new Set(lexicon.verbs.map(norm)),
    names,
    roleNames: [...names, ...adjectives].sort((a, b) => b.phrase.length - a.phrase.length),
    sides,
    parties: parties.filter(([phrase]) => phrase).sort((a, b) => b[0].length - a[0].length),
    capitals: new Map(parties.filter(([phrase]) => places.has(phrase))),
    planNicknames,
    genericPlan: lexicon.genericPlan.map(norm).sort((a, b) => b.length - a.length),
    otherDocuments: lexicon.otherDocuments.map(norm),
  };
}

/** Folds "same thing" phrases to one word: "nuclear power plant" and "ZNPP" meet. */
export function foldSameThing(vocabulary: Pick<Vocabulary, 'sameThing'>, normalised: string): string {
  const words = normalised.split(' ');
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    const match = vocabulary.sameThing
      .get(words[i]!)
      ?.find(([phrase]) => phrase.every((word, k) => words[i + k] === word));
    out.push(match ? match[1] : words[i]!);
    i += match ? match[0].length : 1;
  }
  return out.filter(Boolean).join(' ');
}

/** The names (people, places, outlets) a normalised text mentions, by key. */
export function namesIn(vocabulary: Vocabulary, normalised: string): Map<string, NameKind> {
  const found = new Map<string, NameKind>();
  const words = normalised.split(' ');
  for (let i = 0; i < words.length;) {
    const match = vocabulary.namesByFirst
      .get(words[i]!)
      ?.find(({ words: phrase }) => phrase.every((word, k) => words[i + k] === word));
    if (match && !found.has(match.key)) found.set(match.key, match.kind);
    i += match ? match.words.length : 1;
  }
  return found;
}

/** Content stems of a normalised, folded text: no stop words, no numbers, no casual words. */
export function contentStems(vocabulary: Vocabulary, folded: string, keepMarkers = false): string[] {
  const out: string[] = [];
  for (const word of tokenize(folded)) {
    if (!keepMarkers && (vocabulary.negative.has(word) || vocabulary.verbs.has(word))) continue;
    const s = wordStem(vocabulary, word);
    if (s) out.push(s);
  }
  return out;
}
