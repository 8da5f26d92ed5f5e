import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  answerAbout,
  answerCompare,
  answerPlan,
  answerSources,
  answerTimeline,
  pointsPerPage,
} from '../../src/answers/listings.js';
import type { Answer } from '../../src/answers/types.js';
import { lookupAnswer } from '../../src/answers/lookup.js';
import { commands, findCommand } from '../../src/commands/index.js';
import { loadCore, type Core } from '../../src/core.js';
import { humanDate, humanDateRange } from '../../src/text/dates.js';
import { requiredCommands } from '../fixtures/commands.js';

/** The data as shipped, read without the loader, so the listings are checked against the files. */
const knowledgeDir = join(import.meta.dirname, '../../knowledge');
const readJson = <T>(file: string) => JSON.parse(readFileSync(join(knowledgeDir, file), 'utf8')) as T;
const meta = readJson<{ asOf: string; corrections: string }>('meta.json');
const timelineFile = readJson<
  {
    id: string;
    date: string;
    endDate?: string;
    title: string;
    summary: string;
    topics?: string[];
    aliases?: string[];
  }[]
>('timeline.json');
const sourcesFile = readJson<{ id: string; title: string; file?: string }[]>('sources/sources.json');
const provisionsOf = (plan: string) =>
  readJson<{ id: string; number: number; part?: string; title: string }[]>(`provisions/${plan}.json`);

let core: Core;
beforeAll(() => {
  core = loadCore();
});

/** Every page of a paged listing, fetched through the same function a pager button calls. */
function allPages(fetch: (page: number) => Answer): Answer[] {
  const first = fetch(1);
  const pages = [first];
  for (let page = 2; page <= (first.page?.count ?? 1); page += 1) pages.push(fetch(page));
  return pages;
}

describe('/plan', () => {
  it('shows all 28 points of the 28-point plan over several pages, each once, in order', () => {
    const pages = allPages((page) => answerPlan(core, 'us-28', page));
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.length).toBe(Math.ceil(28 / pointsPerPage));
    const numbers = pages.flatMap((a) => a.sections.map((s) => Number.parseInt(s.heading, 10)));
    expect(numbers).toEqual(Array.from({ length: 28 }, (_, i) => i + 1));
    pages.forEach((a, i) => {
      expect(a.status).toBe('found');
      expect(a.page).toEqual({ index: i + 1, count: pages.length });
      expect(a.sections.length).toBeLessThanOrEqual(pointsPerPage);
      expect(a.factIds[0]).toBe('us-28');
    });
  });

  it('names each point with its title from the provisions file and cites it', () => {
    const titles = new Map(provisionsOf('us-28').map((p) => [p.number, p.title]));
    for (const a of allPages((page) => answerPlan(core, 'us-28', page))) {
      for (const section of a.sections) {
        const n = Number.parseInt(section.heading, 10);
        expect(section.heading).toBe(`${n}. ${titles.get(n)}`);
        expect(section.citations.length, section.heading).toBeGreaterThan(0);
      }
    }
  });

  it('shows the 600,000 figure at point 6', () => {
    const all = allPages((page) => answerPlan(core, 'us-28', page)).flatMap((a) => a.sections);
    expect(all.find((s) => s.heading.startsWith('6. '))!.text).toContain('600,000');
  });

  it('shows the 20-point plan, including the sub-entry 14a, in order', () => {
    const pages = allPages((page) => answerPlan(core, 'us-ua-20', page));
    const labels = pages.flatMap((a) => a.sections.map((s) => s.heading.split('.')[0]));
    const expected = provisionsOf('us-ua-20')
      .sort((a, b) => a.number - b.number || (a.part ?? '').localeCompare(b.part ?? ''))
      .map((p) => `${p.number}${p.part ?? ''}`);
    expect(labels).toEqual(expected);
    expect(labels).toContain('14a');
    expect(labels.indexOf('14a')).toBe(labels.indexOf('14') + 1);
  });

  it('shows the 6-point framework on one page', () => {
    const a = answerPlan(core, 'eu-6');
    expect(a.page).toEqual({ index: 1, count: 1 });
    expect(a.sections.map((s) => Number.parseInt(s.heading, 10))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('clamps the page: below 1 gives the first page, past the end gives the last', () => {
    const first = answerPlan(core, 'us-28', 1);
    const last = answerPlan(core, 'us-28', first.page!.count);
    for (const page of [0, -3, Number.NaN, undefined]) {
      expect(answerPlan(core, 'us-28', page).factIds, String(page)).toEqual(first.factIds);
      expect(answerPlan(core, 'us-28', page).page!.index).toBe(1);
    }
    for (const page of [first.page!.count + 1, 99, Number.POSITIVE_INFINITY]) {
      const a = answerPlan(core, 'us-28', page);
      expect(a.factIds, String(page)).toEqual(last.factIds);
      expect(a.page!.index).toBe(first.page!.count);
    }
    expect(answerPlan(core, 'us-28', 2.7).page!.index).toBe(2);
  });

  it('resolves what people type for a plan', () => {
    const cases: [string, string][] = [
      ['us-28', 'us-28'],
      ['28', 'us-28'],
      ['28-point', 'us-28'],
      ['Trump plan', 'us-28'],
      ['20', 'us-ua-20'],
      ['20-point plan', 'us-ua-20'],
      ["Zelensky's plan", 'us-ua-20'],
      ['6', 'eu-6'],
      ['Berlin statement', 'eu-6'],
      ['european', 'eu-6'],
    ];
    for (const [text, id] of cases) {
      const a = answerPlan(core, text);
      expect(a.status, text).toBe('found');
      expect(a.factIds[0], text).toBe(id);
    }
  });

  it('says which plans exist when the plan is unknown', () => {
    for (const text of ['nonsense', '99-point plan', 'the weather']) {
      const a = answerPlan(core, text);
      expect(a.status, text).toBe('error');
      expect(a.text).toContain('us-28');
      expect(a.text).toContain('us-ua-20');
      expect(a.text).toContain('eu-6');
    }
  });

  it('through the command, takes the page as a number or as typed text', () => {
    const plan = findCommand('plan')!;
    expect(plan.run(core, { plan: 'us-28', page: 2 }).page!.index).toBe(2);
    expect(plan.run(core, { plan: 'us-28', page: '3' }).page!.index).toBe(3);
    expect(plan.run(core, { plan: 'us-28', page: 'abc' }).page!.index).toBe(1);
  });
});

describe('/timeline', () => {
  it('lists every event once, oldest first, over pages', () => {
    const pages = allPages((page) => answerTimeline(core, undefined, page));
    expect(pages.length).toBeGreaterThan(1);
    const ids = pages.flatMap((a) => a.factIds);
    expect(ids.length).toBe(timelineFile.length);
    expect(new Set(ids)).toEqual(new Set(timelineFile.map((e) => e.id)));
    const dates = ids.map((id) => timelineFile.find((e) => e.id === id)!.date);
    expect(dates).toEqual([...dates].sort());
    expect(pages[0]!.text).toContain(`${timelineFile.length} dated events`);
    expect(pages[0]!.text).toContain(`Nothing after ${humanDate(meta.asOf)} is known`);
  });

  it('heads each event with its date and cites it', () => {
    for (const a of allPages((page) => answerTimeline(core, undefined, page))) {
      a.sections.forEach((section, i) => {
        const event = timelineFile.find((e) => e.id === a.factIds[i])!;
        expect(section.heading.startsWith(humanDateRange(event.date, event.endDate))).toBe(true);
        expect(section.text).toContain(event.title);
        expect(section.citations.length).toBeGreaterThan(0);
      });
    }
  });

  it('clamps the page', () => {
    const first = answerTimeline(core, undefined, 1);
    const count = first.page!.count;
    expect(answerTimeline(core, undefined, 0).factIds).toEqual(first.factIds);
    expect(answerTimeline(core, undefined, -5).factIds).toEqual(first.factIds);
    expect(answerTimeline(core, undefined, 10_000).factIds).toEqual(
      answerTimeline(core, undefined, count).factIds,
    );
    expect(answerTimeline(core, undefined, 10_000).page).toEqual({ index: count, count });
  });

  it('filtered by a topic: exactly the events on that topic, in order', () => {
    const a = allPages((page) => answerTimeline(core, 'znpp', page));
    const ids = a.flatMap((p) => p.factIds);
    const expected = timelineFile.filter((e) => e.topics?.includes('znpp')).map((e) => e.id);
    expect(expected.length).toBeGreaterThan(0);
    expect(new Set(ids)).toEqual(new Set(expected));
    const dates = ids.map((id) => timelineFile.find((e) => e.id === id)!.date);
    expect(dates).toEqual([...dates].sort());
    expect(a[0]!.title).toContain('znpp');
  });

  for (const person of ['Witkoff', 'Dmitriev', 'Umerov']) {
    it(`filtered by a person (${person}): the events that name them, and only those`, () => {
      const ids = allPages((page) => answerTimeline(core, person, page)).flatMap((p) => p.factIds);
      const naming = timelineFile.filter((e) =>
        `${e.title} ${e.summary}`.toLowerCase().includes(person.toLowerCase()),
      );
      expect(naming.length).toBeGreaterThan(0);
      expect(ids).toEqual(expect.arrayContaining(naming.map((e) => e.id)));
      expect(ids.length, `${ids.length} events listed, ${naming.length} name ${person}`).toBe(naming.length);
    });
  }

  it('filtered by a place (Geneva): the Geneva rounds, not the whole history of the talks', () => {
    const ids = allPages((page) => answerTimeline(core, 'Geneva', page)).flatMap((p) => p.factIds);
    expect(ids).toEqual(
      expect.arrayContaining(['ev-2025-11-23-geneva-talks', 'ev-2026-02-17-geneva-round-3']),
    );
    expect(ids).not.toContain('ev-2025-08-15-anchorage-summit');
  });

  it('a topic named outright beats a best hit the search is unsure of', () => {
    const ids = answerTimeline(core, 'peace council announcement').factIds;
    expect(ids).toContain('ev-2026-01-15-peace-council');
    expect(ids).not.toContain('ev-2026-05-08-trump-announces-three-day-ceasefire');
  });

  it('says plainly when no event matches the filter', () => {
    const a = answerTimeline(core, 'weather in Paris');
    expect(a.status).toBe('not_found');
    expect(a.sections).toEqual([]);
  });

  it('rejects control characters and overlong filters', () => {
    expect(answerTimeline(core, 'witkoff\u0000').status).toBe('error');
    expect(answerTimeline(core, 'x'.repeat(10_000)).status).toBe('error');
  });

  it('treats a blank filter as no filter', () => {
    expect(answerTimeline(core, '   ').factIds).toEqual(answerTimeline(core, undefined).factIds);
  });
});

describe('/compare', () => {
  it('troop cap: one section per plan with its figure, and what changed', () => {
    const a = answerCompare(core, 'troop cap');
    expect(a.status).toBe('found');
    expect(a.factIds[0]).toBe('troop-cap');
    const headings = a.sections.map((s) => s.heading);
    expect(headings.slice(0, 3)).toEqual(
      ['us-28', 'us-ua-20', 'eu-6'].map((id) => core.kb.plans.get(id)!.shortName),
    );
    expect(a.sections[0]!.text).toContain('600,000');
    expect(a.sections[1]!.text).toContain('800,000');
    expect(a.sections[2]!.text).toContain('800,000');
    expect(headings.some((h) => h.startsWith('What changed'))).toBe(true);
    for (const section of a.sections) expect(section.citations.length, section.heading).toBeGreaterThan(0);
  });

  it('two plans only, and "what changed" only when comparing the 28 and 20 points', () => {
    const twenty = answerCompare(core, 'troop-cap', 'us-28', 'us-ua-20');
    expect(twenty.sections.map((s) => s.heading).slice(0, 2)).toEqual(
      ['us-28', 'us-ua-20'].map((id) => core.kb.plans.get(id)!.shortName),
    );
    expect(twenty.sections.some((s) => s.heading.startsWith('What changed'))).toBe(true);
    expect(twenty.sections.length).toBe(3);
    const european = answerCompare(core, 'troop-cap', 'eu-6', 'us-28');
    expect(european.sections.map((s) => s.heading)).toEqual(
      ['us-28', 'eu-6'].map((id) => core.kb.plans.get(id)!.shortName),
    );
  });

  it('says when a plan has no point on the topic', () => {
    const a = answerCompare(core, 'znpp');
    const european = a.sections.find((s) => s.heading === core.kb.plans.get('eu-6')!.shortName)!;
    expect(european.text).toBe('No point on this topic in this plan.');
    expect(european.citations).toEqual([]);
  });

  it('finds the topic through aliases and points', () => {
    expect(answerCompare(core, 'Zaporozhye').factIds[0]).toBe('znpp');
    expect(answerCompare(core, 'art 5').factIds[0]).toBe('security-guarantees');
  });

  it('not found for an unknown topic, error for an empty one', () => {
    expect(answerCompare(core, 'the weather in Paris').status).toBe('not_found');
    expect(answerCompare(core, '').status).toBe('error');
    expect(answerCompare(core, undefined).status).toBe('error');
  });
});

describe('/sources', () => {
  it('without fact ids: the shipped source documents and the reference tiers', () => {
    const a = answerSources(core);
    expect(a.status).toBe('found');
    const documents = sourcesFile.filter((s) => s.file);
    expect(documents.length).toBeGreaterThan(0);
    expect(a.sections.length).toBe(documents.length);
    for (const document of documents)
      expect(
        a.sections.some((s) => s.heading.startsWith(document.title)),
        document.title,
      ).toBe(true);
    expect(a.text).toContain(`${documents.length} source documents`);
    expect(a.text).toMatch(/state-media: \d+/);
  });

  it('with fact ids: every citation of each fact, quotes in full', () => {
    const a = answerSources(core, 'us-28-6 troop-cap, znpp');
    expect(a.factIds).toEqual(['us-28-6', 'troop-cap', 'znpp']);
    expect(a.sections.length).toBe(3);
    a.factIds.forEach((id, i) => {
      const entry = core.index.entry(id)!;
      expect(a.sections[i]!.heading).toBe(entry.title);
      expect(a.sections[i]!.citations.length).toBe(
        new Set(entry.citations.map((c) => `${c.source}|${'quote' in c ? c.quote : c.note}`)).size,
      );
    });
    const quotes = a.sections.flatMap((s) => s.citations).filter((c) => c.quote);
    expect(quotes.length).toBeGreaterThan(0);
  });

  it('ignores ids that do not exist', () => {
    const a = answerSources(core, 'us-28-6 no-such-fact');
    expect(a.factIds).toEqual(['us-28-6']);
    const none = answerSources(core, 'no-such-fact');
    expect(none.status).toBe('found');
    expect(none.factIds).toEqual([]);
  });

  it('decodes what a Sources button sends: comma-separated ids', () => {
    expect(answerSources(core, 'troop-cap,us-28-6,us-ua-20-4').factIds).toEqual([
      'troop-cap',
      'us-28-6',
      'us-ua-20-4',
    ]);
  });
});

describe('/about', () => {
  it('states the three dates as people write them, the source documents and how to correct a fact', () => {
    const a = answerAbout(core);
    expect(a.status).toBe('found');
    expect(a.text).toContain(`Reviewed ${humanDate(meta.asOf)} · latest reliable report `);
    expect(a.text).toMatch(
      /Reviewed \d{1,2} [A-Z][a-z]{2} \d{4} · latest reliable report \d{1,2} [A-Z][a-z]{2} \d{4} · latest item of any kind/,
    );
    const body = a.sections.map((s) => `${s.heading}\n${s.text}`).join('\n');
    for (const document of sourcesFile.filter((s) => s.file)) expect(body).toContain(document.title);
    expect(body).toContain(meta.corrections);
    expect(a.sections.some((s) => /correction/i.test(s.heading))).toBe(true);
  });
});

describe('/help', () => {
  it('lists every public command with an example, and no owner-only one', () => {
    const a = findCommand('help')!.run(core, {});
    expect(a.status).toBe('found');
    const listed = commands.filter((c) => !c.definition.ownerOnly);
    expect(listed.length).toBeLessThan(commands.length);
    expect(a.sections.map((s) => s.heading)).toEqual(listed.map((c) => `/${c.definition.name}`));
    for (const [i, command] of listed.entries())
      expect(a.sections[i]!.text).toContain(command.definition.usage);
    expect(a.text).toContain(humanDate(meta.asOf));
    for (const name of requiredCommands) {
      expect(a.sections.map((s) => s.heading)).toContain(`/${name}`);
    }
  });
});

describe('every listing carries the fact base as-of date', () => {
  it('plan, timeline, compare, sources, about, help', () => {
    const answers = [
      answerPlan(core, 'us-28'),
      answerPlan(core, 'nonsense'),
      answerTimeline(core, undefined),
      answerTimeline(core, 'witkoff'),
      answerTimeline(core, 'weather'),
      answerCompare(core, 'troop cap'),
      answerSources(core),
      answerSources(core, 'us-28-6'),
      answerAbout(core),
      findCommand('help')!.run(core, {}),
    ];
    for (const a of answers) expect(a.asOf).toBe(meta.asOf);
  });
});

describe('what changed from 28 to 20 points', () => {
  const everyChange = () => [...core.kb.topics.values()].flatMap((t) => t.changes.map((c) => c.id));

  it('lists every recorded change exactly once, one item each, by kind, with its citations', () => {
    const answer = lookupAnswer(core, 'ask', 'what changed between the 28 and 20 point plans?');
    expect(answer.title).toBe('What changed from the 28-point to the 20-point proposal');
    expect([...answer.factIds].sort()).toEqual(everyChange().sort());
    const kinds = answer.sections.map((s) => s.heading.split(':')[0]);
    expect(kinds).toEqual(expect.arrayContaining(['Removed', 'Amended']));
    expect(answer.sections.length).toBe(everyChange().length);
    expect(answer.listing).toBe(true);
    for (const section of answer.sections) expect(section.citations.length).toBeGreaterThan(0);
    expect(answer.citations.some((c) => c.sourceId === 'parley-explainer' && c.quote)).toBe(true);
  });

  it('answers the same for other wordings, but not when a topic is named', () => {
    for (const q of ['what changed?', 'what are the differences between the 28-point and 20-point plans']) {
      expect(lookupAnswer(core, 'ask', q).factIds.length, q).toBe(everyChange().length);
    }
    expect(lookupAnswer(core, 'ask', 'what changed on NATO').factIds[0]).toBe('nato-membership');
  });
});

describe('options held to the question limit, whichever edge they come through', () => {
  let core: Core;
  beforeAll(() => {
    core = loadCore();
  });

  it('refuses a megabyte of fact ids, plans or plan_a/plan_b without echoing them', () => {
    const huge = 'us-28-6,'.repeat(131_072);
    for (const answer of [
      answerSources(core, huge),
      answerPlan(core, huge),
      answerCompare(core, 'nato', huge, 'us-28'),
      answerCompare(core, 'nato', 'us-28', huge),
    ]) {
      expect(answer.status).toBe('error');
      expect(answer.text).toMatch(/too long/);
      expect(JSON.stringify(answer).length).toBeLessThan(2000);
    }
  });

  it('lists each fact once, however often it was asked for', () => {
    const answer = answerSources(core, 'us-28-6 us-28-6,us-28-6 troop-cap us-28-6');
    expect(answer.factIds).toEqual(['us-28-6', 'troop-cap']);
    expect(answer.sections).toHaveLength(2);
  });
});
