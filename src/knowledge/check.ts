import { pathToFileURL } from 'node:url';
import { defaultKnowledgeDir, KnowledgeError, loadKnowledge, type KnowledgeBase } from './load.js';
import { reliabilityTiers } from './schema.js';

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
    `Knowledge OK — as of ${report.asOf}`,
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

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? defaultKnowledgeDir;
  try {
    const report = coverage(loadKnowledge(dir));
    process.stdout.write(
      `${process.argv.includes('--json') ? JSON.stringify(report) : formatCoverage(report)}\n`,
    );
  } catch (error) {
    process.stderr.write(error instanceof KnowledgeError ? `${error.message}\n` : `${String(error)}\n`);
    process.exitCode = 1;
  }
}
