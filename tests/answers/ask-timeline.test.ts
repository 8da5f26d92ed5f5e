import { beforeAll, describe, expect, it } from 'vitest';
import { lookupAnswer } from '../../src/answers/lookup.js';
import { loadCore, type Core } from '../../src/core.js';
import { readQuery, vocabularyOf } from '../../src/query/index.js';

/** A timeline asked for in a question gets the dated events, as /timeline lists them. */

let core: Core;
beforeAll(() => {
  core = loadCore();
});

describe('a timeline asked through /ask', () => {
  it('reads "chronology of …" and "timeline of …" as a timeline', () => {
    expect(readQuery('chronology of the kyiv strike pause', vocabularyOf(core.kb)).intent).toBe('timeline');
    expect(readQuery('can i get a timeline of the abu dhabi rounds', vocabularyOf(core.kb)).intent).toBe(
      'timeline',
    );
    // a schedule a plan sets is not a listing of events
    expect(readQuery('is there a timeline for elections', vocabularyOf(core.kb)).intent).not.toBe('timeline');
    expect(
      readQuery('what is the timeline for elections in the 20 point plan', vocabularyOf(core.kb)).intent,
    ).not.toBe('timeline');
  });

  it('lists the dated events on what it names, oldest first', () => {
    const answer = lookupAnswer(core, 'ask', 'chronology of the geneva talks');
    expect(answer.title).toMatch(/^Timeline/);
    expect(answer.factIds).toContain('ev-2025-11-23-geneva-talks');
    expect(answer.factIds.every((id) => id.startsWith('ev-'))).toBe(true);
  });
});
