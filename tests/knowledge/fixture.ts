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
      asOf: '2026-02-01',
      latestReliable: '2026-01-20',
      latestReliableNote: 'The latest reliable report.',
      latestAny: '2026-01-31',
      latestAnyNote: 'The latest item of any kind.',
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
        sheet: ['A.0.1'],
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
        sheet: ['A.1'],
        citations: cite,
      },
      {
        id: 'us-28-2',
        plan: 'us-28',
        number: 2,
        title: 'Other',
        summary: 'Other.',
        sheet: ['A.2'],
        citations: ref,
      },
    ],
    'topics.json': [
      {
        id: 'troop-cap',
        title: 'Troop cap',
        summary: 'Army size.',
        aliases: ['army size'],
        provisions: ['us-28-1'],
        changes: [],
        sheet: ['I'],
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
          {
            id: 'troop-cap-russia',
            party: 'russia',
            summary: 'Russia wants less.',
            sheet: ['E.TROOP-CAP.RU'],
            citations: ref,
          },
        ],
        sheet: ['E.TROOP-CAP'],
        citations: ref,
      },
    ],
    'timeline.json': [
      {
        id: 'ev-2025-11-20',
        date: '2025-11-20',
        title: 'Published',
        summary: 'Published.',
        sheet: ['F.2025-11-20'],
        citations: ref,
      },
    ],
    'parties.json': [
      {
        id: 'russia',
        name: 'Russia',
        kind: 'party',
        role: 'Party',
        summary: 'Russia.',
        aliases: ['Moscow'],
        sheet: ['H'],
        citations: ref,
      },
    ],
    'sheet/FACTS.md': fixtureSheet,
  } as Record<string, unknown>;
}

/** A fact sheet that the fixture encodes completely. */
export const fixtureSheet = [
  '# FACT SHEET',
  'Revision of 2026-01-31: fixture.',
  '## A. A plan',
  '### A.0 Origin',
  '- A.0.1 Origin of the plan. [ref:ref-one]',
  '- A.1 A cap. [ref:doc]',
  '- A.2 Other. [ref:ref-one]',
  '## E. Issues',
  '### E.TROOP-CAP (troop-cap)',
  '- E.TROOP-CAP.RU Russia wants less. [ref:ref-one]',
  '## F. Timeline',
  '- F.2025-11-20 Published. [ref:ref-one]',
  '- F.2025-11-21 EXCLUDE: a fabricated item. [ref:ref-one]',
  '## H. People and bodies',
  'Russia',
  '- Russia — a party. [ref:ref-one]',
  '## I. Topic ids and aliases',
  '- troop-cap — army size  [A.1]',
  '',
].join('\n');

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
