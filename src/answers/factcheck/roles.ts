import type { Vocabulary } from './vocabulary.js';
import { findPhrase } from './words.js';

/** Who holds a role in a text: the one who leads ("X-led", "led by X") or receives ("X gets …"). */
export type Roles = Map<string, Set<string>>;

/**
 * The people and parties a text puts in a role (lexicon "roles": role → the verbs that give it): the name
 * right before the verb ("Russia gets", "European-led"), or right after "by" ("chaired by Trump"); names
 * joined by "and" share the role ("Witkoff and Kushner wrote", "drafted by Witkoff and Kushner").
 */
/** Words between a holder and a role noun ("is the chair", "was the head"). */
const copula = new Set(['is', 'was', 'be', 'the', 'a', 'an', 'its', 'their']);

export function rolesIn(vocabulary: Vocabulary, folded: string): Roles {
  const words = folded.split(' ');
  const verbOf = (w: string) =>
    vocabulary.roleVerbs.get(w) ?? vocabulary.roleVerbsTo.get(w) ?? vocabulary.roleVerbsBetween.get(w);
  if (!words.some((w) => verbOf(w) !== undefined)) return new Map();
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
  let byRole: { role: string; at: number } | undefined;
  words.forEach((word, i) => {
    const giving = vocabulary.roleVerbsTo.get(word);
    const sharing = vocabulary.roleVerbsBetween.get(word);
    const role = vocabulary.roleVerbs.get(word) ?? giving ?? sharing;
    if (!role) return;
    if (sharing && !vocabulary.roleVerbs.has(word) && !giving) {
      // "split 50:50 between Russia and Ukraine": the ones after "between", a few words on
      const between = words.indexOf('between', i + 1);
      const holder =
        between > i && between - i <= 5
          ? [between + 1, between + 2].map((j) => starts.get(j)).find(Boolean)
          : undefined;
      if (!holder) return;
      if (!roles.has(role)) roles.set(role, new Set());
      for (const key of joined(holder)) roles.get(role)!.add(key);
      return;
    }
    // "gets compensated", "got paid": a passive, not something received
    if (!giving && /ed$/.test(words[i + 1] ?? '') && vocabulary.roleVerbs.get(words[i + 1]!) === undefined)
      return;
    let holder: Spot | undefined;
    if (giving) {
      // "gives Ukraine access to EU markets": the one right after the verb; else "hands Zaporizhzhia and
      // Kherson to Russia": the one after "to"
      const to = words.indexOf('to', i + 1);
      holder =
        starts.get(i + 1) ??
        (to > i && to - i <= 8 ? [to + 1, to + 2].map((j) => starts.get(j)).find(Boolean) : undefined);
    } else if (words[i + 1] === 'by') {
      holder = [i + 2, i + 3, i + 4].map((j) => starts.get(j)).find(Boolean);
      if (holder && byRole === undefined) byRole = { role, at: i + 1 };
    } else {
      // "Putin is the chair of …": the holder before the copula and article of a role noun
      let j = i - 1;
      while (j > 0 && copula.has(words[j]!)) j -= 1;
      holder = [j, j - 1].map((k) => ends.get(k)).find(Boolean);
    }
    if (!holder) return;
    if (!roles.has(role)) roles.set(role, new Set());
    for (const key of joined(holder)) roles.get(role)!.add(key);
  });
  // "Russia led by Kostyukov; Ukraine by Umerov and Budanov": a side named before a bare "by" repeats the
  // role ("led") of the "… led by …" before it
  const sides = new Set(vocabulary.parties.map(([, party]) => party as string));
  if (byRole) {
    const { role, at } = byRole;
    words.forEach((word, j) => {
      const side = ends.get(j - 1);
      const holder = starts.get(j + 1);
      if (word !== 'by' || j <= at || !side || !sides.has(side.key) || !holder) return;
      if (!roles.has(role)) roles.set(role, new Set());
      for (const key of joined(holder)) roles.get(role)!.add(key);
    });
  }
  return roles;
}
