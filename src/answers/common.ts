import type { Core } from '../core.js';
import type { FactEntry } from '../knowledge/load.js';
import { weakTiers, type Citation, type PlanId, type Value } from '../knowledge/schema.js';
import type { SearchResult } from '../search/index.js';
import type { Answer, AnswerSection, ResolvedCitation } from './types.js';

export const planOrder: readonly PlanId[] = ['us-28', 'us-ua-20', 'eu-6'];

export function resolveCitation(core: Core, citation: Citation): ResolvedCitation {
  const source = core.kb.sources.get(citation.source);
  if (!source) throw new Error(`unresolved source ${citation.source}`); // the loader rules this out
  return {
    sourceId: source.id,
    title: source.title,
    publisher: source.publisher,
    date: source.date,
    url: source.url,
    reliability: source.reliability,
    weak: weakTiers.includes(source.reliability),
    ...('quote' in citation ? { quote: citation.quote } : { note: citation.note }),
  };
}

/** Quotes from the shipped documents first, then references from the most reliable tier down. */
export function resolveCitations(core: Core, citations: readonly Citation[]): ResolvedCitation[] {
  const tierRank = (c: ResolvedCitation) =>
    c.quote
      ? -1
      : [
          'official',
          'major-outlet',
          'analysis',
          'regional-outlet',
          'source-document',
          'state-media',
          'aggregator',
        ].indexOf(c.reliability);
  return dedupeCitations(citations.map((c) => resolveCitation(core, c))).sort(
    (a, b) => tierRank(a) - tierRank(b),
  );
}

export function dedupeCitations(list: readonly ResolvedCitation[]): ResolvedCitation[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = `${c.sourceId}\u0000${c.quote ?? c.note ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** The answer-wide citation list: every section's citations, deduplicated, in order of use. */
export function collectCitations(
  sections: readonly AnswerSection[],
  extra: readonly ResolvedCitation[] = [],
) {
  return dedupeCitations([...extra, ...sections.flatMap((section) => section.citations)]);
}

export function baseAnswer(
  core: Core,
  fields: Partial<Answer> & Pick<Answer, 'status' | 'title' | 'text'>,
): Answer {
  const sections = fields.sections ?? [];
  // Fields passed as undefined (issueView passes `citations: undefined`) must not wipe the defaults.
  return {
    ...fields,
    sections,
    citations: fields.citations ?? collectCitations(sections),
    factIds: fields.factIds ?? [],
    suggestions: fields.suggestions ?? [],
    asOf: core.kb.meta.asOf,
  };
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
      return `${symbol}${amount.toLocaleString('en-US')}`;
    }
    case 'percent':
      return `${trim(amount)}%`;
    case 'year':
      return String(amount);
    case 'count':
      return amount.toLocaleString('en-US');
    default: {
      // "1 month", not "1 months".
      const unit = amount === 1 && value.unit.endsWith('s') ? value.unit.slice(0, -1) : value.unit;
      return `${amount.toLocaleString('en-US')} ${unit}`;
    }
  }
}

/** A figure with what it counts: "Euroclear holdings: €140 billion". */
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
      `each party's positions and the talks up to ${core.kb.meta.asOf}.` +
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
      suggestions.map((id) => `• ${titleOf(core, id)} (\`${id}\`)`).join('\n'),
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

/** Half of a surrogate pair (half an emoji) is not text: it becomes U+FFFD, so every reply is valid UTF-8. */
export function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
