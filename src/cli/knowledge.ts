/** The knowledge a terminal session answers from, and its reload on SIGHUP. */
import { CoreHolder } from '../core.js';
import { defaultKnowledgeDir } from '../knowledge/dir.js';

/** The knowledge (KNOWLEDGE_DIR or knowledge/) behind a terminal session; throws KnowledgeError. */
export function loadHolder(): CoreHolder {
  return CoreHolder.load(process.env.KNOWLEDGE_DIR?.trim() || defaultKnowledgeDir);
}

/** Reload on SIGHUP for as long as a terminal session lasts; returns the function that stops it. */
export function reloadOnHangup(holder: CoreHolder): () => void {
  const onHangup = (): void => {
    const outcome = holder.reload();
    process.stderr.write(
      outcome.ok
        ? `[reload] ${outcome.facts} facts, as of ${outcome.asOf}\n`
        : `[reload] failed; the previous knowledge keeps serving:\n${outcome.errors.join('\n')}\n`,
    );
  };
  process.on('SIGHUP', onHangup);
  return () => process.off('SIGHUP', onHangup);
}
