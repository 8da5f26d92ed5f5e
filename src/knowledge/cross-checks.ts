/**
 * What a schema cannot see: unique ids, citations that name known sources and quote them verbatim, point
 * counts, references between files, aliases that lead to one fact, and dates in order.
 */
import { clip } from '../text/clip.js';
import { normaliseForMatching } from '../text/normalise.js';
import type { FactEntry } from './facts.js';
import type { KnowledgeProblem } from './problems.js';
import { normaliseQuoteText } from './quotes.js';
import type { Citation, Issue, Meta, Plan, Provision, Source, TimelineEvent, Topic } from './schema.js';

export function checkUnique(file: string, items: { id: string }[], problems: KnowledgeProblem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) problems.push({ file, path: `[${item.id}]`, message: 'duplicate id' });
    seen.add(item.id);
  }
}

export function checkCitations(
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

export function checkPointCounts(
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

export function checkReferences(context: {
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
export function checkAliases(facts: Map<string, FactEntry>, problems: KnowledgeProblem[]): void {
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
export function checkDates(
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

/** A disagreement names the facts it is about: they must exist. */
export function checkDisagreementFacts(
  issues: Issue[],
  facts: Map<string, FactEntry>,
  problems: KnowledgeProblem[],
): void {
  for (const issue of issues) {
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
}
