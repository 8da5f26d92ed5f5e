import { answerChangesOverview } from '../listings.js';
import { statusMark, withSectionsFirst } from '../common.js';
import { resolveCitations } from '../citations.js';
import { foundAt } from '../../search/index.js';
import type { Answer } from '../types.js';
import { topicView } from '../views.js';
import type { Core } from '../../core.js';
import type { Query } from '../../query/index.js';
import type { SearchHit } from '../../search/index.js';
import { leadWith, topicOf, type IntentAnswer } from './shared.js';

const verbs: Record<string, string> = {
  added: 'Added',
  removed: 'Removed',
  amended: 'Amended',
  unchanged: 'Unchanged',
  unclear: 'Unclear',
};

/**
 * "Did the 20pt drop the amnesty?", "what changed on the army": the recorded changes from the 28-point to the
 * 20-point draft on that topic, one line each, before the topic itself. No topic: every change.
 */
export const changedAnswer: IntentAnswer = (asked) => {
  const { core, query } = asked;
  const topicId = topicOf(asked);
  if (!topicId) {
    if (query.content.length > 0 && asked.result.status !== 'not_found') return undefined;
    if (query.content.length > 0 && query.plans.length === 0) return undefined;
    return withHowItCameAbout(asked, answerChangesOverview(core));
  }
  const topic = core.kb.topics.get(topicId)!;
  if (topic.changes.length === 0) return undefined;
  // The change the question's words fit best comes first.
  const ranked = core.index.search(query.text, { kinds: ['change'], limit: 20 }).hits.map((h) => h.id);
  const changes = [...topic.changes].sort((a, b) => rank(ranked, a.id) - rank(ranked, b.id));
  const lines = changes.map(
    (c) => `**${verbs[c.type] ?? c.type} (28 → 20 points):** ${c.summary}${statusMark(c)}`,
  );
  return leadWith(topicView(core, topicId), lines.join('\n'));
};

function rank(ranked: readonly string[], id: string): number {
  const i = ranked.indexOf(id);
  return i < 0 ? ranked.length : i;
}

/**
 * "missile at moscow clause in 20pt?": a clause of one draft, named outright, asked of another draft is a
 * question about what became of it there — the recorded change, not the clause as it first stood.
 */
export function asksOfTheOtherDraft(core: Core, query: Query, best: SearchHit | undefined): boolean {
  if (query.plans.length !== 1 || best?.kind !== 'provision') return false;
  if (best.matchedBy !== 'alias' && best.matchedBy !== 'exact') return false;
  const plan = core.kb.provisions.get(best.id)?.plan;
  if (!plan || plan === query.plans[0]) return false;
  return [...core.kb.topics.values()].some((topic) =>
    topic.changes.some((c) => c.from.includes(best.id) || c.to.includes(best.id)),
  );
}

/**
 * "How did the 28-point plan turn into the 20 points?": how the one became the other (the note on the
 * plan's making that the words fit well) comes before the list of changes.
 */
function withHowItCameAbout({ core, query, result }: Parameters<IntentAnswer>[0], answer: Answer): Answer {
  const best = result.hits[0];
  if (!query.words.includes('how') || best?.kind !== 'plan-note' || best.confidence < foundAt) return answer;
  const note = core.index.entry(best.id);
  if (!note) return answer;
  return withSectionsFirst(
    answer,
    [{ heading: note.title, text: note.summary, citations: resolveCitations(core, note.citations) }],
    [note.id],
  );
}
