import type { Core } from '../core.js';
import type { FactEntry } from '../knowledge/load.js';
import {
  reliabilityTiers,
  weakTiers,
  type Citation,
  type PlanId,
  type Reliability,
  type Source,
  type Value,
} from '../knowledge/schema.js';
import type { SearchResult } from '../search/index.js';
import { clip, wellFormed } from '../text/clip.js';
import { humanDate, humaniseDates } from '../text/dates.js';
import type { Answer, AnswerSection, ResolvedCitation, Verdict } from './types.js';
import { groupThousands } from '../text/numbers.js';

export const planOrder: readonly PlanId[] = ['us-28', 'us-ua-20', 'eu-6'];

/**
 * How much weight a reader should give a source, in words. The tier comes from sources.json; a shipped
 * document with no named author is an anonymous post and reads as such, whatever its tier.
 */
export function reliabilityOf(source: Pick<Source, 'reliability' | 'author' | 'file'>): {
  label: string;
  weak: boolean;
} {
  if (source.reliability === 'source-document' && source.file && !source.author) {
    return { label: '⚠ anonymous, low reliability', weak: true };
  }
  return { label: tierLabels[source.reliability], weak: weakTiers.includes(source.reliability) };
}

const tierLabels: Record<Reliability, string> = {
  'source-document': 'source document',
  official: 'official',
  'major-outlet': 'major outlet',
  analysis: 'analysis',
  'regional-outlet': 'regional outlet',
  'state-media': '⚠ state media',
  aggregator: '⚠ aggregator',
};

export function resolveCitation(core: Core, citation: Citation): ResolvedCitation {
  const source = core.kb.sources.get(citation.source);
  if (!source) throw new Error(`unresolved source ${citation.source}`); // the loader rules this out
  const { label, weak } = reliabilityOf(source);
  return {
    sourceId: source.id,
    title: source.title,
    publisher: source.publisher,
    date: source.date,
    url: source.url,
    reliability: source.reliability,
    reliabilityLabel: label,
    weak,
    // quotes stay verbatim; our own notes read like the rest of the reply
    ...('quote' in citation ? { quote: citation.quote } : { note: humaniseDates(citation.note) }),
  };
}

/** Strong sources first (the schema lists the tiers strongest first), weak ones last. */
function rank(c: ResolvedCitation): number {
  return (c.weak ? 10 : 0) + reliabilityTiers.indexOf(c.reliability);
}

/**
 * A fact's citations, one entry per reference (quotes and notes merged), the most reliable first — so
 * a statement never shows an anonymous post as its first or only support when a better source is cited.
 */
export function resolveCitations(core: Core, citations: readonly Citation[]): ResolvedCitation[] {
  return mergeCitations(citations.map((c) => resolveCitation(core, c))).sort((a, b) => rank(a) - rank(b));
}

/** One entry per reference, in order of first use; its quotes and notes are merged, never repeated. */
export function mergeCitations(list: readonly ResolvedCitation[]): ResolvedCitation[] {
  // Quotes and notes gather in sets and are written once at the end: an answer listing hundreds of
  // facts from a few references would otherwise re-split an ever longer note at every merge.
  interface Group {
    citation: ResolvedCitation;
    quotes: Set<string>;
    notes: Set<string>;
    firstNote?: string;
    merged: boolean;
  }
  const bySource = new Map<string, Group>();
  for (const citation of list) {
    const seen = bySource.get(citation.sourceId);
    if (!seen) {
      bySource.set(citation.sourceId, {
        citation,
        quotes: new Set(quotesOf(citation)),
        notes: new Set(notesOf(citation)),
        ...(citation.note ? { firstNote: citation.note } : {}),
        merged: false,
      });
      continue;
    }
    seen.merged = true;
    for (const quote of quotesOf(citation)) seen.quotes.add(quote);
    for (const note of notesOf(citation)) seen.notes.add(note);
    seen.firstNote ??= citation.note;
  }
  return [...bySource.values()].map(({ citation, quotes, notes, firstNote, merged }) => {
    const out: ResolvedCitation = {
      ...citation,
      ...(citation.quotes ? { quotes: [...citation.quotes] } : {}),
    };
    if (!merged) return out;
    if (quotes.size > 0) {
      out.quote = [...quotes][0];
      if (quotes.size > 1) out.quotes = [...quotes];
    }
    // one note keeps its own wording (and full stop); several are joined without theirs
    if (notes.size > 1) out.note = [...notes].join('; ');
    else if (notes.size === 1 && firstNote !== undefined) out.note = firstNote;
    return out;
  });
}

function quotesOf(c: ResolvedCitation): string[] {
  return c.quotes ?? (c.quote ? [c.quote] : []);
}
function notesOf(c: ResolvedCitation): string[] {
  if (!c.note) return [];
  // "…in peacetime.; commitment 1" reads badly: merged notes lose their own full stops
  const withoutStop = (note: string) => (note.endsWith('.') ? note.slice(0, -1) : note);
  return c.note.includes('; ') ? c.note.split('; ').map(withoutStop) : [withoutStop(c.note)];
}

/**
 * An answer with more sections ahead of its own (what followed, the latest event, other events that fit).
 * Their sources join the answer's numbered list after its own, so every added line shows its sources and
 * the numbers already given keep theirs.
 */
export function withSectionsFirst(answer: Answer, sections: AnswerSection[], factIds: string[] = []): Answer {
  return {
    ...answer,
    sections: [...sections, ...answer.sections],
    citations: mergeCitations([...answer.citations, ...collectCitations(sections)]),
    factIds: [...answer.factIds, ...factIds.filter((id) => !answer.factIds.includes(id))],
  };
}

/** Kept for callers that only need duplicates gone: the same as merging. */
export const dedupeCitations = mergeCitations;

/**
 * The answer-wide citation list: one entry per reference, numbered in order of use — breadth first: each
 * section's best source, then each section's second, and so on. So the few sources a reply shows inline
 * support every section, not just the first one.
 */
export function collectCitations(
  sections: readonly AnswerSection[],
  extra: readonly ResolvedCitation[] = [],
) {
  // the answer's own opening sources take the first turn, like a section before the sections
  const lists = [extra, ...sections.map((section) => section.citations)];
  const depth = Math.max(0, ...lists.map((list) => list.length));
  const order: ResolvedCitation[] = [];
  for (let i = 0; i < depth; i += 1) {
    for (const list of lists) if (list[i]) order.push(list[i]!);
  }
  return mergeCitations(order);
}

export function baseAnswer(
  core: Core,
  fields: Partial<Answer> & Pick<Answer, 'status' | 'title' | 'text'>,
): Answer {
  const sections = (fields.sections ?? []).map((section) => ({
    ...section,
    heading: prose(core, section.heading),
    text: prose(core, section.text),
    citations: mergeCitations(section.citations),
  }));
  // Fields passed as undefined (issueView passes `citations: undefined`) must not wipe the defaults.
  return {
    ...fields,
    title: prose(core, fields.title),
    text: prose(core, fields.text),
    sections,
    citations: mergeCitations(fields.citations ?? collectCitations(sections)),
    factIds: fields.factIds ?? [],
    suggestions: fields.suggestions ?? [],
    asOf: core.kb.meta.asOf,
    ...latestReliableOf(core),
  };
}

/**
 * What people read, not machine forms: ISO dates become "6 Jan 2026"; a fact id written into prose
 * ("see us-ua-20-briefing-date", `troop-cap`) becomes the fact's title. Ids stay in factIds, suggestions
 * and the footer, where people proposing corrections look for them.
 */
export function prose(core: Core, text: string): string {
  // Every id has a hyphen: most prose has none of the forms below, and skips their costly patterns.
  if (!text.includes('-')) return text;
  return humaniseDates(text)
    .replace(/`([a-z0-9]+(?:-[a-z0-9]+)+)`/g, (whole, id: string) =>
      core.index.entry(id) ? `“${titleOf(core, id)}”` : whole,
    )
    .replace(/\b(see(?: also)? )([a-z0-9]+(?:-[a-z0-9]+)+)\b/g, (whole, see: string, id: string) =>
      core.index.entry(id) ? `${see}“${titleOf(core, id)}”` : whole,
    )
    .replace(
      /(?<![\w-]|\/[a-z]+ )([a-z]+(?:-[a-z]+)*-\d+[a-z]?(?:-\d+[a-z]?)*)(?![\w-])/g,
      (whole, id: string) => (core.kb.provisions.has(id) ? provisionLabel(core, id) : whole),
    );
}

/** "(unverified: only aggregator copies)" — how firm a fact is, in the reader's words. */
export function statusMark(fact: Pick<FactEntry, 'status' | 'statusNote'>): string {
  if (fact.status === 'unverified') return ` *(unverified${fact.statusNote ? `: ${fact.statusNote}` : ''})*`;
  if (fact.status === 'content-unknown') {
    return ` *(content not found in available sources${fact.statusNote ? `: ${fact.statusNote}` : ''})*`;
  }
  return fact.statusNote ? ` *(${fact.statusNote})*` : '';
}

export function planLabel(core: Core, planId: string): string {
  return core.kb.plans.get(planId)?.shortName ?? planId;
}

export function provisionLabel(core: Core, provisionId: string): string {
  const provision = core.kb.provisions.get(provisionId);
  if (!provision) return provisionId;
  return `${planLabel(core, provision.plan)}, point ${provision.number}${provision.part ?? ''}`;
}

export function formatValue(value: Value): string {
  const amount = value.amount;
  switch (value.unit) {
    case 'usd':
    case 'eur': {
      const symbol = value.unit === 'usd' ? '$' : '€';
      if (amount >= 1e9) return `${symbol}${trim(amount / 1e9)} billion`;
      if (amount >= 1e6) return `${symbol}${trim(amount / 1e6)} million`;
      return `${symbol}${groupThousands(amount)}`;
    }
    case 'percent':
      return `${trim(amount)}%`;
    case 'year':
      return String(amount);
    case 'count':
      return groupThousands(amount);
    default: {
      // "1 month", not "1 months".
      const unit = amount === 1 && value.unit.endsWith('s') ? value.unit.slice(0, -1) : value.unit;
      return `${groupThousands(amount)} ${unit}`;
    }
  }
}

/** A figure with what it counts: "Euroclear holdings: €140 billion". */
/** A value beside its point: the figure alone, unless a bare count would not say what it counts. */
export function shortValue(value: Value): string {
  return value.unit === 'count' ? labelledValue(value) : formatValue(value);
}

export function labelledValue(value: Value): string {
  return `${value.label}: ${formatValue(value)}`;
}

function trim(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

export function titleOf(core: Core, id: string): string {
  return core.index.entry(id)?.title ?? id;
}

/** The reply when nothing matches well enough: say so plainly, suggest, never guess. */
export function notFoundAnswer(
  core: Core,
  query: string,
  result: SearchResult | undefined,
  what: string,
): Answer {
  // Only near misses are worth suggesting; a stray word match is no lead.
  const suggestions = (result?.hits ?? [])
    .filter((hit) => hit.confidence >= 0.25)
    .slice(0, 5)
    .map((hit) => hit.id);
  const unknown = result?.unknownWords.length
    ? ` (it has nothing on: ${result.unknownWords.slice(0, 6).join(', ')})`
    : '';
  return baseAnswer(core, {
    status: 'not_found',
    title: 'Not in the fact base',
    text:
      `The fact base does not cover ${what ? `${what} ` : ''}"${literal(query)}"${unknown}. ` +
      `It knows the U.S. 28-point, the U.S.–Ukraine 20-point and the European 6-point proposals, the changes between them, ` +
      `each party's positions and the talks up to ${humanDate(core.kb.meta.asOf)}.` +
      (suggestions.length
        ? ' Closest entries are listed below; none is a confident match.'
        : ' Try /help for what it can answer.'),
    suggestions,
  });
}

export function ambiguousAnswer(core: Core, query: string, result: SearchResult): Answer {
  // One suggestion per thread: "troops" asks "troop cap or foreign troops?", not about each point of both.
  const suggestions: string[] = [];
  for (const hit of result.hits) {
    if (suggestions.some((id) => core.index.related(id, hit.id))) continue;
    suggestions.push(hit.id);
    if (suggestions.length === 5) break;
  }
  return baseAnswer(core, {
    status: 'ambiguous',
    title: 'Did you mean…',
    text:
      `"${literal(query)}" could mean several things in the fact base. Pick one:\n` +
      suggestions.map((id) => `• ${titleOf(core, id)}`).join('\n'),
    suggestions,
  });
}

export function errorAnswer(core: Core, message: string): Answer {
  // a message may quote what was typed: keep it valid UTF-8
  return baseAnswer(core, { status: 'error', title: 'Cannot answer that', text: wellFormed(message) });
}

/** Text a user typed, shown literally inside our markdown: clipped, one line, markdown escaped. */
export function literal(text: string, max = 120): string {
  return clip(wellFormed(text).replace(/\s+/g, ' '), max).replace(/([\\*_`~|>[\]#])/g, '\\$1');
}

export { clip, wellFormed };

/** A fact-check verdict in words, for people: the one wording every renderer and answer uses. */
export const verdictLabels: Record<Verdict, string> = {
  supported: 'Supported',
  contradicted: 'Contradicted',
  depends_on_plan: 'Depends on the plan',
  disputed: 'Disputed between sources',
  not_in_sources: 'Not in the sources',
};

export function verdictLabel(verdict: Verdict): string {
  return verdictLabels[verdict];
}

/** The latest reliably reported development (meta.json), when the fact base records one. */
function latestReliableOf(core: Core): { latestReliable?: string } {
  const meta = core.kb.meta;
  return 'latestReliable' in meta && typeof meta.latestReliable === 'string'
    ? { latestReliable: meta.latestReliable }
    : {};
}
