import { PartyId, type Actor, type Lexicon, type PlanId } from '../../knowledge/schema.js';
import { isStopword } from '../../search/stopwords.js';
import { normaliseForMatching, stem, tokenize } from '../../text/normalise.js';

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
  /** Phrases that say something is absent or was dropped ("does not include", "drops", "no longer"). */
  absence: string[];
  /** Stems of verbs that say a document came into being ("issu", "sign", "unveil"). */
  origin: Set<string>;
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
    const target = norm(group[0]!).replace(/ /g, '');
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
    const party = PartyId.safeParse(actor.id);
    if (actor.kind === 'party' && party.success) {
      for (const phrase of [actor.name, ...actor.aliases]) parties.push([norm(phrase), party.data]);
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
    roleVerbs: new Map(
      Object.entries(lexicon.roles).flatMap(([role, verbs]) => verbs.map((v) => [norm(v), role] as const)),
    ),
    absence: lexicon.absence.map((phrase) => foldSameThing({ sameThing }, norm(phrase))),
    keep: new Set(lexicon.contentWords.map(norm)),
    origin: new Set(lexicon.origin.map((w) => stem(norm(w)))),
    verbs: new Set(lexicon.verbs.map(norm)),
    names,
    roleNames: [...names, ...adjectives].sort((a, b) => b.phrase.length - a.phrase.length),
    sides,
    parties: parties.filter(([phrase]) => phrase).sort((a, b) => b[0].length - a[0].length),
    planNicknames,
    genericPlan: lexicon.genericPlan.map(norm).sort((a, b) => b.length - a.length),
    otherDocuments: lexicon.otherDocuments.map(norm),
  };
}

/** The text puts something in the unrealised: proposed, offered, possible, planned. */
export function unrealisedIn(vocabulary: Vocabulary, normalised: string): boolean {
  return vocabulary.unrealised.some((cue) => findPhrase(normalised, cue) >= 0);
}

/**
 * The text puts one of these stems in the unrealised: a cue ("proposed", "ready to") reaches it within the
 * next few content words ("proposed meeting Putin"), as a negation would.
 */
export function unrealisedOn(
  vocabulary: Vocabulary,
  folded: string,
  stems: ReadonlySet<string>,
  reach: number,
): boolean {
  const words = folded.split(' ');
  return vocabulary.unrealised.some((cue) => {
    for (let at = findPhrase(folded, cue); at >= 0; at = findPhrase(folded, cue, at + 1)) {
      const after = folded.slice(0, at + cue.length).split(' ').length;
      const ahead = words
        .slice(after, after + reach * 2)
        .map((w) => wordStem(vocabulary, w))
        .filter(Boolean)
        .slice(0, reach);
      if (ahead.some((s) => stems.has(s))) return true;
    }
    return false;
  });
}

/** Finds a whole-word phrase in a normalised text. */
export function findPhrase(text: string, phrase: string, from = 0): number {
  if (!phrase) return -1;
  for (let at = text.indexOf(phrase, from); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = at === 0 || text[at - 1] === ' ';
    const after = at + phrase.length === text.length || text[at + phrase.length] === ' ';
    if (before && after) return at;
  }
  return -1;
}

/** Blanks a span of a text, keeping positions. */
export function blank(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${' '.repeat(end - start)}${text.slice(end)}`;
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

/** Where a text's words hold a pair of words in order. */
function phraseAt(words: readonly string[], phrase: readonly string[], at: number): boolean {
  return phrase.every((word, k) => words[at + k] === word);
}

/**
 * The negations and bars among a folded text's words: where each starts → how many words it spans. A
 * phrase that holds a negation but denies nothing ("no deal came out of the summit", "no later than
 * 100 days") shields its words, so only real negations are counted.
 */
export function negationSpans(
  vocabulary: Vocabulary,
  words: readonly string[],
): Map<number, { size: number; wide: boolean }> {
  const taken = new Set<number>();
  const take = (at: number, size: number) => {
    for (let k = 0; k < size; k += 1) taken.add(at + k);
  };
  const free = (at: number, size: number) =>
    Array.from({ length: size }, (_, k) => at + k).every((i) => !taken.has(i));
  for (const phrase of vocabulary.notNegative)
    for (let at = 0; at + phrase.length <= words.length; at += 1)
      if (phraseAt(words, phrase, at)) take(at, phrase.length);
  const spans = new Map<number, { size: number; wide: boolean }>();
  const phrases = [
    ...vocabulary.wideNegative.map((phrase) => ({ phrase, wide: true })),
    ...vocabulary.negativePhrases.map((phrase) => ({ phrase, wide: false })),
  ];
  for (const { phrase, wide } of phrases)
    for (let at = 0; at + phrase.length <= words.length; at += 1)
      if (phraseAt(words, phrase, at) && free(at, phrase.length)) {
        spans.set(at, { size: phrase.length, wide });
        take(at, phrase.length);
      }
  words.forEach((word, at) => {
    if (!taken.has(at) && vocabulary.negative.has(word)) spans.set(at, { size: 1, wide: false });
  });
  return spans;
}

/** How many negations and bars a normalised, folded text holds ("not", "bans", "rules out"). */
export function negativeCount(vocabulary: Vocabulary, normalised: string): number {
  return negationSpans(vocabulary, tokenize(normalised.replace(/\s+/g, ' ').trim())).size;
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

/** One word's content stem, or "" for a word that carries no content; remembered per vocabulary. */
function wordStem(vocabulary: Vocabulary, word: string): string {
  const known = vocabulary.stems.get(word);
  if (known !== undefined) return known;
  let result = '';
  if (!word || /^\d/.test(word) || vocabulary.casual.has(word)) result = '';
  else if (vocabulary.keep.has(word)) result = word;
  else if (!isStopword(word) || vocabulary.keep.has(stem(word))) {
    const s = stem(word);
    result = s && (!isStopword(s) || vocabulary.keep.has(s)) ? s : '';
  }
  vocabulary.stems.set(word, result);
  return result;
}

export interface MarkedToken {
  stem?: string;
  negative: boolean;
  /** A participle or state ("dropped", "barred", "void") that negates the words before it too. */
  backward?: boolean;
  /** It denies everything after it ("no source shows that …"). */
  wide?: boolean;
}

/** Words after which a negation is passive ("are outlawed", "was dropped") and reaches back to its subject. */
const passive = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'get',
  'gets',
  'got',
  'become',
  'becomes',
  'remain',
  'remains',
]);

/** A folded text's words in order, with negations and bars (words and phrases) marked. */
export function markTokens(vocabulary: Vocabulary, folded: string): MarkedToken[] {
  const words = folded.split(' ').filter(Boolean);
  const spans = negationSpans(vocabulary, words);
  const tokens: MarkedToken[] = [];
  for (let i = 0; i < words.length;) {
    const span = spans.get(i);
    if (span !== undefined) {
      tokens.push({
        negative: true,
        ...(passive.has(words[i - 1] ?? '') ? { backward: true } : {}),
        ...(span.wide ? { wide: true } : {}),
      });
      i += span.size;
      continue;
    }
    const content = wordStem(vocabulary, words[i]!);
    tokens.push(content ? { stem: content, negative: false } : { negative: false });
    i += 1;
  }
  return tokens;
}

/**
 * Negations whose reach takes in one of the given stems: the next few content words (all of them after a
 * wide one), or, for a passive ("X … was denied"), anything before it in the clause.
 */
export function negationsOn(
  tokens: readonly MarkedToken[],
  stems: ReadonlySet<string>,
  reach: number,
): number {
  let count = 0;
  tokens.forEach((token, i) => {
    if (!token.negative) return;
    const ahead = token.wide
      ? tokens.slice(i + 1)
      : tokens
          .slice(i + 1, i + 1 + reach * 2)
          .filter((t) => t.stem !== undefined)
          .slice(0, reach);
    const behind = token.backward ? tokens.slice(0, i) : [];
    if ([...ahead, ...behind].some((t) => t.stem !== undefined && stems.has(t.stem))) count += 1;
  });
  return count;
}

/** Who holds a role in a text: the one who leads ("X-led", "led by X") or receives ("X gets …"). */
export type Roles = Map<string, Set<string>>;

/**
 * The people and parties a text puts in a role (lexicon "roles": role → the verbs that give it): the name
 * right before the verb ("Russia gets", "European-led"), or right after "by" ("chaired by Trump"); names
 * joined by "and" share the role ("Witkoff and Kushner wrote", "drafted by Witkoff and Kushner").
 */
export function rolesIn(vocabulary: Vocabulary, folded: string): Roles {
  const words = folded.split(' ');
  if (!words.some((w) => vocabulary.roleVerbs.has(w) || vocabulary.roleVerbsTo.has(w))) return new Map();
  type Spot = { key: string; start: number; end: number };
  const starts = new Map<number, Spot>();
  const ends = new Map<number, Spot>();
  for (const { phrase, key, kind } of vocabulary.roleNames) {
    if (kind !== 'person' && kind !== 'party') continue;
    const size = phrase.split(' ').length;
    for (let at = findPhrase(folded, phrase); at >= 0; at = findPhrase(folded, phrase, at + 1)) {
      const first = at === 0 ? 0 : folded.slice(0, at).split(' ').length - 1;
      const spot = { key, start: first, end: first + size - 1 };
      if (!starts.has(spot.start)) starts.set(spot.start, spot);
      if (!ends.has(spot.end)) ends.set(spot.end, spot);
    }
  }
  // the names joined to a holder by "and", before it and after it
  const joined = (spot: Spot): string[] => {
    const keys = [spot.key];
    for (let s: Spot | undefined = spot; s && words[s.start - 1] === 'and';) {
      s = ends.get(s.start - 2);
      if (s) keys.push(s.key);
    }
    for (let s: Spot | undefined = spot; s && words[s.end + 1] === 'and';) {
      s = starts.get(s.end + 2);
      if (s) keys.push(s.key);
    }
    return keys;
  };
  const roles: Roles = new Map();
  words.forEach((word, i) => {
    const giving = vocabulary.roleVerbsTo.get(word);
    const role = vocabulary.roleVerbs.get(word) ?? giving;
    if (!role) return;
    // "gets compensated", "got paid": a passive, not something received
    if (!giving && /ed$/.test(words[i + 1] ?? '') && vocabulary.roleVerbs.get(words[i + 1]!) === undefined)
      return;
    let holder: Spot | undefined;
    if (giving) {
      // "hands Zaporizhzhia and Kherson to Russia": the one after "to"
      const to = words.indexOf('to', i + 1);
      holder = to > i && to - i <= 8 ? [to + 1, to + 2].map((j) => starts.get(j)).find(Boolean) : undefined;
    } else if (words[i + 1] === 'by') holder = [i + 2, i + 3, i + 4].map((j) => starts.get(j)).find(Boolean);
    else holder = [i - 1, i - 2].map((j) => ends.get(j)).find(Boolean);
    if (!holder) return;
    if (!roles.has(role)) roles.set(role, new Set());
    for (const key of joined(holder)) roles.get(role)!.add(key);
  });
  return roles;
}
