import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSheet, coverage } from '../../src/knowledge/check.js';
import { defaultKnowledgeDir, loadKnowledge } from '../../src/knowledge/load.js';

const kb = loadKnowledge();

describe('the shipped knowledge base', () => {
  it('ships a copy of the fact sheet it encodes', () => {
    const copy = join(defaultKnowledgeDir, 'sheet', 'FACTS.md');
    expect(existsSync(copy)).toBe(true);
    const shared = join(defaultKnowledgeDir, '..', '..', 'shared', 'references', 'FACTS.md');
    // Beside the shared material (development, CI) the copy must be the current sheet.
    if (existsSync(shared)) expect(readFileSync(copy, 'utf8')).toBe(readFileSync(shared, 'utf8'));
  });

  it('encodes every line of the fact sheet except EXCLUDE lines, and names every person of section H', () => {
    const report = checkSheet(kb, readFileSync(join(defaultKnowledgeDir, 'sheet', 'FACTS.md'), 'utf8'));
    expect(report.sections.flatMap((s) => s.missing)).toEqual([]);
    expect(report.encoded).toBe(report.lines);
    expect(report.peopleMissing).toEqual([]);
  });

  it('marks every fact from the weakly sourced section (G2) unverified, with the reason', () => {
    const weak = [...kb.facts.values()].filter((f) => f.sheet.some((t) => t.startsWith('G2.')));
    const g2Lines = new Set(weak.flatMap((f) => f.sheet).filter((t) => t.startsWith('G2.')));
    expect(g2Lines.size).toBe(14);
    for (const fact of weak) {
      // A topic is an overview of a thread: it may mention a weak item, marked where it does.
      if (fact.kind === 'topic') continue;
      expect(fact.status, fact.id).toBe('unverified');
      expect(fact.statusNote, fact.id).toBeTruthy();
    }
  });

  it('names a known fact-sheet line in every tag, and encodes no EXCLUDE line', () => {
    const report = checkSheet(kb, readFileSync(join(defaultKnowledgeDir, 'sheet', 'FACTS.md'), 'utf8'));
    expect(report.unknownTags).toEqual([]);
    expect(report.excludedButEncoded).toEqual([]);
  });

  it('has every point of every plan: 28 / 20 / 6', () => {
    const report = coverage(kb);
    expect(report.pointsPerPlan['us-28']).toMatchObject({ points: 28, declared: 28 });
    expect(report.pointsPerPlan['us-ua-20']).toMatchObject({ points: 20, declared: 20 });
    expect(report.pointsPerPlan['eu-6']).toMatchObject({ points: 6, declared: 6 });
  });

  it('quotes only the shipped source documents, verbatim', () => {
    const documents = [...kb.sources.values()].filter((s) => s.file);
    expect(documents.map((s) => s.id).sort()).toEqual(['community-summary', 'parley-explainer']);
    const fold = (t: string) =>
      t.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
    const texts = new Map(
      documents.map((s) => [s.id, fold(readFileSync(join(defaultKnowledgeDir, 'sources', s.file!), 'utf8'))]),
    );
    const quotes = [...kb.facts.values()].flatMap((f) => f.citations).filter((c) => 'quote' in c);
    expect(quotes.length).toBeGreaterThan(20);
    for (const citation of quotes) {
      expect(texts.get(citation.source), citation.source).toContain(
        fold((citation as { quote: string }).quote),
      );
    }
  });

  it('gives the troop cap as structured values: 600,000 in the 28-point plan, 800,000 in the 20-point plan', () => {
    const amounts = (id: string) => kb.provisions.get(id)!.values.map((v) => v.amount);
    expect(amounts('us-28-6')).toContain(600_000);
    expect(amounts('us-ua-20-4')).toContain(800_000);
  });

  it('keeps three dates apart: reviewed 1 Dec 2026, latest reliable report 4 Jun 2026, latest item Nov 2026', () => {
    expect(kb.meta).toMatchObject({ asOf: '2026-12-01', latestReliable: '2026-06-04' });
    expect(kb.meta.latestAny.startsWith('2026-11')).toBe(true);
    const newest = kb.events
      .map((e) => e.endDate ?? e.date)
      .sort()
      .at(-1)!;
    expect(newest.slice(0, 7) <= kb.meta.latestAny.slice(0, 7)).toBe(true);
    expect([...kb.sources.values()].every((s) => !s.date || s.date <= kb.meta.latestAny)).toBe(true);
    const laterReported = kb.events.filter((e) => e.date > kb.meta.latestReliable && e.status === 'reported');
    expect(laterReported.map((e) => e.id)).toEqual([]);
  });

  it('has a position for every party or says that none was found', () => {
    for (const issue of kb.issues.values()) {
      for (const party of ['ukraine', 'russia', 'united-states', 'europe'] as const) {
        const known =
          issue.positions.some((p) => p.party === party) || issue.gaps.some((g) => g.party === party);
        expect(known, `${issue.id} / ${party}`).toBe(true);
      }
    }
  });

  it('records the frozen-assets disagreement between the two source documents', () => {
    const assets = kb.issuesByTopic.get('frozen-assets')!;
    const sources = assets.disagreements.flatMap((d) =>
      d.claims.flatMap((c) => c.citations.map((x) => x.source)),
    );
    expect(sources).toEqual(expect.arrayContaining(['community-summary', 'parley-explainer']));
  });

  it('`npm run check:knowledge` prints the coverage summary and the fact-sheet coverage per section', () => {
    const out = spawnSync(process.execPath, ['--import', 'tsx', 'src/knowledge/check.ts'], {
      encoding: 'utf8',
    }).stdout;
    expect(out).toMatch(/^Knowledge OK — as of \d{4}-\d{2}-\d{2}/);
    expect(out).toMatch(
      /^Fact sheet .*FACTS\.md \(revision of \d{4}-\d{2}-\d{2}\): \d+ of \d+ line ids encoded$/m,
    );
    expect(out).toMatch(/^ {2}A {5}40\/40 {2}A\.0\.1–A\.28$/m);
    expect(out).toMatch(/Points per plan: us-28 28\/28, us-ua-20 20\/20 \(\+1 sub-entries\), eu-6 6\/6/);
    expect(out).toMatch(/quotes verified verbatim: \d+/);
    expect(out).toMatch(/References in use: \d+ of \d+ \(source-document 2, official/);
  });

  it('`npm run check:knowledge` fails and names the file and field of a broken knowledge base', async () => {
    const { validFixture, writeFixture } = await import('./fixture.js');
    const fixture = validFixture();
    (fixture['topics.json'] as { summary?: string }[])[0]!.summary = '';
    const dir = writeFixture(fixture);
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'src/knowledge/check.ts', dir], {
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toContain('topics.json: [troop-cap].summary: must not be empty');
  });
});
