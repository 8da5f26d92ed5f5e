import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, ResolvedCitation } from '../../src/answers/types.js';
import { findCommand } from '../../src/commands/index.js';
import { loadCore, type Core } from '../../src/core.js';
import { renderJson } from '../../src/render/json.js';
import { plainText, renderText } from '../../src/render/text.js';
import { humanDate } from '../../src/text/dates.js';

const quoteCitation: ResolvedCitation = {
  sourceId: 'parley-explainer',
  title: 'The U.S.-Ukraine 20-point peace proposal, explained',
  publisher: 'Parley Policy Initiative',
  date: '2025-12-26',
  url: null,
  reliability: 'source-document',
  reliabilityLabel: 'source document',
  weak: false,
  quote: 'Ukraine’s armed forces would be capped at 800,000 in peacetime.',
};
const referenceCitation: ResolvedCitation = {
  sourceId: 'tass-2025-11-24-assets-removed',
  title: 'Assets point removed',
  publisher: 'TASS',
  date: '2025-11-24',
  url: 'https://tass.example/123',
  reliability: 'state-media',
  reliabilityLabel: '⚠ state media',
  weak: true,
  note: 'Russia’s account of the assets point',
};

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    status: 'found',
    title: 'Size of Ukraine’s armed forces (troop cap)',
    text: 'The **28-point** plan set *600,000*; the `20-point` plan 800,000.',
    sections: [
      { heading: 'U.S. 28-point, point 6', text: 'Troop cap of 600,000.', citations: [referenceCitation] },
      {
        heading: 'U.S.–Ukraine 20-point, point 4',
        text: 'Peacetime army of 800,000.',
        citations: [quoteCitation],
      },
    ],
    citations: [quoteCitation, referenceCitation],
    factIds: ['troop-cap', 'us-28-6', 'us-ua-20-4'],
    suggestions: [],
    asOf: '2026-07-02',
    ...overrides,
  };
}

describe('plainText', () => {
  it('removes bold, italics and code marks and undoes escapes', () => {
    expect(plainText('**bold** and *italic* and `code`')).toBe('bold and italic and code');
    expect(plainText('a \\*literal\\* star and \\_under\\_')).toBe('a *literal* star and _under_');
  });
});

const footerLine = (text: string) => text.split('\n').find((l) => /^(As of|reviewed) /.test(l));

describe('renderText', () => {
  it('shows the title, the text without markdown, every section and the as-of date', () => {
    const text = renderText(answer());
    const lines = text.split('\n');
    expect(lines[0]).toBe('Size of Ukraine’s armed forces (troop cap)');
    expect(text).toContain('The 28-point plan set 600,000; the 20-point plan 800,000.');
    expect(text).not.toContain('**');
    expect(text).toContain('■ U.S. 28-point, point 6');
    expect(text).toContain('■ U.S.–Ukraine 20-point, point 4');
    expect(footerLine(text)).toBe('As of 2 Jul 2026');
    expect(lines.at(-1)).toBe('facts: troop-cap, us-28-6, us-ua-20-4');
  });

  it('lists sources numbered, one line each, with publisher, human date and reliability', () => {
    const text = renderText(answer());
    const sources = text.slice(text.indexOf('\nSources\n'));
    expect(sources).toContain('[1] Parley Policy Initiative, 26 Dec 2025 · source document');
    expect(sources).toContain('[2] TASS, 24 Nov 2025 · ⚠ state media');
  });

  it('with --sources, every source in full: quotes, notes and links', () => {
    const text = renderText(answer(), { sources: true });
    expect(text).toContain(`“${quoteCitation.quote}”`);
    expect(text).toContain('Russia’s account of the assets point');
    expect(text).toContain('https://tass.example/123');
  });

  it('marks each section with the numbers of its sources', () => {
    const text = renderText(answer());
    expect(text).toContain('■ U.S. 28-point, point 6 [2]');
    expect(text).toContain('■ U.S.–Ukraine 20-point, point 4 [1]');
  });

  it('shows a long quote in full with --full, wrapped at word boundaries to the width', () => {
    const long = `${'word '.repeat(200)}end.`;
    const c = { ...quoteCitation, quote: long };
    const text = renderText(answer({ citations: [c], sections: [] }), { full: true, width: 60 });
    expect(text.replace(/\s+/g, ' ')).toContain(long.trim());
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });

  it('keeps a long answer within 40 lines at 80 columns, breaking no word, and says what is left', () => {
    const sections = Array.from({ length: 30 }, (_, i) => ({
      heading: `Section ${i}`,
      text: `${'several words of text '.repeat(20)}end ${i}.`,
      citations: [referenceCitation],
    }));
    const text = renderText(answer({ sections, text: 'short answer '.repeat(80) }), { width: 80 });
    const lines = text.split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(80);
    expect(text).toMatch(/… \d+ more items: add --full/);
    // a word cut at the line end or the clip point would leave a fragment such as "sev" or "answ"
    const fragments = lines
      .slice(2)
      .join('\n')
      .match(/\b(s|se|sev|seve|sever|severa|w|wo|wor|word|t|te|tex|a|an|ans|answ|answe|sh|sho|shor)\b/g);
    expect(fragments).toBeNull();
  });

  it('shows "did you mean" by title, only when the answer is not found or ambiguous', () => {
    const titleOf = (id: string) => ({ znpp: 'Zaporizhzhia Nuclear Power Plant' })[id] ?? id;
    expect(renderText(answer({ status: 'ambiguous', suggestions: ['znpp'] }), { titleOf })).toContain(
      'Did you mean: Zaporizhzhia Nuclear Power Plant',
    );
    expect(renderText(answer({ status: 'found', suggestions: ['znpp'] }))).not.toContain('Did you mean');
  });

  it('shows the page next to the as-of date, and the fact ids below', () => {
    const text = renderText(answer({ page: { index: 2, count: 4 } }), { pageHint: 'next / prev for more' });
    expect(footerLine(text)).toBe('As of 2 Jul 2026 · page 2 of 4 · next / prev for more');
  });

  it('has no Sources block when there are no citations, but still the as-of date', () => {
    const text = renderText(answer({ citations: [], sections: [], factIds: [] }));
    expect(text).not.toContain('\nSources');
    expect(text.split('\n').at(-1)).toBe('As of 2 Jul 2026');
  });
});

describe('renderJson', () => {
  it('is one line of JSON: the Answer plus command and query', () => {
    const a = answer();
    const out = renderJson(a, 'provision', 'troop-cap');
    expect(out).not.toContain('\n');
    expect(JSON.parse(out)).toEqual({ command: 'provision', query: 'troop-cap', ...a });
  });
});

describe('renderText with real answers', () => {
  let core: Core;
  beforeAll(() => {
    core = loadCore();
  });

  it('/provision troop-cap shows a verbatim quote, its source and the fact base as-of date', () => {
    const a = findCommand('provision')!.run(core, { query: 'troop-cap' });
    const text = renderText(a, { sources: true, width: 1000 });
    const quoted = a.citations.filter((c) => c.quote);
    expect(quoted.length).toBeGreaterThan(0);
    for (const c of quoted) for (const q of c.quotes ?? [c.quote]) expect(text).toContain(`“${q}”`);
    for (const c of a.citations) expect(text).toContain(c.publisher);
    expect(text).toContain('600,000');
    expect(text).toContain('800,000');
    expect(footerLine(text)).toMatch(new RegExp(`^(As of|reviewed) ${humanDate(core.kb.meta.asOf)}`));
  });

  it('/issue znpp shows each party’s section and the disagreement', () => {
    const text = renderText(findCommand('issue')!.run(core, { query: 'znpp' }));
    expect(text).toContain('■ Ukraine');
    expect(text).toContain('■ Russia');
    expect(text).toContain('■ Sources disagree');
    expect(text).toMatch(new RegExp(`(As of|reviewed) ${humanDate(core.kb.meta.asOf)}`));
  });
});
