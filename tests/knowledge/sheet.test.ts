import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkSheet } from '../../src/knowledge/check.js';
import type { KnowledgeError } from '../../src/knowledge/load.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { formatSheetCoverage, parseSheet, sheetProblems } from '../../src/knowledge/sheet.js';
import { fixtureSheet, validFixture, writeFixture, type Fixture } from './fixture.js';

const list = (fixture: Fixture, file: string) => fixture[file] as Record<string, unknown>[];

function runCheck(dir: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/knowledge/check.ts', dir], {
    encoding: 'utf8',
  });
}

describe('the fact sheet', () => {
  it('reads line ids, sections, EXCLUDE lines, heading ids and people', () => {
    const sheet = parseSheet(fixtureSheet);
    expect(sheet.revision).toBe('2026-01-31');
    expect(sheet.lines.map((l) => l.id)).toEqual([
      'A.0.1',
      'A.1',
      'A.2',
      'E.TROOP-CAP.RU',
      'F.2025-11-20',
      'F.2025-11-21',
    ]);
    expect(sheet.lines.find((l) => l.id === 'F.2025-11-21')?.excluded).toBe(true);
    expect(sheet.lines.map((l) => l.section)).toEqual(['A', 'A', 'A', 'E', 'F', 'F']);
    expect([...sheet.headings]).toEqual(['A', 'A.0', 'E', 'E.TROOP-CAP', 'F', 'H', 'I']);
    expect(sheet.people).toEqual(['Russia']);
  });

  it('splits a people line naming several people, dropping their roles', () => {
    const sheet = parseSheet(
      '## H. People\n- Andrei Belousov (Defence Minister) and Valery Gerasimov (Chief of Staff) — ordered.\n' +
        '- Peace Council / Board of Peace — a body.\n- Merz, Macron — signatories.\n',
    );
    expect(sheet.people).toEqual([
      'Andrei Belousov',
      'Valery Gerasimov',
      'Peace Council',
      'Board of Peace',
      'Merz',
      'Macron',
    ]);
  });

  it('tags every fact with the sheet lines it encodes; a fact without one is rejected', () => {
    const fixture = validFixture();
    delete list(fixture, 'timeline.json')[0]!.sheet;
    list(fixture, 'topics.json')[0]!.sheet = [];
    list(fixture, 'parties.json')[0]!.sheet = ['people'];
    let problems: string[] = [];
    try {
      loadKnowledge(writeFixture(fixture));
    } catch (error) {
      problems = (error as KnowledgeError).message.split('\n').slice(1);
    }
    expect(problems).toEqual([
      'topics.json: [troop-cap].sheet: must name the fact-sheet line(s) it encodes, e.g. ["A.6"]',
      'timeline.json: [ev-2025-11-20].sheet: is required but missing',
      'parties.json: [russia].sheet[0]: must be a fact-sheet line id such as "A.6" or "E.ZNPP.RU"',
    ]);
  });

  it('reports per section which lines are encoded, and fails on a missing line', () => {
    const fixture = validFixture();
    list(fixture, 'provisions/us-28.json')[1]!.sheet = ['A.1'];
    const kb = loadKnowledge(writeFixture(fixture));
    const report = checkSheet(kb, fixtureSheet);
    expect(report.sections.map((s) => [s.section, s.encoded, s.missing, s.excluded])).toEqual([
      ['A', ['A.0.1', 'A.1'], ['A.2'], []],
      ['E', ['E.TROOP-CAP.RU'], [], []],
      ['F', ['F.2025-11-20'], [], ['F.2025-11-21']],
    ]);
    expect(report).toMatchObject({ lines: 5, encoded: 4, peopleMissing: [] });
    expect(sheetProblems(report)).toEqual(['fact sheet section A: not encoded by any fact: A.2']);
    const text = formatSheetCoverage(report, 'FACTS.md');
    expect(text).toContain('4 of 5 line ids encoded');
    expect(text).toContain('  A       2/3  A.0.1–A.1\n        MISSING: A.2');
    expect(text).toContain('excluded (not encoded): F.2025-11-21');
  });

  it('fails on a tag that names no line of the sheet, and on an encoded EXCLUDE line', () => {
    const fixture = validFixture();
    list(fixture, 'provisions/us-28.json')[1]!.sheet = ['A.2', 'A.99'];
    list(fixture, 'timeline.json')[0]!.sheet = ['F.2025-11-20', 'F.2025-11-21'];
    const report = checkSheet(loadKnowledge(writeFixture(fixture)), fixtureSheet);
    expect(sheetProblems(report)).toEqual([
      'sheet tag "A.99" names no line or heading of the fact sheet (provisions/us-28.json [us-28-2])',
      'sheet line F.2025-11-21 is marked EXCLUDE and must not be encoded (timeline.json [ev-2025-11-20])',
    ]);
  });

  it('accepts a heading id as a tag for a fact about a whole section', () => {
    const fixture = validFixture();
    list(fixture, 'plans.json')[0]!.sheet = ['A.0', 'A.0.1'];
    expect(sheetProblems(checkSheet(loadKnowledge(writeFixture(fixture)), fixtureSheet))).toEqual([]);
  });

  it('`npm run check:knowledge` reads the sheet beside the knowledge and exits 1 when a line is not encoded', () => {
    const complete = runCheck(writeFixture(validFixture()));
    expect(complete.status).toBe(0);
    expect(complete.stdout).toMatch(/^Knowledge OK/);
    expect(complete.stdout).toContain('5 of 5 line ids encoded');

    const fixture = validFixture();
    list(fixture, 'timeline.json')[0]!.sheet = ['F'];
    const incomplete = runCheck(writeFixture(fixture));
    expect(incomplete.status).toBe(1);
    expect(incomplete.stdout).toMatch(/^Knowledge INCOMPLETE/);
    expect(incomplete.stderr).toContain('fact sheet section F: not encoded by any fact: F.2025-11-20');
  });
});
