/**
 * The shared handler's answer cache: a lookup command's answer is computed once per question and per
 * knowledge base (a reload starts afresh); commands that are not lookups always run.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/commands/types.js';
import { loadCore, type Core } from '../../src/core.js';
import { Cooldowns } from '../../src/discord/cooldown.js';
import { createLogger } from '../../src/discord/log.js';
import { createInteractionHandler } from '../../src/interactions/handler.js';
import { commands } from '../../src/commands/index.js';
import { interactionPayload } from '../e2e/fake-discord.js';

/** A real command (/provision or /about) that counts how often it runs. */
function counted(name: string): { command: Command; runs: () => number } {
  const real = commands.find((c) => c.definition.name === name)!;
  let runs = 0;
  return {
    command: {
      ...real,
      run: (core, options) => {
        runs += 1;
        return real.run(core, options);
      },
    },
    runs: () => runs,
  };
}

const ask = (name: string, options: { name: string; type: number; value: unknown }[] = []) =>
  interactionPayload(2, '1500000000000000001', { data: { id: '1', name, type: 1, options } });

describe('the answer cache', () => {
  it('answers a repeated lookup from the cache, per knowledge base; other commands always run', () => {
    const provision = counted('provision');
    const about = counted('about');
    let core: Core = loadCore();
    const handler = createInteractionHandler({
      getCore: () => core,
      commands: [provision.command, about.command],
      cooldowns: new Cooldowns(0),
      logger: createLogger('silent'),
    });
    const troopCap = [{ name: 'query', type: 3, value: 'troop-cap' }];
    const first = handler.handle(ask('provision', troopCap));
    const second = handler.handle(ask('provision', troopCap));
    expect(second).toEqual(first);
    expect(provision.runs()).toBe(1);
    handler.handle(ask('provision', [{ name: 'query', type: 3, value: 'znpp' }]));
    expect(provision.runs()).toBe(2);

    core = loadCore(); // a reload: the same question is answered from the new knowledge
    expect(handler.handle(ask('provision', troopCap))).toEqual(first);
    expect(provision.runs()).toBe(3);

    handler.handle(ask('about'));
    handler.handle(ask('about'));
    expect(about.runs()).toBe(2);
  });
});
