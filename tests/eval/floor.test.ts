import { describe, expect, it } from 'vitest';
import { loadCore } from '../../src/core.js';
import { evaluateClaims, evaluateQuestions } from '../../src/eval/run.js';

/**
 * A regression guard on the development set (tests/eval/): the overall pass rates may not fall below
 * the level reached. Raise these floors when the bot gets better; never lower them to make a change pass.
 */
const questionFloor = 0.98;
const claimFloor = 0.96;

describe('development set', () => {
  const core = loadCore();

  it(`answers at least ${questionFloor * 100}% of the dev questions`, () => {
    const result = evaluateQuestions(core);
    expect(result.total).toBeGreaterThan(400);
    expect(result.pass / result.total).toBeGreaterThanOrEqual(questionFloor);
  });

  it(`checks at least ${claimFloor * 100}% of the dev claims right`, () => {
    const result = evaluateClaims(core);
    expect(result.total).toBeGreaterThan(200);
    expect(result.pass / result.total).toBeGreaterThanOrEqual(claimFloor);
  });
});
