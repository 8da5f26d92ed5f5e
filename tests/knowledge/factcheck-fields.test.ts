import { describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.js';
import { validFixture, writeFixture, type Fixture } from './fixture.js';

/** The fact check's optional fields in the knowledge: structured assertions and disagreements' facts. */

function problemsOf(change: (fixture: Fixture) => void): string[] {
  const fixture = validFixture();
  change(fixture);
  try {
    loadKnowledge(writeFixture(fixture));
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeError);
    return (error as KnowledgeError).message.split('\n').slice(1);
  }
  return [];
}

const list = (fixture: Fixture, file: string) => fixture[file] as Record<string, unknown>[];
const point = (fixture: Fixture) => list(fixture, 'provisions/us-28.json')[0]!;

describe('structured assertions on facts', () => {
  it('loads a fact with assertions (subject, claim, polarity, figure, plan)', () => {
    const fixture = validFixture();
    point(fixture).assertions = [
      {
        subject: 'Ukraine',
        claim: 'armed forces capped',
        figure: { amount: 600000, unit: 'troops' },
        plan: 'us-28',
      },
      { subject: 'NATO', claim: 'admits Ukraine', polarity: 'denies' },
    ];
    const kb = loadKnowledge(writeFixture(fixture));
    expect(kb.provisions.get('us-28-1')?.assertions?.[1]).toMatchObject({ polarity: 'denies' });
    expect(kb.provisions.get('us-28-1')?.assertions?.[0]).toMatchObject({ polarity: 'affirms' });
  });

  it('rejects an unknown polarity or unit, naming the field', () => {
    const problems = problemsOf((f) => {
      point(f).assertions = [{ subject: 'Ukraine', claim: 'x', polarity: 'maybe' }];
    });
    expect(problems.join('\n')).toMatch(
      /provisions\/us-28\.json: \[us-28-1\]\.assertions\[0\]\.polarity: Invalid option/,
    );
  });

  it("rejects an assertion about another plan than the point's own", () => {
    const problems = problemsOf((f) => {
      point(f).assertions = [{ subject: 'Ukraine', claim: 'x', plan: 'us-ua-20' }];
    });
    expect(problems).toContain(
      'provisions/us-28.json: [us-28-1].assertions[0].plan: must be "us-28", the point\'s own plan',
    );
  });
});

describe("a disagreement's facts", () => {
  it('must name facts that exist', () => {
    const problems = problemsOf((f) => {
      list(f, 'issues.json')[0]!.disagreements = [
        {
          id: 'troop-cap-conflict',
          summary: 'Sources differ.',
          sheet: ['J.16'],
          facts: ['no-such-fact'],
          claims: [
            { claim: 'One.', citations: list(f, 'issues.json')[0]!.citations },
            { claim: 'Two.', citations: list(f, 'issues.json')[0]!.citations },
          ],
        },
      ];
    });
    expect(problems).toContain(
      'issues.json: [troop-cap-dispute].disagreements[0].facts[0]: unknown fact id "no-such-fact"',
    );
  });
});
