/** Reading knowledge/ from disk: JSON files checked against their schema, and the quotable source texts. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { KnowledgeProblem } from './problems.js';
import { normaliseQuoteText } from './quotes.js';
import type { Source } from './schema.js';

export function readJsonFile<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: KnowledgeProblem[],
): z.output<S> | undefined {
  const fullPath = join(dir, file);
  if (!existsSync(fullPath)) {
    problems.push({ file, path: '', message: 'file is missing' });
    return undefined;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(fullPath, 'utf8'));
  } catch (error) {
    problems.push({ file, path: '', message: `is not valid JSON: ${(error as Error).message}` });
    return undefined;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    // a field that is simply absent says so in words, not as a type error
    const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
    problems.push({
      file,
      path: formatPath(raw, issue.path),
      message: missing ? 'is required but missing' : issue.message,
    });
  }
  return undefined;
}

/** `[us-28-6].citations[1].quote`: array items are named by their id when they have one. */
function formatPath(root: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = root;
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') {
      const item = Array.isArray(node) ? node[key] : undefined;
      const id = item && typeof item === 'object' && 'id' in item ? (item as { id: unknown }).id : undefined;
      out += typeof id === 'string' && id ? `[${id}]` : `[${key}]`;
      node = item;
    } else {
      out += `${out ? '.' : ''}${String(key)}`;
      node = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    }
  }
  return out;
}

export function listJsonFiles(dir: string, subdir: string, problems: KnowledgeProblem[]): string[] {
  const full = join(dir, subdir);
  if (!existsSync(full)) {
    problems.push({ file: `${subdir}/`, path: '', message: 'folder is missing' });
    return [];
  }
  return readdirSync(full)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => `${subdir}/${name}`);
}

export function readSourceTexts(
  dir: string,
  sources: Source[],
  problems: KnowledgeProblem[],
): Map<string, string> {
  const texts = new Map<string, string>();
  for (const source of sources) {
    if (!source.file) continue;
    const fullPath = join(dir, 'sources', source.file);
    if (!existsSync(fullPath)) {
      problems.push({
        file: 'sources/sources.json',
        path: `[${source.id}].file`,
        message: `source text "sources/${source.file}" is missing`,
      });
      continue;
    }
    texts.set(source.id, normaliseQuoteText(readFileSync(fullPath, 'utf8')));
  }
  return texts;
}
