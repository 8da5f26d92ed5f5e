import type { Answer } from '../answers/types.js';
import { citationLine } from './format.js';

/** Markdown → what a terminal shows: no asterisks or backticks, escapes undone. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/gs, '$1')
    .replace(/(^|[^\\])\*(.+?)\*/gs, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\*_`~|>[\]#])/g, '$1');
}

/** Answer → terminal text: the answer, its sections, numbered sources with quotes, the "as of" date. */
export function renderText(answer: Answer): string {
  const lines: string[] = [];
  const rule = '─'.repeat(Math.min(72, Math.max(20, answer.title.length)));
  lines.push(plainText(answer.title), rule);
  if (answer.verdict) lines.push(`Verdict: ${answer.verdict}`);
  lines.push(plainText(answer.text));
  const numberOf = (sourceId: string, quote?: string, note?: string) =>
    answer.citations.findIndex((c) => c.sourceId === sourceId && c.quote === quote && c.note === note) + 1;
  for (const section of answer.sections) {
    const refs = [
      ...new Set(section.citations.map((c) => numberOf(c.sourceId, c.quote, c.note)).filter((n) => n > 0)),
    ];
    lines.push('', `■ ${plainText(section.heading)}${refs.length ? `  [${refs.join('][')}]` : ''}`);
    if (section.text) lines.push(indent(plainText(section.text)));
  }
  if (answer.suggestions.length > 0 && answer.status !== 'found') {
    lines.push('', `Did you mean: ${answer.suggestions.join(', ')}`);
  }
  if (answer.citations.length > 0) {
    lines.push('', 'Sources');
    answer.citations.forEach((c, i) => lines.push(indent(citationLine(c, i + 1, true))));
  }
  const page =
    answer.page && answer.page.count > 1
      ? ` · page ${answer.page.index} of ${answer.page.count} (--page N)`
      : '';
  lines.push(
    '',
    `As of ${answer.asOf}${page}${answer.factIds.length ? ` · facts: ${answer.factIds.slice(0, 8).join(', ')}` : ''}`,
  );
  return lines.join('\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((line) => `  ${line}`)
    .join('\n');
}
