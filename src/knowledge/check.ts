import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge, type KnowledgeBase } from './load.js';
import { reliabilityTiers } from './schema.js';
import {
  formatSheetCoverage,
  parseSheet,
  sheetCoverage,
  sheetProblems,
  type SheetCoverage,
} from './sheet.js';

/** `npm run check:knowledge`: validates knowledge/ and prints what it covers; exit 1 on any problem. */
export function coverage(kb: KnowledgeBase) {
  const facts = [...kb.facts.values()];
  const byKind: Record<string, number> = {};
  for (const fact of facts) byKind[fact.kind] = (byKind[fact.kind] ?? 0) + 1;
  const citations = facts.flatMap((f) => f.citations);
  const disagreementCitations = [...kb.issues.values()].flatMap((issue) =>
    issue.disagreements.flatMap((d) => d.claims.flatMap((c) => c.citations)),
  );
  const allCitations = [...citations, ...disagreementCitations];
  const quotes = allCitations.filter((c) => 'quote' in c).length;
  const usedSources = new Set(allCitations.map((c) => c.source));
  const byTier: Record<string, number> = {};
  for (const tier of reliabilityTiers) byTier[tier] = 0;
  for (const id of usedSources) {
    const tier = kb.sources.get(id)!.reliability;
    byTier[tier] = (byTier[tier] ?? 0) + 1;
  }
  const pointsPerPlan: Record<string, { points: number; declared: number; entries: number }> = {};
  for (const plan of kb.plans.values()) {
    const provisions = [...kb.provisions.values()].filter((p) => p.plan === plan.id);
    pointsPerPlan[plan.id] = {
      points: new Set(provisions.map((p) => p.number)).size,
      declared: plan.pointCount,
      entries: provisions.length,
    };
  }
  const status: Record<string, number> = {};
  for (const fact of facts) status[fact.status] = (status[fact.status] ?? 0) + 1;
  const gaps = [...kb.issues.values()].reduce((n, issue) => n + issue.gaps.length, kb.meta.gaps.length);
  const disagreements = [...kb.issues.values()].reduce((n, issue) => n + issue.disagreements.length, 0);
  return {
    asOf: kb.meta.asOf,
    latestReliable: kb.meta.latestReliable,
    latestAny: kb.meta.latestAny,
    facts: facts.length,
    byKind,
    pointsPerPlan,
    status,
    citations: allCitations.length,
    quotesVerified: quotes,
    references: { used: usedSources.size, known: kb.sources.size, byTier },
    disagreements,
    gaps,
  };
}

export function formatCoverage(report: ReturnType<typeof coverage>): string {
  const lines = [
    `Knowledge OK — as of ${report.asOf} (reviewed); latest reliable report ${report.latestReliable}; latest item of any kind ${report.latestAny}`,
    `Facts: ${report.facts} (${Object.entries(report.byKind)
      .map(([kind, n]) => `${kind} ${n}`)
      .join(', ')})`,
    `Points per plan: ${Object.entries(report.pointsPerPlan)
      .map(
        ([plan, p]) =>
          `${plan} ${p.points}/${p.declared}${p.entries !== p.points ? ` (+${p.entries - p.points} sub-entries)` : ''}`,
      )
      .join(', ')}`,
    `Status: ${Object.entries(report.status)
      .map(([s, n]) => `${s} ${n}`)
      .join(', ')}`,
    `Citations: ${report.citations}; quotes verified verbatim: ${report.quotesVerified}`,
    `References in use: ${report.references.used} of ${report.references.known} (${Object.entries(
      report.references.byTier,
    )
      .map(([tier, n]) => `${tier} ${n}`)
      .join(', ')})`,
    `Source disagreements recorded: ${report.disagreements}; known gaps: ${report.gaps}`,
  ];
  return lines.join('\n');
}

/** Every sheet tag in the knowledge, with where it is used: facts, disagreements and gaps. */
export function sheetTags(kb: KnowledgeBase): Map<string, string[]> {
  const tags = new Map<string, string[]>();
  const add = (sheet: string[], where: string) => {
    for (const tag of sheet) tags.set(tag, [...(tags.get(tag) ?? []), where]);
  };
  for (const fact of kb.facts.values()) add(fact.sheet, `${fact.file} [${fact.id}]`);
  for (const issue of kb.issues.values()) {
    for (const d of issue.disagreements) add(d.sheet, `issues.json [${issue.id}] disagreement ${d.id}`);
    for (const gap of issue.gaps) add(gap.sheet, `issues.json [${issue.id}] gap`);
  }
  for (const gap of kb.meta.gaps) add(gap.sheet, 'meta.json gap');
  return tags;
}

/**
 * The fact sheet to check against. The shipped knowledge keeps a copy in knowledge/sheet/FACTS.md so
 * the check and the tests work from a bare clone; when the shared fact sheet sits beside the clone
 * (../shared/references/FACTS.md, as in development and CI) it wins, and a stale copy is an error.
 */
export function locateSheet(dir: string): { path: string; text: string; problems: string[] } | undefined {
  const copy = join(dir, 'sheet', 'FACTS.md');
  const shared = resolve(defaultKnowledgeDir, '..', '..', 'shared', 'references', 'FACTS.md');
  if (resolve(dir) === defaultKnowledgeDir && existsSync(shared)) {
    const text = readFileSync(shared, 'utf8');
    const stale = !existsSync(copy) || readFileSync(copy, 'utf8') !== text;
    return {
      path: shared,
      text,
      problems: stale
        ? [`knowledge/sheet/FACTS.md is not the current fact sheet: copy ${shared} over it`]
        : [],
    };
  }
  return existsSync(copy) ? { path: copy, text: readFileSync(copy, 'utf8'), problems: [] } : undefined;
}

export function checkSheet(kb: KnowledgeBase, sheetText: string): SheetCoverage {
  const actorNames = [...kb.actors.values()].flatMap((a) => [a.name, ...a.aliases]);
  return sheetCoverage(parseSheet(sheetText), sheetTags(kb), actorNames);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? defaultKnowledgeDir;
  try {
    const kb = loadKnowledge(dir);
    const report = coverage(kb);
    const located = locateSheet(dir);
    const sheet = located ? checkSheet(kb, located.text) : undefined;
    const problems = [...(located?.problems ?? []), ...(sheet ? sheetProblems(sheet) : [])];
    if (process.argv.includes('--json')) {
      process.stdout.write(`${JSON.stringify({ ...report, sheet })}\n`);
    } else {
      const sheetText = sheet
        ? formatSheetCoverage(sheet, located!.path)
        : 'Fact sheet: none found (knowledge/sheet/FACTS.md); sheet coverage not checked';
      const text = formatCoverage(report);
      process.stdout.write(
        `${problems.length ? text.replace(/^Knowledge OK/, 'Knowledge INCOMPLETE') : text}\n${sheetText}\n`,
      );
    }
    if (problems.length) {
      process.stderr.write(`${problems.join('\n')}\n`);
      process.exitCode = 1;
    }
  } catch (error) {
    process.stderr.write(error instanceof KnowledgeError ? `${error.message}\n` : `${String(error)}\n`);
    process.exitCode = 1;
  }
}
