/**
 * Prometheus metrics (prom-client): interactions by kind, command and status, fact-check verdicts, a
 * latency histogram, knowledge reloads and the size of the base serving. `render()` gives the text
 * exposition format; `serveMetrics` serves it (and /healthz) on its own port in gateway mode, and the
 * HTTP interactions endpoint mounts the same `render()` at GET /metrics.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ReloadOutcome } from '../core.js';
import type { OutcomeObserver } from './outcome.js';

export interface Metrics {
  observe: OutcomeObserver;
  /** Count a reload and, when it succeeded, the new size of the base. */
  reloaded(outcome: ReloadOutcome): void;
  setFacts(count: number): void;
  /** Report what `read` counts (entries per cache, e.g. the gateway client's) at every scrape. */
  watchCaches(read: () => Record<string, number>): void;
  render(): Promise<string>;
  readonly contentType: string;
  readonly registry: Registry;
}

/** Seconds; interactions are answered in milliseconds, Discord gives up at 3 s. */
const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

export function createMetrics(options: { processMetrics?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry, prefix: 'peacebot_' });
  const interactions = new Counter({
    name: 'peacebot_interactions_total',
    help: 'Interactions handled, by kind (command, autocomplete, component), command and outcome status',
    labelNames: ['kind', 'command', 'status'] as const,
    registers: [registry],
  });
  const verdicts = new Counter({
    name: 'peacebot_factcheck_verdicts_total',
    help: 'Fact-check verdicts given',
    labelNames: ['verdict'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'peacebot_interaction_duration_seconds',
    help: 'Time from receiving an interaction to Discord accepting the reply',
    labelNames: ['kind', 'command'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [registry],
  });
  const reloads = new Counter({
    name: 'peacebot_knowledge_reloads_total',
    help: 'Knowledge reloads, by result (ok: swapped in; failed: the previous base kept serving)',
    labelNames: ['result'] as const,
    registers: [registry],
  });
  const facts = new Gauge({
    name: 'peacebot_knowledge_facts',
    help: 'Facts in the knowledge base serving now',
    registers: [registry],
  });
  let readCaches: (() => Record<string, number>) | undefined;
  new Gauge({
    name: 'peacebot_cached_entries',
    help: 'Entries held in each of the gateway client’s caches (bounded by design: memory stays flat)',
    labelNames: ['cache'] as const,
    registers: [registry],
    collect() {
      for (const [cache, entries] of Object.entries(readCaches?.() ?? {})) this.set({ cache }, entries);
    },
  });
  reloads.inc({ result: 'ok' }, 0);
  reloads.inc({ result: 'failed' }, 0);

  return {
    registry,
    contentType: registry.contentType,
    observe(outcome) {
      interactions.inc({ kind: outcome.kind, command: outcome.command, status: outcome.status });
      if (outcome.verdict) verdicts.inc({ verdict: outcome.verdict });
      latency.observe({ kind: outcome.kind, command: outcome.command }, outcome.ms / 1000);
    },
    reloaded(outcome) {
      reloads.inc({ result: outcome.ok ? 'ok' : 'failed' });
      if (outcome.ok) facts.set(outcome.facts);
    },
    setFacts: (count) => facts.set(count),
    watchCaches: (read) => {
      readCaches = read;
    },
    render: () => registry.metrics(),
  };
}

/** GET /metrics: the text format, for any node:http server (the HTTP endpoint mounts it). */
export function metricsRoute(metrics: Metrics): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (_req, res) => {
    const text = await metrics.render();
    res.writeHead(200, {
      'content-type': metrics.contentType,
      'content-length': String(Buffer.byteLength(text)),
    });
    res.end(text);
  };
}

/** GET /metrics and GET /healthz on their own port (gateway mode). Resolves once listening. */
export async function serveMetrics(
  metrics: Metrics,
  port: number,
  healthy: () => boolean = () => true,
): Promise<{ server: Server; port: number }> {
  const serveText = metricsRoute(metrics);
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/metrics') {
      serveText(req, res).catch(() => res.writeHead(500).end());
    } else if (path === '/healthz') {
      const ok = healthy();
      res.writeHead(ok ? 200 : 503, { 'content-type': 'text/plain' }).end(ok ? 'ok\n' : 'not ready\n');
    } else {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
