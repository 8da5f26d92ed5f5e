import { beforeAll, describe, expect, it } from 'vitest';
import { loadCore, type Core } from '../../src/core.js';
import { readQuery, vocabularyOf } from '../../src/query/index.js';
import { isAnswerable, refusalFor } from '../../src/search/answerability.js';

let core: Core;
beforeAll(() => {
  core = loadCore();
});
const decide = (text: string) => {
  const query = readQuery(text, vocabularyOf(core.kb));
  const result = core.index.search(query.text, { limit: 8 });
  return {
    refusal: refusalFor(core.kb, query, result.hits[0]),
    answerable: isAnswerable(query, result),
    withTopicWords: isAnswerable(query, result, core.kb),
  };
};

describe('answerability, decided apart from ranking', () => {
  it('refuses what lies outside the fact base, with the reason', () => {
    expect(decide('weather in kyiv tmrw').refusal?.reason).toBe('off-topic');
    expect(decide('28 point plan point 29').refusal).toMatchObject({ reason: 'no-such-point', count: 28 });
    expect(decide('what does the eu say about amnesty').refusal?.reason).toBe('known-gap');
  });

  it("refuses other conflicts and other countries' politics (lexicon outOfScope), not what touches them", () => {
    expect(decide('hamas hostage talks latest').refusal?.reason).toBe('off-topic');
    expect(decide('gaza truce second phase').refusal?.reason).toBe('off-topic');
    expect(decide('who is winning the midterms').refusal?.reason).toBe('off-topic');
    expect(decide('is the peace council modelled on the gaza board').refusal).toBeUndefined();
  });

  it('refuses military inventories (lexicon outOfScope), not the think tanks the facts cite', () => {
    expect(decide('how many tanks does russia have rn').refusal?.reason).toBe('off-topic');
    expect(decide('what do think tanks say about the 28 point plan').refusal).toBeUndefined();
  });

  it('does not refuse a usually off-topic word about an event of the day it names', () => {
    expect(decide('how many died in kyiv on 24 may 2026').refusal).toBeUndefined();
    expect(decide('how many died in kyiv').refusal?.reason).toBe('off-topic');
  });

  it('answers a question that names a topic despite one informal word', () => {
    const { refusal, answerable } = decide('what r the security guarantees tho');
    expect(refusal).toBeUndefined();
    expect(answerable).toBe(true);
  });

  it('does not let a named thing carry a question mostly about something unknown', () => {
    expect(decide('crimea bridge traffic jams').answerable).toBe(false);
  });

  it('does not let a topic name carry a question when a word no fact uses stands right beside it', () => {
    expect(decide('is the crimea bridge still standing').withTopicWords).toBe(false);
    expect(decide('terms of the india pakistan ceasefire').withTopicWords).toBe(false);
    expect(decide('kashmir ceasefire details').withTopicWords).toBe(false);
    // words the fact base uses elsewhere are the question's own wording, not another subject
    expect(decide('amnesty for soldiers and officials').withTopicWords).toBe(true);
    expect(decide('was the may 15 election announcement real').withTopicWords).toBe(true);
  });

  it('refuses dates asked about after the as-of date, not the target years of a plan', () => {
    expect(decide('what happened in march 2030').refusal?.reason).toBe('after-as-of');
    expect(decide('reconstruction investment target by 2040').refusal).toBeUndefined();
  });

  it('always answers where things stand', () => {
    expect(decide('is the war over').answerable).toBe(true);
  });
});
