/**
 * `npm run bench` (table) / `npm run bench -- --json` (one JSON object): in one process, one run —
 *  - start to ready: from process start (performance.timeOrigin) to a loaded, validated, indexed core;
 *  - knowledge load + validation, and index build: median of several runs;
 *  - p50/p95/p99 latency of autocomplete (typed character by character), /provision, /ask and
 *    /factcheck over a realistic query mix (tests/fixtures/query-mix.json), answer alone and answer +
 *    Discord rendering;
 *  - the same on a synthetic fact base ten times the size, generated in memory from the real one;
 *  - peak RSS (process.resourceUsage().maxRSS).
 * No thresholds here or in the tests: the figures are reported, not judged. The parts: bench/measure.ts
 * (timing the mix), bench/synthesise.ts (the larger base), bench/figures.ts (statistics), bench/table.ts.
 */
import { pathToFileURL } from 'node:url';
import { buildFactcheckTables } from './answers/factcheck/index.js';
import { createCore, loadCore, type Core } from './core.js';
import { loadKnowledge } from './knowledge/load.js';
import { vocabularyOf } from './query/index.js';
import { SearchIndex } from './search/index.js';
import { median, round, type BaseFigures, type BenchFigures } from './bench/figures.js';
import { measureBase, now, readMix } from './bench/measure.js';
import { synthesise } from './bench/synthesise.js';
import { formatTable } from './bench/table.js';

/** Runs the garbage collector when node was started with --expose-gc (as `npm run bench` does). */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function runBench(
  options: { samples?: number; loadRuns?: number; factor?: number } = {},
): BenchFigures {
  const samples = options.samples ?? 3000;
  const loadRuns = options.loadRuns ?? 7;
  const factor = options.factor ?? 10;

  // Start to ready: the process started at performance.timeOrigin; performance.now() counts from there.
  const core = loadCore();
  const startToReadyMs = round(now());
  const afterReady = mb(process.memoryUsage().rss);

  const loads: number[] = [];
  const indexBuilds: number[] = [];
  let kb = core.kb;
  for (let i = 0; i < loadRuns; i += 1) {
    let start = now();
    kb = loadKnowledge();
    loads.push(now() - start);
    start = now();
    new SearchIndex(kb.facts.values(), vocabularyOf(kb));
    indexBuilds.push(now() - start);
  }
  let start = now();
  buildFactcheckTables(core.kb);
  const factcheckPrepMs = round(now() - start);
  const mix = readMix();
  const real: BaseFigures = {
    facts: core.index.size,
    indexBuildMs: median(indexBuilds),
    factcheckPrepMs,
    ...measureBase(core, mix, samples),
  };

  // the benchmark's own garbage (seven extra loads, thousands of answers) is not what a bot holds
  collectGarbage();
  const afterRealRuns = mb(process.memoryUsage().rss);

  start = now();
  const big = synthesise(kb, factor);
  const generateMs = round(now() - start);
  const bigBuilds: number[] = [];
  let bigCore: Core = createCore(big);
  for (let i = 0; i < 3; i += 1) {
    start = now();
    bigCore = createCore(big);
    bigBuilds.push(now() - start);
  }
  start = now();
  buildFactcheckTables(bigCore.kb);
  const bigPrep = round(now() - start);
  const synthetic10x = {
    factor,
    generateMs,
    facts: bigCore.index.size,
    indexBuildMs: median(bigBuilds),
    factcheckPrepMs: bigPrep,
    ...measureBase(bigCore, mix, samples),
  };

  return {
    node: process.version,
    runtime: import.meta.url.endsWith('.ts') ? 'tsx' : 'node',
    startToReadyMs,
    loadValidateMs: { median: median(loads), runs: loads.map(round) },
    real,
    synthetic10x,
    rssMB: { afterReady, afterRealRuns, peak: Math.round((process.resourceUsage().maxRSS / 1024) * 10) / 10 },
  };
}

export function main(argv: readonly string[]): void {
  const json = argv.includes('--json');
  const samplesArg = argv.find((a) => a.startsWith('--samples='));
  const figures = runBench(samplesArg ? { samples: Number(samplesArg.split('=')[1]) || 3000 } : {});
  process.stdout.write(json ? `${JSON.stringify(figures)}\n` : `${formatTable(figures)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
