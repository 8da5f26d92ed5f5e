import type { Core } from '../core.js';
import type { FactEntry } from '../knowledge/load.js';
import type { PlanId } from '../knowledge/schema.js';
import type { SearchResult } from '../search/index.js';
import { clip, wellFormed } from '../text/clip.js';
import { humanDate, humaniseDates } from '../text/dates.js';
import { collectCitations, mergeCitations } from './citations.js';
import type { Answer, AnswerSection, Verdict } from './types.js';

export const planOrder: readonly PlanId[] = ['us-28', 'us-ua-20', 'eu-6'];

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
