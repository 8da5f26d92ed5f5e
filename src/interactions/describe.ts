import type { InteractionOutcome } from '../ops/outcome.js';
import { InteractionType, type ReadInteraction } from './api.js';

/** How an interaction is counted (metrics) and logged: its kind, and the fields that identify it. */
export function kindOf(i: ReadInteraction): InteractionOutcome['kind'] {
  switch (i.type) {
    case InteractionType.ApplicationCommand:
      return 'command';
    case InteractionType.Autocomplete:
      return 'autocomplete';
    case InteractionType.MessageComponent:
      return 'component';
    default:
      return 'other';
  }
}

export function describeInteraction(i: ReadInteraction): Record<string, unknown> {
  const base = { id: i.id, user: i.userId ?? 'unknown', guild: i.guildId ?? 'dm' };
  switch (i.type) {
    case InteractionType.ApplicationCommand:
      return { kind: 'command', command: i.commandName, ...base };
    case InteractionType.Autocomplete:
      return { kind: 'autocomplete', command: i.commandName, ...base };
    case InteractionType.MessageComponent:
      return { kind: 'component', custom_id: i.customId, ...base };
    case InteractionType.Ping:
      return { kind: 'ping' };
    default:
      return { kind: `type-${i.type}`, ...base };
  }
}
