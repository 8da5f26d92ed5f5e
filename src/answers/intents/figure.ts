import type { Core } from '../../core.js';
import { readQuery, vocabularyOf, type Query, type Vocabulary } from '../../query/index.js';
import { normaliseForMatching, stem, tokenize } from '../../text/normalise.js';
import { eventsDatedAsAsked, eventsOnDaysNamed } from '../../search/answerability.js';
import { labelledValue } from '../values.js';
import { factView, valuesLine } from '../views.js';
import { leadWith, type IntentAnswer } from './shared.js';

/**
 * "How many troops…", "how much…", "how long…": the figure in the first sentence. Among the facts that fit
 * the question nearly as well as the best, the sentence with a number that shares most of the question's
 * words (and its unit) leads; the view of the fact it comes from follows.
 */
export const figureAnswer: IntentAnswer = ({ core, query, result }) => {
  const top = result.hits[0]?.confidence ?? 0;
  if (result.status === 'not_found' && query.topics.length === 0) return undefined;
  // Figures often sit in the details (a party's position, an event, a body's card), not in the topic.
  const pool = new Map<string, number>();
  for (const hit of [
    ...result.hits,
    ...core.index.search(query.text, { kinds: detailKinds, limit: 12 }).hits,
  ]) {
    if (!pool.has(hit.id) && hit.confidence >= top * 0.6) pool.set(hit.id, hit.confidence);
  }
  for (const topic of query.topics) if (!pool.has(topic)) pool.set(topic, top);
  const wanted = new Set(query.content.map(stem));
  const vocabulary = vocabularyOf(core.kb);
  const asked = unitsAsked(vocabulary, query);
  // "How big is the army now?" asks for today's figure; otherwise what the plans set comes first.
  const present = vocabulary.presentCues.matchAll(query.words).length > 0;
  const planFigures = new Set(
    [...pool.keys()].map((id) => {
      const topic = core.kb.topics.get(id);
      const provisions = topic ? topic.provisions.flatMap((pid) => core.kb.provisions.get(pid) ?? []) : [];
      return `${valuesLine(core, provisions)}.`;
    }),
  );
  // "how many died in the strikes on 24 May": an event of the day named is what the figure is about
  const ofTheDay = new Set(eventsOnDaysNamed(core.kb, query).map((event) => event.id));
  for (const id of ofTheDay) if (!pool.has(id)) pool.set(id, top);
  // "…in december": among the facts that fit, what happened in the month named
  const ofTheMonth = new Set(
    ofTheDay.size ? [] : eventsDatedAsAsked(core.kb, query).map((event) => event.id),
  );
  // "how many points…": a sentence that counts that very thing ("a 27-point document") answers it
  const counted = asked.size ? undefined : countedThing(query);
  let best: { id: string; sentence: string; score: number } | undefined;
  for (const [id, confidence] of pool) {
    for (const sentence of figureSentencesOf(core, vocabulary, id)) {
      // a count of the thing asked for answers it, even where it reads like a plan's name ("a 27-point
      // document"; "the 28-point plan" names a plan)
      const counts = counted?.test(sentence.text) === true;
      if (!sentence.hasFigure && !(asked.has('year') && sentence.units.has('year')) && !counts) continue;
      const shared = [...wanted].filter((w) => sentence.stems.has(w)).length;
      const unit = [...sentence.units].some((u) => asked.has(u)) ? 2 : 0;
      // How well the fact fits the question weighs most: the best match is usually the answer.
      const now = present ? sentence.present : planFigures.has(sentence.text);
      // a plan named: its own points' figures before its background notes' (the E3 text's 800,000)
      const ofPlan = query.plans.length === 1 && core.kb.provisions.get(id)?.plan === query.plans[0];
      const score =
        shared +
        unit +
        (counts ? 2 : 0) +
        confidence * 4 +
        (now ? 1.5 : 0) +
        (ofTheDay.has(id) ? 3 : 0) +
        (ofTheMonth.has(id) ? 2 : 0) +
        (ofPlan ? 1 : 0);
      if (!best || score > best.score) best = { id, sentence: sentence.text, score };
    }
  }
  if (!best) return undefined;
  const view = factView(core, best.id);
  return view ? leadWith(view, best.sentence) : undefined;
};

const detailKinds = ['position', 'issue-note', 'event', 'actor', 'plan-note', 'provision'] as const;

/** What the figure answer needs to know of one sentence of a fact, read once per fact base. */
interface FigureSentence {
  text: string;
  /** A figure, not a plan's or point's number (a year counts only when the question asks for one). */
  hasFigure: boolean;
  stems: Set<string>;
  units: Set<string>;
  /** It speaks of now ("currently", "today"). */
  present: boolean;
}

/**
 * Reading a sentence (the query reader, units, stems) costs far more than scoring it, and the same facts
 * come up question after question: each fact's sentences are read once per fact base and kept with it
 * (a reload brings a new base, and the old readings go with the old one).
 */
const readSentences = new WeakMap<Core['kb'], Map<string, FigureSentence[]>>();

function figureSentencesOf(core: Core, vocabulary: Vocabulary, id: string): FigureSentence[] {
  let byFact = readSentences.get(core.kb);
  if (!byFact) readSentences.set(core.kb, (byFact = new Map()));
  let sentences = byFact.get(id);
  if (!sentences) {
    sentences = sentencesOf(core, id).map((text) => ({
      text,
      // "reported as 19 points" counts points, though a question's "19 points" names the draft
      hasFigure:
        /\d/.test(text) && (readQuery(text, vocabulary).figures.length > 0 || /\b\d+ points\b/.test(text)),
      stems: new Set(
        text
          .toLowerCase()
          .split(/[^\p{L}\p{N}]+/u)
          .map(stem),
      ),
      units: unitsIn(vocabulary, text),
      present: vocabulary.presentCues.matchAll(tokenize(normaliseForMatching(text))).length > 0,
    }));
    byFact.set(id, sentences);
  }
  return sentences;
}

/** The sentences a fact's view shows: its summary, and for a topic or issue its points and positions. */
function sentencesOf(core: Core, id: string): string[] {
  const entry = core.index.entry(id);
  if (!entry) return [];
  const texts = [entry.summary];
  const provision = core.kb.provisions.get(id);
  const topic = core.kb.topics.get(id);
  const note =
    entry.kind === 'plan-note' ? core.kb.plans.get(entry.parent!)?.notes.find((n) => n.id === id) : undefined;
  const issue = core.kb.issues.get(id) ?? (topic ? core.kb.issuesByTopic.get(topic.id) : undefined);
  const provisions = topic ? topic.provisions.flatMap((pid) => core.kb.provisions.get(pid) ?? []) : [];
  // A topic's own figures first: what each plan sets; on a tie they lead.
  const values = valuesLine(core, provisions);
  if (values) texts.push(`${values}.`);
  // Each structured figure is a sentence of its own, its label saying what it counts and whose it is.
  for (const value of [...(provision?.values ?? []), ...(topic?.values ?? []), ...(note?.values ?? [])])
    texts.push(`${labelledValue(value)}.`);
  texts.push(...provisions.map((p) => p.summary));
  if (issue) texts.push(...issue.positions.map((p) => p.summary), ...issue.notes.map((n) => n.summary));
  return texts.flatMap((text) => text.split(/(?<=[.!?;])\s+(?=[A-Z"“(‘'])/));
}

/** The units a text speaks of, by the lexicon's unit words ("%" and currency signs included). */
function unitsIn(vocabulary: Vocabulary, text: string): Set<string> {
  const words = tokenize(
    normaliseForMatching(text.replace(/%/g, ' percent ').replace(/\$/g, ' usd ').replace(/€/g, ' eur ')),
  );
  const units = new Set(vocabulary.units.matchAll(words).map((span) => span.value));
  // A calendar year ("until 2040") answers "what year".
  if (/\b20\d\d\b/.test(text)) units.add('year');
  return units;
}

/** The units the question asks for: named ("how many days"), implied ("how long") or given with a figure. */
function unitsAsked(vocabulary: Vocabulary, query: Query): Set<string> {
  const units = new Set(query.figures.flatMap((f) => (f.unit ? [f.unit] : [])));
  // "how many prisoners … (on Victory Day)": the unit counted right after "how many" is the one asked
  const at = query.words.findIndex((w, i) => w === 'how' && query.words[i + 1] === 'many');
  const counted = at >= 0 ? vocabulary.units.matchAt(query.words, at + 2) : undefined;
  if (counted) return units.add(counted.value);
  for (const span of vocabulary.units.matchAll(query.words)) units.add(span.value);
  for (const span of vocabulary.questionUnits.matchAll(query.words)) span.value.forEach((u) => units.add(u));
  return units;
}

/**
 * "how many points …": a number before the thing counted ("19 points", "a 27-point document"); "the
 * 28-point plan" names a plan and counts nothing.
 */
function countedThing(query: Query): RegExp | undefined {
  const at = query.words.findIndex((w, i) => w === 'how' && query.words[i + 1] === 'many');
  const noun = at >= 0 ? query.words[at + 2] : undefined;
  if (!noun || !/^\p{L}{3,}$/u.test(noun)) return undefined;
  const thing = stem(noun);
  return new RegExp(`\\b(?:a|an)\\s+\\d[\\d,.]*-${thing}|\\b\\d[\\d,.–-]* ${thing}`, 'iu');
}
