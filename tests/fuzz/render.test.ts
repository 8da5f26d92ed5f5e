import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Answer, AnswerSection, ResolvedCitation } from '../../src/answers/types.js';
import { execute } from '../../src/cli/answer.js';
import { parseArguments, splitLine } from '../../src/cli/arguments.js';
import { commands } from '../../src/commands/index.js';
import { loadCore, type Core } from '../../src/core.js';
import { reliabilityTiers } from '../../src/knowledge/schema.js';
import { readMix } from '../../src/bench/measure.js';
import { decodeCustomId, encodeCustomId } from '../../src/render/custom-ids.js';
import { renderDiscord } from '../../src/render/discord.js';
import type { DiscordRenderOptions } from '../../src/render/discord-types.js';
import { renderJson } from '../../src/render/json.js';
import { renderText } from '../../src/render/text.js';
import {
  answerProblems,
  check,
  hostile,
  hostileShort,
  notUtf8,
  payloadProblems,
  runs,
  userId,
} from './support.js';

/**
 * The Discord renderer and the terminal edge, fed real answers to hostile input and hostile answers
 * outright: never an exception, every payload within Discord's limits, mentions never parsed (only the
 * addressed member may be pinged), valid UTF-8, and the same output for the same input.
 */

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const mix = readMix();
const query = fc.oneof(hostile, fc.constantFrom(...mix.provision, ...mix.ask, ...mix.factcheck));

const renderOptions = (command: string): fc.Arbitrary<DiscordRenderOptions> =>
  fc
    .record(
      {
        hide: fc.boolean(),
        targetUserId: userId,
        fullSources: fc.boolean(),
        about: hostile,
        query: hostile,
        from: fc.nat({ max: 40 }),
      },
      { requiredKeys: [] },
    )
    .map(
      (o) =>
        ({
          ...o,
          command,
          titleOf: (id: string) => core.index.entry(id)?.title ?? id,
        }) as DiscordRenderOptions,
    );

describe('renderDiscord on real answers', () => {
  it('keeps every limit for every command, whatever was asked and however it is shown', () => {
    const lookups = commands.filter((c) => c.definition.primary);
    check(
      fc.property(
        fc.constantFrom(...lookups),
        query,
        fc.integer({ min: -3, max: 40 }),
        fc.gen(),
        (command, text, page, gen) => {
          const name = command.definition.name;
          const answer = command.run(core, { [command.definition.primary!]: text, page });
          for (let i = 0; i < 3; i += 1) {
            const render = gen(() => renderOptions(name));
            const payload = renderDiscord(answer, render);
            const problems = payloadProblems(payload, render.targetUserId);
            expect(
              problems,
              `/${name} ${JSON.stringify(text)} ${JSON.stringify(render)}: ${problems.join('; ')}`,
            ).toEqual([]);
            expect(renderDiscord(answer, render)).toEqual(payload);
          }
        },
      ),
      { ...runs(300), endOnFailure: true },
    );
  });
});

// ─── Hostile answers: whatever a future command might produce ────────────────────────────────────────

const citation: fc.Arbitrary<ResolvedCitation> = fc.record(
  {
    sourceId: fc.oneof(fc.constantFrom('parley-explainer', 'community-summary'), hostileShort),
    title: hostileShort,
    publisher: hostileShort,
    date: fc.oneof(fc.constant(null), fc.constant('2025-12-24'), hostileShort),
    url: fc.oneof(fc.constant(null), fc.webUrl(), hostileShort),
    reliability: fc.constantFrom(...reliabilityTiers),
    reliabilityLabel: hostileShort,
    weak: fc.boolean(),
    quote: hostileShort,
    note: hostileShort,
  },
  {
    requiredKeys: [
      'sourceId',
      'title',
      'publisher',
      'date',
      'url',
      'reliability',
      'reliabilityLabel',
      'weak',
    ],
  },
);
const section: fc.Arbitrary<AnswerSection> = fc.record({
  heading: hostileShort,
  text: hostileShort,
  citations: fc.array(citation, { maxLength: 6 }),
});
const id = fc.oneof(
  fc.constantFrom('troop-cap', 'us-28-6', 'nato-membership', 'us-ua-20'),
  hostileShort,
  fc.stringMatching(/^[a-z0-9-]{1,120}$/),
);
const hostileAnswer: fc.Arbitrary<Answer> = fc
  .record(
    {
      status: fc.constantFrom('found', 'ambiguous', 'not_found', 'error'),
      title: hostile,
      text: hostile,
      sections: fc.array(section, { maxLength: 30 }),
      citations: fc.array(citation, { maxLength: 30 }),
      factIds: fc.array(id, { maxLength: 30 }),
      suggestions: fc.array(id, { maxLength: 40 }),
      asOf: fc.constant('2026-07-02'),
      page: fc.record({ index: fc.integer({ min: -2, max: 30 }), count: fc.integer({ min: -2, max: 30 }) }),
      verdict: fc.constantFrom('supported', 'contradicted', 'depends_on_plan', 'disputed', 'not_in_sources'),
    },
    { requiredKeys: ['status', 'title', 'text', 'sections', 'citations', 'factIds', 'suggestions', 'asOf'] },
  )
  .map((a) => a as Answer);

describe('renderDiscord on hostile answers', () => {
  it('keeps every limit, parses no mention and stays valid UTF-8', () => {
    check(
      fc.property(
        hostileAnswer,
        fc.constantFrom('provision', 'plan', 'timeline', 'factcheck', 'ask', 'x'.repeat(120)),
        fc.gen(),
        (answer, command, gen) => {
          const render = gen(() => renderOptions(command));
          const payload = renderDiscord(answer, render);
          const problems = payloadProblems(payload, render.targetUserId);
          expect(problems, `${JSON.stringify(render)}: ${problems.join('; ')}`).toEqual([]);
          expect(renderDiscord(answer, render)).toEqual(payload);
        },
      ),
      { ...runs(300), endOnFailure: true },
    );
  });
});

describe('custom ids', () => {
  it('decode anything without throwing, and what they encode decodes back', () => {
    check(
      fc.property(hostile, (text) => {
        expect(() => decodeCustomId(text)).not.toThrow();
        const encoded = encodeCustomId({ kind: 'timeline', page: 2, about: text });
        if (encoded !== undefined) {
          expect(encoded.length).toBeLessThanOrEqual(100);
          expect(decodeCustomId(encoded)).toEqual({ kind: 'timeline', page: 2, about: text });
        }
        const more = encodeCustomId({ kind: 'more', from: 3, command: 'ask', query: text });
        if (more !== undefined) {
          expect(more.length).toBeLessThanOrEqual(100);
          expect(decodeCustomId(more)).toEqual({ kind: 'more', from: 3, command: 'ask', query: text });
        }
      }),
      { ...runs(400), endOnFailure: true },
    );
  });
});

describe('the terminal edge', () => {
  it('parses and answers any line, in text and in JSON, never throwing', () => {
    const line = fc.oneof(
      hostile,
      fc
        .tuple(
          fc.constantFrom(...commands.map((c) => c.definition.name), 'nope', ''),
          hostile,
          fc.constantFrom('', ' --json', ' --page 2', ' --plan_a us-28', ' --', ' --x=1'),
        )
        .map(([name, words, flag]) => `/${name} ${words}${flag}`),
    );
    check(
      fc.property(line, (text) => {
        const parsed = parseArguments(splitLine(text.replace(/^\//, '')));
        const answer = execute(core, parsed);
        expect(answerProblems(answer)).toEqual([]);
        const out = renderText(answer);
        expect(notUtf8(out)).toEqual([]);
        const json = renderJson(
          answer,
          parsed.ok ? parsed.line.command : '',
          parsed.ok ? parsed.line.query : text,
        );
        expect(json.includes('\n')).toBe(false);
        const back = JSON.parse(json) as Answer & { command: string; query: string };
        expect(back.status).toBe(answer.status);
        expect(execute(core, parseArguments(splitLine(text.replace(/^\//, ''))))).toEqual(answer);
      }),
      { ...runs(400), endOnFailure: true },
    );
  });
});
