import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { clip } from '../text/clip.js';
import { spelledDate } from '../text/dates.js';
import { normaliseForMatching } from '../text/normalise.js';
import { normaliseQuoteText } from './quotes.js';
import {
  ActorsFile,
  IssuesFile,
  Lexicon,
  Meta,
  PlansFile,
  ProvisionsFile,
  SourcesFile,
  TimelineFile,
  TopicsFile,
  type Actor,
  type Change,
  type Citation,
  type Issue,
  type Plan,
  type PlanNote,
  type Position,
  type Provision,
  type Source,
  type TimelineEvent,
  type Topic,
} from './schema.js';
import { byCodePoint } from '../text/numbers.js';

export const defaultKnowledgeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../knowledge');

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

export interface KnowledgeBase {
  meta: Meta;
  sources: Map<string, Source>;
  plans: Map<string, Plan>;
  provisions: Map<string, Provision>;
  topics: Map<string, Topic>;
  /** Keyed by topic id: the unresolved issue on that topic. */
  issuesByTopic: Map<string, Issue>;
  issues: Map<string, Issue>;
  events: TimelineEvent[];
  actors: Map<string, Actor>;
  facts: Map<string, FactEntry>;
  /** How people type questions: read by the query reader (src/query/). */
  lexicon: Lexicon;
}

export interface KnowledgeProblem {
  file: string;
  path: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}: ${problem.path || '(file)'}: ${problem.message}`;
}

/** Reads, validates and cross-checks knowledge/; throws a KnowledgeError listing every problem. */
export function loadKnowledge(dir: string = defaultKnowledgeDir): KnowledgeBase {
  const problems: KnowledgeProblem[] = [];
  const read = <S extends z.ZodType>(file: string, schema: S): z.output<S> | undefined =>
    readJsonFile(dir, file, schema, problems);

  const meta = read('meta.json', Meta);
  const sourceList = read('sources/sources.json', SourcesFile) ?? [];
  const planList = read('plans.json', PlansFile) ?? [];
  const provisionFiles = listJsonFiles(dir, 'provisions', problems);
  const provisionsByFile = provisionFiles.map((file) => ({ file, list: read(file, ProvisionsFile) ?? [] }));
  const topicList = read('topics.json', TopicsFile) ?? [];
  const issueList = read('issues.json', IssuesFile) ?? [];
  const eventList = read('timeline.json', TimelineFile) ?? [];
  const actorList = read('parties.json', ActorsFile) ?? [];
  const lexicon = read('lexicon.json', Lexicon);

  const sources = new Map(sourceList.map((source) => [source.id, source]));
  const sourceTexts = readSourceTexts(dir, sourceList, problems);
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
  const citationCheck = (file: string, path: string, list: Citation[]) =>
    checkCitations(file, path, list, sources, sourceTexts, problems);

  checkUnique('sources/sources.json', sourceList, problems);

  for (const [i, plan] of planList.entries()) {
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
    void i;
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
  const provisions = new Map(provisionsByFile.flatMap(({ list }) => list.map((p) => [p.id, p] as const)));
  const provisionFileOf = new Map(
    provisionsByFile.flatMap(({ file, list }) => list.map((p) => [p.id, file] as const)),
  );

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

  const topics = new Map(topicList.map((topic) => [topic.id, topic]));
  const plans = new Map(planList.map((plan) => [plan.id, plan]));

  checkPointCounts(planList, provisionsByFile, problems);
  // References into a file that failed to load would only repeat its error, so they are not checked.
  const unreadable = new Set(problems.map((p) => p.file));
  checkReferences({
    topics: unreadable.has('topics.json') ? undefined : topics,
    provisions: provisionFiles.some((f) => unreadable.has(f)) ? undefined : provisions,
    provisionFileOf,
    planList,
    topicList,
    issueList,
    eventList,
    problems,
  });
  checkAliases(facts, problems);
  // a disagreement names the facts it is about: they must exist
  for (const issue of issueList) {
    for (const [j, disagreement] of issue.disagreements.entries()) {
      for (const [k, id] of disagreement.facts.entries()) {
        if (!facts.has(id)) {
          problems.push({
            file: 'issues.json',
            path: `[${issue.id}].disagreements[${j}].facts[${k}]`,
            message: `unknown fact id "${id}"`,
          });
        }
      }
    }
  }
  if (meta) checkDates(meta, eventList, sourceList, problems);

  if (problems.length > 0) throw new KnowledgeError(problems);

  return {
    meta: meta as Meta,
    sources,
    plans,
    provisions,
    topics,
    issues: new Map(issueList.map((issue) => [issue.id, issue])),
    issuesByTopic: new Map(issueList.map((issue) => [issue.topic, issue])),
    events: [...eventList].sort((a, b) => byCodePoint(a.date, b.date)),
    actors: new Map(actorList.map((actor) => [actor.id, actor])),
    facts,
    lexicon: lexicon as Lexicon,
  };
}

type FactLike = (PlanNote | Plan | Provision | Topic | Change | Issue | Position | TimelineEvent | Actor) & {
  title?: string;
  aliases?: string[];
  topics?: string[];
};

function factOf(
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

function readJsonFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: KnowledgeProblem[],
): z.output<S> | undefined {
  const fullPath = join(dir, file);
  if (!existsSync(fullPath)) {
    problems.push({ file, path: '', message: 'file is missing' });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(fullPath, 'utf8'));
  } catch (error) {
    problems.push({ file, path: '', message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    // a field that is simply absent says so in words, not as a type error
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    problems.push({
      file,
      path: formatPath(raw, issue.path),
      message: missing ? 'is required but missing' : issue.message,
    });
  }
  return undefined;
}

/** `[us-28-6].citations[1].quote`: array items are named by their id when they have one. */
function formatPath(root: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = root;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      const item = Array.isArray(node) ? node[key] : undefined;
      const id = item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : undefined;
      out += typeof id === 'string' && id ? `[${id}]` : `[${key}]`;
      node = item;
    } else {
      out += `${out ? '.' : ''}${String(key)}`;
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out;
}

function listJsonFiles(dir: string, subdir: string, problems: KnowledgeProblem[]): string[] {
  const full = join(dir, subdir);
  if (!existsSync(full)) {
    problems.push({ file: `${subdir}/`, path: '', message: 'folder is missing' });
    return [];
  }
  return readdirSync(full)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${subdir}/${name}`);
}

function readSourceTexts(dir: string, sources: Source[], problems: KnowledgeProblem[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const source of sources) {
    if (!source.file) continue;
    const fullPath = join(dir, 'sources', source.file);
    if (!existsSync(fullPath)) {
      problems.push({
        file: 'sources/sources.json',
        path: `[${source.id}].file`,
        message: `source text "sources/${source.file}" is missing`,
      });
      continue;
    }
    texts.set(source.id, normaliseQuoteText(readFileSync(fullPath, 'utf8')));
  }
  return texts;
}

function checkUnique(file: string, items: { id: string }[], problems: KnowledgeProblem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push({ file, path: `[${item.id}]`, message: 'duplicate id' });
    seen.add(item.id);
  }
}

function checkCitations(
  file: string,
  path: string,
  citations: Citation[],
  sources: Map<string, Source>,
  sourceTexts: Map<string, string>,
  problems: KnowledgeProblem[],
): void {
  for (const [i, citation] of citations.entries()) {
    const at = `${path}[${i}]`;
    const source = sources.get(citation.source);
    if (!source) {
      problems.push({ file, path: `${at}.source`, message: `unknown source "${citation.source}"` });
      continue;
    }
    if (!('quote' in citation)) continue;
    const text = sourceTexts.get(citation.source);
    if (!source.file) {
      problems.push({
        file,
        path: `${at}.quote`,
        message: `"${citation.source}" has no source text in knowledge/sources/, so it can only be referenced (use "note"), not quoted`,
      });
    } else if (text !== undefined && !text.includes(normaliseQuoteText(citation.quote))) {
      problems.push({
        file,
        path: `${at}.quote`,
        message: `quote not found verbatim in ${source.file}: "${clip(citation.quote, 80)}"`,
      });
    }
  }
}

function checkPointCounts(
  plans: Plan[],
  provisionsByFile: { file: string; list: Provision[] }[],
  problems: KnowledgeProblem[],
): void {
  const planIds = new Set(plans.map((plan) => plan.id));
  for (const { file, list } of provisionsByFile) {
    for (const provision of list) {
      if (!planIds.has(provision.plan)) {
        problems.push({ file, path: `[${provision.id}].plan`, message: `unknown plan "${provision.plan}"` });
      }
      if (provision.number > (plans.find((p) => p.id === provision.plan)?.pointCount ?? Infinity)) {
        problems.push({
          file,
          path: `[${provision.id}].number`,
          message: `plan ${provision.plan} has only ${plans.find((p) => p.id === provision.plan)?.pointCount} points`,
        });
      }
    }
  }
  // A provisions file that could not be read has already been reported: counting its points as missing
  // would bury that one clear message under a cascade.
  if (problems.some((p) => p.file.startsWith('provisions/'))) return;
  const all = provisionsByFile.flatMap(({ list }) => list);
  for (const plan of plans) {
    const numbers = new Set(all.filter((p) => p.plan === plan.id).map((p) => p.number));
    const missing: number[] = [];
    for (let n = 1; n <= plan.pointCount; n += 1) if (!numbers.has(n)) missing.push(n);
    if (missing.length > 0) {
      problems.push({
        file: 'plans.json',
        path: `[${plan.id}].pointCount`,
        message: `${plan.pointCount} points declared but ${missing.length} missing from provisions/: ${missing.join(', ')}`,
      });
    }
  }
}

function checkReferences(context: {
  topics: Map<string, Topic> | undefined;
  provisions: Map<string, Provision> | undefined;
  provisionFileOf: Map<string, string>;
  planList: Plan[];
  topicList: Topic[];
  issueList: Issue[];
  eventList: TimelineEvent[];
  problems: KnowledgeProblem[];
}): void {
  const { topics, provisions, provisionFileOf, planList, topicList, issueList, eventList, problems } =
    context;
  const needTopic = (file: string, path: string, id: string) => {
    if (topics && !topics.has(id)) problems.push({ file, path, message: `unknown topic "${id}"` });
  };
  const needProvision = (file: string, path: string, id: string) => {
    if (provisions && !provisions.has(id))
      problems.push({ file, path, message: `unknown provision "${id}"` });
  };
  for (const [id, provision] of provisions ?? []) {
    const file = provisionFileOf.get(id) ?? 'provisions/';
    provision.topics.forEach((topic, i) => needTopic(file, `[${id}].topics[${i}]`, topic));
  }
  for (const plan of planList) {
    plan.notes.forEach((note, j) =>
      note.topics.forEach((t, i) => needTopic('plans.json', `[${plan.id}].notes[${j}].topics[${i}]`, t)),
    );
  }
  for (const topic of topicList) {
    topic.provisions.forEach((p, i) => needProvision('topics.json', `[${topic.id}].provisions[${i}]`, p));
    topic.related.forEach((t, i) => needTopic('topics.json', `[${topic.id}].related[${i}]`, t));
    topic.changes.forEach((change, j) => {
      change.from.forEach((p, i) =>
        needProvision('topics.json', `[${topic.id}].changes[${j}].from[${i}]`, p),
      );
      change.to.forEach((p, i) => needProvision('topics.json', `[${topic.id}].changes[${j}].to[${i}]`, p));
    });
  }
  const issueTopics = new Set<string>();
  for (const issue of issueList) {
    needTopic('issues.json', `[${issue.id}].topic`, issue.topic);
    if (issueTopics.has(issue.topic)) {
      problems.push({
        file: 'issues.json',
        path: `[${issue.id}].topic`,
        message: `topic "${issue.topic}" already has an issue`,
      });
    }
    issueTopics.add(issue.topic);
  }
  for (const event of eventList) {
    event.topics.forEach((t, i) => needTopic('timeline.json', `[${event.id}].topics[${i}]`, t));
  }
}

/** An alias must lead to exactly one fact, and must not be another fact's id. */
function checkAliases(facts: Map<string, FactEntry>, problems: KnowledgeProblem[]): void {
  const owner = new Map<string, { id: string; as: 'id' | 'alias' }>();
  for (const fact of facts.values()) owner.set(normaliseForMatching(fact.id), { id: fact.id, as: 'id' });
  for (const fact of facts.values()) {
    for (const [i, alias] of fact.aliases.entries()) {
      const key = normaliseForMatching(alias);
      const path = `[${fact.id}].aliases[${i}]`;
      const other = owner.get(key);
      if (!key) {
        problems.push({ file: fact.file, path, message: `alias "${alias}" is empty once normalised` });
      } else if (other && other.id !== fact.id) {
        problems.push({
          file: fact.file,
          path,
          message: `alias "${alias}" is also the ${other.as} of "${other.id}"`,
        });
      } else {
        owner.set(key, { id: fact.id, as: 'alias' });
      }
    }
  }
}

/**
 * The three dates of meta.json must be in order, nothing may be dated after the latest date of any
 * item, and an event after the latest reliably reported development cannot be plainly "reported".
 */
function checkDates(
  meta: Meta,
  events: TimelineEvent[],
  sources: Source[],
  problems: KnowledgeProblem[],
): void {
  const after = (date: string, limit: string) => date.slice(0, limit.length) > limit;
  if (after(meta.latestReliable, meta.latestAny) || after(meta.latestAny, meta.asOf)) {
    problems.push({
      file: 'meta.json',
      path: 'latestReliable',
      message: `dates out of order: latestReliable ${meta.latestReliable} ≤ latestAny ${meta.latestAny} ≤ asOf (reviewed) ${meta.asOf}`,
    });
  }
  for (const event of events) {
    for (const date of [event.date, event.endDate]) {
      if (date && after(date, meta.latestAny)) {
        problems.push({
          file: 'timeline.json',
          path: `[${event.id}].date`,
          message: `${date} is after the latest date of any item, ${meta.latestAny} (meta.json latestAny)`,
        });
      }
    }
    if (event.status === 'reported' && after(event.date, meta.latestReliable)) {
      problems.push({
        file: 'timeline.json',
        path: `[${event.id}].status`,
        message: `${event.date} is after the latest reliably reported development, ${meta.latestReliable} (meta.json latestReliable): mark it "unverified" and say why, or move latestReliable`,
      });
    }
  }
  for (const source of sources) {
    if (source.date && after(source.date, meta.latestAny)) {
      problems.push({
        file: 'sources/sources.json',
        path: `[${source.id}].date`,
        message: `${source.date} is after the latest date of any item, ${meta.latestAny} (meta.json latestAny)`,
      });
    }
  }
}
