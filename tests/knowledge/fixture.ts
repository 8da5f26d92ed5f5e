import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultKnowledgeDir } from '../../src/knowledge/load.js';

/** The real lexicon: the vocabulary of questions is the same for any fact base. */
const lexicon = JSON.parse(readFileSync(join(defaultKnowledgeDir, 'lexicon.json'), 'utf8')) as unknown;

/** A small, valid knowledge base; each test breaks one thing in it. */
export function validFixture() {
  const cite = [{ source: 'doc', quote: 'The cap is “600,000” troops.' }];
  const ref = [{ source: 'ref-one', note: 'reports the cap' }];
  return {
    'lexicon.json': lexicon,
    'meta.json': {
      title: 'Fixture',
      asOf: '2026-01-31',
      asOfNote: 'Fixture cut-off.',
      corrections: 'Open an issue.',
    },
    'sources/sources.json': [
      {
        id: 'doc',
        title: 'A source document',
        publisher: 'Fixture',
        author: null,
        date: '2025-12-01',
        url: null,
        language: 'en',
        reliability: 'source-document',
        note: '',
        file: 'doc.txt',
      },
      {
        id: 'ref-one',
        title: 'A reference',
        publisher: 'Outlet',
        author: null,
        date: '2025-12-02',
        url: 'https://example.org/a',
        language: 'en',
        reliability: 'major-outlet',
        note: '',
      },
    ],
    'sources/doc.txt': 'Intro line.\nThe cap is "600,000"\n   troops. Another sentence.\n',
    'plans.json': [
      {
        id: 'us-28',
        name: 'Plan 28',
        shortName: '28-point',
        date: '2025-11-20',
        proposedBy: 'US',
        planStatus: 'Draft.',
        pointCount: 2,
        summary: 'A plan.',
        aliases: ['twenty eight'],
        citations: ref,
      },
    ],
    'provisions/us-28.json': [
      {
        id: 'us-28-1',
        plan: 'us-28',
        number: 1,
        title: 'Cap',
        summary: 'A cap.',
        topics: ['troop-cap'],
        citations: cite,
      },
      { id: 'us-28-2', plan: 'us-28', number: 2, title: 'Other', summary: 'Other.', citations: ref },
    ],
    'topics.json': [
      {
        id: 'troop-cap',
        title: 'Troop cap',
        summary: 'Army size.',
        aliases: ['army size'],
        provisions: ['us-28-1'],
        changes: [],
        citations: ref,
      },
    ],
    'issues.json': [
      {
        id: 'troop-cap-dispute',
        topic: 'troop-cap',
        title: 'Army size',
        summary: 'Unresolved.',
        positions: [
          { id: 'troop-cap-russia', party: 'russia', summary: 'Russia wants less.', citations: ref },
        ],
        citations: ref,
      },
    ],
    'timeline.json': [
      { id: 'ev-2025-11-20', date: '2025-11-20', title: 'Published', summary: 'Published.', citations: ref },
    ],
    'parties.json': [
      {
        id: 'russia',
        name: 'Russia',
        kind: 'party',
        role: 'Party',
        summary: 'Russia.',
        aliases: ['Moscow'],
        citations: ref,
      },
    ],
  } as Record<string, unknown>;
}

export type Fixture = ReturnType<typeof validFixture>;

/** Writes the fixture to a fresh temporary folder and returns its path. */
export function writeFixture(fixture: Fixture): string {
  const dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
  for (const [file, content] of Object.entries(fixture)) {
    if (content === undefined) continue;
    const path = join(dir, file);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}
