import { describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { validFixture, writeFixture, type Fixture } from './fixture.js';

/** Loads a fixture changed by `breakIt` and returns the loader's problem lines. */
function problemsOf(breakIt: (fixture: Fixture) => void): string[] {
  const fixture = validFixture();
  breakIt(fixture);
  try {
    loadKnowledge(writeFixture(fixture));
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).message.split('\n').slice(1);
  }
  throw new Error('expected the loader to fail');
}

const list = (fixture: Fixture, file: string) => fixture[file] as Record<string, unknown>[];

function withChange(change: (fixture: Fixture) => void): Fixture {
  const fixture = validFixture();
  change(fixture);
  return fixture;
}

describe('loadKnowledge', () => {
  it('loads a valid fixture, folding white space and typographic quotes in quotes', () => {
    const kb = loadKnowledge(writeFixture(validFixture()));
    expect(kb.provisions.get('us-28-1')?.title).toBe('Cap');
    expect(kb.facts.get('troop-cap-russia')?.kind).toBe('position');
    expect(kb.issuesByTopic.get('troop-cap')?.id).toBe('troop-cap-dispute');
  });

  it('names a missing file', () => {
    expect(problemsOf((f) => delete f['timeline.json'])).toEqual(['timeline.json: (file): file is missing']);
  });

  it('names a file that is not JSON', () => {
    const problems = problemsOf((f) => (f['topics.json'] = '[{"id": "troop-cap",'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^topics\.json: \(file\): is not valid JSON: /);
  });

  it('names the file, the fact and the field of a schema error', () => {
    const problems = problemsOf((f) => {
      delete list(f, 'provisions/us-28.json')[1]!.summary;
      list(f, 'plans.json')[0]!.date = '20 Nov 2025';
    });
    expect(problems).toContain('provisions/us-28.json: [us-28-2].summary: is required but missing');
    expect(problems).toContain('plans.json: [us-28].date: must be an ISO date YYYY-MM-DD');
    // one clear message per fault: the unreadable file's points are not also reported missing
    expect(problems.filter((p) => /missing from provisions/.test(p))).toEqual([]);
  });

  it('requires at least one citation per fact', () => {
    const problems = problemsOf((f) => (list(f, 'topics.json')[0]!.citations = []));
    expect(problems).toEqual(['topics.json: [troop-cap].citations: every fact needs at least one citation']);
  });

  it('rejects an unknown status and an unknown reliability tier', () => {
    const problems = problemsOf((f) => {
      list(f, 'timeline.json')[0]!.status = 'rumour';
      list(f, 'sources/sources.json')[1]!.reliability = 'blog';
    });
    expect(problems.some((p) => p.startsWith('timeline.json: [ev-2025-11-20].status: '))).toBe(true);
    expect(problems.some((p) => p.startsWith('sources/sources.json: [ref-one].reliability: '))).toBe(true);
  });

  it('rejects duplicate ids across files', () => {
    const problems = problemsOf((f) => (list(f, 'timeline.json')[0]!.id = 'troop-cap'));
    expect(problems).toEqual(['timeline.json: [troop-cap]: duplicate id "troop-cap" (also in topics.json)']);
  });

  it('rejects a citation of an unknown source', () => {
    const problems = problemsOf(
      (f) => (list(f, 'parties.json')[0]!.citations = [{ source: 'nowhere', note: 'x' }]),
    );
    expect(problems).toEqual(['parties.json: [russia].citations[0].source: unknown source "nowhere"']);
  });

  it('rejects a quote that is not verbatim in its source', () => {
    const problems = problemsOf(
      (f) =>
        (list(f, 'provisions/us-28.json')[0]!.citations = [
          { source: 'doc', quote: 'The cap is 600,000 soldiers.' },
        ]),
    );
    expect(problems).toEqual([
      'provisions/us-28.json: [us-28-1].citations[0].quote: quote not found verbatim in doc.txt: "The cap is 600,000 soldiers."',
    ]);
  });

  it('does not fold case or punctuation in quotes', () => {
    const problems = problemsOf(
      (f) =>
        (list(f, 'provisions/us-28.json')[0]!.citations = [
          { source: 'doc', quote: 'the cap is "600,000" troops' },
        ]),
    );
    expect(problems[0]).toMatch(/quote not found verbatim in doc\.txt/);
  });

  it('rejects quoting a reference that ships no text', () => {
    const problems = problemsOf(
      (f) => (list(f, 'topics.json')[0]!.citations = [{ source: 'ref-one', quote: 'Army size.' }]),
    );
    expect(problems).toEqual([
      'topics.json: [troop-cap].citations[0].quote: "ref-one" has no source text in knowledge/sources/, so it can only be referenced (use "note"), not quoted',
    ]);
  });

  it('names a source text file that is missing', () => {
    const problems = problemsOf((f) => delete f['sources/doc.txt']);
    expect(problems).toEqual(['sources/sources.json: [doc].file: source text "sources/doc.txt" is missing']);
  });

  it("rejects an alias shared by two facts, and an alias that is another fact's id", () => {
    const problems = problemsOf((f) => {
      list(f, 'parties.json')[0]!.aliases = ['Army Size'];
      list(f, 'plans.json')[0]!.aliases = ['troop cap'];
    });
    expect(problems).toContain(
      'parties.json: [russia].aliases[0]: alias "Army Size" is also the alias of "troop-cap"',
    );
    expect(problems).toContain(
      'plans.json: [us-28].aliases[0]: alias "troop cap" is also the id of "troop-cap"',
    );
  });

  it('rejects references to unknown topics and provisions', () => {
    const problems = problemsOf((f) => {
      list(f, 'topics.json')[0]!.provisions = ['us-28-9'];
      list(f, 'provisions/us-28.json')[1]!.topics = ['nowhere'];
      list(f, 'issues.json')[0]!.topic = 'znpp';
    });
    expect(problems).toContain('topics.json: [troop-cap].provisions[0]: unknown provision "us-28-9"');
    expect(problems).toContain('provisions/us-28.json: [us-28-2].topics[0]: unknown topic "nowhere"');
    expect(problems).toContain('issues.json: [troop-cap-dispute].topic: unknown topic "znpp"');
  });

  it('counts the points of every plan and names the missing ones', () => {
    const problems = problemsOf((f) => list(f, 'provisions/us-28.json').pop());
    expect(problems).toEqual([
      'plans.json: [us-28].pointCount: 2 points declared but 1 missing from provisions/: 2',
    ]);
  });

  it('checks that a provision id follows plan-number[part]', () => {
    const problems = problemsOf((f) => (list(f, 'provisions/us-28.json')[1]!.id = 'us-28-two'));
    expect(problems).toEqual([
      'provisions/us-28.json: [us-28-two].id: must be "us-28-2" (plan-number[part])',
    ]);
  });

  it('refuses events and sources dated after the latest date of any item', () => {
    const problems = problemsOf((f) => {
      list(f, 'timeline.json')[0]!.date = '2026-03-01';
      list(f, 'timeline.json')[0]!.status = 'unverified';
      list(f, 'sources/sources.json')[1]!.date = '2026-02-01';
    });
    expect(problems).toEqual([
      'timeline.json: [ev-2025-11-20].date: 2026-03-01 is after the latest date of any item, 2026-01-31 (meta.json latestAny)',
      'sources/sources.json: [ref-one].date: 2026-02-01 is after the latest date of any item, 2026-01-31 (meta.json latestAny)',
    ]);
  });

  it('refuses a plainly reported event after the latest reliably reported development', () => {
    const move = (status: string) => (f: Fixture) => {
      list(f, 'timeline.json')[0]!.date = '2026-01-25';
      list(f, 'timeline.json')[0]!.status = status;
    };
    expect(problemsOf(move('reported'))).toEqual([
      'timeline.json: [ev-2025-11-20].status: 2026-01-25 is after the latest reliably reported development, 2026-01-20 (meta.json latestReliable): mark it "unverified" and say why, or move latestReliable',
    ]);
    expect(() => loadKnowledge(writeFixture(withChange(move('unverified'))))).not.toThrow();
  });

  it('keeps the three dates in order, and answers are as of the review date', () => {
    const kb = loadKnowledge(writeFixture(validFixture()));
    expect(kb.meta).toMatchObject({
      asOf: '2026-02-01',
      latestReliable: '2026-01-20',
      latestAny: '2026-01-31',
    });
    const problems = problemsOf((f) => ((f['meta.json'] as { latestAny: string }).latestAny = '2026-03'));
    expect(problems[0]).toBe(
      'meta.json: latestReliable: dates out of order: latestReliable 2026-01-20 ≤ latestAny 2026-03 ≤ asOf (reviewed) 2026-02-01',
    );
  });

  it('allows only one issue per topic', () => {
    const problems = problemsOf((f) => {
      const issues = list(f, 'issues.json');
      issues.push({
        ...issues[0]!,
        id: 'second-dispute',
        positions: [{ ...(issues[0]!.positions as object[])[0]!, id: 'p2' }],
      });
    });
    expect(problems).toEqual(['issues.json: [second-dispute].topic: topic "troop-cap" already has an issue']);
  });

  it('reports every problem at once, not just the first', () => {
    const problems = problemsOf((f) => {
      delete f['parties.json'];
      list(f, 'topics.json')[0]!.citations = [{ source: 'nowhere', note: 'x' }];
      list(f, 'provisions/us-28.json')[0]!.citations = [{ source: 'doc', quote: 'not there' }];
    });
    expect(problems).toHaveLength(3);
    expect(problems.map((p) => p.split(':')[0])).toEqual([
      'parties.json',
      'provisions/us-28.json',
      'topics.json',
    ]);
  });
});
