import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { vocabularyOf } from '../../src/query/index.js';
import { foldVariants, normaliseForMatching, tokenize } from '../../src/text/normalise.js';

const n = normaliseForMatching;

/** Every spelling in a group must fold to the same normal form, and that form must be `expected`. */
function expectSameForm(spellings: readonly string[], expected: string): void {
  for (const spelling of spellings) expect(n(spelling), JSON.stringify(spelling)).toBe(expected);
}

describe('normaliseForMatching: case, diacritics, punctuation', () => {
  it('lower-cases', () => {
    expect(n('NATO Membership')).toBe('nato membership');
    expect(n('ZNPP')).toBe('znpp');
  });

  it('strips diacritics (precomposed and combining)', () => {
    expect(n('Zaporizhzhiá')).toBe('zaporizhzhia');
    expect(n('Zaporizhzhia\u0301')).toBe('zaporizhzhia');
    expect(n('César')).toBe('cesar');
  });

  it('folds compatibility characters (ligatures) to their plain letters', () => {
    expect(n('\ufb01nance')).toBe('finance');
  });

  it('turns punctuation into single spaces and trims', () => {
    expect(n('  hello,   world!! ')).toBe('hello world');
    expect(n('semi;colon')).toBe('semi colon');
    expect(n('(brackets) "quoted"')).toBe('brackets quoted');
    expect(n('troop-cap')).toBe('troop cap');
    expect(n('us-28-7')).toBe('us 28 7');
    expect(n('ZNPP?')).toBe('znpp');
  });

  it('drops possessive apostrophes, straight or typographic', () => {
    expect(n("Ukraine's army")).toBe('ukraine army');
    expect(n('UKRAINE\u2019S ARMY')).toBe('ukraine army');
    expect(n('Zelensky\u2019s plan')).toBe('zelensky plan');
  });

  it('leaves nothing of input made only of punctuation, symbols or space', () => {
    for (const input of ['', '   ', '!!!', '\u2026', '\u{1F1FA}\u{1F1E6}', '\t\n']) {
      expect(n(input), JSON.stringify(input)).toBe('');
      expect(tokenize(n(input))).toEqual([]);
    }
  });

  it('keeps emoji out of the words', () => {
    expect(n('\u{1F1FA}\u{1F1E6} Ukraine \u{1F1FA}\u{1F1E6}')).toBe('ukraine');
  });

  it('keeps non-Latin scripts as words', () => {
    expect(n('ЗАЕС')).toBe('заес');
    expect(tokenize(n('чисельність ЗСУ'))).toEqual(['чисельність', 'зсу']);
  });
});

describe('normaliseForMatching: zero-width and invisible characters', () => {
  it('removes zero-width space, joiners, word joiner, BOM and soft hyphen', () => {
    expect(n('Zapo\u200brizhzhia')).toBe('zaporizhzhia');
    expect(n('Zaporizhzhia\u200d')).toBe('zaporizhzhia');
    expect(n('\ufeffNATO')).toBe('nato');
    expect(n('NA\u2060TO')).toBe('nato');
    expect(n('tr\u00adoop cap')).toBe('troop cap');
    expect(n('\u200c\u200e\u200fznpp')).toBe('znpp');
  });

  it('makes a query with hidden characters equal to the clean one', () => {
    expect(n('troop\u200b cap')).toBe(n('troop cap'));
    expect(n('\u200bZ\u200bN\u200bP\u200bP\u200b')).toBe(n('ZNPP'));
  });
});

describe('foldVariants with the lexicon: transliterations and spelling variants', () => {
  // The table is data (knowledge/lexicon.json `variants`); the search folds facts and queries with it.
  const variants = vocabularyOf(loadKnowledge()).variants;
  const v = (text: string) => foldVariants(n(text), variants);
  const expectSameForm = (spellings: readonly string[], expected: string) => {
    for (const spelling of spellings) expect(v(spelling), JSON.stringify(spelling)).toBe(expected);
  };
  it('folds every spelling of Zaporizhzhia to one form', () => {
    expectSameForm(
      [
        'Zaporizhzhia',
        'Zaporizhia',
        'Zaporozhye',
        'ZAPORIZHIA',
        'zaporizhya',
        'Zaporizhzhya',
        'Zaporozhie',
        'Zaporozhe',
      ],
      'zaporizhzhia',
    );
  });

  it('folds Donbass to Donbas', () => {
    expectSameForm(['Donbass', 'Donbas', 'DONBASS'], 'donbas');
  });

  it('folds Kiev to Kyiv, and other Russian-era spellings to the Ukrainian ones', () => {
    expectSameForm(['Kiev', 'Kyiv', 'KIEV'], 'kyiv');
    expect(v('Lugansk')).toBe('luhansk');
    expect(v('Kharkov')).toBe('kharkiv');
    expect(v('Odessa')).toBe('odesa');
    expect(v('Dnieper')).toBe('dnipro');
  });

  it('folds USA and America to "us"', () => {
    expectSameForm(['USA', 'America', 'US'], 'us');
  });

  it('folds the spellings of Zelensky', () => {
    expectSameForm(['Zelenskyy', 'Zelenskiy', 'Zelensky', 'Zelenskyi'], 'zelensky');
  });

  it('applies the variants to words inside a phrase, not only to the whole input', () => {
    expect(v('the Zaporozhye nuclear plant in Donbass near Kiev')).toBe(
      'the zaporizhzhia nuclear plant in donbas near kyiv',
    );
  });

  it('does not rewrite words that only contain a variant', () => {
    expect(v('Kievan')).toBe('kievan');
  });
});

describe('normaliseForMatching: abbreviations', () => {
  it('folds art 5 / article five / Art. 5 / Article V to "article 5"', () => {
    expectSameForm(
      ['art 5', 'article five', 'Art. 5', 'art.5', 'Article V', 'ARTICLE 5', 'Art 5'],
      'article 5',
    );
  });

  it('keeps the words around an Article 5 abbreviation', () => {
    expect(n('is there an art 5 guarantee?')).toBe('is there an article 5 guarantee');
  });

  it('does not mistake other articles or words for Article 5', () => {
    expect(n('article 50')).toBe('article 50');
    expect(n('art 51')).toBe('art 51');
    expect(n('artillery 5')).toBe('artillery 5');
    expect(n('part five')).toBe('part 5');
  });

  it('folds U.S. / U.S.A. / USA / America to "us"', () => {
    expectSameForm(['U.S.', 'U.S.A.', 'US', 'u.s'], 'us');
    expect(n('the U.S. plan')).toBe('the us plan');
    expect(n('U.S.-Ukraine plan')).toBe('us ukraine plan');
    expect(n('US\u2013Ukraine')).toBe('us ukraine');
  });

  it('folds E.U. to "eu"', () => {
    expect(n('E.U.')).toBe('eu');
    expect(n('the E.U. accession')).toBe('the eu accession');
  });
});

describe('normaliseForMatching: numbers', () => {
  it('folds 600,000 / 600k / 600 000 / six hundred thousand to 600000', () => {
    expectSameForm(
      [
        '600,000',
        '600k',
        '600K',
        '600 000',
        '600\u00a0000',
        '600\u202f000',
        '600.000',
        'six hundred thousand',
        'Six Hundred Thousand',
      ],
      '600000',
    );
  });

  it('folds 800,000 written in words inside a sentence', () => {
    expect(n('eight hundred thousand troops')).toBe('800000 troops');
    expect(n('an army of 800,000 soldiers')).toBe('an army of 800000 soldiers');
  });

  it('folds $100bn / 100 billion / 100 bn to 100000000000', () => {
    expectSameForm(
      ['$100bn', '100 billion', '$100 billion', '100 bn', '100bn', '€100bn', '$100bn?', '100 000 000 000'],
      '100000000000',
    );
    expect(n('one hundred billion dollars')).toBe('100000000000 dollars');
  });

  it('scales decimals and other magnitudes', () => {
    expect(n('1.5bn')).toBe('1500000000');
    expect(n('2 million')).toBe('2000000');
    expect(n('$800bn')).toBe('800000000000');
    expect(n('1,000,000')).toBe('1000000');
  });

  it('reads spelled-out compound numbers', () => {
    expect(n('twenty-eight')).toBe('28');
    expect(n('one hundred and twenty')).toBe('120');
    expect(n('the twenty point plan')).toBe('the 20 point plan');
  });

  it('does not glue numbers that are not thousands groups', () => {
    expect(n('12,5')).toBe('12 5');
    expect(n('2025-12-24')).toBe('2025 12 24');
    expect(n('50:50')).toBe('50 50');
  });
});

describe('normaliseForMatching: stability', () => {
  it('is idempotent: the normal form of a normal form is itself', () => {
    for (const input of [
      'Zaporozhye NPP',
      'Art. 5 guarantees',
      '$100bn frozen assets',
      'U.S. 28-point plan',
      'Donbass withdrawal',
      'six hundred thousand troops',
    ]) {
      const once = n(input);
      expect(n(once), input).toBe(once);
    }
  });

  it('gives the same answer on repeated calls (cache does not change results)', () => {
    const first = n('Zapo\u200brizhzhia nuclear plant');
    expect(n('Zapo\u200brizhzhia nuclear plant')).toBe(first);
    expect(first).toBe('zaporizhzhia nuclear plant');
  });
});

describe('tokenize', () => {
  it('splits a normal form on spaces', () => {
    expect(tokenize(n('How many troops can Ukraine keep?'))).toEqual([
      'how',
      'many',
      'troops',
      'can',
      'ukraine',
      'keep',
    ]);
  });

  it('returns no tokens for an empty normal form', () => {
    expect(tokenize('')).toEqual([]);
  });
});
