import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookupAnswer } from '../../src/answers/lookup.js';
import { loadCore, type Core } from '../../src/core.js';

/**
 * Every line of an answer shows its sources: each section's citations are in the answer's numbered list,
 * also for the sections an intent adds ahead of a view (what followed, the latest event, other events
 * that fit, a topic's dated events), which the renderers could not otherwise number.
 */
let core: Core;
beforeAll(() => {
  core = loadCore();
});

const mix = JSON.parse(readFileSync(new URL('../fixtures/query-mix.json', import.meta.url), 'utf8')) as {
  ask: string[];
  provision: string[];
};
const added = [
  'wat happened in abu dhabi',
  'what happened in miami',
  'when were the geneva talks',
  'how did kyiv respond to the letter to putin',
  'did the announced prisoner swap actually happen',
  "what's russia's position on donbas now",
  'when were the talks about the peace council',
];

describe('section sources', () => {
  it.each([...added, ...mix.ask, ...mix.provision])('%s: every section source is numbered', (question) => {
    const answer = lookupAnswer(core, 'ask', question);
    const listed = new Set(answer.citations.map((c) => c.sourceId));
    for (const section of answer.sections) {
      for (const citation of section.citations) {
        expect(listed.has(citation.sourceId), `${section.heading}: ${citation.sourceId}`).toBe(true);
      }
    }
  });

  it('names the other events a question fits as well, with their sources', () => {
    const answer = lookupAnswer(core, 'ask', 'wat happened in abu dhabi');
    const others = answer.sections.find((s) => /events? that fits?/.test(s.heading));
    expect(others?.text).toMatch(/Jan 2026/);
    expect(others?.citations.length).toBeGreaterThan(0);
  });
});
