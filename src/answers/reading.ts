import type { Core } from '../core.js';
import type { PlanId } from '../knowledge/schema.js';
import { errorAnswer, wellFormed } from './common.js';
import type { Answer } from './types.js';

/**
 * Reading what people type, before any search: is the input usable at all, which plan does it name,
 * does it point at one numbered point? Shared by every command that takes free text.
 */

/** Checks the raw input before any work: empty, too long or control characters get a clear reply. */
export function validateQuery(core: Core, query: string | undefined, what: string): Answer | undefined {
  const raw = query ?? '';
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/.test(raw)) {
    return errorAnswer(core, `That text contains control characters; please type ${what} as plain text.`);
  }
  const text = cleanQuery(raw);
  if (!text) {
    return errorAnswer(
      core,
      `Please give ${what}. Examples: /provision troop-cap · /ask how many troops can Ukraine keep?`,
    );
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

/**
 * Every option is held to the limit a question has, whichever edge it came through (the terminal, the
 * gateway, the HTTP endpoint): a megabyte of ids is refused before it is read, and never echoed back.
 */
export function optionTooLong(core: Core, what: string, value: string | undefined): Answer | undefined {
  if (value === undefined || [...value].length <= maxQueryLength) return undefined;
  return errorAnswer(core, `${what} is too long: at most ${maxQueryLength} characters.`);
}

/** Invisible characters go, white space folds: what is left is what the person meant to type. */
export function cleanQuery(query: string): string {
  return wellFormed(query)
    .replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The longest query we read: beyond this a question is not a question but a paste. */
export const maxQueryLength = 300;

/**
 * Legacy: only the fact-checker still finds plans this way; everything else reads plans with the query
 * reader (readQuery(...).plans, names in knowledge/lexicon.json), and so will the fact-checker once it is
 * rewritten onto it — then this list goes.
 *
 * How people name a plan: "the 20-point plan", "Trump's plan", "the Berlin statement". People and parties
 * alone are not plans: "Europe adds $100bn" and "Trump chairs the council" name no plan.
 */
const planMentions: [RegExp, PlanId][] = [
  [
    /\b(?:us ua 20|20 points?|20 pt|20pt|zelensky (?:peace )?(?:plan|proposal|draft)|twenty point)\b/g,
    'us-ua-20',
  ],
  [
    /\b(?:us 28|28 points?|28 pt|28pt|trump (?:peace )?(?:plan|proposal|draft)|twenty eight point)\b/g,
    'us-28',
  ],
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

/** Every plan a normalised text names, with where, in order. */
export function plansNamed(normalised: string): PlanSpan[] {
  const spans: PlanSpan[] = [];
  for (const [pattern, plan] of planMentions) {
    for (const match of normalised.matchAll(pattern)) {
      spans.push({ plan, start: match.index, end: match.index + match[0].length });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}
