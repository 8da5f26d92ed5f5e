/** Timing the commands over the query mix: autocomplete, reading, search, answers, answers + Discord payload. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commands, findCommand } from '../commands/index.js';
import type { Command } from '../commands/types.js';
import type { Core } from '../core.js';
import { defaultKnowledgeDir } from '../knowledge/load.js';
import { readQuery, vocabularyOf } from '../query/index.js';
import { renderDiscord } from '../render/discord.js';
import { percentiles, type BaseFigures, type Percentiles } from './figures.js';

export interface Mix {
  provision: string[];
  ask: string[];
  factcheck: string[];
  typed: string[];
}

/** Next to knowledge/, found the same way whether this runs from src/ under tsx or from a bundle in dist/. */
export const mixFile = join(defaultKnowledgeDir, '../tests/fixtures/query-mix.json');

export function readMix(file = mixFile): Mix {
  return JSON.parse(readFileSync(file, 'utf8')) as Mix;
}

export const now = () => performance.now();

/** Runs every input once untimed, then times calls round-robin until `samples` calls were timed. */
function time(inputs: readonly string[], call: (input: string) => unknown, samples: number): Percentiles {
  for (const input of inputs) call(input);
  const out: number[] = [];
  while (out.length < samples) {
    for (const input of inputs) {
      const start = now();
      call(input);
      out.push(now() - start);
    }
  }
  return percentiles(out);
}

function command(name: string): Command {
  const found = findCommand(name);
  if (!found) throw new Error(`no command ${name}`);
  return found;
}

/** Every prefix of every typed string, for every autocomplete option of every command. */
function autocompleteCalls(mix: Mix): { command: Command; option: string; value: string }[] {
  const calls: { command: Command; option: string; value: string }[] = [];
  for (const c of commands) {
    if (!c.autocomplete) continue;
    for (const option of c.definition.options.filter((o) => o.autocomplete)) {
      for (const typed of mix.typed) {
        for (let i = 1; i <= typed.length; i += 1)
          calls.push({ command: c, option: option.name, value: typed.slice(0, i) });
      }
    }
  }
  return calls;
}

export function measureBase(
  core: Core,
  mix: Mix,
  samples: number,
): Omit<BaseFigures, 'indexBuildMs' | 'facts' | 'factcheckPrepMs'> {
  const calls = autocompleteCalls(mix);
  const keys = calls.map((_, i) => String(i));
  const autocomplete = time(
    keys,
    (key) => {
      const call = calls[Number(key)]!;
      return call.command.autocomplete!(core, call.option, call.value);
    },
    samples,
  );
  const run = (name: string, option: string) => (input: string) =>
    command(name).run(core, { [option]: input });
  const reply = (name: string, option: string) => (input: string) =>
    renderDiscord(command(name).run(core, { [option]: input }), {
      command: name,
      titleOf: (id) => core.index.entry(id)?.title ?? id,
    });
  const vocabulary = vocabularyOf(core.kb);
  const questions = [...mix.ask, ...mix.provision];
  return {
    autocomplete,
    read: time(questions, (input) => readQuery(input, vocabulary), samples),
    search: time(
      questions,
      (input) => core.index.search(readQuery(input, vocabulary).text, { limit: 8 }),
      samples,
    ),
    provision: time(mix.provision, run('provision', 'query'), samples),
    ask: time(mix.ask, run('ask', 'question'), samples),
    factcheck: time(mix.factcheck, run('factcheck', 'claim'), samples),
    reply: {
      provision: time(mix.provision, reply('provision', 'query'), Math.ceil(samples / 2)),
      ask: time(mix.ask, reply('ask', 'question'), Math.ceil(samples / 2)),
      factcheck: time(mix.factcheck, reply('factcheck', 'claim'), Math.ceil(samples / 2)),
    },
  };
}
