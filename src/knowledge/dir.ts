import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * knowledge/ at the project root: two levels up from this module, whether compiled (dist/knowledge/),
 * bundled (dist/bundle/) or run from source (src/knowledge/).
 */
export const defaultKnowledgeDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../knowledge');
