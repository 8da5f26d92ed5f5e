import type { Verdict } from '../answers/types.js';

/**
 * What one interaction came to, as the edges report it to the operators' tools (metrics, the misses log).
 * Deliberately without user, guild or channel: nothing here identifies who asked.
 */
export interface InteractionOutcome {
  kind: 'command' | 'autocomplete' | 'component' | 'other';
  /** A command this bot serves, or 'unknown' (user input never becomes a label). */
  command: string;
  /** The answer's status, or what happened instead: cooldown, unknown-command, stale, failed, … */
  status: string;
  verdict?: Verdict;
  /** The words looked up (the command's primary option) as typed, for the misses log. */
  query?: string;
  /** The first "did you mean" fact id. */
  topSuggestion?: string;
  ms: number;
}

export type OutcomeObserver = (outcome: InteractionOutcome) => void;

/** One observer that tells several; one failing observer never stops the others or the reply. */
export function fanOut(
  observers: readonly (OutcomeObserver | undefined)[],
  onError: (error: unknown) => void = () => {},
): OutcomeObserver {
  const live = observers.filter((o): o is OutcomeObserver => o !== undefined);
  return (outcome) => {
    for (const observe of live) {
      try {
        observe(outcome);
      } catch (error) {
        onError(error);
      }
    }
  };
}
