import type { Core } from '../core.js';
import { partyIds } from '../knowledge/constants.js';
import type { Issue, PlanNote, Provision, Topic } from '../knowledge/schema.js';
import { baseAnswer, planLabel, planOrder, provisionLabel, statusMark } from './common.js';
import { collectCitations, resolveCitations } from './citations.js';
import { shortValue, labelledValue } from './values.js';
import { humanDate, humanDateRange } from '../text/dates.js';
import type { Answer, AnswerSection } from './types.js';

/**
 * One view per kind of fact. Every command that shows a fact goes through these, so a topic looks the
 * same whether it was reached by /provision, /ask or a "did you mean" pick.
 */

const changeVerb: Record<string, string> = {
  added: 'Added',
  removed: 'Removed',
  amended: 'Amended',
  unchanged: 'Unchanged',
  unclear: 'Unclear',
};

export function valuesLine(core: Core, provisions: readonly Provision[]): string {
  // the figures that answer a question (600,000 troops, $100 billion), not counts of listed items
  const figures = (p: Provision) => p.values.filter((v) => v.unit !== 'count');
  const parts = provisions
    .filter((p) => figures(p).length > 0)
    .map(
      (p) =>
        `**${planLabel(core, p.plan)}** (pt ${p.number}${p.part ?? ''}): ${figures(p).map(labelledValue).join('; ')}`,
    );
  return parts.join(' · ');
}

function provisionsOf(core: Core, topic: Topic): Provision[] {
  const list = topic.provisions
    .map((id) => core.kb.provisions.get(id))
    .filter((p): p is Provision => p !== undefined);
  return list.sort((a, b) => planOrder.indexOf(a.plan) - planOrder.indexOf(b.plan) || a.number - b.number);
}

function provisionSection(core: Core, provision: Provision): AnswerSection {
  const values = provision.values.length ? ` (${provision.values.map(shortValue).join(', ')})` : '';
  return {
    heading: `${provisionLabel(core, provision.id)} — ${provision.title}`,
    text: `${provision.summary}${values}${statusMark(provision)}`,
    citations: resolveCitations(core, provision.citations),
  };
}

function changesSection(core: Core, topic: Topic): AnswerSection | undefined {
  if (topic.changes.length === 0) return undefined;
  return {
    heading: 'What changed from 28 to 20 points',
    text: topic.changes
      .map((change) => `• **${changeVerb[change.type]}:** ${change.summary}${statusMark(change)}`)
      .join('\n'),
    citations: resolveCitations(
      core,
      topic.changes.flatMap((change) => change.citations),
    ),
  };
}

export function topicView(core: Core, topicId: string): Answer {
  const topic = core.kb.topics.get(topicId)!;
  const provisions = provisionsOf(core, topic);
  const values = valuesLine(core, provisions);
  const figures = topic.values.length ? `**Figures:** ${topic.values.map(labelledValue).join(' · ')}` : '';
  const sections: AnswerSection[] = provisions.map((p) => provisionSection(core, p));
  // A thread no plan has a point on (the E3 counter-proposal, the referendum) lives in plan notes.
  const notes = provisions.length === 0 ? notesOf(core, topic) : [];
  sections.push(...notes.map((note) => noteSection(note)));
  const changes = changesSection(core, topic);
  if (changes) sections.push(changes);
  const issue = core.kb.issuesByTopic.get(topic.id);
  if (issue) {
    sections.push({
      heading: 'Still unresolved',
      text: `${issue.summary} Each party's position: /issue on this topic.`,
      citations: resolveCitations(core, issue.citations),
    });
  }
  return baseAnswer(core, {
    status: 'found',
    title: topic.title,
    text: [values, topic.summary + statusMark(topic), figures].filter(Boolean).join('\n'),
    sections,
    // the opening summary is the topic's own statement: its sources lead the list
    citations: collectCitations(sections, resolveCitations(core, topic.citations)),
    factIds: [
      topic.id,
      ...provisions.map((p) => p.id),
      ...notes.map((n) => n.id),
      ...topic.changes.map((c) => c.id),
    ],
  });

  function noteSection(note: PlanNote): AnswerSection {
    const figures = note.values.length ? ` (${note.values.map(labelledValue).join('; ')})` : '';
    return {
      heading: note.title,
      text: `${note.summary}${figures}${statusMark(note)}`,
      citations: resolveCitations(core, note.citations),
    };
  }
}

function notesOf(core: Core, topic: Topic): PlanNote[] {
  return [...core.kb.plans.values()].flatMap((plan) => plan.notes.filter((n) => n.topics.includes(topic.id)));
}

export function provisionView(core: Core, provisionId: string): Answer {
  const provision = core.kb.provisions.get(provisionId)!;
  const values = provision.values.length
    ? `\n**Figures:** ${provision.values.map(labelledValue).join(' · ')}`
    : '';
  const sections: AnswerSection[] = [];
  const related = new Map<string, Provision>();
  const relatedChanges = new Set<string>();
  for (const topicId of provision.topics) {
    const topic = core.kb.topics.get(topicId);
    if (!topic) continue;
    for (const other of provisionsOf(core, topic)) {
      if (other.plan !== provision.plan) related.set(other.id, other);
    }
    for (const change of topic.changes) {
      if (change.from.includes(provision.id) || change.to.includes(provision.id)) {
        relatedChanges.add(change.id);
        sections.push({
          heading: `${changeVerb[change.type]} between 28 and 20 points`,
          text: change.summary + statusMark(change),
          citations: resolveCitations(core, change.citations),
        });
      }
    }
  }
  const relatedList = [...related.values()].slice(0, 4);
  if (relatedList.length > 0) {
    sections.push({
      heading: 'The same topic in the other plans',
      text: relatedList
        .map((p) => `• **${provisionLabel(core, p.id)}:** ${p.summary}${statusMark(p)}`)
        .join('\n'),
      citations: resolveCitations(
        core,
        relatedList.flatMap((p) => p.citations),
      ),
    });
  }
  // Counter-proposals and context filed as another plan's notes (the E3 text against the 28 points).
  const notes = [...core.kb.plans.values()]
    .filter((plan) => plan.id !== provision.plan)
    .flatMap((plan) => plan.notes.filter((n) => n.topics.some((t) => provision.topics.includes(t))))
    .slice(0, 3);
  if (notes.length > 0) {
    sections.push({
      heading: 'Related background',
      text: notes.map((n) => `• **${n.title}:** ${n.summary}${statusMark(n)}`).join('\n'),
      citations: resolveCitations(
        core,
        notes.flatMap((n) => n.citations),
      ),
    });
  }
  return baseAnswer(core, {
    status: 'found',
    title: `${provisionLabel(core, provision.id)}: ${provision.title}`,
    text: `${provision.summary}${statusMark(provision)}${values}`,
    sections: [
      { heading: 'Sources for this point', text: '', citations: resolveCitations(core, provision.citations) },
      ...sections,
    ],
    factIds: [provision.id, ...relatedList.map((p) => p.id), ...notes.map((n) => n.id), ...relatedChanges],
  });
}

export function issueView(core: Core, issue: Issue): Answer {
  const sections: AnswerSection[] = [];
  // the parties in the schema's order; their names as parties.json spells them
  for (const party of partyIds) {
    const positions = issue.positions.filter((p) => p.party === party);
    const gaps = issue.gaps.filter((gap) => gap.party === party);
    if (positions.length === 0 && gaps.length === 0) continue;
    const lines = [
      ...positions.map(
        (p) => `• ${p.summary}${p.attributedTo ? ` — *per ${p.attributedTo}*` : ''}${statusMark(p)}`,
      ),
      ...gaps.map((gap) => `• Not known: ${gap.note}`),
    ];
    sections.push({
      heading: core.kb.actors.get(party)?.name ?? party,
      text: lines.join('\n'),
      citations: resolveCitations(
        core,
        positions.flatMap((p) => p.citations),
      ),
    });
  }
  for (const disagreement of issue.disagreements) {
    sections.push({
      heading: 'Sources disagree',
      text: [disagreement.summary, ...disagreement.claims.map((c) => `• ${c.claim}`)].join('\n'),
      citations: resolveCitations(
        core,
        disagreement.claims.flatMap((c) => c.citations),
      ),
    });
  }
  if (issue.notes.length > 0) {
    sections.push({
      heading: 'Context',
      text: issue.notes.map((note) => `• ${note.summary}${statusMark(note)}`).join('\n'),
      citations: resolveCitations(
        core,
        issue.notes.flatMap((note) => note.citations),
      ),
    });
  }
  const otherGaps = issue.gaps.filter((gap) => !gap.party);
  if (otherGaps.length > 0) {
    sections.push({
      heading: 'Not known',
      text: otherGaps.map((g) => `• ${g.note}`).join('\n'),
      citations: [],
    });
  }
  const disputed =
    issue.disagreements.length > 0 ? '\n**Sources disagree** on parts of this issue (see below).' : '';
  return baseAnswer(core, {
    status: 'found',
    title: issue.title,
    text: `${issue.summary}${statusMark(issue)}${disputed}`,
    sections,
    citations: collectCitations(sections, resolveCitations(core, issue.citations)),
    factIds: [issue.id, ...issue.positions.map((p) => p.id), ...issue.notes.map((n) => n.id)],
  });
}

/** Any single fact by id, in the view that suits its kind. */
export function factView(core: Core, id: string): Answer | undefined {
  const entry = core.index.entry(id);
  if (!entry) return undefined;
  switch (entry.kind) {
    case 'topic':
      return topicView(core, id);
    case 'provision':
      return provisionView(core, id);
    case 'change':
      return topicView(core, entry.parent!);
    case 'issue':
      return issueView(core, core.kb.issues.get(id)!);
    case 'position':
    case 'issue-note':
      return issueView(core, core.kb.issues.get(entry.parent!)!);
    default:
      return singleFactView(core, id);
  }
}

/** Plans, plan notes, events and people: the fact itself, with its context. */
export function singleFactView(core: Core, id: string): Answer {
  const entry = core.index.entry(id)!;
  let title = entry.title;
  let context = '';
  if (entry.kind === 'plan-note') {
    const note = core.kb.plans.get(entry.parent!)!.notes.find((n) => n.id === id)!;
    const figures = note.values.length ? `\n**Figures:** ${note.values.map(labelledValue).join(' · ')}` : '';
    context = `${figures}\n*Background to the ${planLabel(core, entry.parent!)}.*`;
  }
  if (entry.kind === 'event') {
    const event = core.kb.events.find((e) => e.id === id)!;
    title = `${humanDateRange(event.date, event.endDate)}: ${event.title}`;
  }
  if (entry.kind === 'actor') {
    const actor = core.kb.actors.get(id)!;
    title = actor.name;
    context = `\n*Role:* ${actor.role}`;
  }
  if (entry.kind === 'plan') {
    const plan = core.kb.plans.get(id)!;
    context = `\n*Proposed by:* ${plan.proposedBy}. *Date:* ${humanDate(plan.date)}. *Status:* ${plan.planStatus} Point by point: /plan.`;
  }
  return baseAnswer(core, {
    status: 'found',
    title,
    text: `${entry.summary}${statusMark(entry)}${context}`,
    sections: [{ heading: 'Evidence', text: '', citations: resolveCitations(core, entry.citations) }],
    factIds: [id],
  });
}
