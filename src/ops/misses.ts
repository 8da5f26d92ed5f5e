/**
 * The unanswered-questions log: every query that came back not found or ambiguous (and every claim the
 * sources do not cover) is appended to MISSES_FILE as one JSON line — exactly what curators should add
 * next. A line holds the time, the command, the query normalised (case, width, spacing and punctuation
 * folded, so the same question groups together yet still reads as typed), the status and
 * the first "did you mean"; never who asked, nor where. When the file reaches its size cap it is rotated
 * to FILE.1 (replacing the previous one), so the log never holds more than twice the cap.
 */
import { appendFile, rename, stat } from 'node:fs/promises';
import type { InteractionOutcome, OutcomeObserver } from './outcome.js';

export interface MissRecord {
  time: string;
  command: string;
  query: string;
  status: 'not_found' | 'ambiguous' | 'not_in_sources';
  suggestion: string | null;
}

/** Queries longer than this are clipped: a pasted essay is still one miss, not a megabyte. */
const MAX_QUERY_CHARS = 300;

/** Lower case, compatibility forms folded, punctuation and runs of spaces made one space. */
export function normaliseQuery(query: string): string {
  return [
    ...query
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M}'’-]+/gu, ' ')
      .trim(),
  ]
    .slice(0, MAX_QUERY_CHARS)
    .join('')
    .trim();
}

/** The record for an outcome, or null when it was answered (or had no query to record). */
export function missOf(outcome: InteractionOutcome, now = new Date()): MissRecord | null {
  if (outcome.kind !== 'command' || outcome.query === undefined) return null;
  const status =
    outcome.verdict === 'not_in_sources'
      ? 'not_in_sources'
      : outcome.status === 'not_found' || outcome.status === 'ambiguous'
        ? outcome.status
        : null;
  if (!status) return null;
  const query = normaliseQuery(outcome.query);
  if (!query) return null;
  return {
    time: now.toISOString(),
    command: outcome.command,
    query,
    status,
    suggestion: outcome.topSuggestion ?? null,
  };
}

export interface MissesLog {
  observe: OutcomeObserver;
  /** Resolves when every line so far is written. */
  flush(): Promise<void>;
}

export function createMissesLog(options: {
  file: string;
  maxBytes: number;
  onError?: (error: unknown) => void;
}): MissesLog {
  const { file, maxBytes } = options;
  let size: number | undefined;
  // One write at a time, in order; a failed write is reported and the next one tries again.
  let queue: Promise<void> = Promise.resolve();

  async function write(line: string): Promise<void> {
    size ??= await stat(file).then(
      (s) => s.size,
      () => 0,
    );
    const bytes = Buffer.byteLength(line);
    if (size > 0 && size + bytes > maxBytes) {
      await rename(file, `${file}.1`);
      size = 0;
    }
    await appendFile(file, line, { mode: 0o640 });
    size += bytes;
  }

  return {
    observe(outcome) {
      const record = missOf(outcome);
      if (!record) return;
      const line = `${JSON.stringify(record)}\n`;
      queue = queue
        .then(() => write(line))
        .catch((error: unknown) => {
          size = undefined;
          options.onError?.(error);
        });
    },
    flush: () => queue,
  };
}
