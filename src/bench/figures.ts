/** What a benchmark run reports, and the statistics it reports them with. */

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export interface BaseFigures {
  facts: number;
  indexBuildMs: number;
  factcheckPrepMs: number;
  autocomplete: Percentiles;
  /** Reading a question into a Query (src/query/), and the search over the words read. */
  read: Percentiles;
  search: Percentiles;
  provision: Percentiles;
  ask: Percentiles;
  factcheck: Percentiles;
  /** The same commands, answer plus Discord payload: what a member waits for, minus the network. */
  reply: { provision: Percentiles; ask: Percentiles; factcheck: Percentiles };
}

export interface BenchFigures {
  node: string;
  /** How this process runs the code: TypeScript compiled at start by tsx (`npm run bench`), or a prebuilt bundle. */
  runtime: 'tsx' | 'node';
  startToReadyMs: number;
  loadValidateMs: { median: number; runs: number[] };
  real: BaseFigures;
  synthetic10x: BaseFigures & { factor: number; generateMs: number };
  /** RSS once ready; after serving the real-base mix (what a running bot holds); the peak of the whole run. */
  rssMB: { afterReady: number; afterRealRuns: number; peak: number };
}

export const round = (ms: number) => Math.round(ms * 1000) / 1000;

export function percentiles(samples: number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(at(1)),
    mean: round(mean),
  };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}
