import type { KnowledgeBase } from '../../knowledge/load.js';
import type { Assertion, Change, Citation, FactStatus, PartyId, PlanId } from '../../knowledge/schema.js';
import { normaliseForMatching } from '../../text/normalise.js';
import { vocabularyOf, type Vocabulary as QueryVocabulary } from '../../query/index.js';
import { plansNamed } from '../reading.js';
import { figureOfValue, readDates, readFigures, readYears, type DateMention, type Figure } from './figures.js';
import {
  compileVocabulary,
  contentStems,
  foldSameThing,
  markTokens,
  namesIn,
  rolesIn,
  type Roles,
  type MarkedToken,
  type NameKind,
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
}

interface Raw {
  id: string;
  kind: DocKind;
  title: string;
  summary: string;
  status: FactStatus;
  statusNote?: string | undefined;
  plan?: PlanId;
  party?: PartyId;
  extra?: string[];
  /** Fact-sheet handles: a fact and a disagreement that share a "J." handle are about the same detail. */
  sheet: string[];
  /** For a disagreement: the facts it is about. */
  about?: string[];
  citations: Citation[];
  assertions?: Assertion[] | undefined;
  figures?: Figure[];
  dates?: DateMention[];
  sides?: { text: string; citations: Citation[]; discounted?: boolean | undefined }[];
  /** What the sides disagree on (a disagreement's summary). */
  subject?: string;
  change?: FactDoc['change'];
}

export function buildFactcheckTables(kb: KnowledgeBase): FactcheckTables {
  const vocabulary = compileVocabulary(kb.lexicon, kb.actors.values());
  const raws: Raw[] = [];
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
  for (const plan of kb.plans.values()) {
    raws.push({ ...base(plan), kind: 'plan', title: plan.name, plan: plan.id, extra: plan.aliases });
    for (const note of plan.notes) {
      raws.push({ ...base(note), kind: 'plan-note', title: note.title, plan: plan.id, extra: note.aliases });
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
    raws.push({ ...base(event), kind: 'event', title: event.title, extra: event.aliases, dates: eventDays(event.date, event.endDate) });
  }
  for (const actor of kb.actors.values()) {
    raws.push({ ...base(actor), kind: 'actor', title: actor.name, extra: [actor.role, ...actor.aliases] });
  }

  // a fact the fact sheet files under a recorded disagreement carries that disagreement's sides
  const disputedBy = new Map<string, Raw>();
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
  return { vocabulary, queryVocabulary: vocabularyOf(kb), docs, byId: new Map(docs.map((d) => [d.id, d])), idf, maxIdf };
}

/** "(Conflict: …)" notes inside a summary: the sources disagree on that detail. */
const conflictNote = /\((?:conflict|sources differ|sources disagree)[^)]*\)/gi;

function toDoc(kb: KnowledgeBase, vocabulary: Vocabulary, raw: Raw): FactDoc {
  const fold = (text: string) => foldSameThing(vocabulary, normaliseForMatching(text));
  const stemsOf = (text: string) => new Set(contentStems(vocabulary, fold(text)));
  const assertionTexts = (raw.assertions ?? []).map((a) => `${a.subject} ${a.claim}`);
  const mainText = raw.summary.replace(conflictNote, ' ');
  const clauses: Clause[] = [];
  const clauseOf = (piece: string, denies = false): Clause => {
    const tokens = markTokens(vocabulary, fold(piece));
    if (denies) tokens.unshift({ negative: true });
    const words = normaliseForMatching(piece).split(' ');
    const reported = words.some((w) => vocabulary.reporting.has(w));
    return { text: piece, stems: stemsOf(piece), tokens, reported };
  };
  for (const piece of splitClauses(mainText)) clauses.push(clauseOf(piece));
  for (const a of raw.assertions ?? []) clauses.push(clauseOf(`${a.subject} ${a.claim}`, a.polarity === 'denies'));
  const provenance = raw.citations
    .map((c) => {
      const source = kb.sources.get(c.source);
      return `${source?.publisher ?? ''} ${source?.title ?? ''} ${'note' in c ? c.note : ''}`;
    })
    .join(' ');
  const allText = [raw.title, raw.summary, ...(raw.extra ?? []), ...assertionTexts].join(' . ');
  const names = namesIn(vocabulary, normaliseForMatching(allText));
  for (const [key, kind] of namesIn(vocabulary, normaliseForMatching(provenance))) {
    if (kind === 'outlet' && !names.has(key)) names.set(key, kind);
  }
  const years = raw.dates?.map((d) => d.year).filter((y): y is number => y !== undefined) ?? [];
  const defaultYear = years[0];
  const textDates = readDates(raw.summary).map((d) => (d.year === undefined && defaultYear ? { ...d, year: defaultYear } : d));
  const sides: Side[] = (raw.sides ?? []).map((s) => sideOf(s.text, s.citations, s.discounted ?? false));
  const inline = [...raw.summary.matchAll(conflictNote)].map((m) => m[0]);
  if (inline.length && !sides.length) {
    sides.push({
      ...sideOf(mainText, raw.citations, false),
      dates: [...(raw.dates ?? []), ...readDates(mainText)],
      inline: 'main',
    });
    for (const note of inline) sides.push({ ...sideOf(note, raw.citations, false), inline: 'note' });
  }
  // what the accounts disagree about: the disagreement's summary and the words every account uses
  function subjectOf(summary: string, accounts: Side[]): Set<string> {
    const common = accounts.length
      ? [...accounts[0]!.stems].filter((w) => accounts.every((side) => side.stems.has(w)))
      : [];
    return new Set([...stemsOf(summary), ...common]);
  }
  function sideOf(text: string, citations: Citation[], discounted: boolean): Side {
    const stems = new Set(contentStems(vocabulary, fold(text), true));
    return { text, stems, figures: readFigures(text), dates: readDates(text), citations, discounted };
  }
  return {
    id: raw.id,
    kind: raw.kind,
    title: raw.title,
    summary: raw.summary,
    status: raw.status,
    ...(raw.statusNote ? { statusNote: raw.statusNote } : {}),
    ...(raw.plan ? { plan: raw.plan } : {}),
    ...(raw.party ? { party: raw.party } : {}),
    ...(raw.kind === 'disagreement' || raw.subject ? { subject: subjectOf(raw.subject ?? raw.summary, sides) } : {}),
    plansNamed: [...new Set(plansNamed(normaliseForMatching(raw.summary)).map((span) => span.plan))],
    stems: stemsOf(allText),
    clauses,
    figures: [
      ...(raw.figures ?? []),
      ...readFigures(raw.summary),
      ...(raw.assertions ?? []).flatMap((a) => (a.figure ? (figureOfValue(a.figure) ?? []) : [])),
      ...(raw.kind === 'disagreement' ? sides.flatMap((side) => side.figures) : []),
    ],
    dates: [...(raw.dates ?? []), ...textDates],
    years: [...new Set([...years, ...readYears(raw.summary)])],
    names,
    roles: rolesIn(vocabulary, fold([mainText, ...assertionTexts].join(' . '))),
    citations: raw.citations,
    sides,
    ...(raw.change ? { change: raw.change } : {}),
  };
}

/** Clauses a negation can belong to: sentences, and the halves of "…, but …" / "…; …". */
export function splitClauses(text: string): string[] {
  return text
    .split(/(?<=[.;!?])\s+|;\s*|:\s+|\s+[—–]\s+|,\s*(?:and|but|while|whereas|although)\s+|\s+but\s+|\s+while\s+|\s+and\s+(?=agree|say|said|raise|will)/i)
    .map((s) => s.trim())
    .filter((s) => s.length > 2);
}

function eventDays(start: string, end: string | undefined): DateMention[] {
  const parse = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return { year: y!, month: m!, ...(d ? { day: d } : {}) };
  };
  const first = parse(start);
  if (!end || first.day === undefined) return [first];
  const days: DateMention[] = [];
  const from = Date.UTC(first.year, first.month - 1, first.day);
  const last = parse(end);
  const to = Date.UTC(last.year, last.month - 1, last.day ?? first.day);
  for (let t = from; t <= to && days.length < 62; t += 86_400_000) {
    const d = new Date(t);
    days.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
  }
  return days;
}
