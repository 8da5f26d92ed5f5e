import type { BenchFigures, Percentiles } from './figures.js';

/** The figures as the table `npm run bench` prints: real base and synthetic base side by side. */
export function formatTable(f: BenchFigures): string {
  const p = (x: Percentiles) => `${x.p50.toFixed(3)} / ${x.p95.toFixed(3)} / ${x.p99.toFixed(3)}`;
  const rows: [string, string, string][] = [
    ['facts', String(f.real.facts), String(f.synthetic10x.facts)],
    ['knowledge load + validation (median ms)', f.loadValidateMs.median.toFixed(1), '—'],
    ['index build (median ms)', f.real.indexBuildMs.toFixed(1), f.synthetic10x.indexBuildMs.toFixed(1)],
    [
      'fact-check preparation (ms, once)',
      f.real.factcheckPrepMs.toFixed(1),
      f.synthetic10x.factcheckPrepMs.toFixed(1),
    ],
    ['autocomplete p50 / p95 / p99 (ms)', p(f.real.autocomplete), p(f.synthetic10x.autocomplete)],
    ['query reading p50 / p95 / p99 (ms)', p(f.real.read), p(f.synthetic10x.read)],
    ['read + search p50 / p95 / p99 (ms)', p(f.real.search), p(f.synthetic10x.search)],
    ['/provision p50 / p95 / p99 (ms)', p(f.real.provision), p(f.synthetic10x.provision)],
    ['/ask p50 / p95 / p99 (ms)', p(f.real.ask), p(f.synthetic10x.ask)],
    ['/factcheck p50 / p95 / p99 (ms)', p(f.real.factcheck), p(f.synthetic10x.factcheck)],
    [
      '/provision + Discord payload p99 (ms)',
      f.real.reply.provision.p99.toFixed(3),
      f.synthetic10x.reply.provision.p99.toFixed(3),
    ],
    [
      '/ask + Discord payload p99 (ms)',
      f.real.reply.ask.p99.toFixed(3),
      f.synthetic10x.reply.ask.p99.toFixed(3),
    ],
    [
      '/factcheck + Discord payload p99 (ms)',
      f.real.reply.factcheck.p99.toFixed(3),
      f.synthetic10x.reply.factcheck.p99.toFixed(3),
    ],
  ];
  const widths = [Math.max(...rows.map((r) => r[0].length), 10), 26, 26];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [
    `Benchmark — Node ${f.node}, one process (samples per figure: ${f.real.ask.n})`,
    '',
    line(['', 'real base', `synthetic ${f.synthetic10x.factor}× base`]),
    line(widths.map((w) => '─'.repeat(w))),
    ...rows.map(line),
    '',
    `start to ready (process start → core loaded, validated, indexed; ${f.runtime === 'tsx' ? 'TypeScript compiled at start by tsx' : 'prebuilt JavaScript'}): ${f.startToReadyMs.toFixed(1)} ms`,
    `RSS after ready: ${f.rssMB.afterReady} MB · after serving the real-base mix: ${f.rssMB.afterRealRuns} MB · peak (whole run, incl. the ${f.synthetic10x.factor}× base): ${f.rssMB.peak} MB`,
  ].join('\n');
}
