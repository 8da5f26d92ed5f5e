import type { Core } from '../../core.js';
import { planLabel, provisionLabel, statusMark } from '../common.js';
import { resolveCitations } from '../citations.js';
import type { AnswerSection } from '../types.js';
import type { Assessment } from './matching.js';
import type { Decision } from './rules.js';
import type { FactDoc } from './tables.js';

/**
 * The evidence of a verdict as answer sections: each deciding fact quoted in full with its sources, and
 * every side of a disagreement with its own sources.
 */
export function evidenceSections(core: Core, decision: Decision): AnswerSection[] {
  const sections: AnswerSection[] = [];
  const seen = new Set<string>();
  const add = (a: Assessment | undefined) => {
    if (!a || seen.has(a.doc.id)) return;
    seen.add(a.doc.id);
    sections.push({
      heading: headingOf(core, a.doc),
      text: `${a.doc.summary}${statusMark(a.doc)}`,
      citations: resolveCitations(core, a.doc.citations),
    });
  };
  for (const stance of decision.plans ?? []) {
    add(stance.point);
    add(stance.change);
    if (stance.own && stance.own.coverage >= 0.2) add(stance.own);
  }
  for (const a of decision.facts) {
    if (a.doc.kind === 'disagreement' && decision.sides) continue;
    add(a);
  }
  for (const [i, side] of (decision.sides ?? []).entries()) {
    sections.push({
      heading: `Account ${i + 1} of ${decision.sides!.length}`,
      text: side.text.replace(/^\(|\)$/g, ''),
      citations: resolveCitations(core, side.citations),
    });
  }
  return sections;
}

export function headingOf(core: Core, doc: FactDoc): string {
  switch (doc.kind) {
    case 'provision':
      return `${provisionLabel(core, doc.id)} — ${doc.title}`;
    case 'plan':
    case 'plan-note':
      return `${doc.plan ? planLabel(core, doc.plan) : ''}: ${doc.title}`;
    case 'change':
      return `From the 28- to the 20-point plan — ${doc.title}: ${doc.change?.type ?? 'changed'}`;
    case 'event': {
      const event = core.kb.events.find((e) => e.id === doc.id);
      const when = event ? `${event.date}${event.endDate ? ` to ${event.endDate}` : ''}` : '';
      return `${when} ${doc.title}`.trim();
    }
    case 'disagreement':
      return 'Where the sources disagree';
    default:
      return doc.title;
  }
}

/** Fact ids behind the verdict, deciding first. */
export function evidenceIds(decision: Decision): string[] {
  const ids = [
    ...decision.facts.map((a) => a.doc.id),
    ...(decision.plans ?? []).flatMap((s) => [s.point?.doc.id, s.change?.doc.id, s.own?.doc.id]),
  ];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}
