import { beforeAll, describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { readQuery, vocabularyOf, type Vocabulary } from '../../src/query/index.js';

let vocabulary: Vocabulary;
beforeAll(() => {
  vocabulary = vocabularyOf(loadKnowledge());
});
const read = (text: string) => readQuery(text, vocabulary);

describe('readQuery: words as people type them', () => {
  it('rewrites slang, glued plan numbers and fillers', () => {
    const query = read('wat r the diffs in the 28pt plan lol pls');
    expect(query.words).not.toContain('lol');
    expect(query.words).not.toContain('pls');
    expect(query.text).toContain('what are the differences');
    expect(query.plans).toEqual(['us-28']);
  });

  it('folds spelling variants and Ukrainian/Russian forms onto the fact base words', () => {
    expect(read('Zaporozhye NPP').text).toContain('zaporizhzhia');
    expect(read('перемир’я перед референдумом скільки днів').text).toBe(
      'ceasefire before referendum how many days',
    );
    expect(read('ЗАЕС 28 пунктів').plans).toEqual(['us-28']);
    expect(read('who is umierow').people).toEqual(['rustem-umerov']);
  });

  it('reads Ukrainian and Russian verbs of publishing, and asking for it briefly, as words it knows', () => {
    const published = read('коли опублікували план з 28 пунктів');
    expect(published.intent).toBe('when');
    expect(published.plans).toEqual(['us-28']);
    expect(published.text).toContain('published');
    expect(read('стисло: що передбачає план з 20 пунктів').words).not.toContain('стисло');
    expect(read('когда обнародовали план из 20 пунктов').text).toContain('published');
  });

  it('a synonym replaces a word the facts never use, and joins one they do', () => {
    // "nukes" is nobody's word in the facts: it becomes theirs.
    expect(read('nukes').words).toEqual(['nuclear', 'weapons']);
    // "land" is used by the facts themselves: kept, with its synonym added.
    expect(read('give back land').words).toEqual(expect.arrayContaining(['land', 'territory']));
  });

  it('drops emoji and invisible characters', () => {
    expect(read('🇺🇦 troop\u200b cap 🔥').words).toEqual(['troops', 'cap']);
  });
});

describe('readQuery: plans and points', () => {
  it('names a plan after the person it is named for, in the Ukrainian and Russian order', () => {
    expect(read('что в плане Трампа про НАТО').plans).toEqual(['us-28']);
    expect(read('the plan of zelensky on elections').plans).toEqual(['us-ua-20']);
    // a party after a plan word is no plan's name
    expect(read('the plan ukraine rejected').plans).toEqual([]);
  });

  it('names plans by number, nickname and name', () => {
    expect(read("Trump's plan on nato").plans).toEqual(['us-28']);
    expect(read("zelensky's new plan").plans).toEqual(['us-ua-20']);
    expect(read('the berlin statement').plans).toEqual(['eu-6']);
    expect(read('diff between 28 and 20 point plan').plans).toEqual(['us-28', 'us-ua-20']);
  });

  it('does not take a person for a plan', () => {
    const query = read('what did trump say about elections');
    expect(query.plans).toEqual([]);
    expect(query.people).toEqual(['donald-trump']);
  });

  it('reads point references and tells a missing point apart', () => {
    expect(read('20pt pt 3').point).toEqual({ plan: 'us-ua-20', number: 3, id: 'us-ua-20-3' });
    expect(read('point 8 28-point plan').point?.id).toBe('us-28-8');
    const missing = read('20 point plan point 25').point;
    expect(missing).toMatchObject({ plan: 'us-ua-20', number: 25 });
    expect(missing?.id).toBeUndefined();
    expect(read('article 5 guarantees').point).toBeUndefined();
  });
});

describe('readQuery: intent', () => {
  it.each([
    ['28pt vs 20pt territory', 'compare'],
    ['did the 20pt drop the amnesty', 'what-changed'],
    ['wen elections in ukraine', 'when'],
    ['who r the E3', 'who'],
    ['how much russian money is sitting in euroclear', 'figure'],
    ['what does russia want on nato', 'party-position'],
    ['is the war over', 'status'],
    ['any deal yet?', 'status'],
    ['the berlin statement', 'plan-overview'],
    ['28 point plan point 6', 'lookup'],
    ['troop cap', 'lookup'],
  ])('%s → %s', (text, intent) => {
    expect(read(text).intent).toBe(intent);
  });
});

describe('readQuery: figures, dates, negation, scope', () => {
  it('reads figures with units', () => {
    expect(read('caps the army at 600k troops').figures).toEqual([{ amount: 600000, unit: 'troops' }]);
    expect(read('a 40km zone').figures).toEqual([{ amount: 40, unit: 'km' }]);
    expect(read('33% each').figures).toEqual([{ amount: 33, unit: 'percent' }]);
    expect(read('europe adds $100bn').figures).toEqual([{ amount: 100e9, unit: 'usd' }]);
  });

  it('reads dates, and "may" as a month only where it is one', () => {
    expect(read('wat happened with the may 9 ceasefire').dates).toEqual([{ month: 5, day: 9 }]);
    expect(read('talks in feb 2026').dates).toEqual([{ month: 2, year: 2026 }]);
    expect(read('russia may attack again').dates).toEqual([]);
    expect(read('meeting at mar-a-lago').dates).toEqual([]);
  });

  it('marks a deadline or target date apart from a date asked about', () => {
    expect(read('investment target by 2040').dates).toEqual([{ year: 2040, deadline: true }]);
    expect(read('a deal by june').dates).toEqual([{ month: 6, deadline: true }]);
    expect(read('what happened in june 2026').dates).toEqual([{ month: 6, year: 2026 }]);
  });

  it('marks negation, off-topic and verbatim requests', () => {
    expect(read('is ukraine not allowed into nato').negated).toBe(true);
    expect(read('ukraine into nato').negated).toBe(false);
    expect(read('weather in kyiv tmrw?').offTopic).toEqual(['weather']);
    expect(read('full text of the bilateral guarantee').verbatim).toBe(true);
  });
});

describe('knowledge/lexicon.json', () => {
  it('is checked by its schema when the knowledge loads', async () => {
    const { validFixture, writeFixture } = await import('../knowledge/fixture.js');
    const fixture = validFixture() as Record<string, unknown>;
    const lexicon = structuredClone(fixture['lexicon.json']) as Record<string, unknown>;
    lexicon.planNames = [{ plan: 'us-99', number: 99, names: ['99 point'], nicknames: [] }];
    fixture['lexicon.json'] = lexicon;
    expect(() => loadKnowledge(writeFixture(fixture as never))).toThrow(/lexicon\.json: planNames/);
  });

  it('a word a maintainer adds is read without touching code', async () => {
    const { validFixture, writeFixture } = await import('../knowledge/fixture.js');
    const fixture = validFixture() as Record<string, unknown>;
    const lexicon = structuredClone(fixture['lexicon.json']) as { slang: Record<string, string> };
    lexicon.slang.armee = 'troops';
    fixture['lexicon.json'] = lexicon;
    const kb = loadKnowledge(writeFixture(fixture as never));
    expect(readQuery('armee cap', vocabularyOf(kb)).words).toEqual(['troops', 'cap']);
  });
});

describe('readQuery: reaction and present cues', () => {
  it('marks questions about a response and about the present', () => {
    expect(read('how did russia react to the plan').reaction).toBe(true);
    expect(read('what did russia say about the plan').reaction).toBe(false);
    expect(read('who runs the office rn').present).toBe(true);
  });
});

describe('readQuery: a stopword in capitals that a topic alias spells', () => {
  it('names the topic and is content ("START" the treaty)', () => {
    const q = read('START in the 20 point version');
    expect(q.topics).toContain('arms-control');
    expect(q.content).toContain('start');
    expect(q.intent).not.toBe('plan-overview');
  });

  it('in lower case, or in a question all in capitals, is only a verb', () => {
    expect(read('when did the talks start').topics).not.toContain('arms-control');
    expect(read('WHEN DID THE TALKS START').topics).not.toContain('arms-control');
  });
});

describe('readQuery: "which plans" compares', () => {
  it('the plural asks across the plans, as "which plan" does', () => {
    expect(read('which plans mention the coalition of the willing').intent).toBe('compare');
  });
});

describe('readQuery: the topic named by more words first', () => {
  it('"nato/foreign troops" is about foreign troops before NATO', () => {
    expect(read('do the 28pt and berlin both keep nato/foreign troops out of ukraine?').topics[0]).toBe(
      'foreign-troops',
    );
  });
});
