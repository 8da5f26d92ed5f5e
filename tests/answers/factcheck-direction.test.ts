import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerFactcheck } from '../../src/answers/factcheck/index.js';
import { loadCore } from '../../src/core.js';

/**
 * Never the wrong direction, over the development claims (tests/eval/claims.json): a claim the sources
 * contradict is never "supported", and one they support is never "contradicted". Other misses (a refusal,
 * "depends on the plan" for one plan's point) are weaker answers; these two would mislead.
 */
interface DevClaim {
  id: string;
  claim: string;
  verdict: string;
}

const claims = JSON.parse(
  readFileSync(new URL('../eval/claims.json', import.meta.url), 'utf8'),
) as DevClaim[];

describe('the direction of every verdict on the dev claims', () => {
  const core = loadCore();
  const answers = claims.map((c) => ({ ...c, got: answerFactcheck(core, c.claim).verdict }));

  it('has the dev claims', () => {
    expect(claims.length).toBeGreaterThan(200);
  });

  it('never calls a contradicted claim supported', () => {
    const wrong = answers.filter((a) => a.verdict === 'contradicted' && a.got === 'supported');
    expect(wrong.map((a) => `${a.id}: ${a.claim}`)).toEqual([]);
  });

  it('never calls a supported claim contradicted', () => {
    const wrong = answers.filter((a) => a.verdict === 'supported' && a.got === 'contradicted');
    expect(wrong.map((a) => `${a.id}: ${a.claim}`)).toEqual([]);
  });
});
