import type { Core } from '../core.js';
import type { FactKind } from '../knowledge/load.js';
import type { PlanId } from '../knowledge/schema.js';
import { foundAt, type SearchHit } from '../search/index.js';
import { normaliseForMatching } from '../search/normalise.js';
import { isStopword } from '../search/stopwords.js';
import { answerPlansOverview } from './listings.js';
import { ambiguousAnswer, errorAnswer, notFoundAnswer, wellFormed } from './common.js';
import type { Answer } from './types.js';
import { factView, issueView } from './views.js';

/** The longest query we read: beyond this a question is not a question but a paste. */
export const maxQueryLength = 300;

const planMentions: [RegExp, PlanId][] = [
  [/\b(?:us ua 20|20 points?|20 pt|20pt|zelensky(?: plan)?)\b/, 'us-ua-20'],
  [/\b(?:us 28|28 points?|28 pt|28pt|trump(?: plan)?)\b/, 'us-28'],
  [/\b(?:eu 6|6 points?|european|europe|berlin)\b/, 'eu-6'],
];

/** Recognises a plan mention in normalised text: "the 20 point plan", "Trump's plan", "Berlin". */
export function planMentioned(normalised: string): PlanId | undefined {
  return planMentions.find(([pattern]) => pattern.test(normalised))?.[1];
}

/**
 * The stricter reading a claim needs, where people and parties are not plans: "Europe adds $100bn" and
 * "Trump chairs the council" name no plan, "the European plan" and "Trump's plan" do.
 */
const strictPlanMentions: [RegExp, PlanId][] = [
  [/\b(?:us ua 20|20 points?|20 pt|20pt|zelensky (?:peace )?(?:plan|proposal|draft)|twenty point)\b/g, 'us-ua-20'],
  [/\b(?:us 28|28 points?|28 pt|28pt|trump (?:peace )?(?:plan|proposal|draft)|twenty eight point)\b/g, 'us-28'],
  [
    /\b(?:eu 6|6 points?|six points?|europe (?:6 point |six point )?(?:plan|proposal|framework|statement)|berlin (?:joint )?(?:statement|declaration|framework|plan|6 points?))\b/g,
    'eu-6',
  ],
];

export interface PlanSpan {
  plan: PlanId;
  start: number;
  end: number;
}

/** Every plan a (normalised) claim names, with where: the strict reading, for fact-checks. */
export function plansNamed(normalised: string): PlanSpan[] {
  const spans: PlanSpan[] = [];
  for (const [pattern, plan] of strictPlanMentions) {
    for (const match of normalised.matchAll(pattern)) {
      spans.push({ plan, start: match.index, end: match.index + match[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** "us-28-6", "28-point point 6", "point 14a of the 20-point plan" → a provision id, if it exists. */
export function parsePointReference(core: Core, query: string): string | undefined {
  const key = normaliseForMatching(query);
  if (key.split(' ').length > 8) return undefined;
  for (const [pattern, plan] of planMentions) {
    const match = pattern.exec(key);
    if (!match) continue;
    const rest = `${key.slice(0, match.index)} ${key.slice(match.index + match[0].length)}`;
    const point = /\b(?:point|pt|no|number|item|clause|#)?\s*(\d{1,2})\s?([a-z])?\b/.exec(rest);
    if (!point) return undefined;
    const id = `${plan}-${point[1]}${point[2] && point[2].length === 1 && /^[a-e]$/.test(point[2]) ? point[2] : ''}`;
    if (core.kb.provisions.has(id)) return id;
    const whole = `${plan}-${point[1]}`;
    return core.kb.provisions.has(whole) ? whole : undefined;
  }
  return undefined;
}

type Lookup = 'provision' | 'issue' | 'ask';

const kindsFor: Record<Lookup, readonly FactKind[] | undefined> = {
  provision: ['topic', 'provision', 'change', 'plan', 'plan-note'],
  issue: ['issue', 'topic', 'position', 'issue-note'],
  ask: undefined,
};

/** Checks the raw input before any work: empty, too long or control characters get a clear reply. */
export function validateQuery(core: Core, query: string | undefined, what: string): Answer | undefined {
  const raw = query ?? '';
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(raw)) {
    return errorAnswer(core, `That text contains control characters; please type ${what} as plain text.`);
  }
  const text = cleanQuery(raw);
  if (!text) {
    return errorAnswer(core, `Please give ${what}. Examples: /provision troop-cap · /ask how many troops can Ukraine keep?`);
  }
  const length = [...text].length;
  if (length > maxQueryLength) {
    return errorAnswer(
      core,
      `That is ${length} characters; please keep ${what} under ${maxQueryLength} characters — a few keywords work best.`,
    );
  }
  return undefined;
}

/** Invisible characters go, white space folds: what is left is what the person meant to type. */
export function cleanQuery(query: string): string {
  return wellFormed(query)
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Finds the fact a lookup is about and shows it, or says plainly that the fact base does not know. */
export function lookupAnswer(core: Core, lookup: Lookup, rawQuery: string | undefined): Answer {
  const invalid = validateQuery(core, rawQuery, lookup === 'ask' ? 'a question' : 'a topic or point');
  if (invalid) return invalid;
  const query = cleanQuery(rawQuery!);

  if (lookup !== 'issue') {
    const point = parsePointReference(core, query);
    if (point) return factView(core, point)!;
  }

  if (lookup === 'ask' && asksForThePlans(query)) return answerPlansOverview(core);
  const result = core.index.search(query, { kinds: kindsFor[lookup], limit: 8 });
  const hits = lookup === 'issue' ? issueHits(core, result.hits) : result.hits;
  const status = hits === result.hits ? result.status : core.index.statusOf(hits);
  if (status === 'not_found' || hits.length === 0) {
    return notFoundAnswer(core, query, { ...result, hits }, lookup === 'issue' ? 'an unresolved issue on' : '');
  }
  // A question gets the best answer when it is a strong one; a short lookup asks back.
  const decided = lookup === 'ask' ? (hits[0]!.confidence >= foundAt ? 'found' : status) : status;
  if (decided === 'ambiguous' && !sameThread(core, hits)) return ambiguousAnswer(core, query, { ...result, hits });
  const best = lookup === 'issue' ? hits[0]!.id : pointOfNamedPlan(core, query, hits) ?? hits[0]!.id;
  const answer = lookup === 'issue' ? issueView(core, core.kb.issues.get(best)!) : factView(core, best)!;
  const others = hits
    .slice(0, 4)
    .map((hit) => hit.id)
    .filter((id) => id !== best && !answer.factIds.includes(id))
    .slice(0, 3);
  return { ...answer, suggestions: others };
}

/** "What are the three plans?", "which peace proposals are there": the plans themselves, nothing else. */
function asksForThePlans(query: string): boolean {
  const words = normaliseForMatching(query).split(' ');
  if (!words.some((w) => /^(?:plans|proposals|frameworks|drafts)$/.test(w))) return false;
  const filler = /^(?:3|peace|war|ukraine|russia|plans|proposals|frameworks|drafts|there|exist|name|list)$/;
  return words.every((w) => isStopword(w) || filler.test(w));
}

/**
 * "What does the 20-point plan say about elections?" names a plan and a topic: the answer is that plan's
 * point on the topic, not the plan and not the topic across all plans.
 */
function pointOfNamedPlan(core: Core, query: string, hits: readonly SearchHit[]): string | undefined {
  const named = [...new Set(plansNamed(normaliseForMatching(query)).map((span) => span.plan))];
  if (named.length !== 1) return undefined;
  const plan = named[0]!;
  for (const hit of hits.slice(0, 4)) {
    if (hit.kind === 'plan' || hit.kind === 'plan-note') continue;
    const topics = hit.kind === 'topic' ? [hit.id] : (core.index.entry(hit.id)?.topics ?? []);
    for (const topicId of topics) {
      const point = core.kb.topics.get(topicId)?.provisions.find((id) => core.kb.provisions.get(id)?.plan === plan);
      if (point) return point;
    }
  }
  return undefined;
}

/** /issue reaches issues through their topics and positions too; unresolvable topics drop out. */
function issueHits(core: Core, hits: SearchHit[]): SearchHit[] {
  const mapped: SearchHit[] = [];
  for (const hit of hits) {
    const entry = core.index.entry(hit.id)!;
    const issueId =
      hit.kind === 'issue'
        ? hit.id
        : hit.kind === 'topic'
          ? core.kb.issuesByTopic.get(hit.id)?.id
          : entry.parent;
    if (issueId && !mapped.some((m) => m.id === issueId)) mapped.push({ ...hit, id: issueId, kind: 'issue' });
  }
  return mapped;
}


/** Two middling hits in the same thread (a topic and its own provision) are not a real ambiguity. */
function sameThread(core: Core, hits: SearchHit[]): boolean {
  const [first, second] = hits;
  if (!first) return false;
  if (!second || second.confidence < first.confidence * 0.8) return first.confidence >= 0.5;
  return core.index.related(first.id, second.id) && first.confidence >= 0.45;
}
