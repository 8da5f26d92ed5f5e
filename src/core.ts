import { buildFactcheckTables, type FactcheckTables } from './answers/factcheck/tables.js';
import { performance } from 'node:perf_hooks';
import { loadKnowledgeApart } from './knowledge/apart.js';
import { defaultKnowledgeDir } from './knowledge/dir.js';
import type { KnowledgeBase } from './knowledge/load.js';
import { formatProblem, KnowledgeError } from './knowledge/problems.js';
import { vocabularyOf } from './query/index.js';
import { SearchIndex } from './search/index.js';

/** Everything a command needs: the validated fact base, its search index and the fact check's tables. No I/O after this. */
export interface Core {
  kb: KnowledgeBase;
  index: SearchIndex;
  factcheck: FactcheckTables;
}

export function createCore(kb: KnowledgeBase): Core {
  return {
    kb,
    index: new SearchIndex(kb.facts.values(), vocabularyOf(kb)),
    factcheck: buildFactcheckTables(kb),
  };
}

/**
 * Loads and validates knowledge/ (throws KnowledgeError naming every broken file and field). The
 * validation runs in a child process (src/knowledge/apart.ts): whoever serves from a core never loads zod.
 */
export function loadCore(dir: string = defaultKnowledgeDir): Core {
  return createCore(loadKnowledgeApart(dir));
}

/** What a reload did: the new base serves, or every problem found while the old one keeps serving. */
export type ReloadOutcome =
  | { ok: true; facts: number; previousFacts: number; asOf: string; ms: number }
  | { ok: false; errors: string[]; ms: number };

/**
 * The core every edge serves from. Each request reads `current` once and answers from that snapshot, so
 * a reload swaps the reference between requests: nothing in flight sees half a base, nothing is dropped,
 * and a base that fails validation never replaces the one serving.
 */
export class CoreHolder {
  #core: Core;
  readonly dir: string;

  constructor(core: Core, dir: string = defaultKnowledgeDir) {
    this.#core = core;
    this.dir = dir;
  }

  /** Loads the first core (throws KnowledgeError, like loadCore). */
  static load(dir: string = defaultKnowledgeDir): CoreHolder {
    return new CoreHolder(loadCore(dir), dir);
  }

  get current(): Core {
    return this.#core;
  }

  /** Reads and validates the knowledge again; swaps it in only when it is sound. Never throws. */
  reload(): ReloadOutcome {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    try {
      const next = loadCore(this.dir);
      const previousFacts = this.#core.index.size;
      this.#core = next;
      return { ok: true, facts: next.index.size, previousFacts, asOf: next.kb.meta.asOf, ms: ms() };
    } catch (error) {
      const errors =
        error instanceof KnowledgeError
          ? error.problems.map(formatProblem)
          : [error instanceof Error ? `${error.name}: ${error.message}` : String(error)];
      return { ok: false, errors, ms: ms() };
    }
  }
}
