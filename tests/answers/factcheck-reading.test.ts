import { beforeAll, describe, expect, it } from 'vitest';
import { readClaimText } from '../../src/answers/factcheck/index.js';
import { rules } from '../../src/answers/factcheck/rules.js';
import { thresholds } from '../../src/answers/factcheck/thresholds.js';
import { loadCore, type Core } from '../../src/core.js';
import { stem } from '../../src/text/normalise.js';

/** How a claim is read: plans, figures, dates, direction, names, roles — with the lexicon in knowledge/. */

let core: Core;
beforeAll(() => {
  core = loadCore();
});

describe('reading a claim', () => {
  it('finds the plan named, and not a plan in a party or a person', () => {
    expect(readClaimText(core, "Trump's plan caps the army").plans).toEqual(['us-28']);
    expect(readClaimText(core, "Zelensky's plan caps the army").plans).toEqual(['us-ua-20']);
    expect(readClaimText(core, 'the new plan caps the army').plans).toEqual(['us-ua-20']);
    expect(readClaimText(core, 'the Berlin statement caps the army').plans).toEqual(['eu-6']);
    expect(readClaimText(core, 'Europe adds $100bn').plans).toEqual([]);
    expect(readClaimText(core, 'Trump chairs the Peace Council').plans).toEqual([]);
    expect(readClaimText(core, 'the peace plan caps the army')).toMatchObject({
      plans: [],
      genericPlan: true,
    });
    // "no deal" and "a deal" name no plan
    expect(readClaimText(core, 'the summit ended with no deal').genericPlan).toBe(false);
  });

  it('reads a count of points as a figure, not as a plan', () => {
    const claim = readClaimText(core, 'the E3 counterproposal had 28 points');
    expect(claim.plans).toEqual([]);
    expect(claim.figures).toEqual([{ amount: 28, unit: 'points' }]);
  });

  it('recognises documents the fact base does not hold', () => {
    expect(readClaimText(core, 'the Chinese plan calls for a ceasefire').otherDocument).toBe('chinese plan');
    // a city is not the agreements named after it
    expect(readClaimText(core, 'the Minsk accords froze the front').otherDocument).toBe('minsk accords');
    expect(readClaimText(core, 'the leaders could meet in Minsk').otherDocument).toBeUndefined();
  });

  it('reads figures with their unit', () => {
    expect(readClaimText(core, 'an army of 600k troops').figures).toEqual([
      { amount: 600000, unit: 'troops' },
    ]);
    expect(readClaimText(core, '$100bn of assets').figures).toEqual([{ amount: 1e11, unit: 'usd' }]);
    expect(readClaimText(core, 'a €90bn loan').figures).toEqual([{ amount: 9e10, unit: 'eur' }]);
    expect(readClaimText(core, 'power split 50/50').figures).toEqual([{ amount: 50, unit: 'percent' }]);
    expect(readClaimText(core, 'a 3-way split').figures).toEqual([{ amount: 33, unit: 'percent' }]);
    expect(readClaimText(core, 'about one million soldiers').figures).toEqual([
      { amount: 1e6, unit: 'troops' },
    ]);
    expect(readClaimText(core, 'six hundred thousand troops').figures).toEqual([
      { amount: 600000, unit: 'troops' },
    ]);
    expect(readClaimText(core, 'an army of 600.000').figures).toEqual([{ amount: 600000, unit: 'none' }]);
    expect(readClaimText(core, 'more than 500,000 troops').figures).toEqual([
      { amount: 500000, unit: 'troops', bound: 'at-least' },
    ]);
    expect(readClaimText(core, 'guarantees for 30-50 years').figures).toEqual([
      { amount: 30, unit: 'years' },
      { amount: 50, unit: 'years' },
    ]);
    expect(readClaimText(core, 'article 5 guarantees').figures).toEqual([]);
  });

  it('reads dates as people write them', () => {
    expect(readClaimText(core, 'met on 2 dec').dates).toEqual([{ month: 12, day: 2 }]);
    expect(readClaimText(core, 'met on Dec 2, 2025').dates).toEqual([{ month: 12, day: 2, year: 2025 }]);
    expect(readClaimText(core, 'unveiled on christmas eve').dates).toEqual([{ month: 12, day: 24 }]);
    expect(readClaimText(core, 'froze assets in december 2025').dates).toEqual([{ month: 12, year: 2025 }]);
  });

  it('reads a month with its year as a date whatever word comes before it', () => {
    expect(readClaimText(core, 'talks resumed, as reported Mar 2026').dates).toEqual([
      { month: 3, year: 2026 },
    ]);
  });

  it('tells a negative claim from a positive one, bars and withdrawals included', () => {
    expect(readClaimText(core, 'the plan does not include amnesty').negative).toBe(true);
    expect(readClaimText(core, 'the plan bans NATO membership').negative).toBe(true);
    expect(readClaimText(core, 'the plan rules out NATO membership').negative).toBe(true);
    expect(readClaimText(core, 'Ukraine must withdraw from Donetsk').negative).toBe(true);
    expect(readClaimText(core, 'Ukraine can keep Donetsk').negative).toBe(false);
    expect(readClaimText(core, 'the plan does not ban NATO membership').negative).toBe(false);
    // "zero" before a noun denies it as "no" does
    expect(readClaimText(core, 'the truce saw zero violations').negative).toBe(true);
    // a compound is not a negation
    expect(readClaimText(core, 'a non-aggression law').negative).toBe(false);
  });

  it('does not count a negation word inside a phrase that denies nothing (lexicon "notNegative")', () => {
    // "came out of" is where something comes from, not "keep … out of"
    expect(readClaimText(core, 'the framework came out of talks in Florida').negative).toBe(false);
    expect(readClaimText(core, 'nothing but a ceasefire came out of the Istanbul round').negative).toBe(
      false,
    );
    expect(readClaimText(core, 'no agreement came out of the Geneva meeting').negative).toBe(true);
    // a deadline or a ceiling, not a denial
    expect(readClaimText(core, 'a vote no later than 100 days after signing').negative).toBe(false);
    expect(readClaimText(core, 'Russia wants not just a truce but a settlement').negative).toBe(false);
    // the phrase shields only its own words
    expect(readClaimText(core, 'no vote came out of the summit, not just no deal').negative).toBe(false);
  });

  it('tells a claim of absence ("drops", "does not include") from a bar ("bans", "never")', () => {
    expect(readClaimText(core, 'the 20-point plan drops the amnesty').absent).toBe(true);
    expect(readClaimText(core, 'the 20-point plan does not include an amnesty').absent).toBe(true);
    expect(readClaimText(core, 'the 20-point plan no longer bans NATO membership').absent).toBe(true);
    expect(readClaimText(core, 'the 28-point plan bans NATO membership').absent).toBe(false);
    expect(readClaimText(core, 'Ukraine can never join NATO').absent).toBe(false);
  });

  it('finds people, places and the party a claim opens with', () => {
    const claim = readClaimText(core, 'the US offered Witkoff talks in Abu Dhabi');
    expect([...claim.names.keys()]).toEqual(expect.arrayContaining(['steve-witkoff', 'abu dhabi']));
    expect(claim.subjectParty).toBe('united-states');
    expect(readClaimText(core, 'BREAKING: the US offered guarantees').subjectParty).toBe('united-states');
  });

  it('finds who leads and who receives', () => {
    expect(readClaimText(core, 'a council chaired by Putin').roles.get('leads')).toEqual(
      new Set(['vladimir-putin']),
    );
    expect(readClaimText(core, 'a European-led force').roles.get('leads')).toEqual(new Set(['europe']));
    // a party's adjective holds the role for it, without becoming a name the claim is about
    expect(readClaimText(core, 'a Russian-led mission').roles.get('leads')).toEqual(new Set(['russia']));
    expect(readClaimText(core, 'Russia gets $100bn').roles.get('receives')).toEqual(new Set(['russia']));
    expect(readClaimText(core, 'the plan hands Kherson to Russia').roles.get('receives')).toEqual(
      new Set(['russia']),
    );
  });

  it('gives a role to every name joined by "and", before the verb or after "by"', () => {
    expect(readClaimText(core, 'Rubio and Witkoff wrote the framework').roles.get('drafts')).toEqual(
      new Set(['marco-rubio', 'steve-witkoff']),
    );
    expect(readClaimText(core, 'a text penned by Kushner and Dmitriev').roles.get('drafts')).toEqual(
      new Set(['jared-kushner', 'kirill-dmitriev']),
    );
    // "gets compensated" is a passive, not something received
    expect(readClaimText(core, 'Ukraine gets compensated for the damage').roles.has('receives')).toBe(false);
    expect(readClaimText(core, 'Ukraine gets the compensation').roles.get('receives')).toEqual(
      new Set(['ukraine']),
    );
    // "authored", "drafted" and "wrote" are one role
    expect(readClaimText(core, 'Umerov authored the text').roles.get('drafts')).toEqual(
      new Set(['rustem-umerov']),
    );
  });

  it('reads "took place", "happened" and "held" as one word, and a date qualifier as no word', () => {
    const stems = (text: string) => readClaimText(core, text).stems;
    expect(stems('the round took place in Istanbul')).toEqual(stems('the round was held in Istanbul'));
    expect(stems('the round happened in Istanbul')).toEqual(stems('the round was held in Istanbul'));
    expect(stems('the round in early May')).toEqual(stems('the round in May'));
  });

  it('reads slang the facts never use as the words they use', () => {
    const claim = (text: string) => readClaimText(core, text);
    expect(claim('guarantees for 15 yrs').stems).toEqual(claim('guarantees for 15 years').stems);
    expect(claim('the ua govt').names.has('ukraine')).toBe(true);
  });

  it('tells an offer, an idea or a wish from a deed', () => {
    expect(readClaimText(core, 'Putin offered a meeting in Moscow').unrealised).toBe(true);
    expect(readClaimText(core, 'the idea of a Moscow meeting').unrealised).toBe(true);
    expect(readClaimText(core, 'Kyiv wants a meeting in Istanbul').unrealised).toBe(true);
    expect(readClaimText(core, 'the two leaders met in Istanbul').unrealised).toBe(false);
  });

  it('stems so that word forms meet', () => {
    expect(stem('withdraws')).toBe(stem('withdraw'));
    expect(stem('recognised')).toBe(stem('recognition'));
    expect(stem('compensating')).toBe(stem('compensation'));
    expect(stem('immobilized')).toBe(stem('frozen'));
  });
});

describe('the verdict rules', () => {
  it('are an ordered list of named rules, each named once, ending in the refusal', () => {
    const names = rules.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.at(-1)).toBe('nothing relevant');
    // which plan says what comes before disagreements; disagreements before one plan's or one fact's word
    expect(names.indexOf('the peace plan: the plans compared')).toBeLessThan(
      names.indexOf('a recorded disagreement'),
    );
    expect(names.indexOf('a recorded disagreement')).toBeLessThan(names.indexOf('the plan named'));
    expect(names.indexOf('the plan named')).toBeLessThan(names.indexOf('the best fact'));
  });

  it('keep their thresholds in one place, as shares between 0 and 1', () => {
    for (const key of [
      'support',
      'contradict',
      'planPoint',
      'dispute',
      'disputeSubject',
      'sideWords',
    ] as const) {
      expect(thresholds[key]).toBeGreaterThan(0);
      expect(thresholds[key]).toBeLessThanOrEqual(1);
    }
  });
});
