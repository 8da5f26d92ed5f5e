/** Citations as readers see them: each resolved to its source, ranked by reliability, merged per reference. */
import type { Core } from '../core.js';
import { reliabilityTiers, weakTiers } from '../knowledge/constants.js';
import type { Citation, Reliability, Source } from '../knowledge/schema.js';
import { humaniseDates } from '../text/dates.js';
import type { AnswerSection, ResolvedCitation } from './types.js';

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
