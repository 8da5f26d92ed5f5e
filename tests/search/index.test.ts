import { beforeAll, describe, expect, it } from 'vitest';
import { lookupAnswer } from '../../src/answers/lookup.js';
import { findCommand } from '../../src/commands/index.js';
import { loadCore, type Core } from '../../src/core.js';
import type { FactKind } from '../../src/knowledge/load.js';
import { ambiguousAt, foundAt, type SearchResult } from '../../src/search/index.js';

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const top = (result: SearchResult) => result.hits[0]?.id;

describe('exact id and alias first, with confidence 1', () => {
  const cases: [string, string][] = [
    ['ZNPP', 'znpp'],
    ['ZAES', 'znpp'],
    ['znpp', 'znpp'],
    ['troop-cap', 'troop-cap'],
    ['troop cap', 'troop-cap'],
    ['Troop Cap', 'troop-cap'],
    ['us-28-6', 'us-28-6'],
    ['us-ua-20-14a', 'us-ua-20-14a'],
    ['ЗАЕС', 'znpp'],
    ['Zaporozhye', 'znpp'],
    ['article five', 'security-guarantees'],
    ['Art. 5', 'security-guarantees'],
    ['Donbass', 'territory-donbas'],
    ['$100bn', 'frozen-assets'],
    ['600,000', 'troop-cap'],
    ['Witkoff', 'steve-witkoff'],
    ['Euroclear', 'frozen-assets'],
  ];
  for (const [query, id] of cases) {
    it(`"${query}" → ${id}`, () => {
      const result = core.index.search(query);
      expect(result.status).toBe('found');
      expect(result.hits[0]).toMatchObject({ id, confidence: 1, matchedBy: 'exact' });
    });
  }

  it('every fact id finds its own fact first, with confidence 1', () => {
    for (const id of core.kb.facts.keys()) {
      const result = core.index.search(id, { limit: 3 });
      expect(result.hits[0], id).toMatchObject({ id, confidence: 1 });
    }
  });

  it('every alias finds its fact first', () => {
    let checked = 0;
    for (const fact of core.kb.facts.values()) {
      for (const alias of fact.aliases) {
        const result = core.index.search(alias, { limit: 3 });
        expect(top(result), `alias "${alias}" of ${fact.id}`).toBe(fact.id);
        expect(result.status, alias).toBe('found');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('aliases inside questions', () => {
  const cases: [string, string][] = [
    ['tell me about the army cap', 'troop-cap'],
    ['what does the plan say about the fortress belt', 'territory-donbas'],
    ['tell me about the Kinburn Spit please', 'kinburn-black-sea'],
    ['is there a prisoner swap in the deal', 'prisoners'],
    ['is Enerhodar in the deal', 'znpp'],
    ['is there a strike pause on energy', 'energy-truce'],
    ['is there a sanctions roadmap', 'sanctions'],
  ];
  for (const [query, id] of cases) {
    it(`"${query}" → ${id} (by alias)`, () => {
      const result = core.index.search(query);
      expect(result.status).toBe('found');
      expect(top(result)).toBe(id);
      expect(result.hits[0]!.matchedBy).toBe('alias');
    });
  }
});

describe('misspellings', () => {
  const cases: [string, string][] = [
    ['Witkof', 'steve-witkoff'],
    ['Witkov', 'steve-witkoff'],
    ['Zaporizia', 'znpp'],
    ['Zaporizhya nuclear plant', 'znpp'],
    ['Umerov', 'rustem-umerov'],
    ['Umerow', 'rustem-umerov'],
    ['Kushnir', 'jared-kushner'],
    ['Peskow', 'dmitry-peskov'],
    ['amnisty', 'amnesty'],
    ['refrendum', 'referendum'],
    ['securty guarantees', 'security-guarantees'],
    ['frozen asets', 'frozen-assets'],
    ['elektions', 'elections'],
  ];
  for (const [query, id] of cases) {
    it(`"${query}" → ${id}`, () => {
      const result = core.index.search(query);
      expect(result.status).toBe('found');
      expect(top(result)).toBe(id);
    });
  }
});

describe('kind filters', () => {
  it('returns only the kinds asked for', () => {
    const filters: [string, FactKind[]][] = [
      ['ZNPP', ['issue']],
      ['Witkoff', ['event']],
      ['troop cap', ['provision']],
      ['NATO', ['position']],
      ['Trump', ['actor']],
      ['Geneva', ['event', 'topic']],
    ];
    for (const [query, kinds] of filters) {
      const result = core.index.search(query, { kinds, limit: 25 });
      expect(result.hits.length, query).toBeGreaterThan(0);
      for (const hit of result.hits) expect(kinds, `${query} → ${hit.id}`).toContain(hit.kind);
      for (const hit of result.hits) expect(core.index.entry(hit.id)?.kind).toBe(hit.kind);
    }
  });

  it('finds the issue for an alias of its topic when only issues are allowed', () => {
    const result = core.index.search('ZNPP', { kinds: ['issue'] });
    expect(top(result)).toBe(core.kb.issuesByTopic.get('znpp')!.id);
  });

  it('does not return an exact alias match of a kind that is filtered out', () => {
    const result = core.index.search('ZNPP', { kinds: ['actor'] });
    expect(result.hits.map((h) => h.id)).not.toContain('znpp');
    expect(result.hits.every((h) => h.kind === 'actor')).toBe(true);
  });

  it('finds events about a person', () => {
    const result = core.index.search('Witkoff', { kinds: ['event'], limit: 25 });
    expect(result.status).toBe('found');
    for (const hit of result.hits.filter((h) => h.confidence >= foundAt)) {
      const entry = core.index.entry(hit.id)!;
      expect(`${entry.title} ${entry.summary}`.toLowerCase(), hit.id).toContain('witkoff');
    }
  });

  it('respects the limit', () => {
    for (const limit of [1, 3, 25]) {
      expect(core.index.search('ukraine', { limit }).hits.length).toBeLessThanOrEqual(limit);
    }
  });
});

describe('prefix mode (autocomplete)', () => {
  const cases: [string, string][] = [
    ['zapor', 'znpp'],
    ['witk', 'steve-witkoff'],
    ['troop c', 'troop-cap'],
    ['secur', 'security-guarantees'],
    ['froz', 'frozen-assets'],
    ['kinb', 'kinburn-black-sea'],
    ['refer', 'referendum'],
  ];
  for (const [partial, id] of cases) {
    it(`"${partial}" offers ${id} among the first five`, () => {
      const result = core.index.search(partial, { prefix: true, limit: 25 });
      expect(result.hits.slice(0, 5).map((h) => h.id)).toContain(id);
    });
  }

  it('matches an unfinished last word only in prefix mode', () => {
    // Unfinished words two or more letters away from any whole word ("demilitar" is itself a stem).
    for (const partial of ['reconstr', 'internat', 'zaporizh']) {
      const withPrefix = core.index.search(partial, { prefix: true });
      expect(withPrefix.unknownWords, partial).toEqual([]);
      expect(withPrefix.hits[0]!.matchedBy, partial).not.toBe('fuzzy');
      const without = core.index.search(partial);
      expect(without.unknownWords, partial).toEqual([partial]);
    }
  });

  it('/provision autocomplete returns at most 25 valid choices, name and value ≤ 100 characters', () => {
    const command = findCommand('provision')!;
    for (const typed of [
      '',
      'z',
      'zapor',
      'troop',
      'us-28-',
      'NATO',
      'x'.repeat(500),
      '\u{1F600}'.repeat(200),
    ]) {
      const choices = command.autocomplete!(core, 'query', typed);
      expect(choices.length, typed).toBeLessThanOrEqual(25);
      for (const choice of choices) {
        expect([...choice.name].length).toBeLessThanOrEqual(100);
        expect(choice.name.length).toBeGreaterThan(0);
        expect(choice.value.length).toBeLessThanOrEqual(100);
        expect(core.index.entry(choice.value), choice.value).toBeDefined();
        expect(['topic', 'provision', 'plan']).toContain(core.index.entry(choice.value)!.kind);
      }
      expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
    }
    expect(command.autocomplete!(core, 'query', 'zapor').map((c) => c.value)).toContain('znpp');
    expect(command.autocomplete!(core, 'query', '').length).toBeGreaterThan(0);
  });

  it('/issue autocomplete offers only issues', () => {
    const choices = findCommand('issue')!.autocomplete!(core, 'query', 'zapor');
    expect(choices.length).toBeGreaterThan(0);
    for (const choice of choices) expect(core.kb.issues.has(choice.value), choice.value).toBe(true);
  });
});

describe('out-of-scope questions → not_found', () => {
  const outOfScope = [
    'what is the weather in Kyiv today',
    'weather forecast for tomorrow',
    'who won the football match last night',
    'Premier League football scores',
    'recipe for borscht',
    'how do I bake a chocolate cake',
    'what is the capital of France?',
    'Tesla stock price',
    'stock prices today',
    'who will win the 2027 election',
    'what happened in 2027',
    'asdfghjkl',
    'hello',
  ];
  for (const query of outOfScope) {
    it(`"${query}"`, () => {
      const result = core.index.search(query);
      expect(result.status).toBe('not_found');
      expect(result.hits[0]?.confidence ?? 0).toBeLessThan(ambiguousAt);
    });
  }

  it('names the words it does not know', () => {
    expect(core.index.search('what is the weather in Kyiv today').unknownWords).toContain('weather');
    // Not "recipe": one edit from "Recep" (Erdogan), a name the fact base knows.
    expect(core.index.search('how to bake borscht with beetroot').unknownWords).toEqual(
      expect.arrayContaining(['bake', 'borscht', 'beetroot']),
    );
  });

  it('finds nothing in empty, blank or punctuation-only input', () => {
    for (const query of ['', '   ', '???', '!!!', '\u200b', '\u{1F600}']) {
      const result = core.index.search(query);
      expect(result, JSON.stringify(query)).toEqual({ status: 'not_found', hits: [], unknownWords: [] });
    }
  });

  it('finds nothing in a query of only common words', () => {
    for (const query of ['the', 'and', 'what is', 'how', 'the the the', 'tell me']) {
      expect(core.index.search(query).status, query).toBe('not_found');
    }
  });

  it('does not read a bare "plan" or "points" as a misspelling of something else', () => {
    // "plan" is not "plant" (the ZNPP): on its own it names no fact confidently.
    for (const query of ['plan', 'plans', 'points']) {
      const result = core.index.search(query);
      expect(result.status, `${query} → ${JSON.stringify(result.hits.slice(0, 2))}`).not.toBe('found');
    }
  });

  it('copes with a 10,000-character query', () => {
    const result = core.index.search('troop cap '.repeat(1000));
    expect(['found', 'ambiguous', 'not_found']).toContain(result.status);
    expect(core.index.search('x'.repeat(10_000)).status).toBe('not_found');
  });
});

describe('ranking invariants', () => {
  it('confidences lie in [0, 1] and fall (within a rounding tie) down the list', () => {
    for (const query of [
      'troop cap',
      'what happens to the ZNPP',
      'Witkoff in Moscow',
      'nato',
      'frozen assets',
      'zapor',
    ]) {
      for (const prefix of [false, true]) {
        const hits = core.index.search(query, { prefix, limit: 25 }).hits;
        for (const [i, hit] of hits.entries()) {
          expect(hit.confidence).toBeGreaterThanOrEqual(0);
          expect(hit.confidence).toBeLessThanOrEqual(1);
          if (i > 0)
            expect(hit.confidence, `${query} #${i}`).toBeLessThanOrEqual(hits[i - 1]!.confidence + 0.05);
        }
        expect(new Set(hits.map((h) => h.id)).size, query).toBe(hits.length);
      }
    }
  });

  it('the status agrees with the confidence thresholds', () => {
    for (const query of [
      'troop cap',
      'weather',
      'nuclear',
      'news',
      'how big can the army be',
      'troops',
      'Geneva',
    ]) {
      const result = core.index.search(query);
      const best = result.hits[0]?.confidence ?? 0;
      if (best < ambiguousAt) expect(result.status, query).toBe('not_found');
      else if (best < foundAt) expect(result.status, query).toBe('ambiguous');
      else expect(['found', 'ambiguous'], query).toContain(result.status);
    }
  });
});

/**
 * Questions as people type them, with the fact(s) a good answer starts from. The search must rank one of
 * them first and must not call the question out of scope.
 */
const realQuestions: [string, string[]][] = [
  ["Who leads Ukraine's negotiating team?", ['rustem-umerov']],
  [
    'Does the plan require Ukraine to hold elections?',
    ['elections', 'elections-dispute', 'us-28-25', 'us-ua-20-18'],
  ],
  ['how many troops can Ukraine keep?', ['troop-cap', 'us-ua-20-4', 'us-28-6']],
  ['how big can Ukraine’s army be', ['troop-cap']],
  ['what is the troop limit in the 28 point plan', ['troop-cap', 'us-28-6']],
  ['can Ukraine keep 800k soldiers', ['troop-cap', 'us-ua-20-4', 'eu-6-1']],
  ['What happens to the Zaporizhzhia nuclear plant?', ['znpp', 'znpp-dispute']],
  [
    'who controls the Zaporozhye nuclear power plant',
    ['znpp', 'znpp-dispute', 'change-znpp', 'znpp-russia', 'znpp-russia-2'],
  ],
  ['Will Ukraine join NATO?', ['nato-membership', 'nato-membership-dispute', 'us-28-7']],
  [
    'does the plan ban NATO troops in Ukraine',
    ['foreign-troops', 'us-28-8', 'change-foreign-troops-nato-ban-removed'],
  ],
  ['will foreign troops be stationed in Ukraine', ['foreign-troops', 'foreign-troops-dispute']],
  [
    'Is there an Article 5 guarantee?',
    ['security-guarantees', 'us-ua-20-5', 'change-security-guarantees-article-5'],
  ],
  [
    'how long do security guarantees last',
    ['security-guarantees', 'security-guarantees-dispute', 'guarantees-ukraine'],
  ],
  ['what happens to frozen Russian assets', ['frozen-assets', 'frozen-assets-dispute', 'us-28-14']],
  ['Will Russia get sanctions relief?', ['sanctions', 'sanctions-dispute']],
  ['Will there be elections in Ukraine?', ['elections', 'elections-dispute']],
  ['Is there an amnesty for war crimes?', ['amnesty', 'amnesty-dispute', 'us-28-26']],
  [
    'will Ukraine give up Donetsk',
    ['territory-donbas', 'territory-donbas-dispute', 'us-28-21', 'us-ua-20-14'],
  ],
  ['is Crimea recognized as Russian', ['territory-recognition', 'us-28-21']],
  ['what about POWs', ['prisoners']],
  [
    'when does the ceasefire start',
    ['ceasefire-monitoring', 'ceasefire-monitoring-dispute', 'us-28-28', 'us-ua-20-20', 'change-ceasefire'],
  ],
  [
    'is there a ceasefire now',
    ['ceasefire-monitoring', 'ceasefire-monitoring-dispute', 'ceasefire-note-none-signed'],
  ],
  ['Will Ukraine join the EU?', ['eu-accession']],
  ['how much money for reconstruction', ['reconstruction', 'us-ua-20-9', 'us-28-12']],
  ['who chairs the peace council', ['peace-council', 'trump-peace-council', 'us-28-27', 'us-ua-20-19']],
  ['referendum on the peace deal', ['referendum', 'referendum-dispute']],
  ['what about the Russian language and the church', ['language-church', 'language-church-dispute']],
  ['who is Steve Witkoff', ['steve-witkoff']],
  ['who is Rustem Umerov', ['rustem-umerov']],
  ['what is the Anchorage formula', ['anchorage-formula']],
  ['what happened at the Mar-a-Lago meeting', ['ev-2025-12-28-mar-a-lago-meeting']],
  ['what did the Europeans propose in Berlin', ['eu-6', 'ev-2025-12-14-berlin-talks-statement']],
  [
    'when was the 20-point plan published',
    ['us-ua-20', 'ev-2025-12-23-20-point-presented', 'us-ua-20-briefing-date'],
  ],
  ['who runs the nuclear plant in Enerhodar', ['znpp', 'znpp-dispute']],
  [
    'is Ukraine getting Article 5 style guarantees',
    ['security-guarantees', 'us-ua-20-5', 'change-security-guarantees-article-5'],
  ],
  ['compare the plans on NATO', ['nato-membership']],
  ['which plans mention Crimea', ['territory-recognition']],
];

/**
 * Questions whose answer is decided after the search: a plan named together with a topic picks that
 * plan's point; a question about "the plans" gets the three of them.
 */
const answeredQuestions: [string, string[]][] = [
  ['what does the 20-point plan say about elections', ['us-ua-20-18']],
  ['what does the 28-point plan say about elections', ['us-28-25']],
  ['what does the European plan say about the army', ['eu-6-1']],
  ['what are the three plans', ['us-28', 'us-ua-20', 'eu-6']],
  ['What did the 28-point plan say about Crimea?', ['us-28-21']],
  ['when was the Berlin statement?', ['eu-6']],
  ['Has Russia accepted the 20-point plan?', ['us-ua-20-status']],
  ['What happened on 2 December 2025?', ['ev-2025-12-02-witkoff-putin-moscow']],
  ['When will the war end?', ['ev-latest-known-state']],
];

describe('questions answered after the search', () => {
  for (const [question, ids] of answeredQuestions) {
    it(`"${question}" → ${ids.join(' + ')}`, () => {
      const answer = lookupAnswer(core, 'ask', question);
      expect(answer.status).toBe('found');
      expect(answer.factIds.slice(0, ids.length)).toEqual(ids);
    });
  }
});

describe('real questions: the right fact first', () => {
  it('the table names only facts that exist', () => {
    for (const [, ids] of realQuestions) for (const id of ids) expect(core.index.entry(id), id).toBeDefined();
  });

  for (const [question, ids] of realQuestions) {
    it(`"${question}" → ${ids.join(' | ')}`, () => {
      const result = core.index.search(question);
      expect(result.status, `got ${JSON.stringify(result.hits.slice(0, 3))}`).not.toBe('not_found');
      expect(ids, `got ${JSON.stringify(result.hits.slice(0, 3))}`).toContain(top(result));
    });
  }
});

describe('a fact whose summary holds the question', () => {
  it('answers with the event whose summary holds most of the words, though none is in its name', () => {
    const answer = lookupAnswer(
      core,
      'ask',
      'by how much did ukrainian drone strikes cut russian refining capacity',
    );
    expect(answer.status).toBe('found');
    expect(answer.text).toContain('30%');
  });

  it('does not let a guessed typo count as a word the summary holds', () => {
    const result = core.index.search('what did biden say about the 28 point plan');
    expect(result.hits[0]?.confidence ?? 0).toBeLessThan(ambiguousAt);
  });
});
