import type { Core } from '../core.js';
import type { FactKind } from '../knowledge/load.js';
import { clip } from '../answers/common.js';
import type { Choice } from './types.js';

/** Discord's limits on autocomplete: at most 25 choices, name and value at most 100 characters. */
export const maxChoices = 25;
const maxChoiceLength = 100;

/** Ranked choices for a partly typed query; with nothing typed yet, the most looked-up topics first. */
export function suggestFacts(
  core: Core,
  value: string,
  kinds: readonly FactKind[],
  empty: () => string[],
): Choice[] {
  const typed = value.trim().slice(0, 200);
  const ids = typed
    ? core.index
        .search(typed, { kinds, limit: maxChoices, prefix: true, fuzzy: false })
        .hits.map((hit) => hit.id)
    : empty();
  const seen = new Set<string>();
  const choices: Choice[] = [];
  for (const id of ids) {
    if (seen.has(id) || id.length > maxChoiceLength) continue;
    seen.add(id);
    if (!core.index.entry(id)) continue;
    choices.push({ name: clip(factLabel(core, id), maxChoiceLength), value: id });
    if (choices.length === maxChoices) break;
  }
  return choices;
}

const kindLabel: Record<FactKind, string> = {
  plan: 'plan',
  'plan-note': 'background',
  provision: 'point',
  topic: 'topic',
  change: 'change',
  issue: 'open issue',
  position: 'position',
  'issue-note': 'context',
  event: 'event',
  actor: 'who',
};

/** "Frozen Russian assets (open issue)": a fact's title with its kind, so look-alike titles stay apart. */
export function factLabel(core: Core, id: string): string {
  const entry = core.index.entry(id);
  return entry ? `${entry.title} (${kindLabel[entry.kind]})` : id;
}

/** Topics in the fact base's own order: the curated list of what people look up most. */
export function topTopics(core: Core): string[] {
  return [...core.kb.topics.keys()];
}
