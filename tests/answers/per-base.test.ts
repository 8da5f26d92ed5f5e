import { describe, expect, it } from 'vitest';
import { answerChangesOverview } from '../../src/answers/listings.js';
import { createCore, loadCore } from '../../src/core.js';

describe('answers built once per fact base', () => {
  const core = loadCore();

  it('serve the same frozen answer to every caller of one base', () => {
    const first = answerChangesOverview(core);
    expect(answerChangesOverview(core)).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.sections[0]!.citations)).toBe(true);
    expect(() => {
      (first as { title: string }).title = 'changed';
    }).toThrow(TypeError);
  });

  it('are built again for a reloaded base', () => {
    const reloaded = createCore(loadCore().kb);
    const answer = answerChangesOverview(reloaded);
    expect(answer).not.toBe(answerChangesOverview(core));
    expect(answer).toEqual(answerChangesOverview(core));
  });
});
