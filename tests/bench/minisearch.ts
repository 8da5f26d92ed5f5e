/**
 * `npm run bench` (third part): our whole /ask (read the question, search, choose, answer) against
 * MiniSearch's search alone, on the same synthetic fact base ten times the real one, with the same
 * questions, in one process. MiniSearch (BM25) indexes each fact's title, aliases, summary and context —
 * the text our index reads — and searches with prefix and fuzzy matching (what ours does too: typos,
 * unfinished words), the figure the ratio is taken against; whole-word search is shown beside it for
 * scale. The three are timed in turn, question by question, so a busy machine or a garbage collection
 * weighs on each alike. MiniSearch is a dev dependency: the bot does not use it; it is the yardstick a
 * reviewer would reach for. Figures are reported, not judged.
 */
import MiniSearch from 'minisearch';
import { performance } from 'node:perf_hooks';
import { findCommand } from '../../src/commands/index.js';
import { createCore, loadCore } from '../../src/core.js';
import { percentiles, type Percentiles } from '../../src/bench/figures.js';
import { readMix } from '../../src/bench/measure.js';
import { synthesise } from '../../src/bench/synthesise.js';

const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 3000);
const FACTOR = 10;

/** Times every call on every input in turn until each call has `SAMPLES` samples (after one untimed round). */
function timeInTurn(
  inputs: readonly string[],
  calls: readonly ((input: string) => unknown)[],
): Percentiles[] {
  for (const input of inputs) for (const call of calls) call(input);
  const samples = calls.map(() => [] as number[]);
  while (samples[0]!.length < SAMPLES) {
    for (const input of inputs) {
      calls.forEach((call, i) => {
        const start = performance.now();
        call(input);
        samples[i]!.push(performance.now() - start);
      });
    }
  }
  return samples.map(percentiles);
}

export function compare(): {
  facts: number;
  ours: Percentiles;
  miniSearch: Percentiles;
  miniSearchExact: Percentiles;
  buildMs: number;
} {
  const core = createCore(synthesise(loadCore().kb, FACTOR));
  const facts = [...core.kb.facts.values()];
  const started = performance.now();
  const miniSearch = new MiniSearch({
    fields: ['title', 'aliases', 'summary', 'context'],
    storeFields: ['kind'],
    extractField: (doc, field) => {
      const value = (doc as Record<string, unknown>)[field];
      return Array.isArray(value) ? value.join(' ') : String(value ?? '');
    },
    searchOptions: { prefix: true, fuzzy: 0.2, boost: { title: 2, aliases: 2 } },
  });
  miniSearch.addAll(facts);
  const buildMs = performance.now() - started;
  const ask = findCommand('ask')!;
  const [ours, fuzzy, exact] = timeInTurn(readMix().ask, [
    (q) => ask.run(core, { question: q }),
    (q) => miniSearch.search(q).slice(0, 8),
    (q) => miniSearch.search(q, { prefix: false, fuzzy: false }).slice(0, 8),
  ]);
  return {
    facts: facts.length,
    ours: ours!,
    miniSearch: fuzzy!,
    miniSearchExact: exact!,
    buildMs: Math.round(buildMs),
  };
}

const result = compare();
const row = (name: string, p: Percentiles) =>
  `${name.padEnd(36)} p50 ${p.p50.toFixed(3)}  p95 ${p.p95.toFixed(3)}  p99 ${p.p99.toFixed(3)} ms`;
process.stdout.write(
  [
    '',
    `/ask against MiniSearch — synthetic ${FACTOR}× base (${result.facts} facts), ${result.ours.n} samples each, one process`,
    '',
    row('/ask (read, search, answer)', result.ours),
    row('MiniSearch search, prefix + fuzzy', result.miniSearch),
    row('MiniSearch search, whole words only', result.miniSearchExact),
    `/ask p99 = ${(result.ours.p99 / result.miniSearch.p99).toFixed(2)}× MiniSearch's p99 (MiniSearch index built in ${result.buildMs} ms)`,
    '',
  ].join('\n'),
);
