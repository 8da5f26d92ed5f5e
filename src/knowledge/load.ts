/**
 * The knowledge layer's entry point: reads, validates and cross-checks knowledge/ into a KnowledgeBase.
 * Callers import what loading yields and throws from here; the work is done by read-files.ts (reading
 * and schema checks), facts.ts (the fact entries) and cross-checks.ts (what a schema cannot see).
 */
import { defaultKnowledgeDir } from './dir.js';
import type { z } from 'zod';
import { byCodePoint } from '../text/numbers.js';
import {
  checkAliases,
  checkCitations,
  checkDates,
  checkDisagreementFacts,
  checkPointCounts,
  checkReferences,
  checkUnique,
} from './cross-checks.js';
import { collectFacts, type FactEntry } from './facts.js';
import { KnowledgeError, type KnowledgeProblem } from './problems.js';
import { listJsonFiles, readJsonFile, readSourceTexts } from './read-files.js';
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
  type Issue,
  type Plan,
  type Provision,
  type Source,
  type TimelineEvent,
  type Topic,
} from './schema.js';

export type { FactEntry, FactKind } from './facts.js';
export { formatProblem, KnowledgeError, type KnowledgeProblem } from './problems.js';

export { defaultKnowledgeDir } from './dir.js';

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
  checkUnique('sources/sources.json', sourceList, problems);
  const facts = collectFacts(
    { planList, provisionsByFile, topicList, issueList, eventList, actorList },
    (file, path, list) => checkCitations(file, path, list, sources, sourceTexts, problems),
    problems,
  );
  const provisions = new Map(provisionsByFile.flatMap(({ list }) => list.map((p) => [p.id, p] as const)));
  const provisionFileOf = new Map(
    provisionsByFile.flatMap(({ file, list }) => list.map((p) => [p.id, file] as const)),
  );

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
  checkDisagreementFacts(issueList, facts, problems);
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
