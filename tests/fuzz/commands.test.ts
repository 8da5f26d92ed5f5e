import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import type { Command, CommandOption, OptionValues } from '../../src/commands/types.js';
import { loadCore, type Core } from '../../src/core.js';
import { readMix } from '../../src/bench/measure.js';
import { answerProblems, check, hostile, notUtf8, runs } from './support.js';

/**
 * Every command and every option of the core, fed random and hostile values: no exception, a well-formed
 * Answer of valid UTF-8, the same Answer for the same input, and autocomplete within Discord's limits.
 */

let core: Core;
beforeAll(() => {
  core = loadCore();
});

const mix = readMix();
const realistic = fc.constantFrom(...mix.provision, ...mix.ask, ...mix.factcheck, ...mix.typed);
/** A real query with hostile text spliced in: the search must cope with both at once. */
const spliced = fc.tuple(realistic, hostile, fc.nat()).map(([query, noise, at]) => {
  const i = at % (query.length + 1);
  return `${query.slice(0, i)}${noise}${query.slice(i)}`;
});
const text = fc.oneof(hostile, realistic, spliced);

function valueFor(option: CommandOption): fc.Arbitrary<string | number | boolean | undefined> {
  const missing = fc.constant(undefined);
  switch (option.type) {
    case 'integer':
      return fc.oneof(
        missing,
        fc.integer({ min: option.minValue ?? -5, max: option.maxValue ?? 50 }),
        fc.integer(),
        fc.constantFrom(0, -1, Number.MAX_SAFE_INTEGER, Number.NaN, Number.POSITIVE_INFINITY, 1.5),
        text,
      );
    case 'boolean':
      return fc.oneof(missing, fc.boolean(), text);
    default:
      return fc.oneof(
        missing,
        text,
        ...(option.choices ? [fc.constantFrom(...option.choices.map((c) => c.value))] : []),
      );
  }
}

/** Values for every option of a command, any of them possibly missing or of the wrong type. */
function optionsFor(command: Command): fc.Arbitrary<OptionValues> {
  const entries = command.definition.options.map((o) => valueFor(o).map((v) => [o.name, v] as const));
  return fc.tuple(...entries).map((pairs) => Object.fromEntries(pairs.filter(([, v]) => v !== undefined)));
}

describe.each(commands.map((c) => [c.definition.name, c] as const))('/%s', (_name, command) => {
  it('answers any options with a well-formed, deterministic Answer', () => {
    check(
      fc.property(optionsFor(command), (options) => {
        const answer = command.run(core, options);
        expect(answerProblems(answer), JSON.stringify(options)).toEqual([]);
        // only real facts are cited and suggested
        for (const id of [...answer.factIds, ...answer.suggestions])
          expect(core.index.entry(id), id).toBeDefined();
        if (command.definition.name === 'factcheck') expect(answer.verdict).toBeDefined();
        else expect(answer.verdict).toBeUndefined();
        expect(command.run(core, options)).toEqual(answer);
      }),
      {
        ...runs(command.definition.name === 'factcheck' ? 400 : command.definition.lookup ? 200 : 60),
        endOnFailure: true,
      },
    );
  });
});

const completing = commands.flatMap((c) =>
  c.autocomplete
    ? c.definition.options
        .filter((o) => o.autocomplete)
        .map((o) => [`${c.definition.name} ${o.name}`, c, o.name] as const)
    : [],
);

describe.each(completing)('autocomplete of %s', (_label, command, option) => {
  it('offers at most 25 choices, names and values of 1–100 characters, the same for the same input', () => {
    check(
      fc.property(
        fc.oneof(
          text,
          fc.constant(''),
          realistic.map((q) => q.slice(0, 3)),
        ),
        (value) => {
          const choices = command.autocomplete!(core, option, value);
          expect(choices.length).toBeLessThanOrEqual(25);
          for (const choice of choices) {
            expect(choice.name.length, choice.name).toBeGreaterThanOrEqual(1);
            expect(choice.name.length, choice.name).toBeLessThanOrEqual(100);
            expect(choice.value.length).toBeGreaterThanOrEqual(1);
            expect(choice.value.length).toBeLessThanOrEqual(100);
            expect(core.index.entry(choice.value), choice.value).toBeDefined();
          }
          expect(new Set(choices.map((c) => c.value)).size).toBe(choices.length);
          expect(notUtf8(choices)).toEqual([]);
          expect(command.autocomplete!(core, option, value)).toEqual(choices);
        },
      ),
      { ...runs(300), endOnFailure: true },
    );
  });

  it('copes with an option name it does not know', () => {
    check(
      fc.property(hostile, hostile, (name, value) => {
        expect(() => command.autocomplete!(core, name, value)).not.toThrow();
      }),
      { ...runs(30), endOnFailure: true },
    );
  });
});
