import { expect } from 'vitest';
import { answerFactcheck } from '../../src/answers/factcheck/index.js';
import type { Answer, Verdict } from '../../src/answers/types.js';
import type { Core } from '../../src/core.js';

/**
 * Fact-checks `claim` against the real core and asserts the verdict, the facts it rests on and the words
 * of its evidence; the failure message carries the claim and the answer's text.
 */
export function expectVerdict(
  core: Core,
  claim: string,
  verdict: Verdict,
  facts: string[] = [],
  says: string[] = [],
): Answer {
  const answer = answerFactcheck(core, claim);
  expect(answer.verdict, `${claim}\n${answer.text}`).toBe(verdict);
  for (const id of facts) expect(answer.factIds, `${claim}: ${id}`).toContain(id);
  const text = [answer.text, ...answer.sections.map((s) => s.text)].join('\n');
  for (const word of says) expect(text, `${claim}: ${word}`).toContain(word);
  return answer;
}
