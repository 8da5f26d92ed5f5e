/**
 * Word wrapping for the terminal: lines break at spaces, never inside a word. A single word longer than
 * the line (a long URL) gets a line of its own rather than being cut, so it can still be copied.
 */

/** Wraps one paragraph; continuation lines get `hang` (the indent under a bullet's text). */
export function wrapParagraph(text: string, width: number, indent = '', hang = indent): string[] {
  const words = text.split(/[ \t]+/).filter(Boolean);
  if (words.length === 0) return [''];
  const lines: string[] = [];
  let line = indent;
  let empty = true;
  for (const word of words) {
    const candidate = empty ? `${line}${word}` : `${line} ${word}`;
    if (!empty && length(candidate) > width) {
      lines.push(line);
      line = `${hang}${word}`;
    } else {
      line = candidate;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** Wraps text of several lines; a line starting "• " or "- " hangs its continuation under its text. */
export function wrap(text: string, width: number, indent = ''): string[] {
  return text.split('\n').flatMap((paragraph) => {
    const bullet = /^(\s*(?:[•\-*]|\d+\.)\s+)/.exec(paragraph)?.[1];
    const hang = indent + ' '.repeat(bullet ? length(bullet) : 0);
    return wrapParagraph(paragraph, width, indent, hang);
  });
}

/** Characters as a terminal counts them (code points; wide CJK glyphs are rare here and ignored). */
export function length(text: string): number {
  return [...text].length;
}

/** The terminal's width: COLUMNS, else the tty's columns, else 80; never narrower than 40. */
export function terminalWidth(env: NodeJS.ProcessEnv = process.env, columns?: number): number {
  const fromEnv = Number(env.COLUMNS);
  const width = Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : (columns ?? 80);
  return Math.max(40, Math.min(width, 200));
}
