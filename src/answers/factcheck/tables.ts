import type { KnowledgeBase } from '../../knowledge/load.js';
import type { Assertion, Change, Citation, FactStatus, PartyId, PlanId } from '../../knowledge/schema.js';
import { vocabularyOf, type Vocabulary as QueryVocabulary } from '../../query/index.js';
import { eventDays, toDoc, type RawFact } from './docs.js';
import { figureOfValue, type DateMention, type Figure } from './figures.js';
import { normaliseForMatching } from '../../text/normalise.js';
import { plansNamed } from '../reading.js';
import {
  compileVocabulary,
  namesIn,
  type MarkedToken,
  type NameKind,
  type Roles,
  type Vocabulary,
} from './vocabulary.js';

/**
 * The fact check's prepared tables, built once with the core (src/core.ts): every fact (and every recorded
 * disagreement) as a document of stems, clauses, figures, dates and names, and how rare each stem is.
 */

export type DocKind =
  | 'plan'
  | 'plan-note'
  | 'provision'
  | 'change'
  | 'issue'
  | 'position'
  | 'issue-note'
  | 'event'
  | 'actor'
  | 'disagreement';

export interface Clause {
  text: string;
  stems: Set<string>;
  /** Its words in order: each one's stem (if content) and whether it negates or bars. */
  tokens: MarkedToken[];
  /** It reports what someone wants or says ("Russia demands that…"), not what the text itself provides. */
  reported: boolean;
}

/** One side of a recorded disagreement (or of a fact's "(Conflict: …)" note). */
export interface Side {
  text: string;
  stems: Set<string>;
  figures: Figure[];
  dates: DateMention[];
  citations: Citation[];
  /** The fact sheet judges this account an error. */
  discounted: boolean;
  /** A "(Conflict: …)" note, or the fact text it qualifies (`main`): only its figures and days are in dispute. */
  inline?: 'main' | 'note';
}

export interface FactDoc {
  id: string;
  kind: DocKind;
  title: string;
  summary: string;
  status: FactStatus;
  statusNote?: string;
  plan?: PlanId;
  /** For a disagreement: the words of what it is about (its summary), not of its accounts. */
  subject?: Set<string>;
  /** Plans the fact's text names ("the 28-point draft…"). */
  plansNamed: PlanId[];
  /** The party whose position this is. */
  party?: PartyId;
  stems: Set<string>;
  clauses: Clause[];
  figures: Figure[];
  dates: DateMention[];
  years: number[];
  names: Map<string, NameKind>;
  /** Who the fact puts in a role ("European-led", "chaired by Trump", "the US taking 50%"). */
  roles: Roles;
  citations: Citation[];
  sides: Side[];
  change?: Pick<Change, 'type' | 'from' | 'to'>;
  /** A note filed under a plan that gives the text of another document (the E3 counter-proposal). */
  anotherDocument?: boolean;
}

export interface FactcheckTables {
  vocabulary: Vocabulary;
  /** The query reader's vocabulary: claims are read with the shared reader first. */
  queryVocabulary: QueryVocabulary;
  docs: FactDoc[];
  byId: Map<string, FactDoc>;
  /** Inverse document frequency of each stem; unknown stems get `maxIdf`. */
  idf: Map<string, number>;
  maxIdf: number;
  /** The parties that put each plan forward: a party speaks through its own plan's points. */
  proposers: Map<PlanId, Set<string>>;
}

export function buildFactcheckTables(kb: KnowledgeBase): FactcheckTables {
  const vocabulary = compileVocabulary(kb.lexicon, kb.actors.values());
  const raws: RawFact[] = [];
  const base = (f: {
    id: string;
    summary: string;
    status: FactStatus;
    statusNote?: string | undefined;
    sheet: string[];
    citations: Citation[];
    assertions?: Assertion[] | undefined;
  }) => ({
    id: f.id,
    sheet: f.sheet,
    summary: f.summary,
    status: f.status,
    statusNote: f.statusNote,
    citations: f.citations,
    assertions: f.assertions,
  });
  // a thread no plan has a point on that is named as a plan itself ("E3 plan", "European counter-proposal")
  const planWords = new Set(kb.lexicon.planWords.map((w) => normaliseForMatching(w)));
  const documents = new Set(
    [...kb.topics.values()]
      .filter(
        (t) =>
          t.provisions.length === 0 &&
          t.aliases.some((a) =>
            normaliseForMatching(a)
              .split(' ')
              .some((w) => planWords.has(w)),
          ),
      )
      .map((t) => t.id),
  );
  for (const plan of kb.plans.values()) {
    raws.push({ ...base(plan), kind: 'plan', title: plan.name, plan: plan.id, extra: plan.aliases });
    for (const note of plan.notes) {
      // a note's structured figures are its own; those its text cites of another plan are not
      // ("800,000 instead of the 28-point draft's 600,000"): labels that name another plan are left out
      const own = note.values.filter((v) =>
        plansNamed(normaliseForMatching(v.label)).every((span) => span.plan === plan.id),
      );
      raws.push({
        ...base(note),
        kind: 'plan-note',
        title: note.title,
        plan: plan.id,
        extra: note.aliases,
        ...(note.values.length
          ? { figures: own.flatMap((v) => figureOfValue(v) ?? []), ownFigures: true }
          : {}),
        ...(note.topics.some((t) => documents.has(t)) ? { anotherDocument: true } : {}),
      });
    }
  }
  for (const p of kb.provisions.values()) {
    raws.push({
      ...base(p),
      kind: 'provision',
      title: p.title,
      plan: p.plan,
      extra: p.aliases,
      figures: p.values.flatMap((v) => figureOfValue(v) ?? []),
    });
  }
  for (const topic of kb.topics.values()) {
    for (const change of topic.changes) {
      raws.push({
        ...base(change),
        kind: 'change',
        title: topic.title,
        change: { type: change.type, from: change.from, to: change.to },
      });
    }
  }
  for (const issue of kb.issues.values()) {
    raws.push({ ...base(issue), kind: 'issue', title: issue.title });
    for (const position of issue.positions) {
      raws.push({
        ...base(position),
        kind: 'position',
        title: issue.title,
        party: position.party,
        extra: [position.attributedTo ?? ''],
      });
    }
    for (const note of issue.notes) raws.push({ ...base(note), kind: 'issue-note', title: issue.title });
    for (const d of issue.disagreements) {
      raws.push({
        id: d.id,
        kind: 'disagreement',
        title: d.summary,
        summary: d.summary,
        status: 'reported',
        sheet: d.sheet,
        about: d.facts,
        extra: d.claims.map((c) => c.claim),
        citations: d.claims.flatMap((c) => c.citations),
        sides: d.claims.map((c) => ({ text: c.claim, citations: c.citations, discounted: c.discounted })),
      });
    }
  }
  for (const event of kb.events) {
    raws.push({
      ...base(event),
      kind: 'event',
      title: event.title,
      extra: event.aliases,
      dates: eventDays(event.date, event.endDate),
    });
  }
  for (const actor of kb.actors.values()) {
    raws.push({ ...base(actor), kind: 'actor', title: actor.name, extra: [actor.role, ...actor.aliases] });
  }

  // a fact the fact sheet files under a recorded disagreement carries that disagreement's sides
  const disputedBy = new Map<string, RawFact>();
  for (const raw of raws) {
    if (raw.kind !== 'disagreement') continue;
    for (const handle of raw.sheet) if (handle.startsWith('J.')) disputedBy.set(handle, raw);
    for (const id of raw.about ?? []) disputedBy.set(id, raw);
  }
  for (const raw of raws) {
    if (raw.kind === 'disagreement' || raw.sides) continue;
    const disagreement = [raw.id, ...raw.sheet].map((h) => disputedBy.get(h)).find((d) => d !== undefined);
    if (disagreement?.sides) {
      raw.sides = disagreement.sides;
      raw.subject = disagreement.summary;
    }
  }
  const docs = raws.map((raw) => toDoc(kb, vocabulary, raw));
  const df = new Map<string, number>();
  for (const doc of docs) for (const s of doc.stems) df.set(s, (df.get(s) ?? 0) + 1);
  const maxIdf = Math.log(1 + docs.length);
  const idf = new Map([...df].map(([s, n]) => [s, Math.log(1 + docs.length / n)]));
  return {
    vocabulary,
    queryVocabulary: vocabularyOf(kb),
    docs,
    byId: new Map(docs.map((d) => [d.id, d])),
    idf,
    maxIdf,
    proposers: new Map(
      [...kb.plans.values()].map((plan) => [plan.id, proposingParties(vocabulary, plan.proposedBy)]),
    ),
  };
}

/**
 * The parties a plan's "proposed by" line opens with ("United States and Ukraine: negotiated by …",
 * "European leaders (joint statement …)"): what follows names drafters and helpers, not proposers.
 */
function proposingParties(vocabulary: Vocabulary, proposedBy: string): Set<string> {
  const head = proposedBy.split(/[:(]/)[0] ?? '';
  const named = namesIn(vocabulary, normaliseForMatching(head));
  return new Set([...named].filter(([, kind]) => kind === 'party').map(([key]) => key));
}
