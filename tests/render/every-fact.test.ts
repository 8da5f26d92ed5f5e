import { beforeAll, describe, expect, it } from 'vitest';
import { findCommand } from '../../src/commands/index.js';
import type { Answer } from '../../src/answers/types.js';
import { factView } from '../../src/answers/views.js';
import { loadCore, type Core } from '../../src/core.js';
import { embedLength, limits } from '../../src/render/discord-limits.js';
import { bodyBudget, renderDiscord } from '../../src/render/discord.js';
import { renderText } from '../../src/render/text.js';

/**
 * Every fact in the knowledge, through the real answer builders and the real renderers, read the way the
 * issue asks them to be read: the answer cited, each reference once, people's dates and titles (no ISO
 * dates, no ids in prose), the anonymous post marked, Discord within one screen, the terminal within 40
 * lines of 80 columns with no word broken.
 */
let core: Core;
let answers: { name: string; answer: Answer }[];

const isoDate = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/;
const anonymous = 'community-summary';

beforeAll(() => {
  core = loadCore();
  const run = (command: string, options: Record<string, string | number>) =>
    findCommand(command)!.run(core, options);
  answers = [...core.kb.facts.keys()].map((id) => ({ name: id, answer: factView(core, id)! }));
  for (const plan of core.kb.plans.keys()) {
    for (let page = 1; page <= 4; page += 1)
      answers.push({ name: `plan ${plan} ${page}`, answer: run('plan', { plan, page }) });
  }
  for (let page = 1; page <= 8; page += 1)
    answers.push({ name: `timeline ${page}`, answer: run('timeline', { page }) });
  for (const topic of core.kb.topics.keys()) {
    answers.push({ name: `compare ${topic}`, answer: run('compare', { topic }) });
    answers.push({ name: `provision ${topic}`, answer: run('provision', { query: topic }) });
  }
  for (const issue of core.kb.issues.values())
    answers.push({ name: `issue ${issue.id}`, answer: run('issue', { query: issue.id }) });
  answers.push({
    name: 'what changed',
    answer: run('ask', { question: 'what changed from 28 to 20 points' }),
  });
  answers.push({ name: 'sources', answer: run('sources', {}) });
  answers.push({ name: 'about', answer: run('about', {}) });
  answers.push({ name: 'help', answer: run('help', {}) });
});

/** Ids that can only be machine forms in prose: with a digit (us-28-6) or several parts (troop-cap). */
function rawIds(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?<![\w/-])[a-z0-9]+(?:-[a-z0-9]+)+(?![\w-])/g)) {
    const id = match[0];
    // a command example (`/plan us-28`) is something to type, not an id in prose
    const before = text.slice(Math.max(0, match.index - 80), match.index);
    if (/\/[a-z]+ (?:[\w-]+ )*$/.test(before)) continue;
    if (core.kb.facts.has(id) && /\d/.test(id)) found.push(id);
    else if (core.kb.facts.has(id) && core.index.entry(id)?.kind !== 'actor' && /`$/.test(before))
      found.push(id);
  }
  return found;
}

function prose(answer: Answer): string[] {
  return [answer.title, answer.text, ...answer.sections.flatMap((s) => [s.heading, s.text])];
}

describe('every fact, rendered', () => {
  it('covers every fact in the knowledge', () => {
    expect(answers.length).toBeGreaterThan(core.kb.facts.size);
    for (const { name, answer } of answers) expect(answer.status, name).not.toBe('error');
  });

  it('no answer states something without a citation; every stating section is cited', () => {
    for (const { name, answer } of answers) {
      if (['sources', 'about', 'help'].includes(name)) continue;
      expect(answer.citations.length, name).toBeGreaterThan(0);
      for (const section of answer.sections) {
        // a recorded gap ("Not known: …") or a plan's silence states an absence, which no source can cite
        const absence = (line: string) => /^• Not known: |No point on this topic/.test(line);
        if (
          !section.text.trim() ||
          section.heading === 'Not known' ||
          section.text.split('\n').every(absence)
        )
          continue;
        expect(section.citations.length, `${name}: ${section.heading}`).toBeGreaterThan(0);
      }
    }
  });

  it('lists no reference twice, in the answer or in a section', () => {
    for (const { name, answer } of answers) {
      const ids = answer.citations.map((c) => c.sourceId);
      expect(new Set(ids).size, name).toBe(ids.length);
      for (const section of answer.sections) {
        const own = section.citations.map((c) => c.sourceId);
        expect(new Set(own).size, `${name}: ${section.heading}`).toBe(own.length);
        for (const c of section.citations) expect(ids, name).toContain(c.sourceId);
      }
    }
  });

  it('writes dates for people and no raw ids in title, text or sections', () => {
    for (const { name, answer } of answers) {
      for (const text of prose(answer)) {
        if (name === 'help') continue; // usage examples name the plans as people type them
        expect(isoDate.exec(text)?.[0], `${name}: ${text.slice(0, 80)}`).toBeUndefined();
        expect(rawIds(text), `${name}: ${text.slice(0, 120)}`).toEqual([]);
      }
    }
  });

  it('always marks the anonymous community post as low reliability, and never as a lone or first source', () => {
    let seen = 0;
    for (const { name, answer } of answers) {
      for (const c of answer.citations.filter((x) => x.sourceId === anonymous)) {
        seen += 1;
        expect(c.weak, name).toBe(true);
        expect(c.reliabilityLabel, name).toMatch(/anonymous.*low reliability/);
      }
      for (const section of answer.sections) {
        // where a stronger source is cited too, it leads; the post is never a statement's first support
        const at = section.citations.findIndex((c) => c.sourceId === anonymous);
        if (at >= 0 && section.citations.some((c) => !c.weak))
          expect(at, `${name}: ${section.heading}`).toBeGreaterThan(0);
      }
      const text = renderText(answer, { sources: true, width: 1000 });
      for (const line of text.split('\n').filter((l) => l.includes('Anonymous community post')))
        expect(line, name).toMatch(/low reliability/);
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('fits Discord: every limit, and a body of one screen (≤ 1,500 characters)', () => {
    for (const { name, answer } of answers) {
      for (const fullSources of [false, true]) {
        const embed = renderDiscord(answer, { command: 'ask', fullSources }).embeds[0]!;
        expect((embed.description ?? '').length, name).toBeLessThanOrEqual(bodyBudget);
        expect(embedLength(embed), name).toBeLessThanOrEqual(limits.embedTotal);
        expect(embed.fields.length, name).toBeLessThanOrEqual(limits.fields);
        for (const field of embed.fields)
          expect(field.value.length, name).toBeLessThanOrEqual(limits.fieldValue);
        if (!fullSources) {
          // a few short fields at most: the one-screen reply is the body plus the short Sources list
          expect(embed.fields.length, name).toBeLessThanOrEqual(2);
          expect(embedLength(embed), name).toBeLessThanOrEqual(bodyBudget + 1200);
        }
      }
    }
  });

  it('fits the terminal: at 80 columns within 40 lines, no line wider, no word broken', () => {
    const counts: number[] = [];
    for (const { name, answer } of answers) {
      const text = renderText(answer, { width: 80, titleOf: (id) => core.index.entry(id)?.title ?? id });
      const lines = text.split('\n');
      counts.push(lines.length);
      for (const line of lines) expect([...line].length, `${name}: ${line}`).toBeLessThanOrEqual(80);
      // every word shown is a whole word of the answer (a cut or broken word is a fragment no source has)
      const vocabulary = new Set(words(strings(answer).join(' ')));
      for (const word of words(text)) {
        if (/^\d+$/.test(word) || rendererWords.has(word)) continue;
        expect(vocabulary.has(word) || vocabulary.has(word.replace(/'s$/, '')), `${name}: "${word}"`).toBe(
          true,
        );
      }
    }
    counts.sort((a, b) => a - b);
    const p95 = counts[Math.floor(counts.length * 0.95)]!;
    expect(p95).toBeLessThanOrEqual(40);
    expect(counts.at(-1)).toBeLessThanOrEqual(40);
  });
});

/** Words the renderer itself writes (headings, hints, dates), besides the answer's own. */
const rendererWords = new Set(
  words(
    'Sources of more add --sources or /sources for every source in full --full to see everything items item As ' +
      'page facts next prev reviewed latest reliable report Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec Did you mean --page N',
  ),
);

/** Every string inside a value: what an answer gives the renderer to show. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

function words(text: string): string[] {
  return text
    .split(/[\s"“”‘’()[\]{}<>,;:!?*`…·|•■─]+/)
    .map((w) => w.replace(/^['.\-–—]+|['.\-–—]+$/g, ''))
    .filter((w) => w.length > 1);
}
