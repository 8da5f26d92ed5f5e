import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadKnowledgeApart } from '../../src/knowledge/apart.js';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { validFixture, writeFixture } from './fixture.js';

/** Validation in a child process (what every core is built from) gives what validation in-process gives. */
describe('knowledge validated in a separate process', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('returns the same base, maps and shared references included', () => {
    const apart = loadKnowledgeApart(defaultKnowledgeDir);
    const here = loadKnowledge(defaultKnowledgeDir);
    expect(apart).toEqual(here);
    // objects the loader shares (a provision's citations, listed again in its fact entry) stay shared
    const sharedCitations = (kb: typeof here) =>
      [...kb.provisions.values()].filter((p) => kb.facts.get(p.id)?.citations === p.citations).length;
    expect(sharedCitations(apart)).toBe(sharedCitations(here));
    expect(sharedCitations(here)).toBeGreaterThan(0);
  });

  it('reports every problem of a broken base, as a KnowledgeError naming file and field', () => {
    const fixture = validFixture();
    (fixture['meta.json'] as { asOf: string }).asOf = 'someday';
    const dir = writeFixture(fixture);
    dirs.push(dir);
    let error: unknown;
    try {
      loadKnowledgeApart(dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).problems).toEqual([
      expect.objectContaining({ file: 'meta.json', path: 'asOf' }),
    ]);
  });

  it('reports a missing folder the way the in-process loader does', () => {
    expect(() => loadKnowledgeApart('/nonexistent/knowledge')).toThrow(KnowledgeError);
    expect(() => loadKnowledgeApart('/nonexistent/knowledge')).toThrow(
      /meta\.json: \(file\): file is missing/,
    );
  });
});
