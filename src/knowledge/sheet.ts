import { normaliseForMatching } from '../text/normalise.js';

/**
 * The curated fact sheet (FACTS.md) the knowledge encodes, read as data: its line ids, its section
 * headings and its people. Every fact names the line ids it encodes in its `sheet` field; this module
 * says which lines of the sheet no fact encodes, so a new revision of the sheet cannot be half-encoded
 * without the check saying so.
 */

export interface SheetLine {
  /** The stable handle: "A.6", "E.ZNPP.RU", "G.2026-05-09/11", "G.END". */
  id: string;
  /** The part before the first dot: "A", "E", "G2", "J". */
  section: string;
  /** "EXCLUDE" lines name unreliable material that must not be encoded. */
  excluded: boolean;
}

export interface FactSheet {
  /** The "Revision of …" date, when the sheet has one. */
  revision: string | undefined;
  lines: SheetLine[];
  /** Heading ids ("E.ZNPP", "A.0", "H") that a fact may also name, for a fact about a whole section. */
  headings: Set<string>;
  /** Names in the people-and-bodies section (H), which has no line ids. */
  people: string[];
}

const lineId = /^- ((?:[A-K]2?\.\S+)|G\.END)\s/;
const headingLine = /^#{2,3} (.+)$/;
const headingId = /^([A-K]2?(?:\.[A-Z0-9][\w-]*)*)\.?(?:\s|$)/;

export function parseSheet(text: string): FactSheet {
  const lines: SheetLine[] = [];
  const headings = new Set<string>();
  const people: string[] = [];
  let inPeople = false;
  for (const raw of text.split(/\r?\n/)) {
    const heading = headingLine.exec(raw);
    if (heading) {
      for (const part of heading[1]!.split(' / ')) {
        const id = headingId.exec(part.trim())?.[1];
        if (id) headings.add(id);
      }
      if (raw.startsWith('## ')) inPeople = /^## H\./.test(raw);
      continue;
    }
    const id = lineId.exec(raw)?.[1];
    if (id) {
      const rest = raw.slice(id.length + 3);
      lines.push({ id, section: id.split('.')[0]!, excluded: /^EXCLUDE\b/.test(rest) });
    } else if (inPeople && raw.startsWith('- ') && raw.includes(' — ')) {
      people.push(...namesOf(raw.slice(2, raw.indexOf(' — '))));
    }
  }
  const revision = /Revision of (\d{4}-\d{2}-\d{2})/.exec(text)?.[1];
  return { revision, lines, headings, people };
}

/** "Andrei Belousov (Defence Minister) and Valery Gerasimov (…)" → both names. */
function namesOf(list: string): string[] {
  return list
    .replace(/\([^)]*\)/g, '')
    .split(/,| and | \/ /)
    .map((name) => name.trim())
    .filter(Boolean);
}

export interface SectionCoverage {
  section: string;
  encoded: string[];
  missing: string[];
  excluded: string[];
  /** Every line id of the section, in sheet order. */
  order: string[];
}

export interface SheetCoverage {
  revision: string | undefined;
  sections: SectionCoverage[];
  lines: number;
  encoded: number;
  /** Tags that name no line or heading of the sheet (typos, or lines the sheet dropped). */
  unknownTags: { tag: string; where: string[] }[];
  /** EXCLUDE lines that some fact encodes anyway. */
  excludedButEncoded: { tag: string; where: string[] }[];
  /** People of section H that no actor names (informational: people lines are not line ids). */
  peopleMissing: string[];
  people: number;
}

/**
 * Compares the sheet with the tags in the knowledge. `tags` maps each tag to where it is used
 * ("timeline.json [ev-…]"); `actorNames` are every actor's name and aliases.
 */
export function sheetCoverage(
  sheet: FactSheet,
  tags: Map<string, string[]>,
  actorNames: string[],
): SheetCoverage {
  const sections: SectionCoverage[] = [];
  for (const line of sheet.lines) {
    let section = sections.at(-1);
    if (section?.section !== line.section) {
      section = sections.find((s) => s.section === line.section);
      if (!section) {
        section = { section: line.section, encoded: [], missing: [], excluded: [], order: [] };
        sections.push(section);
      }
    }
    section.order.push(line.id);
    if (line.excluded) section.excluded.push(line.id);
    else if (tags.has(line.id)) section.encoded.push(line.id);
    else section.missing.push(line.id);
  }
  const known = new Set([...sheet.lines.map((l) => l.id), ...sheet.headings]);
  const excluded = new Set(sheet.lines.filter((l) => l.excluded).map((l) => l.id));
  const unknownTags = [...tags].filter(([tag]) => !known.has(tag)).map(([tag, where]) => ({ tag, where }));
  const excludedButEncoded = [...tags]
    .filter(([tag]) => excluded.has(tag))
    .map(([tag, where]) => ({ tag, where }));
  const names = actorNames.map((name) => ` ${normaliseForMatching(name)} `);
  // "Board of Peace" is named by the actor "Peace Council (Board of Peace)".
  const named = (name: string) => names.some((n) => n.includes(` ${normaliseForMatching(name)} `));
  const peopleMissing = sheet.people.filter((name) => !named(name));
  const counted = sheet.lines.filter((l) => !l.excluded);
  return {
    revision: sheet.revision,
    sections,
    lines: counted.length,
    encoded: counted.filter((l) => tags.has(l.id)).length,
    unknownTags,
    excludedButEncoded,
    peopleMissing,
    people: sheet.people.length,
  };
}

/** The check fails on a missing line, an unknown tag or an encoded EXCLUDE line. */
export function sheetProblems(report: SheetCoverage): string[] {
  return [
    ...report.sections
      .filter((s) => s.missing.length > 0)
      .map((s) => `fact sheet section ${s.section}: not encoded by any fact: ${s.missing.join(', ')}`),
    ...report.unknownTags.map(
      (t) => `sheet tag "${t.tag}" names no line or heading of the fact sheet (${t.where.join('; ')})`,
    ),
    ...report.excludedButEncoded.map(
      (t) => `sheet line ${t.tag} is marked EXCLUDE and must not be encoded (${t.where.join('; ')})`,
    ),
  ];
}

/** One line per section: "A  41/41  A.0.1–A.0.12, A.1–A.28"; runs of encoded lines are shown as ranges. */
export function formatSheetCoverage(report: SheetCoverage, sheetPath: string): string {
  const lines = [
    `Fact sheet ${sheetPath}${report.revision ? ` (revision of ${report.revision})` : ''}: ` +
      `${report.encoded} of ${report.lines} line ids encoded`,
  ];
  for (const s of report.sections) {
    const total = s.encoded.length + s.missing.length;
    lines.push(
      `  ${s.section.padEnd(3)} ${`${s.encoded.length}/${total}`.padStart(7)}  ${encodedRuns(s.order, new Set(s.encoded))}` +
        (s.missing.length ? `\n        MISSING: ${s.missing.join(', ')}` : '') +
        (s.excluded.length ? `\n        excluded (not encoded): ${s.excluded.join(', ')}` : ''),
    );
  }
  lines.push(
    `  people (H): ${report.people - report.peopleMissing.length} of ${report.people} named in parties.json` +
      (report.peopleMissing.length ? ` (not named: ${report.peopleMissing.join(', ')})` : ''),
  );
  return lines.join('\n');
}

/** Encoded ids in sheet order, consecutive ones folded into "first–last". */
function encodedRuns(order: string[], encoded: Set<string>): string {
  const runs: string[][] = [];
  let open = false;
  for (const id of order) {
    if (!encoded.has(id)) {
      open = false;
      continue;
    }
    if (open) runs.at(-1)!.push(id);
    else runs.push([id]);
    open = true;
  }
  return runs.map((run) => (run.length > 1 ? `${run[0]}–${run.at(-1)}` : run[0])).join(', ');
}
