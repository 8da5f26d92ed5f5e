import { buildFactcheckTables, type FactcheckTables } from './answers/factcheck/tables.js';
import { defaultKnowledgeDir, loadKnowledge, type KnowledgeBase } from './knowledge/load.js';
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
    index: new SearchIndex(kb.facts.values(), vocabularyOf(kb).stopwords),
    factcheck: buildFactcheckTables(kb),
  };
}

/** Loads and validates knowledge/ (throws KnowledgeError naming every broken file and field). */
export function loadCore(dir: string = defaultKnowledgeDir): Core {
  return createCore(loadKnowledge(dir));
}
