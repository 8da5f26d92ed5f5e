import fc from 'fast-check';
import type { Answer } from '../../src/answers/types.js';
import { maxCustomIdLength } from '../../src/render/custom-ids.js';
import { embedLength } from '../../src/render/discord-limits.js';
import type { DiscordPayload } from '../../src/render/discord-types.js';

/**
 * What the fuzz suite throws at the bot, and what it checks on the way out. Lengths are counted in UTF-16
 * code units, the strict reading of Discord's limits (an emoji counts two).
 */

/** fast-check's seed varies from run to run; a failure reports it (and the path) for replay. */
export const runs = (n: number) => ({ numRuns: n });

/**
 * fc.assert, with a failure report that stays readable: the failing check, the seed and the path, and
 * the counterexample clipped (hostile inputs can be 10,000 characters of emoji).
 */
export function check<T>(property: fc.IProperty<T>, params: fc.Parameters<T>): void {
  const result = fc.check(property, params);
  if (!result.failed) return;
  const example = JSON.stringify(result.counterexample, (_k, v: unknown) =>
    typeof v === 'function' ? '[function]' : typeof v === 'bigint' ? String(v) : v,
  );
  const cause =
    result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  throw new Error(
    `Property failed (seed ${result.seed}, path "${result.counterexamplePath}"): ${cause.slice(0, 1500)}\n` +
      `Counterexample: ${example.length > 600 ? `${example.slice(0, 600)}… (${example.length} chars)` : example}`,
  );
}

const hostileSamples = [
  '@everyone',
  '@here',
  '@EVERYONE look',
  '<@123456789012345678>',
  '<@!123456789012345678>',
  '<@&987654321098765432>',
  '<#123456789012345678>',
  '**bold** __under__ *it* ~~strike~~ ||spoiler|| `code` ```block```',
  '> quote\n# heading\n- list',
  '[link](https://example.org) <https://example.org>',
  '\u202eRTL override\u202c',
  'עברית ومرحبا',
  '\u200b\u200c\u200d\u2060\ufeff',
  '\u0000\u0001\u0007\u001b[31m\u007f',
  '\ud800',
  '\udc00',
  'lone \ud83d end',
  '👍🏽👨‍👩‍👧‍👦🇺🇦',
  'Zalgo z̷̢̛̪a̸͇̓l̵̰̈g̶̱̈́o̷̜̓',
  'ﷺ﷽',
  '\r\n\t  \n',
  '%s %d {{x}} ${x} <script>alert(1)</script>',
  '../../etc/passwd',
  'troop-cap',
  'us-28-6',
  'NATO',
  'zaporozhye',
  '600,000',
  '$100bn',
  "the 20-point plan caps Ukraine's army at 600,000",
  '--json',
  '--plan_a',
  '"quoted words"',
];

/** Random and hostile strings: any code point, graphemes, mentions, markdown, control characters, 10k chars. */
export const hostile: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 4, arbitrary: fc.constantFrom(...hostileSamples) },
  {
    weight: 4,
    arbitrary: fc
      .array(fc.oneof(fc.constantFrom(...hostileSamples), fc.string({ unit: 'binary', maxLength: 8 })), {
        minLength: 1,
        maxLength: 6,
      })
      .map((parts) => parts.join(' ')),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(
        fc.constantFrom('x', '@everyone ', '🇺🇦', 'a\u0301', '\ud800', 'troop cap '),
        fc.integer({ min: 100, max: 10_000 }),
      )
      .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
  },
);

/** The same without the 10,000-character strings: for answers built of many of them. */
export const hostileShort: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(...hostileSamples),
  fc
    .tuple(
      fc.constantFrom('x', '@everyone ', '🇺🇦', '\ud800', 'troop cap '),
      fc.integer({ min: 50, max: 1500 }),
    )
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n)),
);

/** A Discord user id, valid or not. */
export const userId: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n }).map(String),
  hostile,
);

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Every string inside a value (deeply), with where it is. */
export function stringsOf(value: unknown, path = '$', out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([path, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => stringsOf(v, `${path}[${i}]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) stringsOf(v, `${path}.${k}`, out);
  return out;
}

/** Strings that survive UTF-8 unchanged: no lone surrogates anywhere. Returns the paths that do not. */
export function notUtf8(value: unknown): string[] {
  return stringsOf(value)
    .filter(([, s]) => loneSurrogate.test(s) || Buffer.from(s, 'utf8').toString('utf8') !== s)
    .map(([path]) => path);
}

const statuses = new Set(['found', 'ambiguous', 'not_found', 'error']);
const verdicts = new Set(['supported', 'contradicted', 'depends_on_plan', 'disputed', 'not_in_sources']);

/** The shape every Answer has, whatever the input. */
export function answerProblems(answer: Answer): string[] {
  const problems: string[] = [];
  if (!statuses.has(answer.status)) problems.push(`status ${String(answer.status)}`);
  if (typeof answer.title !== 'string' || !answer.title) problems.push('title');
  if (typeof answer.text !== 'string') problems.push('text');
  if (!Array.isArray(answer.sections)) problems.push('sections');
  if (!Array.isArray(answer.citations)) problems.push('citations');
  if (!Array.isArray(answer.factIds)) problems.push('factIds');
  if (!Array.isArray(answer.suggestions)) problems.push('suggestions');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(answer.asOf)) problems.push('asOf');
  if (answer.verdict !== undefined && !verdicts.has(answer.verdict))
    problems.push(`verdict ${answer.verdict}`);
  if (answer.page && !(answer.page.index >= 1 && answer.page.index <= answer.page.count))
    problems.push('page');
  problems.push(...notUtf8(answer).map((p) => `not UTF-8 at ${p}`));
  return problems;
}

const len = (text: string | undefined) => (text ?? '').length;
const rawMention = /@(?:everyone|here)|<@[!&]?\d+>|<#\d+>/i;

/** Every Discord limit and mention rule a payload must keep; an empty list means it keeps them all. */
export function payloadProblems(payload: DiscordPayload, target?: string): string[] {
  const p: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) p.push(what);
  };
  // a snowflake: digits only (the renderer's rule); anything else must not ping anyone
  const validTarget = target !== undefined && /^\d{1,21}$/.test(target);
  check(JSON.stringify(payload.allowed_mentions.parse) === '[]', 'allowed_mentions.parse must be []');
  if (validTarget) {
    check(JSON.stringify(payload.allowed_mentions.users) === JSON.stringify([target]), 'users = [target]');
    check(payload.content === `<@${target}>`, 'content is the target mention only');
  } else {
    check(payload.allowed_mentions.users === undefined, 'no users without a valid target');
    check(payload.content === undefined, 'no content without a valid target');
  }
  check(len(payload.content) <= 2000, 'content ≤ 2000');
  check(payload.embeds.length >= 1 && payload.embeds.length <= 10, '1–10 embeds');
  let total = 0;
  for (const embed of payload.embeds) {
    check(len(embed.title) >= 1 && len(embed.title) <= 256, 'title 1–256');
    check(len(embed.description) <= 4096, 'description ≤ 4096');
    check(embed.fields.length <= 25, '≤ 25 fields');
    for (const field of embed.fields) {
      check(len(field.name) >= 1 && len(field.name) <= 256, 'field name 1–256');
      check(len(field.value) >= 1 && len(field.value) <= 1024, 'field value 1–1024');
    }
    check(len(embed.footer.text) <= 2048, 'footer ≤ 2048');
    check(Number.isInteger(embed.color) && embed.color >= 0 && embed.color <= 0xffffff, 'colour');
    const size =
      len(embed.title) +
      len(embed.description) +
      len(embed.footer.text) +
      embed.fields.reduce((s, f) => s + len(f.name) + len(f.value), 0);
    check(embedLength(embed) <= 6000, 'embed ≤ 6000 (own measure)');
    total += size;
    const shown = [
      embed.title,
      embed.description ?? '',
      embed.footer.text,
      ...embed.fields.flatMap((f) => [f.name, f.value]),
    ];
    check(!shown.some((t) => rawMention.test(t)), 'no raw mention in embeds');
  }
  check(total <= 6000, 'all embeds ≤ 6000');
  check(payload.components.length <= 5, '≤ 5 rows');
  const ids: string[] = [];
  for (const row of payload.components) {
    check(row.components.length >= 1 && row.components.length <= 5, '1–5 components a row');
    if (row.components.some((c) => c.type === 3))
      check(row.components.length === 1, 'a select fills its row');
    for (const c of row.components) {
      ids.push(c.custom_id);
      check(len(c.custom_id) >= 1 && len(c.custom_id) <= maxCustomIdLength, 'custom_id 1–100');
      if (c.type === 2) check(len(c.label) >= 1 && len(c.label) <= 80, 'button label 1–80');
      if (c.type === 3) {
        check(c.options.length >= 1 && c.options.length <= 25, 'select options 1–25');
        check(len(c.placeholder) <= 150, 'placeholder ≤ 150');
        for (const o of c.options) {
          check(len(o.label) >= 1 && len(o.label) <= 100, 'option label 1–100');
          check(len(o.value) >= 1 && len(o.value) <= 100, 'option value 1–100');
          check(len(o.description) <= 100, 'option description ≤ 100');
          check(
            !rawMention.test(o.label) && !rawMention.test(o.description ?? ''),
            'no raw mention in options',
          );
        }
        check(new Set(c.options.map((o) => o.value)).size === c.options.length, 'option values unique');
      }
    }
  }
  check(new Set(ids).size === ids.length, 'custom ids unique');
  p.push(...notUtf8(payload).map((path) => `not UTF-8 at ${path}`));
  return p;
}
