import type { Core } from '../../core.js';
import { vocabularyOf, type Query, type Vocabulary } from '../../query/index.js';
import { normaliseForMatching, stem, tokenize } from '../../text/normalise.js';
import { formatValue } from '../common.js';
import { factView } from '../views.js';
import { leadWith, type IntentAnswer } from './shared.js';

/**
 * "How many troops…", "how much…", "how long…": the figure in the first sentence. Among the facts that fit
 * the question nearly as well as the best, the sentence with a number that shares most of the question's
 * words (and its unit) leads; the view of the fact it comes from follows.
 */
export const figureAnswer: IntentAnswer = ({ core, query, result }) => {
  const top = result.hits[0]?.confidence ?? 0;
  if (result.status === 'not_found' && query.topics.length === 0) return undefined;
  const candidates = result.hits.filter((hit) => hit.confidence >= top * 0.7).slice(0, 6);
  for (const topic of query.topics) {
    if (!candidates.some((hit) => hit.id === topic))
      candidates.push({ ...candidates[0]!, id: topic, kind: 'topic' });
  }
  const wanted = new Set(query.content.map(stem));
  const vocabulary = vocabularyOf(core.kb);
  const asked = unitsAsked(vocabulary, query);
  let best: { id: string; sentence: string; score: number } | undefined;
  candidates.forEach((hit, rank) => {
    for (const sentence of sentencesOf(core, hit.id)) {
      if (!/\d/.test(sentence)) continue;
      const words = new Set(
        sentence
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .map(stem),
      );
      const shared = [...wanted].filter((w) => words.has(w)).length;
      const unit = [...unitsIn(vocabulary, sentence)].some((u) => asked.has(u)) ? 1.5 : 0;
      const score = shared + unit - rank * 0.3;
      if (!best || score > best.score) best = { id: hit.id, sentence, score };
    }
  });
  if (!best || best.score <= 0) return undefined;
  const view = factView(core, best.id);
  return view ? leadWith(view, best.sentence) : undefined;
};

/** The sentences a fact's view shows: its summary, and for a topic or issue its points and positions. */
function sentencesOf(core: Core, id: string): string[] {
  const entry = core.index.entry(id);
  if (!entry) return [];
  const texts = [entry.summary];
  const provision = core.kb.provisions.get(id);
  if (provision?.values.length) texts.push(`Figures: ${provision.values.map(formatValue).join(', ')}.`);
  const topic = core.kb.topics.get(id);
  const issue = core.kb.issues.get(id) ?? (topic ? core.kb.issuesByTopic.get(topic.id) : undefined);
  if (topic) {
    for (const pid of topic.provisions) {
      const p = core.kb.provisions.get(pid);
      if (p) texts.push(p.summary);
    }
  }
  if (issue) texts.push(...issue.positions.map((p) => p.summary), ...issue.notes.map((n) => n.summary));
  return texts.flatMap((text) => text.split(/(?<=[.!?;])\s+(?=[A-Z"“(‘'])/));
}

/** The units a text speaks of, by the lexicon's unit words ("%" and currency signs included). */
function unitsIn(vocabulary: Vocabulary, text: string): Set<string> {
  const words = tokenize(
    normaliseForMatching(text.replace(/%/g, ' percent ').replace(/\$/g, ' usd ').replace(/€/g, ' eur ')),
  );
  return new Set(vocabulary.units.matchAll(words).map((span) => span.value));
}

/** The units the question asks for: named ("how many days"), implied ("how long") or given with a figure. */
function unitsAsked(vocabulary: Vocabulary, query: Query): Set<string> {
  const units = new Set(query.figures.flatMap((f) => (f.unit ? [f.unit] : [])));
  for (const span of vocabulary.units.matchAll(query.words)) units.add(span.value);
  for (const span of vocabulary.questionUnits.matchAll(query.words)) span.value.forEach((u) => units.add(u));
  return units;
}
