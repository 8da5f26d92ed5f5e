/**
 * The fact entries: every plan, note, point, topic, change, issue, position, event and actor as one
 * searchable record that says where it lives.
 */
import { spelledDate } from '../text/dates.js';
import type { KnowledgeProblem } from './problems.js';
import type {
  Actor,
  Change,
  Citation,
  Issue,
  Plan,
  PlanNote,
  Position,
  Provision,
  TimelineEvent,
  Topic,
} from './schema.js';

export type FactKind =
  | 'plan'
  | 'plan-note'
  | 'provision'
  | 'topic'
  | 'change'
  | 'issue'
  | 'position'
  | 'issue-note'
  | 'event'
  | 'actor';

/** Any fact, with where it lives: the search indexes these and answers resolve ids through them. */
export interface FactEntry {
  id: string;
  kind: FactKind;
  title: string;
  summary: string;
  aliases: string[];
  topics: string[];
  /** Words that place the fact without being in it: its plan's name, a position's party, an event's date. */
  context: string[];
  citations: Citation[];
  /** The fact-sheet line ids the fact encodes ("A.6"). */
  sheet: string[];
  status: 'reported' | 'unverified' | 'content-unknown';
  statusNote?: string;
  /** The newest date the fact speaks of, when it has one (events). */
  date?: string;
  /** The fact's parent (the plan of a note, the topic of a change, the issue of a position). */
  parent?: string;
  file: string;
}

/** The lists read from knowledge/, before they become maps. */
export interface FactLists {
  planList: Plan[];
  provisionsByFile: { file: string; list: Provision[] }[];
  topicList: Topic[];
  issueList: Issue[];
  eventList: TimelineEvent[];
  actorList: Actor[];
}

/**
 * Every fact of every file as a FactEntry, in file order; a duplicate id, a provision id that does not
 * follow plan-number[part] and an assertion about another plan are problems. `citationCheck` is called
 * on each list of citations where it is found, so problems keep file order.
 */
export function collectFacts(
  lists: FactLists,
  citationCheck: (file: string, path: string, list: Citation[]) => void,
  problems: KnowledgeProblem[],
): Map<string, FactEntry> {
  const { planList, provisionsByFile, topicList, issueList, eventList, actorList } = lists;
  const facts = new Map<string, FactEntry>();
  const addFact = (entry: FactEntry, path: string) => {
    const existing = facts.get(entry.id);
    if (existing) {
      problems.push({
        file: entry.file,
        path,
        message: `duplicate id "${entry.id}" (also in ${existing.file})`,
      });
      return;
    }
    facts.set(entry.id, entry);
  };

  for (const plan of planList) {
    const path = `[${plan.id}]`;
    addFact(factOf(plan, 'plan', 'plans.json', { title: plan.name, aliases: plan.aliases }), path);
    citationCheck('plans.json', `${path}.citations`, plan.citations);
    for (const [j, note] of plan.notes.entries()) {
      addFact(
        factOf(note, 'plan-note', 'plans.json', { parent: plan.id, context: [plan.shortName] }),
        `${path}.notes[${j}]`,
      );
      citationCheck('plans.json', `${path}.notes[${j}].citations`, note.citations);
    }
  }

  for (const { file, list } of provisionsByFile) {
    for (const provision of list) {
      const path = `[${provision.id}]`;
      const expectedId = `${provision.plan}-${provision.number}${provision.part ?? ''}`;
      if (provision.id !== expectedId) {
        problems.push({ file, path: `${path}.id`, message: `must be "${expectedId}" (plan-number[part])` });
      }
      const plan = planList.find((p) => p.id === provision.plan);
      const context = plan ? [plan.shortName, plan.name, `point ${provision.number}`] : [];
      for (const [k, assertion] of (provision.assertions ?? []).entries()) {
        if (assertion.plan && assertion.plan !== provision.plan) {
          problems.push({
            file,
            path: `${path}.assertions[${k}].plan`,
            message: `must be "${provision.plan}", the point's own plan`,
          });
        }
      }
      addFact(factOf(provision, 'provision', file, { parent: provision.plan, context }), path);
      citationCheck(file, `${path}.citations`, provision.citations);
    }
  }
  for (const topic of topicList) {
    const path = `[${topic.id}]`;
    addFact(factOf(topic, 'topic', 'topics.json', { topics: [topic.id] }), path);
    citationCheck('topics.json', `${path}.citations`, topic.citations);
    for (const [j, change] of topic.changes.entries()) {
      addFact(
        factOf(change, 'change', 'topics.json', {
          title: `${topic.title}: ${change.type}`,
          topics: [topic.id],
          parent: topic.id,
        }),
        `${path}.changes[${j}]`,
      );
      citationCheck('topics.json', `${path}.changes[${j}].citations`, change.citations);
    }
  }

  for (const issue of issueList) {
    const path = `[${issue.id}]`;
    addFact(factOf(issue, 'issue', 'issues.json', { topics: [issue.topic] }), path);
    citationCheck('issues.json', `${path}.citations`, issue.citations);
    for (const [j, position] of issue.positions.entries()) {
      addFact(
        factOf(position, 'position', 'issues.json', {
          title: `${issue.title}: ${position.party}`,
          topics: [issue.topic],
          context: [position.party, ...(position.attributedTo ? [position.attributedTo] : [])],
          parent: issue.id,
        }),
        `${path}.positions[${j}]`,
      );
      citationCheck('issues.json', `${path}.positions[${j}].citations`, position.citations);
    }
    for (const [j, note] of issue.notes.entries()) {
      addFact(
        factOf(note, 'issue-note', 'issues.json', {
          title: issue.title,
          topics: [issue.topic],
          parent: issue.id,
        }),
        `${path}.notes[${j}]`,
      );
      citationCheck('issues.json', `${path}.notes[${j}].citations`, note.citations);
    }
    for (const [j, disagreement] of issue.disagreements.entries()) {
      for (const [k, claim] of disagreement.claims.entries()) {
        citationCheck('issues.json', `${path}.disagreements[${j}].claims[${k}].citations`, claim.citations);
      }
    }
  }

  for (const event of eventList) {
    const path = `[${event.id}]`;
    addFact(
      factOf(event, 'event', 'timeline.json', {
        date: event.endDate ?? event.date,
        context: [event.date, spelledDate(event.date)],
      }),
      path,
    );
    citationCheck('timeline.json', `${path}.citations`, event.citations);
  }
  for (const actor of actorList) {
    const path = `[${actor.id}]`;
    addFact(factOf(actor, 'actor', 'parties.json', { title: actor.name, context: [actor.role] }), path);
    citationCheck('parties.json', `${path}.citations`, actor.citations);
  }
  return facts;
}

type FactLike = (PlanNote | Plan | Provision | Topic | Change | Issue | Position | TimelineEvent | Actor) & {
  title?: string;
  aliases?: string[];
  topics?: string[];
};

export function factOf(
  fact: FactLike | Issue['notes'][number],
  kind: FactKind,
  file: string,
  extra: Partial<FactEntry> = {},
): FactEntry {
  const withOptional = fact as FactLike;
  return {
    id: fact.id,
    kind,
    title: withOptional.title ?? fact.summary,
    summary: fact.summary,
    aliases: withOptional.aliases ?? [],
    topics: withOptional.topics ?? [],
    context: [],
    citations: fact.citations,
    sheet: fact.sheet,
    status: fact.status,
    ...(fact.statusNote ? { statusNote: fact.statusNote } : {}),
    file,
    ...extra,
  };
}
