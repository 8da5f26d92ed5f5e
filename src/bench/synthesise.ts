import type { FactEntry, KnowledgeBase } from '../knowledge/load.js';
import type { Issue, Provision, TimelineEvent, Topic } from '../knowledge/schema.js';

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Clones every fact `factor - 1` times with new ids, aliases that differ ("troop cap 3"), and text
 * perturbed from the real vocabulary (a word in seven swapped for another), so the index has ten times
 * the documents, postings and phrases, and lookups meet many near-duplicates — a harder case than a real
 * base of that size.
 */
export function synthesise(kb: KnowledgeBase, factor: number, seed = 20260702): KnowledgeBase {
  const random = rng(seed);
  const vocabulary = [
    ...new Set(
      [...kb.facts.values()].flatMap((f) => f.summary.split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w)),
    ),
  ];
  const perturb = (text: string) =>
    text
      .split(/(\s+)/)
      .map((w) =>
        /^\s+$/.test(w) || random() > 1 / 7 ? w : (vocabulary[Math.floor(random() * vocabulary.length)] ?? w),
      )
      .join('');
  const out: KnowledgeBase = {
    ...kb,
    provisions: new Map(kb.provisions),
    topics: new Map(kb.topics),
    issues: new Map(kb.issues),
    issuesByTopic: new Map(kb.issuesByTopic),
    events: [...kb.events],
    actors: new Map(kb.actors),
    facts: new Map(kb.facts),
  };
  for (let k = 2; k <= factor; k += 1) {
    const id = (original: string) => (kb.plans.has(original) ? original : `${original}-s${k}`);
    const alias = (a: string) => `${a} ${k}`;
    for (const p of kb.provisions.values()) {
      const clone: Provision = {
        ...p,
        id: id(p.id),
        title: perturb(p.title),
        summary: perturb(p.summary),
        aliases: p.aliases.map(alias),
        topics: p.topics.map(id),
      };
      out.provisions.set(clone.id, clone);
    }
    for (const t of kb.topics.values()) {
      const clone: Topic = {
        ...t,
        id: id(t.id),
        title: `${perturb(t.title)} ${k}`,
        summary: perturb(t.summary),
        aliases: t.aliases.map(alias),
        provisions: t.provisions.map(id),
        related: t.related.map(id),
        changes: t.changes.map((c) => ({
          ...c,
          id: id(c.id),
          summary: perturb(c.summary),
          from: c.from.map(id),
          to: c.to.map(id),
        })),
      };
      out.topics.set(clone.id, clone);
    }
    for (const i of kb.issues.values()) {
      const clone: Issue = {
        ...i,
        id: id(i.id),
        topic: id(i.topic),
        summary: perturb(i.summary),
        positions: i.positions.map((p) => ({ ...p, id: id(p.id), summary: perturb(p.summary) })),
        notes: i.notes.map((n) => ({ ...n, id: id(n.id), summary: perturb(n.summary) })),
        disagreements: i.disagreements.map((d) => ({
          ...d,
          id: id(d.id),
          claims: d.claims.map((c) => ({ ...c, claim: perturb(c.claim) })),
        })),
      };
      out.issues.set(clone.id, clone);
      out.issuesByTopic.set(clone.topic, clone);
    }
    for (const e of kb.events) {
      const clone: TimelineEvent = {
        ...e,
        id: id(e.id),
        summary: perturb(e.summary),
        topics: e.topics.map(id),
        aliases: e.aliases.map(alias),
      };
      out.events.push(clone);
    }
    for (const a of kb.actors.values()) {
      out.actors.set(id(a.id), {
        ...a,
        id: id(a.id),
        name: `${a.name} ${k}`,
        aliases: a.aliases.map(alias),
        summary: perturb(a.summary),
      });
    }
    for (const f of kb.facts.values()) {
      if (f.kind === 'plan') continue;
      const clone: FactEntry = {
        ...f,
        id: id(f.id),
        title: f.kind === 'actor' ? `${f.title} ${k}` : perturb(f.title),
        summary: perturb(f.summary),
        aliases: f.aliases.map(alias),
        topics: f.topics.map(id),
        ...(f.parent ? { parent: id(f.parent) } : {}),
      };
      out.facts.set(clone.id, clone);
    }
  }
  out.events.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}
