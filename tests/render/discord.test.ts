import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, ResolvedCitation } from '../../src/answers/types.js';
import { findCommand } from '../../src/commands/index.js';
import { loadCore, type Core } from '../../src/core.js';
import { decodeCustomId, encodeCustomId, maxCustomIdLength } from '../../src/render/custom-ids.js';
import { embedLength } from '../../src/render/discord-limits.js';
import type { DiscordPayload } from '../../src/render/discord-types.js';
import { bodyBudget, renderDiscord } from '../../src/render/discord.js';
import { humanDate } from '../../src/text/dates.js';

/**
 * Characters counted the strict way, in UTF-16 code units (an emoji is two): a payload within the limits
 * by this count is within them however Discord counts.
 */
const chars = (text: string | undefined) => (text ?? '').length;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const rawPing = /@(everyone|here)|<@[!&]?\d+>|<#\d+>/i;

/** Every text the payload shows a reader. */
function shownTexts(payload: DiscordPayload): string[] {
  const texts: string[] = [];
  if (payload.content !== undefined) texts.push(payload.content);
  for (const embed of payload.embeds) {
    texts.push(embed.title, embed.description ?? '', embed.footer.text);
    for (const field of embed.fields) texts.push(field.name, field.value);
  }
  for (const row of payload.components) {
    for (const component of row.components) {
      if (component.type === 2) texts.push(component.label, component.custom_id);
      else {
        texts.push(component.placeholder, component.custom_id);
        for (const option of component.options)
          texts.push(option.label, option.value, option.description ?? '');
      }
    }
  }
  return texts;
}

/** Every limit Discord enforces on a message; a failure names the limit. */
function expectWithinDiscordLimits(payload: DiscordPayload): void {
  expect(payload.embeds.length, 'embeds per message').toBeLessThanOrEqual(10);
  if (payload.content !== undefined) expect(chars(payload.content), 'content').toBeLessThanOrEqual(2000);
  let total = 0;
  for (const embed of payload.embeds) {
    expect(chars(embed.title), 'embed title').toBeLessThanOrEqual(256);
    expect(chars(embed.description), 'embed description').toBeLessThanOrEqual(4096);
    expect(embed.fields.length, 'fields per embed').toBeLessThanOrEqual(25);
    for (const field of embed.fields) {
      expect(chars(field.name), 'field name').toBeLessThanOrEqual(256);
      expect(chars(field.name), 'field name must not be empty').toBeGreaterThan(0);
      expect(chars(field.value), 'field value').toBeLessThanOrEqual(1024);
      expect(chars(field.value), 'field value must not be empty').toBeGreaterThan(0);
    }
    expect(chars(embed.footer.text), 'footer').toBeLessThanOrEqual(2048);
    const length =
      chars(embed.title) +
      chars(embed.description) +
      chars(embed.footer.text) +
      embed.fields.reduce((sum, f) => sum + chars(f.name) + chars(f.value), 0);
    expect(embedLength(embed), "the renderer's own measure").toBeLessThanOrEqual(6000);
    total += length;
  }
  expect(total, 'all embeds together').toBeLessThanOrEqual(6000);
  expect(payload.components.length, 'action rows').toBeLessThanOrEqual(5);
  for (const row of payload.components) {
    expect(row.type).toBe(1);
    expect(row.components.length, 'components per row').toBeGreaterThan(0);
    expect(row.components.length, 'components per row').toBeLessThanOrEqual(5);
    const selects = row.components.filter((c) => c.type === 3);
    if (selects.length > 0) expect(row.components.length, 'a select fills its row').toBe(1);
    for (const component of row.components) {
      expect(chars(component.custom_id), 'custom_id').toBeLessThanOrEqual(maxCustomIdLength);
      expect(component.custom_id.length, 'custom_id').toBeGreaterThan(0);
      if (component.type === 2) expect(chars(component.label), 'button label').toBeLessThanOrEqual(80);
      if (component.type === 3) {
        expect(component.options.length, 'select options').toBeGreaterThan(0);
        expect(component.options.length, 'select options').toBeLessThanOrEqual(25);
        expect(chars(component.placeholder), 'placeholder').toBeLessThanOrEqual(150);
        for (const option of component.options) {
          expect(chars(option.label), 'option label').toBeLessThanOrEqual(100);
          expect(chars(option.label), 'option label').toBeGreaterThan(0);
          expect(chars(option.value), 'option value').toBeLessThanOrEqual(100);
          expect(chars(option.description), 'option description').toBeLessThanOrEqual(100);
        }
        const values = component.options.map((o) => o.value);
        expect(new Set(values).size, 'option values are unique').toBe(values.length);
      }
    }
  }
  const customIds = payload.components.flatMap((row) => row.components.map((c) => c.custom_id));
  expect(new Set(customIds).size, 'custom ids are unique in a message').toBe(customIds.length);
  expect(payload.allowed_mentions.parse).toEqual([]);
  for (const text of shownTexts(payload))
    expect(loneSurrogate.test(text), `half an emoji in ${JSON.stringify(text.slice(-20))}`).toBe(false);
}

function citation(overrides: Partial<ResolvedCitation> = {}): ResolvedCitation {
  return {
    sourceId: 'parley-explainer',
    title: 'The U.S.-Ukraine 20-point peace proposal, explained',
    publisher: 'Parley Policy Initiative',
    date: '2025-12-26',
    url: 'https://example.org/parley',
    reliability: 'source-document',
    reliabilityLabel: 'source document',
    weak: false,
    quote: 'a short quote',
    ...overrides,
  };
}

function answer(overrides: Partial<Answer> = {}): Answer {
  return {
    status: 'found',
    title: 'Size of Ukraine’s armed forces (troop cap)',
    text: 'The 28-point plan capped the army at 600,000; the 20-point plan at 800,000.',
    sections: [],
    citations: [],
    factIds: ['troop-cap', 'us-28-6', 'us-ua-20-4'],
    suggestions: [],
    asOf: '2026-07-02',
    ...overrides,
  };
}

const emoji = '\u{1F1FA}\u{1F1E6}\u{1F4A5}\u{1F600}';
/** Astral characters everywhere, so every cut point lands next to one. */
const astral = (length: number) =>
  Array.from({ length }, (_, i) => (i % 3 === 0 ? '\u{1F600}' : 'x')).join('');
const hostile =
  '@everyone @here <@123456789012345678> <@!123456789012345678> <@&1> <#42> **bold** `code` ```fence``` ~~x~~ ||spoiler|| > quote [link](https://evil.example) ';

describe('renderDiscord: limits hold for long and hostile answers', () => {
  const cases: [string, Answer][] = [
    ['a 1,000-character title', answer({ title: 'T'.repeat(1000) })],
    ['a 1,000-character astral title', answer({ title: astral(1000) })],
    ['a 6,000-character text', answer({ text: 'x'.repeat(6000) })],
    ['a 6,000-character astral text', answer({ text: astral(6000) })],
    [
      '100 sections',
      answer({
        sections: Array.from({ length: 100 }, (_, i) => ({
          heading: `Section ${i} ${'h'.repeat(300)}`,
          text: `${i} ${'y'.repeat(2000)}`,
          citations: [],
        })),
      }),
    ],
    [
      '100 sections of astral text with citations',
      (() => {
        const cites = Array.from({ length: 40 }, (_, i) =>
          citation({
            sourceId: `s-${i}`,
            quote: `${emoji}${astral(600)}`,
            title: astral(300),
            publisher: astral(200),
          }),
        );
        return answer({
          title: astral(400),
          text: astral(5000),
          sections: Array.from({ length: 100 }, (_, i) => ({
            heading: astral(400),
            text: astral(1500),
            citations: [cites[i % cites.length]!],
          })),
          citations: cites,
          factIds: Array.from({ length: 60 }, (_, i) => `fact-${i}-${'z'.repeat(20)}`),
        });
      })(),
    ],
    [
      'mentions and markdown everywhere',
      answer({
        title: hostile.repeat(5),
        text: hostile.repeat(40),
        sections: Array.from({ length: 30 }, () => ({
          heading: hostile,
          text: hostile.repeat(10),
          citations: [],
        })),
      }),
    ],
    [
      'empty title, text and section heading',
      answer({ title: '', text: '', sections: [{ heading: '', text: '', citations: [] }] }),
    ],
    [
      'a 6,000-character quote and a 6,000-character URL',
      (() => {
        const c = citation({ quote: 'q'.repeat(6000), url: `https://example.org/${'u'.repeat(6000)}` });
        return answer({ sections: [{ heading: 'Quoted', text: 'see', citations: [c] }], citations: [c] });
      })(),
    ],
    [
      'ambiguous with 40 long suggestions',
      answer({
        status: 'ambiguous',
        suggestions: Array.from({ length: 40 }, (_, i) => (i % 2 ? `id-${i}` : `${'long-'.repeat(30)}${i}`)),
      }),
    ],
    ['a page 3 of 9', answer({ factIds: ['us-28', 'us-28-15'], page: { index: 3, count: 9 } })],
  ];

  for (const [name, a] of cases) {
    it(`${name}: every Discord limit holds`, () => {
      for (const options of [
        { command: 'ask' },
        { command: 'plan', hide: true },
        { command: 'timeline', about: hostile.repeat(4) },
        { command: 'provision', fullSources: true, targetUserId: '123456789012345678' },
        { command: 'issue', titleOf: (id: string) => `${hostile}${astral(200)} ${id}` },
      ]) {
        expectWithinDiscordLimits(renderDiscord(a, options));
      }
    });
  }

  it('clips a long title with an ellipsis instead of dropping it', () => {
    const embed = renderDiscord(answer({ title: 'T'.repeat(1000) }), { command: 'ask' }).embeds[0]!;
    expect(chars(embed.title)).toBe(256);
    expect(embed.title.endsWith('…')).toBe(true);
    expect(embed.title.startsWith('TTTT')).toBe(true);
  });

  it('never cuts an emoji in half at a cut point', () => {
    const title = `${'a'.repeat(254)}\u{1F600}\u{1F600}\u{1F600}`;
    const embed = renderDiscord(answer({ title }), { command: 'ask' }).embeds[0]!;
    expect(loneSurrogate.test(embed.title)).toBe(false);
    expect(chars(embed.title)).toBeLessThanOrEqual(256);
    expect(embed.title.startsWith('a'.repeat(254))).toBe(true);
    expect(embed.title.endsWith('…')).toBe(true);
    expect(embed.title.replace(/\u{1F600}/gu, '').replace(/…$/, '')).toBe('a'.repeat(254));
  });

  it('keeps the body within one screen and says how many parts were left for the Sources button', () => {
    const c = citation();
    const many = answer({
      citations: [c],
      sections: Array.from({ length: 100 }, (_, i) => ({ heading: `S${i}`, text: `t${i}`, citations: [c] })),
    });
    const embed = renderDiscord(many, { command: 'ask' }).embeds[0]!;
    expect(chars(embed.description)).toBeLessThanOrEqual(bodyBudget);
    const shown = [...(embed.description ?? '').matchAll(/\*\*(S\d+)\*\*/g)].map((m) => m[1]);
    // The first sections, in order, fill the body; the rest are counted, not silently dropped.
    expect(shown).toEqual(shown.map((_, i) => `S${i}`));
    expect(shown.length).toBeGreaterThanOrEqual(10);
    const more = /…(\d+) more parts \(Sources button\)/.exec(embed.description ?? '');
    expect(more).not.toBeNull();
    expect(Number(more![1])).toBe(100 - shown.length);
  });

  it('puts the parts left out behind a More button that pages through every one of them, once', () => {
    const c = citation();
    const many = answer({
      citations: [c],
      sections: Array.from({ length: 100 }, (_, i) => ({
        heading: `S${i}`,
        text: `t${i} ${'x'.repeat(80)}`,
        citations: [c],
      })),
    });
    const seen: string[] = [];
    let from = 0;
    let replies = 0;
    for (;;) {
      const payload = renderDiscord(many, { command: 'ask', query: 'how many parts?', from });
      expectWithinDiscordLimits(payload);
      const description = payload.embeds[0]!.description ?? '';
      expect(chars(description)).toBeLessThanOrEqual(bodyBudget);
      const shown = [...description.matchAll(/\*\*(S\d+)\*\*/g)].map((m) => m[1]!);
      expect(shown.length).toBeGreaterThan(0);
      seen.push(...shown);
      replies += 1;
      if (from > 0) expect(description).toContain(`*Parts ${from + 1}–${from + shown.length} of 100*`);
      const buttons = payload.components.flatMap((row) => row.components);
      expect(buttons.some((b) => b.type === 2 && b.label === 'Sources')).toBe(true);
      const more = buttons.find((b) => b.custom_id.startsWith('more:'));
      if (seen.length === 100) {
        expect(more).toBeUndefined();
        expect(description).not.toMatch(/more parts?/);
        break;
      }
      expect(description).toContain(`…${100 - seen.length} more parts (More button)`);
      const action = decodeCustomId(more!.custom_id);
      expect(action).toEqual({ kind: 'more', from: seen.length, command: 'ask', query: 'how many parts?' });
      from = seen.length;
    }
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => `S${i}`));
    expect(replies).toBeGreaterThan(2);
  });

  it('has no More button when the question cannot ride in a custom id, and says where the rest is', () => {
    const c = citation();
    const many = answer({
      citations: [c],
      sections: Array.from({ length: 100 }, (_, i) => ({ heading: `S${i}`, text: `t${i}`, citations: [c] })),
    });
    const payload = renderDiscord(many, { command: 'ask', query: 'q'.repeat(120) });
    const ids = payload.components.flatMap((row) => row.components).map((b) => b.custom_id);
    expect(ids.some((id) => id.startsWith('more:'))).toBe(false);
    expect(payload.embeds[0]!.description).toMatch(/more parts \(Sources button\)/);
  });

  it('keeps the Sources field and the 6000 total however long the answer', () => {
    const c = citation({ quote: 'q'.repeat(130) });
    const big = answer({
      text: 'd'.repeat(4000),
      sections: Array.from({ length: 20 }, (_, i) => ({
        heading: `S${i}`,
        text: 'y'.repeat(900),
        citations: [c],
      })),
      citations: [c],
    });
    const embed = renderDiscord(big, { command: 'ask' }).embeds[0]!;
    expectWithinDiscordLimits(renderDiscord(big, { command: 'ask' }));
    expect(chars(embed.description)).toBeLessThanOrEqual(bodyBudget);
    expect(embed.fields.some((f) => f.name === 'Sources')).toBe(true);
  });
});

describe('renderDiscord: mentions', () => {
  it('never parses mentions and neutralises @everyone, @here, user, role and channel syntax', () => {
    const payload = renderDiscord(
      answer({
        title: '@everyone look',
        text: '@here <@123456789012345678> <@&1> <@!5> <#42>',
        sections: [{ heading: '@everyone', text: '<@&999>', citations: [] }],
        status: 'ambiguous',
        suggestions: ['znpp'],
      }),
      { command: 'ask', titleOf: () => '@everyone <@1>' },
    );
    expect(payload.allowed_mentions).toEqual({ parse: [] });
    expect(payload.content).toBeUndefined();
    for (const text of shownTexts(payload)) expect(text, text).not.toMatch(rawPing);
    // The words stay readable: only a zero-width space is inserted.
    expect(payload.embeds[0]!.title.replace(/\u200b/g, '')).toBe('@everyone look');
  });

  it('pings only the target user, and only through allowed_mentions.users', () => {
    const target = '123456789012345678';
    const payload = renderDiscord(answer({ text: '@everyone <@999999999999999999>' }), {
      command: 'ask',
      targetUserId: target,
    });
    expect(payload.allowed_mentions).toEqual({ parse: [], users: [target] });
    expect(payload.content).toBe(`<@${target}>`);
    for (const embed of payload.embeds) expect(embed.description).not.toMatch(rawPing);
  });

  it('ignores a target that is not a user id', () => {
    for (const bad of [
      'everyone',
      '@here',
      '<@&1>',
      '<@123456789012345678>',
      '12 34',
      'x'.repeat(30),
      '1'.repeat(30),
      '',
    ]) {
      const payload = renderDiscord(answer(), { command: 'ask', targetUserId: bad });
      expect(payload.allowed_mentions, bad).toEqual({ parse: [] });
      expect(payload.content ?? '', bad).not.toMatch(rawPing);
    }
  });
});

describe('renderDiscord: flags and components', () => {
  it('sets the ephemeral flag 64 only when hide is set', () => {
    expect(renderDiscord(answer(), { command: 'ask', hide: true }).flags).toBe(64);
    expect(renderDiscord(answer(), { command: 'ask', hide: false }).flags).toBeUndefined();
    expect(renderDiscord(answer(), { command: 'ask' }).flags).toBeUndefined();
  });

  it('puts the as-of date in the footer', () => {
    const footer = renderDiscord(answer({ asOf: '2026-07-02' }), { command: 'ask' }).embeds[0]!.footer.text;
    expect(footer).toContain('As of 2 Jul 2026');
  });

  it('offers a Sources button whose custom id decodes back to the answer’s best facts', () => {
    const c = citation();
    const a = answer({ citations: [c], sections: [{ heading: 'h', text: 't', citations: [c] }] });
    const payload = renderDiscord(a, { command: 'provision' });
    const button = payload.components
      .flatMap((r) => r.components)
      .find((c) => c.type === 2 && c.label === 'Sources');
    expect(button).toBeDefined();
    expect(decodeCustomId(button!.custom_id)).toEqual({ kind: 'sources', factIds: a.factIds });
  });

  it('keeps the Sources custom id within 100 characters by keeping the first fact ids', () => {
    const c = citation();
    const factIds = Array.from({ length: 30 }, (_, i) => `us-ua-20-${i + 1}`);
    const payload = renderDiscord(answer({ citations: [c], factIds }), { command: 'provision' });
    const button = payload.components
      .flatMap((r) => r.components)
      .find((c) => c.type === 2 && c.label === 'Sources')!;
    expect(button.custom_id.length).toBeLessThanOrEqual(100);
    const decoded = decodeCustomId(button.custom_id);
    expect(decoded?.kind).toBe('sources');
    const ids = decoded && decoded.kind === 'sources' ? decoded.factIds : [];
    expect(ids.length).toBeGreaterThan(3);
    expect(ids).toEqual(factIds.slice(0, ids.length));
  });

  it('has no Sources button when there is nothing to cite, or when it already shows the sources', () => {
    const noCites = renderDiscord(answer({ citations: [] }), { command: 'ask' });
    expect(
      noCites.components.flatMap((r) => r.components).some((c) => c.type === 2 && c.label === 'Sources'),
    ).toBe(false);
    const full = renderDiscord(answer({ citations: [citation()] }), { command: 'ask', fullSources: true });
    expect(
      full.components.flatMap((r) => r.components).some((c) => c.type === 2 && c.label === 'Sources'),
    ).toBe(false);
  });

  it('shows full quotes when rendering the Sources reply', () => {
    const quote = `${'w'.repeat(300)} end of the quote`;
    const c = citation({ quote });
    const payload = renderDiscord(
      answer({ citations: [c], sections: [{ heading: 'h', text: 'summary', citations: [c] }] }),
      {
        command: 'ask',
        fullSources: true,
      },
    );
    const values = payload.embeds[0]!.fields.map((f) => f.value).join('\n');
    expect(values).toContain(quote);
    expect(values).toContain('https://example.org/parley');
  });

  it('plan pager buttons decode to the previous and next page of the same plan', () => {
    const payload = renderDiscord(answer({ factIds: ['us-28', 'us-28-8'], page: { index: 2, count: 4 } }), {
      command: 'plan',
    });
    const buttons = payload.components.flatMap((r) => r.components).filter((c) => c.type === 2);
    const previous = buttons.find((b) => b.label.includes('Previous'))!;
    const next = buttons.find((b) => b.label.includes('Next'))!;
    expect(decodeCustomId(previous.custom_id)).toEqual({ kind: 'plan', plan: 'us-28', page: 1 });
    expect(decodeCustomId(next.custom_id)).toEqual({ kind: 'plan', plan: 'us-28', page: 3 });
    expect(previous.type === 2 && previous.disabled).toBe(false);
    expect(next.type === 2 && next.disabled).toBe(false);
  });

  it('disables Previous on the first page and Next on the last', () => {
    const first = renderDiscord(answer({ factIds: ['us-28'], page: { index: 1, count: 4 } }), {
      command: 'plan',
    });
    const last = renderDiscord(answer({ factIds: ['us-28'], page: { index: 4, count: 4 } }), {
      command: 'plan',
    });
    const button = (p: DiscordPayload, label: string) =>
      p.components.flatMap((r) => r.components).find((c) => c.type === 2 && c.label.includes(label));
    expect(button(first, 'Previous')).toMatchObject({ disabled: true });
    expect(button(first, 'Next')).toMatchObject({ disabled: false });
    expect(button(last, 'Previous')).toMatchObject({ disabled: false });
    expect(button(last, 'Next')).toMatchObject({ disabled: true });
  });

  it('timeline pager buttons carry the filter and decode back to it', () => {
    const payload = renderDiscord(answer({ factIds: [], page: { index: 2, count: 3 } }), {
      command: 'timeline',
      about: 'witkoff',
    });
    const ids = payload.components.flatMap((r) => r.components).map((c) => decodeCustomId(c.custom_id));
    expect(ids).toContainEqual({ kind: 'timeline', page: 1, about: 'witkoff' });
    expect(ids).toContainEqual({ kind: 'timeline', page: 3, about: 'witkoff' });
  });

  it('has no pager for a single page', () => {
    const payload = renderDiscord(answer({ factIds: ['us-28'], page: { index: 1, count: 1 } }), {
      command: 'plan',
    });
    expect(
      payload.components
        .flatMap((r) => r.components)
        .some((c) => c.type === 2 && /Next|Previous/.test(c.label)),
    ).toBe(false);
  });

  it('shows a "did you mean" select for an ambiguous answer, whose values are the suggestions', () => {
    const payload = renderDiscord(
      answer({ status: 'ambiguous', suggestions: ['znpp', 'us-28-19', 'us-ua-20-12'] }),
      {
        command: 'provision',
        titleOf: (id) => `Title of ${id}`,
      },
    );
    const select = payload.components.flatMap((r) => r.components).find((c) => c.type === 3);
    expect(select).toBeDefined();
    if (select?.type !== 3) return;
    expect(decodeCustomId(select.custom_id)).toEqual({ kind: 'pick', command: 'provision' });
    expect(select.options.map((o) => o.value)).toEqual(['znpp', 'us-28-19', 'us-ua-20-12']);
    expect(select.options[0]!.label).toBe('Title of znpp');
  });

  it('has no select for a found answer', () => {
    const payload = renderDiscord(answer({ suggestions: ['znpp'] }), { command: 'provision' });
    expect(payload.components.flatMap((r) => r.components).some((c) => c.type === 3)).toBe(false);
  });
});

describe('custom ids round-trip', () => {
  it('decodes what it encodes', () => {
    const actions = [
      { kind: 'sources', factIds: ['troop-cap', 'us-28-6', 'us-ua-20-14a'] },
      { kind: 'pick', command: 'provision' },
      { kind: 'plan', plan: 'us-ua-20', page: 3 },
      { kind: 'timeline', page: 2, about: 'witkoff' },
      { kind: 'timeline', page: 1, about: '' },
      { kind: 'timeline', page: 4, about: 'a:b:c' },
      { kind: 'more', from: 9, command: 'ask', query: 'what changed: 28 → 20 points?' },
    ] as const;
    for (const action of actions) {
      const id = encodeCustomId(action);
      expect(id, action.kind).toBeDefined();
      expect(id!.length).toBeLessThanOrEqual(maxCustomIdLength);
      expect(decodeCustomId(id!)).toEqual(action);
    }
  });

  it('refuses to encode what does not fit in 100 characters', () => {
    expect(encodeCustomId({ kind: 'timeline', page: 1, about: 'x'.repeat(200) })).toBeUndefined();
    expect(encodeCustomId({ kind: 'sources', factIds: ['x'.repeat(200)] })).toBeUndefined();
    expect(encodeCustomId({ kind: 'sources', factIds: [] })).toBeUndefined();
    expect(encodeCustomId({ kind: 'more', from: 2, command: 'ask', query: 'x'.repeat(100) })).toBeUndefined();
    expect(encodeCustomId({ kind: 'more', from: 2, command: 'ask', query: '' })).toBeUndefined();
    for (const id of ['more:0:ask:x', 'more:2:ASK!:x', 'more:2:ask:', 'more:x:ask:y'])
      expect(decodeCustomId(id), id).toBeUndefined();
  });

  it('rejects ids it did not make', () => {
    for (const id of [
      '',
      'x',
      'src:',
      'src:BAD ID',
      'pick:',
      'pick:Provision!',
      'plan:us-28:0',
      'plan:us-28:abc',
      'plan::2',
      'tl:0:x',
      'tl:-1:',
      'other:1',
    ]) {
      expect(decodeCustomId(id), id).toBeUndefined();
    }
  });
});

describe('renderDiscord with real answers', () => {
  let core: Core;
  beforeAll(() => {
    core = loadCore();
  });

  const lines: [string, Record<string, string | number>][] = [
    ['provision', { query: 'troop-cap' }],
    ['provision', { query: 'us-28-21' }],
    ['issue', { query: 'znpp' }],
    ['issue', { query: 'territory' }],
    ['ask', { question: 'how many troops can Ukraine keep?' }],
    ['ask', { question: 'what is the weather in Paris?' }],
    ['compare', { topic: 'security guarantees' }],
    ['plan', { plan: 'us-28', page: 2 }],
    ['plan', { plan: 'us-ua-20' }],
    ['timeline', {}],
    ['timeline', { about: 'witkoff' }],
    ['sources', {}],
    ['sources', { facts: 'us-28-6 us-ua-20-4 troop-cap znpp' }],
    ['about', {}],
    ['help', {}],
  ];

  for (const [name, options] of lines) {
    it(`/${name} ${JSON.stringify(options)} fits Discord, plain and with full sources`, () => {
      const a = findCommand(name)!.run(core, options);
      const titleOf = (id: string) => core.index.entry(id)?.title ?? id;
      expectWithinDiscordLimits(renderDiscord(a, { command: name, titleOf }));
      expectWithinDiscordLimits(renderDiscord(a, { command: name, titleOf, fullSources: true, hide: true }));
      expect(renderDiscord(a, { command: name }).embeds[0]!.footer.text).toMatch(
        new RegExp(`(As of|reviewed) ${humanDate(core.kb.meta.asOf)}`),
      );
    });
  }

  it('every fact id in the Sources button of a real answer exists', () => {
    const a = findCommand('provision')!.run(core, { query: 'troop-cap' });
    const button = renderDiscord(a, { command: 'provision' })
      .components.flatMap((r) => r.components)
      .find((c) => c.type === 2 && c.label === 'Sources');
    expect(button).toBeDefined();
    const decoded = decodeCustomId(button!.custom_id);
    expect(decoded?.kind).toBe('sources');
    for (const id of decoded && decoded.kind === 'sources' ? decoded.factIds : [])
      expect(core.index.entry(id), id).toBeDefined();
  });

  it('a real ambiguous answer gets a "did you mean" select of its suggestions, titled', () => {
    const a = findCommand('provision')!.run(core, { query: 'troops' });
    expect(a.status).toBe('ambiguous');
    const titleOf = (id: string) => core.index.entry(id)?.title ?? id;
    const payload = renderDiscord(a, { command: 'provision', titleOf });
    expectWithinDiscordLimits(payload);
    const select = payload.components.flatMap((r) => r.components).find((c) => c.type === 3);
    expect(select?.type).toBe(3);
    if (select?.type !== 3) return;
    expect(decodeCustomId(select.custom_id)).toEqual({ kind: 'pick', command: 'provision' });
    expect(select.options.map((o) => o.value)).toEqual(a.suggestions);
    for (const option of select.options) {
      const title = titleOf(option.value);
      if ([...title].length <= 100) expect(option.label).toBe(title);
      else expect(option.label).toBe(`${[...title].slice(0, 99).join('')}…`);
    }
    // Nothing was answered, so there is nothing to cite.
    expect(
      payload.components.flatMap((r) => r.components).some((c) => c.type === 2 && c.label === 'Sources'),
    ).toBe(false);
  });

  it('the real /plan pager decodes to the plan and its neighbouring pages', () => {
    const a = findCommand('plan')!.run(core, { plan: 'us-28', page: 2 });
    expect(a.page).toEqual({ index: 2, count: expect.any(Number) });
    const ids = renderDiscord(a, { command: 'plan' })
      .components.flatMap((r) => r.components)
      .map((c) => decodeCustomId(c.custom_id));
    expect(ids).toContainEqual({ kind: 'plan', plan: 'us-28', page: 1 });
    expect(ids).toContainEqual({ kind: 'plan', plan: 'us-28', page: 3 });
  });
});
