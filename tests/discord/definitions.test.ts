import { describe, expect, it } from 'vitest';
import { commands } from '../../src/commands/index.js';
import { toApiCommand, toApiCommands } from '../../src/discord/definitions.js';
import { checkCommands } from '../e2e/fake-discord.js';
import { requiredCommands } from '../fixtures/commands.js';

describe('Discord command definitions', () => {
  const api = toApiCommands(commands);

  it('has one slash command per command file, in the same order', () => {
    expect(api.map((c) => c.name)).toEqual(commands.map((c) => c.definition.name));
    expect(api.map((c) => c.name)).toEqual(expect.arrayContaining([...requiredCommands]));
  });

  it('is within every Discord limit (names, descriptions, option order, choices, sizes)', () => {
    expect(checkCommands(JSON.parse(JSON.stringify(api)))).toEqual([]);
  });

  it('adds hide and target to lookup commands only', () => {
    for (const command of commands) {
      const options = toApiCommand(command.definition).options;
      const hide = options.find((o) => o.name === 'hide');
      const target = options.find((o) => o.name === 'target');
      if (command.definition.lookup) {
        expect(hide).toMatchObject({ type: 5 });
        expect(target).toMatchObject({ type: 6 });
        expect(hide?.required).toBeUndefined();
        expect(target?.required).toBeUndefined();
      } else {
        expect(hide).toBeUndefined();
        expect(target).toBeUndefined();
      }
    }
  });

  it('offers autocomplete on the provision, issue and compare queries', () => {
    for (const name of ['provision', 'issue', 'compare']) {
      const command = api.find((c) => c.name === name)!;
      expect(command.options.some((o) => o.autocomplete === true && o.type === 3)).toBe(true);
    }
  });

  it('clips long descriptions and rejects invalid names', () => {
    const long = toApiCommand({
      name: 'x',
      description: 'd'.repeat(300),
      options: [{ name: 'q', description: 'e'.repeat(300), type: 'string' }],
      lookup: false,
      usage: '',
    });
    expect([...long.description].length).toBe(100);
    expect([...long.options[0]!.description].length).toBe(100);
    expect(() =>
      toApiCommand({ name: 'Bad Name', description: 'd', options: [], lookup: false, usage: '' }),
    ).toThrow(/not a valid/);
  });
});
