/** What the bot is built from: its sources, its dates, what it knows and what it knows it does not. */
import type { Core } from '../../core.js';
import { reliabilityTiers } from '../../knowledge/constants.js';
import { humanDate } from '../../text/dates.js';
import { baseAnswer } from '../common.js';
import { reliabilityOf, resolveCitations } from '../citations.js';
import { optionTooLong } from '../reading.js';
import type { Answer } from '../types.js';

/** The most facts one /sources reply lists. */
export const maxSourceFacts = 12;

/** The shipped documents and the references by tier; or, given fact ids, every citation in full. */
export function answerSources(core: Core, query?: string): Answer {
  const long = optionTooLong(core, 'The list of fact ids', query);
  if (long) return long;
  // each fact once, however often it was listed, and no more than a reply can show
  const ids = [
    ...new Set(
      (query ?? '')
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter((id) => id && core.index.entry(id)),
    ),
  ].slice(0, maxSourceFacts);
  if (ids.length > 0) {
    const sections = ids.map((id) => {
      const entry = core.index.entry(id)!;
      return { heading: entry.title, text: '', citations: resolveCitations(core, entry.citations) };
    });
    return baseAnswer(core, {
      status: 'found',
      title: 'Sources',
      text: `Full quotes and references for ${ids.length === 1 ? 'this fact' : `${ids.length} facts`}.`,
      sections,
      factIds: ids,
    });
  }
  const sources = [...core.kb.sources.values()];
  const used = new Set([...core.kb.facts.values()].flatMap((f) => f.citations.map((c) => c.source)));
  const documents = sources.filter((s) => s.file);
  const byTier = reliabilityTiers
    .map((tier) => `${tier}: ${sources.filter((s) => s.reliability === tier).length}`)
    .join(' · ');
  return baseAnswer(core, {
    status: 'found',
    title: 'Sources',
    text:
      `Quotes come only from the ${documents.length} source documents shipped with the bot; everything else is ` +
      `described in our own words and cited by publisher, date and link. ${used.size} references in use (${byTier}). ` +
      `Replies flag weak tiers (state media: Russia's own positions only; aggregators).`,
    sections: documents.map((s) => ({
      heading: `${s.title} — ${s.publisher}${s.date ? `, ${humanDate(s.date)}` : ''} (${reliabilityOf(s).label})`,
      text: s.note,
      citations: [],
    })),
  });
}

export function answerAbout(core: Core): Answer {
  const { meta } = core.kb;
  const count = (kind: string) => [...core.kb.facts.values()].filter((f) => f.kind === kind).length;
  const documents = [...core.kb.sources.values()].filter((s) => s.file);
  return baseAnswer(core, {
    status: 'found',
    title: 'About this bot',
    text:
      `A neutral fact bot on ${meta.title}. Every statement traces to a curated fact, every fact to its sources.\n` +
      `**Reviewed ${humanDate(meta.asOf)} · latest reliable report ${humanDate(meta.latestReliable)} · ` +
      `latest item of any kind ${humanDate(meta.latestAny)} (headline only).** ${meta.asOfNote}`,
    sections: [
      {
        heading: 'Dates',
        text:
          `• Reviewed: ${humanDate(meta.asOf)} — answers are as of this date.\n` +
          `• Latest reliable report: ${humanDate(meta.latestReliable)} — ${meta.latestReliableNote}\n` +
          `• Latest item of any kind: ${humanDate(meta.latestAny)} — ${meta.latestAnyNote}`,
        citations: [],
      },
      {
        heading: 'What it knows',
        text:
          `${count('provision')} points across ${core.kb.plans.size} plans, ${count('topic')} topics, ` +
          `${count('change')} changes, ${count('issue')} unresolved issues with ${count('position')} attributed positions, ` +
          `${count('event')} dated events, ${count('actor')} parties, people and bodies; ${core.kb.sources.size} references.`,
        citations: [],
      },
      {
        heading: 'Source documents (quoted verbatim)',
        text: documents
          .map(
            (s) =>
              `• ${s.title} — ${s.publisher}${s.date ? `, ${humanDate(s.date)}` : ''} (${reliabilityOf(s).label})`,
          )
          .join('\n'),
        citations: [],
      },
      ...(meta.gaps.length
        ? [{ heading: 'Known gaps', text: meta.gaps.map((g) => `• ${g.note}`).join('\n'), citations: [] }]
        : []),
      { heading: 'Propose a correction', text: meta.corrections, citations: [] },
    ],
  });
}
