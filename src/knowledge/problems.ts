/** What loading knowledge/ reports: every problem found, each pinned to its file and the path inside it. */
export interface KnowledgeProblem {
  file: string;
  path: string;
  message: string;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `The knowledge base has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'KnowledgeError';
  }
}

export function formatProblem(problem: KnowledgeProblem): string {
  return `${problem.file}: ${problem.path || '(file)'}: ${problem.message}`;
}
