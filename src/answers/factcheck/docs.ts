import type { KnowledgeBase } from '../../knowledge/load.js';
import type { Assertion, Citation, FactStatus, PartyId, PlanId } from '../../knowledge/schema.js';
import { normaliseForMatching } from '../../text/normalise.js';
import { plansNamed } from '../reading.js';
import {
  figureOfValue,
  readDates,
  readFigures,
  readYears,
  type DateMention,
  type Figure,
} from './figures.js';
import type { Clause, DocKind, FactDoc, Side } from './tables.js';
import { contentStems, foldSameThing, markTokens, namesIn, rolesIn, type Vocabulary } from './vocabulary.js';

/**
 * One fact (or recorded disagreement) as the fact check reads it: its stems, its clauses with their
 * negations, its figures, dates, names and roles, and the accounts of sources that disagree about it.
 */

export interface RawFact {
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
  /** Its figures are given in full: none is read from its text. */
  ownFigures?: boolean;
  dates?: DateMention[];
  sides?: { text: string; citations: Citation[]; discounted?: boolean | undefined }[];
  /** What the sides disagree on (a disagreement's summary). */
  subject?: string;
  change?: FactDoc['change'];
  anotherDocument?: boolean;
}

/** "(Conflict: …)" notes inside a summary: the sources disagree on that detail. */
const conflictNote = /\((?:conflict|sources differ|sources disagree)[^)]*\)/gi;

export function toDoc(kb: KnowledgeBase, vocabulary: Vocabulary, raw: RawFact): FactDoc {
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
  for (const piece of splitClauses(mainText)) {
    const clause = clauseOf(piece);
    // "Some media claimed X. These items are not in the text": a denial that points back at a reported
    // claim denies that claim, all of it
    const previous = clauses.at(-1);
    if (
      previous?.reported &&
      /^(?:these|this|those|such)\b/i.test(piece) &&
      clause.tokens.some((t) => t.negative)
    )
      previous.tokens.unshift({ negative: true, wide: true });
    clauses.push(clause);
  }
  for (const a of raw.assertions ?? [])
    clauses.push(clauseOf(`${a.subject} ${a.claim}`, a.polarity === 'denies'));
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
  const textDates = readDates(raw.summary).map((d) =>
    d.year === undefined && defaultYear ? { ...d, year: defaultYear } : d,
  );
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
    ...(raw.kind === 'disagreement' || raw.subject
      ? { subject: subjectOf(raw.subject ?? raw.summary, sides) }
      : {}),
    plansNamed: [...new Set(plansNamed(normaliseForMatching(raw.summary)).map((span) => span.plan))],
    stems: stemsOf(allText),
    clauses,
    figures: [
      ...(raw.figures ?? []),
      ...(raw.ownFigures ? [] : readFigures(raw.summary)),
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
    ...(raw.anotherDocument ? { anotherDocument: true } : {}),
  };
}

/** Clauses a negation can belong to: sentences, and the halves of "…, but …" / "…; …". */
export function splitClauses(text: string): string[] {
  return text
    .split(
      /(?<=[.;!?])\s+|;\s*|:\s+|\s+[—–]\s+|,\s*(?:and|but|while|whereas|although)\s+|\s+but\s+|\s+while\s+|\s+and\s+(?=agree|say|said|raise|will|instead)/i,
    )
    .map((s) => s.trim())
    .filter((s) => s.length > 2);
}

export function eventDays(start: string, end: string | undefined): DateMention[] {
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
