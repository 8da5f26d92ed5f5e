import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { buildFactcheckTables } from './answers/factcheck/index.js';
import { commands, findCommand } from './commands/index.js';
import type { Command } from './commands/types.js';
import { createCore, loadCore, type Core } from './core.js';
import { readQuery, vocabularyOf } from './query/index.js';
import { defaultKnowledgeDir, loadKnowledge, type FactEntry, type KnowledgeBase } from './knowledge/load.js';
import type { Issue, Provision, TimelineEvent, Topic } from './knowledge/schema.js';
import { renderDiscord } from './render/discord.js';
import { SearchIndex } from './search/index.js';

/**
 * `npm run bench` (table) / `npm run bench -- --json` (one JSON object): in one process, one run —
 *  - start to ready: from process start (performance.timeOrigin) to a loaded, validated, indexed core;
 *  - knowledge load + validation, and index build: median of several runs;
 *  - p50/p95/p99 latency of autocomplete (typed character by character), /provision, /ask and
 *    /factcheck over a realistic query mix (tests/fixtures/query-mix.json), answer alone and answer +
 *    Discord rendering;
 *  - the same on a synthetic fact base ten times the size, generated in memory from the real one;
 *  - peak RSS (process.resourceUsage().maxRSS).
 * No thresholds here or in the tests: the figures are reported, not judged.
 */

interface Mix {
  provision: string[];
  ask: string[];
  factcheck: string[];
  typed: string[];
}

export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

interface BaseFigures {
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

/** Next to knowledge/, found the same way whether this runs from src/ under tsx or from a bundle in dist/. */
export const mixFile = join(defaultKnowledgeDir, '../tests/fixtures/query-mix.json');

export function readMix(file = mixFile): Mix {
  return JSON.parse(readFileSync(file, 'utf8')) as Mix;
}

const now = () => performance.now();
/** Runs the garbage collector when node was started with --expose-gc (as `npm run bench` does). */
const collectGarbage = () => (globalThis as { gc?: () => void }).gc?.();
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

/** Runs every input once untimed, then times calls round-robin until `samples` calls were timed. */
function time(inputs: readonly string[], call: (input: string) => unknown, samples: number): Percentiles {
  for (const input of inputs) call(input);
  const out: number[] = [];
  while (out.length < samples) {
    for (const input of inputs) {
      const start = now();
      call(input);
      out.push(now() - start);
    }
  }
  return percentiles(out);
}

function command(name: string): Command {
  const found = findCommand(name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

/** Every prefix of every typed string, for every autocomplete option of every command. */
function autocompleteCalls(mix: Mix): { command: Command; option: string; value: string }[] {
  const calls: { command: Command; option: string; value: string }[] = [];
  for (const c of commands) {
    if (!c.autocomplete) continue;
    for (const option of c.definition.options.filter((o) => o.autocomplete)) {
      for (const typed of mix.typed) {
        for (let i = 1; i <= typed.length; i += 1)
          calls.push({ command: c, option: option.name, value: typed.slice(0, i) });
      }
    }
  }
  return calls;
}

function measureBase(
  core: Core,
  mix: Mix,
  samples: number,
): Omit<BaseFigures, 'indexBuildMs' | 'facts' | 'factcheckPrepMs'> {
  const calls = autocompleteCalls(mix);
  const keys = calls.map((_, i) => String(i));
  const autocomplete = time(
    keys,
    (key) => {
      const call = calls[Number(key)]!;
      return call.command.autocomplete!(core, call.option, call.value);
    },
    samples,
  );
  const run = (name: string, option: string) => (input: string) =>
    command(name).run(core, { [option]: input });
  const reply = (name: string, option: string) => (input: string) =>
    renderDiscord(command(name).run(core, { [option]: input }), {
      command: name,
      titleOf: (id) => core.index.entry(id)?.title ?? id,
    });
  const vocabulary = vocabularyOf(core.kb);
  const questions = [...mix.ask, ...mix.provision];
  return {
    autocomplete,
    read: time(questions, (input) => readQuery(input, vocabulary), samples),
    search: time(
      questions,
      (input) => core.index.search(readQuery(input, vocabulary).text, { limit: 8 }),
      samples,
    ),
    provision: time(mix.provision, run('provision', 'query'), samples),
    ask: time(mix.ask, run('ask', 'question'), samples),
    factcheck: time(mix.factcheck, run('factcheck', 'claim'), samples),
    reply: {
      provision: time(mix.provision, reply('provision', 'query'), Math.ceil(samples / 2)),
      ask: time(mix.ask, reply('ask', 'question'), Math.ceil(samples / 2)),
      factcheck: time(mix.factcheck, reply('factcheck', 'claim'), Math.ceil(samples / 2)),
    },
  };
}

// ─── A synthetic fact base, ten times the real one ──────────────────────────────────────────────────

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Clones every fact `factor - 1` times with new ids, aliases that differ ("troop cap 3"), and text
 * perturbed from the real vocabulary (a word in seven swapped for another), so the index has ten times
 * the documents, postings and phrases, and lookups meet many near-duplicates — a harder case than a real
 * base of that size.
 */
export function synthesise(kb: KnowledgeBase, factor: number, seed = 20260702): KnowledgeBase {
  const random = rng(seed);
  const vocabulary = [
    ...new Set(
      [...kb.facts.values()].flatMap((f) => f.summary.split(/\s+/)).filter((w) => /^[A-Za-z]{4,}$/.test(w)),
    ),
  ];
  const perturb = (text: string) =>
    text
      .split(/(\s+)/)
      .map((w) =>
        /^\s+$/.test(w) || random() > 1 / 7 ? w : (vocabulary[Math.floor(random() * vocabulary.length)] ?? w),
      )
      .join('');
  const out: KnowledgeBase = {
    ...kb,
    provisions: new Map(kb.provisions),
    topics: new Map(kb.topics),
    issues: new Map(kb.issues),
    issuesByTopic: new Map(kb.issuesByTopic),
    events: [...kb.events],
    actors: new Map(kb.actors),
    facts: new Map(kb.facts),
  };
  for (let k = 2; k <= factor; k += 1) {
    const id = (original: string) => (kb.plans.has(original) ? original : `${original}-s${k}`);
    const alias = (a: string) => `${a} ${k}`;
    for (const p of kb.provisions.values()) {
      const clone: Provision = {
        ...p,
        id: id(p.id),
        title: perturb(p.title),
        summary: perturb(p.summary),
        aliases: p.aliases.map(alias),
        topics: p.topics.map(id),
      };
      out.provisions.set(clone.id, clone);
    }
    for (const t of kb.topics.values()) {
      const clone: Topic = {
        ...t,
        id: id(t.id),
        title: `${perturb(t.title)} ${k}`,
        summary: perturb(t.summary),
        aliases: t.aliases.map(alias),
        provisions: t.provisions.map(id),
        related: t.related.map(id),
        changes: t.changes.map((c) => ({
          ...c,
          id: id(c.id),
          summary: perturb(c.summary),
          from: c.from.map(id),
          to: c.to.map(id),
        })),
      };
      out.topics.set(clone.id, clone);
    }
    for (const i of kb.issues.values()) {
      const clone: Issue = {
        ...i,
        id: id(i.id),
        topic: id(i.topic),
        summary: perturb(i.summary),
        positions: i.positions.map((p) => ({ ...p, id: id(p.id), summary: perturb(p.summary) })),
        notes: i.notes.map((n) => ({ ...n, id: id(n.id), summary: perturb(n.summary) })),
        disagreements: i.disagreements.map((d) => ({
          ...d,
          id: id(d.id),
          claims: d.claims.map((c) => ({ ...c, claim: perturb(c.claim) })),
        })),
      };
      out.issues.set(clone.id, clone);
      out.issuesByTopic.set(clone.topic, clone);
    }
    for (const e of kb.events) {
      const clone: TimelineEvent = {
        ...e,
        id: id(e.id),
        summary: perturb(e.summary),
        topics: e.topics.map(id),
        aliases: e.aliases.map(alias),
      };
      out.events.push(clone);
    }
    for (const a of kb.actors.values()) {
      out.actors.set(id(a.id), {
        ...a,
        id: id(a.id),
        name: `${a.name} ${k}`,
        aliases: a.aliases.map(alias),
        summary: perturb(a.summary),
      });
    }
    for (const f of kb.facts.values()) {
      if (f.kind === 'plan') continue;
      const clone: FactEntry = {
        ...f,
        id: id(f.id),
        title: f.kind === 'actor' ? `${f.title} ${k}` : perturb(f.title),
        summary: perturb(f.summary),
        aliases: f.aliases.map(alias),
        topics: f.topics.map(id),
        ...(f.parent ? { parent: id(f.parent) } : {}),
      };
      out.facts.set(clone.id, clone);
    }
  }
  out.events.sort((a, b) => a.date.localeCompare(b.date));
  return out;
}

// ─── The run ────────────────────────────────────────────────────────────────────────────────────────

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

export function main(argv: readonly string[]): void {
  const json = argv.includes('--json');
  const samplesArg = argv.find((a) => a.startsWith('--samples='));
  const figures = runBench(samplesArg ? { samples: Number(samplesArg.split('=')[1]) || 3000 } : {});
  process.stdout.write(json ? `${JSON.stringify(figures)}\n` : `${formatTable(figures)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
