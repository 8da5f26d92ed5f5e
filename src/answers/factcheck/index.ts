import type { Core } from '../../core.js';
import { baseAnswer, literal } from '../common.js';
import { cleanQuery, validateQuery } from '../reading.js';
import type { Answer } from '../types.js';
import { evidenceIds, evidenceSections } from './evidence.js';
import { readQuery } from '../../query/index.js';
import { rank } from './matching.js';
import { readClaim, type Claim } from './reading.js';
import { decide } from './rules.js';
import { verdictLabels, verdictSentence } from './wording.js';

export { buildFactcheckTables, type FactcheckTables } from './tables.js';
export { readClaim, type Claim } from './reading.js';
export { verdictLabels } from './wording.js';

/**
 * /factcheck: a claim someone read → a verdict (supported, contradicted, depends on the plan, disputed,
 * not in the sources) with the facts that decide it, quoted and cited. The claim is read once, every fact
 * is assessed against it, and the ordered rules decide.
 */
export function answerFactcheck(core: Core, rawClaim: string | undefined): Answer {
  const invalid = validateQuery(core, rawClaim, 'a claim to check');
  // nothing was checked, so the verdict is that the sources were not consulted on it
  if (invalid) return { ...invalid, verdict: 'not_in_sources' };
  const text = cleanQuery(rawClaim ?? '');
  const tables = core.factcheck;
  const claim = readClaimText(core, text);
  const ranked = rank(tables, claim);
  const decision = decide({ tables, claim, ranked });
  const found = decision.verdict !== 'not_in_sources';
  const label = verdictLabels[decision.verdict];
  return baseAnswer(core, {
    status: found ? 'found' : 'not_found',
    title: `Fact-check: ${label}`,
    text: `**${label}:** “${literal(text, 200)}”\n${verdictSentence(core, decision)}`,
    sections: evidenceSections(core, decision),
    factIds: evidenceIds(decision).filter((id) => core.kb.facts.has(id)),
    suggestions: found
      ? []
      : ranked
          .slice(0, 5)
          .map((a) => a.doc.id)
          .filter((id) => core.kb.facts.has(id)),
    verdict: decision.verdict,
  });
}

/** Reads a claim as the fact check does: the shared query reader first, then the fact check's own reading. */
export function readClaimText(core: Core, text: string): Claim {
  return readClaim(core.factcheck.vocabulary, text, readQuery(text, core.factcheck.queryVocabulary));
}
