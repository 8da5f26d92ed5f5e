import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lookupAnswer } from '../../src/answers/lookup.js';
import { maxQueryLength } from '../../src/answers/reading.js';
import { readQuery, vocabularyOf } from '../../src/query/index.js';
import type { Answer } from '../../src/answers/types.js';
import { loadCore, type Core } from '../../src/core.js';

/** Read straight from the files, so the tests do not trust the loader they check. */
const knowledgeDir = join(import.meta.dirname, '../../knowledge');
const metaAsOf = (JSON.parse(readFileSync(join(knowledgeDir, 'meta.json'), 'utf8')) as { asOf: string }).asOf;
const sourceFiles = new Map(
  (
    JSON.parse(readFileSync(join(knowledgeDir, 'sources/sources.json'), 'utf8')) as {
      id: string;
      file?: string;
    }[]
  )
    .filter((s) => s.file)
    .map((s) => [s.id, s.file!]),
);
/** Only white space and typographic quotes and dashes are folded; case and spelling must match. */
const fold = (text: string) =>
  text
    .replace(/[\u2018\u2019\u201a\u201b]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
const sourceTexts = new Map(
  [...sourceFiles].map(([id, file]) => [id, fold(readFileSync(join(knowledgeDir, 'sources', file), 'utf8'))]),
);

function allCitations(answer: Answer) {
  return [...answer.citations, ...answer.sections.flatMap((s) => s.citations)];
}

function expectQuotesVerbatim(answer: Answer): number {
  let quotes = 0;
  for (const citation of allCitations(answer)) {
    if (citation.quote === undefined) continue;
    quotes += 1;
    const text = sourceTexts.get(citation.sourceId);
    expect(text, `${citation.sourceId} has a shipped text file`).toBeDefined();
    expect(text, `quote from ${citation.sourceId}: ${citation.quote}`).toContain(fold(citation.quote));
  }
  return quotes;
}

let core: Core;
beforeAll(() => {
  core = loadCore();
});

describe('/provision troop-cap', () => {
  let answer: Answer;
  beforeAll(() => {
    answer = lookupAnswer(core, 'provision', 'troop-cap');
  });

  it('is found and leads with the troop-cap topic', () => {
    expect(answer.status).toBe('found');
    expect(answer.factIds[0]).toBe('troop-cap');
    expect(answer.factIds).toEqual(expect.arrayContaining(['us-28-6', 'us-ua-20-4']));
  });

  it('gives both figures: 600,000 in the 28-point plan and 800,000 in the 20-point plan', () => {
    expect(answer.text).toContain('600,000');
    expect(answer.text).toContain('800,000');
    const section28 = answer.sections.find((s) => /28/.test(s.heading) && /point 6\b/.test(s.heading));
    const section20 = answer.sections.find((s) => /20/.test(s.heading) && /point 4\b/.test(s.heading));
    expect(section28?.text).toContain('600,000');
    expect(section20?.text).toContain('800,000');
  });

  it('cites quotes that occur verbatim in the shipped source documents', () => {
    expect(expectQuotesVerbatim(answer)).toBeGreaterThan(0);
    const quotes = answer.citations.filter((c) => c.quote).map((c) => c.quote!);
    expect(quotes.some((q) => q.includes('600,000'))).toBe(true);
    expect(quotes.some((q) => q.includes('800,000'))).toBe(true);
  });

  it('resolves every citation to a source with a title, a publisher and a reliability tier', () => {
    const sources = JSON.parse(readFileSync(join(knowledgeDir, 'sources/sources.json'), 'utf8')) as {
      id: string;
    }[];
    const known = new Set(sources.map((s) => s.id));
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of allCitations(answer)) {
      expect(known.has(c.sourceId), c.sourceId).toBe(true);
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.publisher.length).toBeGreaterThan(0);
      expect(c.quote !== undefined || c.note !== undefined, `${c.sourceId} has a quote or a note`).toBe(true);
    }
  });

  it('lists every section citation among the answer citations (so each [n] has a source line)', () => {
    // one entry per reference: a section's source is listed once, its quotes and notes merged
    const key = (c: { sourceId: string }) => c.sourceId;
    const listed = new Set(answer.citations.map(key));
    expect(listed.size).toBe(answer.citations.length);
    for (const section of answer.sections)
      for (const c of section.citations) expect(listed.has(key(c)), key(c)).toBe(true);
  });

  it('is the same answer for aliases and spellings of the topic', () => {
    for (const query of ['troop cap', 'TROOP-CAP', '600k', 'army cap', 'six hundred thousand']) {
      expect(lookupAnswer(core, 'provision', query).factIds[0], query).toBe('troop-cap');
    }
  });
});

describe('figures of a thread', () => {
  it('a topic shows every figure it carries, with what each one counts', () => {
    const topic = core.kb.topics.get('frozen-assets')!;
    expect(topic.values.length).toBeGreaterThan(0);
    const answer = lookupAnswer(core, 'provision', 'frozen-assets');
    for (const value of topic.values) expect(answer.text).toContain(value.label);
    expect(answer.text).toMatch(/Euroclear[^·]*€140 billion/);
  });

  it("a provision's figures are labelled too", () => {
    const answer = lookupAnswer(core, 'provision', 'us-ua-20-12');
    const provision = core.kb.provisions.get('us-ua-20-12')!;
    for (const value of provision.values) expect(answer.text).toContain(`${value.label}: `);
  });

  it('a thread with no point in any plan shows the plan notes filed under it, point by point', () => {
    const answer = lookupAnswer(core, 'provision', 'e3-counterproposal');
    const notes = [...core.kb.plans.values()].flatMap((plan) =>
      plan.notes.filter((note) => note.topics.includes('e3-counterproposal')),
    );
    expect(notes.length).toBeGreaterThan(1);
    for (const note of notes) {
      expect(answer.sections.map((s) => s.heading)).toContain(note.title);
      expect(answer.factIds).toContain(note.id);
    }
  });

  it('comparing a thread no plan has a point on gives its point-by-point view, not empty sides', () => {
    const answer = lookupAnswer(core, 'ask', 'compare the E3 counter-proposal with the 28-point plan');
    expect(answer.factIds[0]).toBe('e3-counterproposal');
    expect(answer.sections.some((s) => s.text.includes('No point on this topic'))).toBe(false);
    expect(answer.sections.some((s) => /600,000/.test(s.text))).toBe(true);
  });

  it('a plan note shows its figures', () => {
    const note = core.kb.plans.get('us-ua-20')!.notes.find((n) => n.values.length > 0)!;
    const answer = lookupAnswer(core, 'provision', note.id);
    for (const value of note.values) expect(answer.text).toContain(value.label);
  });
});

describe('/issue znpp', () => {
  let answer: Answer;
  beforeAll(() => {
    answer = lookupAnswer(core, 'issue', 'znpp');
  });

  it('is found and is the unresolved issue on the ZNPP topic', () => {
    expect(answer.status).toBe('found');
    const issue = core.kb.issuesByTopic.get('znpp');
    expect(issue).toBeDefined();
    expect(answer.factIds[0]).toBe(issue!.id);
  });

  it('has one section per party with a position, each cited', () => {
    const issue = core.kb.issuesByTopic.get('znpp')!;
    const names = {
      ukraine: 'Ukraine',
      russia: 'Russia',
      'united-states': 'United States',
      europe: 'Europe',
    } as const;
    const parties = new Set(issue.positions.map((p) => p.party));
    expect(parties.size).toBeGreaterThanOrEqual(2);
    for (const party of parties) {
      const section = answer.sections.find((s) => s.heading === names[party]);
      expect(section, names[party]).toBeDefined();
      expect(section!.citations.length, `${names[party]} is cited`).toBeGreaterThan(0);
    }
    const headings = answer.sections.map((s) => s.heading);
    expect(headings.filter((h) => Object.values(names).includes(h as never)).length).toBe(
      new Set(headings.filter((h) => Object.values(names).includes(h as never))).size,
    );
  });

  it('attributes positions to whoever states them', () => {
    const issue = core.kb.issuesByTopic.get('znpp')!;
    const attributed = issue.positions.filter((p) => p.attributedTo);
    expect(attributed.length).toBeGreaterThan(0);
    const body = answer.sections.map((s) => s.text).join('\n');
    for (const position of attributed) expect(body).toContain(`per ${position.attributedTo}`);
  });

  it('shows where sources disagree, with each side cited', () => {
    const section = answer.sections.find((s) => s.heading === 'Sources disagree');
    expect(section).toBeDefined();
    expect(section!.text.split('\n').filter((line) => line.startsWith('• ')).length).toBeGreaterThanOrEqual(
      2,
    );
    expect(new Set(section!.citations.map((c) => c.sourceId)).size).toBeGreaterThanOrEqual(2);
    expect(answer.text).toMatch(/sources disagree/i);
  });

  it('has answer-wide citations gathered from its sections, with verbatim quotes', () => {
    expect(Array.isArray(answer.citations)).toBe(true);
    expect(answer.citations.length).toBeGreaterThan(0);
    expectQuotesVerbatim(answer);
  });

  it('is reached by other spellings and by the topic title', () => {
    const id = core.kb.issuesByTopic.get('znpp')!.id;
    for (const query of [
      'ZNPP',
      'Zaporozhye',
      'zaporizhia nuclear plant',
      'ZAES',
      'Zaporizhzhia Nuclear Power Plant',
    ]) {
      const a = lookupAnswer(core, 'issue', query);
      expect(a.status, query).toBe('found');
      expect(a.factIds[0], query).toBe(id);
    }
  });

  it('/issue troop cap shows the troop-cap issue', () => {
    const a = lookupAnswer(core, 'issue', 'troop cap');
    expect(a.status).toBe('found');
    expect(a.factIds[0]).toBe(core.kb.issuesByTopic.get('troop-cap')!.id);
  });
});

describe('/ask', () => {
  const cases: [string, string][] = [
    ['how many troops can Ukraine keep?', 'troop-cap'],
    ['Will Ukraine join NATO?', 'nato-membership'],
    ['What happens to the Zaporizhzhia nuclear plant?', 'znpp'],
    ['Is there an amnesty for war crimes?', 'amnesty'],
    ['what about Donbass?', 'territory-donbas'],
  ];
  for (const [question, id] of cases) {
    it(`"${question}" → ${id}`, () => {
      const a = lookupAnswer(core, 'ask', question);
      expect(a.status).toBe('found');
      expect(a.factIds[0]).toBe(id);
      expect(a.citations.length).toBeGreaterThan(0);
      expectQuotesVerbatim(a);
    });
  }

  it('answers the troop question with both plans’ figures', () => {
    const a = lookupAnswer(core, 'ask', 'how many troops can Ukraine keep?');
    expect(a.text).toContain('600,000');
    expect(a.text).toContain('800,000');
  });
});

describe('not found: out-of-scope questions', () => {
  const outOfScope = [
    'what is the weather in Paris tomorrow?',
    'who won the football match last night',
    'recipe for borscht',
    'what is the capital of France?',
    'Tesla stock price today',
    'asdfghjkl qwertyuiop',
  ];
  for (const query of outOfScope) {
    for (const kind of ['ask', 'provision', 'issue'] as const) {
      it(`/${kind} "${query}" → not_found, plainly, with no facts used`, () => {
        const a = lookupAnswer(core, kind, query);
        expect(a.status).toBe('not_found');
        expect(a.factIds).toEqual([]);
        expect(a.citations).toEqual([]);
        expect(a.text).toContain('does not cover');
        expect(a.asOf).toBe(metaAsOf);
      });
    }
  }

  it('escapes markdown in the echoed query', () => {
    const a = lookupAnswer(core, 'ask', '**weather** `forecast` for tomorrow');
    expect(a.status).toBe('not_found');
    expect(a.text).toContain('\\*\\*weather\\*\\*');
    expect(a.text).not.toContain('`forecast`');
  });
});

describe('ambiguous: "did you mean"', () => {
  it('/provision troops could be the troop cap or foreign troops: suggestions, no facts', () => {
    const a = lookupAnswer(core, 'provision', 'troops');
    expect(a.status).toBe('ambiguous');
    expect(a.suggestions).toEqual(expect.arrayContaining(['troop-cap', 'foreign-troops']));
    expect(a.factIds).toEqual([]);
    for (const id of a.suggestions) expect(core.index.entry(id), id).toBeDefined();
    for (const id of a.suggestions) expect(a.text).toContain(core.index.entry(id)!.title);
  });

  it('every ambiguous answer offers between one and five existing suggestions', () => {
    const queries = ['troops', 'Geneva', 'Berlin', 'trilateral', 'nuclear', 'the plan', 'Europe'];
    let seen = 0;
    for (const kind of ['provision', 'issue', 'ask'] as const) {
      for (const query of queries) {
        const a = lookupAnswer(core, kind, query);
        if (a.status !== 'ambiguous') continue;
        seen += 1;
        expect(a.suggestions.length, `${kind} ${query}`).toBeGreaterThanOrEqual(1);
        expect(a.suggestions.length, `${kind} ${query}`).toBeLessThanOrEqual(5);
        for (const id of a.suggestions) expect(core.index.entry(id), id).toBeDefined();
        if (kind === 'issue') for (const id of a.suggestions) expect(core.kb.issues.has(id), id).toBe(true);
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

describe('point references', () => {
  const cases: [string, string][] = [
    ['28-point 7', 'us-28-7'],
    ['us-28-7', 'us-28-7'],
    ['US-28-7', 'us-28-7'],
    ['point 14 of the 20-point plan', 'us-ua-20-14'],
    ['20-point 14a', 'us-ua-20-14a'],
    ['point 6 of the 28 point plan', 'us-28-6'],
    ['28pt 21', 'us-28-21'],
    ['Trump plan point 19', 'us-28-19'],
    ['twenty-point plan point 4', 'us-ua-20-4'],
    ['point 3 of the Berlin statement', 'eu-6-3'],
  ];
  for (const [query, id] of cases) {
    it(`"${query}" → ${id}`, () => {
      expect(readQuery(query, vocabularyOf(core.kb)).point?.id).toBe(id);
      const a = lookupAnswer(core, 'provision', query);
      expect(a.status).toBe('found');
      expect(a.factIds[0]).toBe(id);
      const provision = core.kb.provisions.get(id)!;
      expect(a.title).toContain(provision.title);
      expect(a.title).toContain(`point ${provision.number}${provision.part ?? ''}`);
    });
  }

  it('/provision us-28-6 shows the 600,000 cap and relates it to the 20-point figure', () => {
    const a = lookupAnswer(core, 'provision', 'us-28-6');
    expect(a.text).toContain('600,000');
    expect(a.factIds).toContain('us-ua-20-4');
    expect(a.sections.map((s) => s.text).join('\n')).toContain('800,000');
  });

  it('does not invent points a plan does not have', () => {
    for (const query of [
      'point 29 of the 28-point plan',
      '20-point 21',
      'us-28-99',
      'point 7 of the 6-point plan',
    ]) {
      expect(readQuery(query, vocabularyOf(core.kb)).point?.id, query).toBeUndefined();
      const a = lookupAnswer(core, 'provision', query);
      expect(
        a.factIds.some((id) => /^(us-28-(29|99)|us-ua-20-21|eu-6-7)$/.test(id)),
        query,
      ).toBe(false);
    }
  });
});

describe('kind filters', () => {
  it('/provision answers only with topics, provisions, changes and plans', () => {
    for (const query of ['troop cap', 'ZNPP', 'us-28-19', 'NATO', '28-point plan', 'Witkoff']) {
      const a = lookupAnswer(core, 'provision', query);
      if (a.status !== 'found') continue;
      const kind = core.index.entry(a.factIds[0]!)?.kind;
      expect(
        ['topic', 'provision', 'change', 'plan', 'plan-note'],
        `${query} → ${a.factIds[0]} (${kind})`,
      ).toContain(kind);
    }
  });

  it('/issue answers only with issues', () => {
    for (const query of ['ZNPP', 'troop cap', 'NATO', 'frozen assets', 'elections']) {
      const a = lookupAnswer(core, 'issue', query);
      expect(a.status, query).toBe('found');
      expect(core.kb.issues.has(a.factIds[0]!), `${query} → ${a.factIds[0]}`).toBe(true);
    }
  });
});

describe('input validation', () => {
  const invalid: [string, string | undefined, RegExp][] = [
    ['undefined', undefined, /please give/i],
    ['empty', '', /please give/i],
    ['blank', '   \t  ', /please give/i],
    ['only zero-width characters', '\u200b\u200b\ufeff', /please give/i],
    ['10,000 characters', 'a'.repeat(10_000), /10000 characters.*under 300/],
    ['301 characters', 'troop cap '.repeat(30) + 'x', /301 characters/],
    ['a NUL byte', 'troop\u0000cap', /control characters/],
    ['a bell', 'troop cap\u0007', /control characters/],
    ['an ANSI escape', '\u001b[31mtroop cap\u001b[0m', /control characters/],
    ['DEL', 'znpp\u007f', /control characters/],
    ['a C1 control', 'znpp\u0085', /control characters/],
  ];
  for (const [name, query, message] of invalid) {
    for (const kind of ['provision', 'issue', 'ask'] as const) {
      it(`/${kind} with ${name} → error with a clear message`, () => {
        const a = lookupAnswer(core, kind, query);
        expect(a.status).toBe('error');
        expect(a.text).toMatch(message);
        expect(a.factIds).toEqual([]);
        expect(a.citations).toEqual([]);
        expect(a.asOf).toBe(metaAsOf);
        expect(a.text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
        expect(a.text.length).toBeLessThan(400);
      });
    }
  }

  it('accepts a query of exactly the maximum length, and plain tabs and newlines', () => {
    const query = `troop cap ${'x'.repeat(maxQueryLength - 10)}`;
    expect([...query].length).toBe(maxQueryLength);
    expect(lookupAnswer(core, 'ask', query).status).not.toBe('error');
    expect(lookupAnswer(core, 'ask', 'troop\tcap\n').status).toBe('found');
  });

  it('counts characters, not UTF-16 units: 300 emoji are not too long', () => {
    expect(lookupAnswer(core, 'ask', '\u{1F600}'.repeat(maxQueryLength)).status).not.toBe('error');
  });
});

describe('every answer carries the fact base as-of date', () => {
  it('matches meta.json for found, ambiguous, not found and error answers', () => {
    const answers = [
      lookupAnswer(core, 'provision', 'troop-cap'),
      lookupAnswer(core, 'issue', 'znpp'),
      lookupAnswer(core, 'ask', 'how many troops can Ukraine keep?'),
      lookupAnswer(core, 'provision', 'us-28-7'),
      lookupAnswer(core, 'provision', 'troops'),
      lookupAnswer(core, 'ask', 'weather in Paris'),
      lookupAnswer(core, 'ask', ''),
    ];
    expect(new Set(answers.map((a) => a.status))).toEqual(
      new Set(['found', 'ambiguous', 'not_found', 'error']),
    );
    for (const a of answers) expect(a.asOf).toBe(metaAsOf);
  });
});
