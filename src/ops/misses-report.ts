/**
 * `npm run misses [-- FILE] [--top N] [--json]`: the unanswered questions, most frequent first, for
 * curators. Reads FILE (default MISSES_FILE, else misses.jsonl) and its rotated FILE.1; the same query to
 * the same command counts as one line, with how often, when last, how it failed and the usual suggestion.
 */
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { MissRecord } from './misses.js';
import { byCodePoint } from '../text/numbers.js';

export interface MissGroup {
  command: string;
  query: string;
  count: number;
  lastSeen: string;
  statuses: Record<string, number>;
  /** The suggestion given most often, if any. */
  suggestion: string | null;
}

function isRecord(value: unknown): value is MissRecord {
  const r = value as Partial<MissRecord> | null;
  return typeof r === 'object' && r !== null && typeof r.command === 'string' && typeof r.query === 'string';
}

/** Groups JSON lines by command and query; malformed lines are counted, not fatal. */
export function groupMisses(text: string): { groups: MissGroup[]; malformed: number } {
  const byKey = new Map<string, MissGroup & { suggestions: Map<string, number> }>();
  let malformed = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      malformed += 1;
      continue;
    }
    if (!isRecord(record)) {
      malformed += 1;
      continue;
    }
    const key = `${record.command}\u0000${record.query}`;
    let group = byKey.get(key);
    if (!group) {
      group = {
        command: record.command,
        query: record.query,
        count: 0,
        lastSeen: '',
        statuses: {},
        suggestion: null,
        suggestions: new Map(),
      };
      byKey.set(key, group);
    }
    group.count += 1;
    if (typeof record.time === 'string' && record.time > group.lastSeen) group.lastSeen = record.time;
    const status = String(record.status);
    group.statuses[status] = (group.statuses[status] ?? 0) + 1;
    if (record.suggestion)
      group.suggestions.set(record.suggestion, (group.suggestions.get(record.suggestion) ?? 0) + 1);
  }
  const groups = [...byKey.values()].map(({ suggestions, ...group }) => {
    const best = [...suggestions.entries()].sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))[0];
    return { ...group, suggestion: best ? best[0] : null };
  });
  groups.sort(
    (a, b) => b.count - a.count || byCodePoint(b.lastSeen, a.lastSeen) || byCodePoint(a.query, b.query),
  );
  return { groups, malformed };
}

export function formatMisses(groups: readonly MissGroup[], top: number, total: number): string {
  if (groups.length === 0) return 'No unanswered questions recorded.';
  const lines = groups.slice(0, top).map((g) => {
    const statuses = Object.entries(g.statuses)
      .map(([s, n]) => (n === g.count ? s : `${s}×${n}`))
      .join(', ');
    const suggestion = g.suggestion ? ` → did you mean ${g.suggestion}?` : '';
    return `${String(g.count).padStart(5)}  /${g.command} "${g.query}"  (${statuses}; last ${g.lastSeen.slice(0, 16)})${suggestion}`;
  });
  return [
    `${total} unanswered question${total === 1 ? '' : 's'}, ${groups.length} distinct; the ${Math.min(top, groups.length)} most frequent:`,
    ...lines,
  ].join('\n');
}

export function main(argv: readonly string[]): number {
  const json = argv.includes('--json');
  const topIndex = argv.indexOf('--top');
  const top = topIndex >= 0 ? Math.max(1, Number(argv[topIndex + 1]) || 30) : 30;
  const file =
    argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--top') ??
    process.env.MISSES_FILE ??
    'misses.jsonl';
  const files = [`${file}.1`, file].filter((f) => existsSync(f));
  if (files.length === 0) {
    process.stderr.write(`No misses file at ${file} (set MISSES_FILE for the bot, or name the file).\n`);
    return 1;
  }
  const { groups, malformed } = groupMisses(files.map((f) => readFileSync(f, 'utf8')).join('\n'));
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  if (json) process.stdout.write(`${JSON.stringify({ total, malformed, groups: groups.slice(0, top) })}\n`);
  else {
    process.stdout.write(`${formatMisses(groups, top, total)}\n`);
    if (malformed)
      process.stdout.write(`(${malformed} malformed line${malformed === 1 ? '' : 's'} skipped)\n`);
  }
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  process.exitCode = main(process.argv.slice(2));
