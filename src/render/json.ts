import type { Answer } from '../answers/types.js';

/** The scripting contract: exactly one JSON object per answer — the Answer plus command and query. */
export function renderJson(answer: Answer, command: string, query: string): string {
  return JSON.stringify({ command, query, ...answer });
}
