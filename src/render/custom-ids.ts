/**
 * Component state lives in the custom id (≤ 100 characters), never in memory, so buttons and menus keep
 * working after a restart. One encoder and one decoder, shared by the renderer and the interaction handler (src/interactions/).
 */
export const maxCustomIdLength = 100;

export type ComponentAction =
  | { kind: 'sources'; factIds: readonly string[] }
  | { kind: 'pick'; command: string }
  | { kind: 'plan'; plan: string; page: number }
  | { kind: 'timeline'; page: number; about: string }
  /** The parts of an answer its reply left out: re-run `command` with `query`, show sections from `from`. */
  | { kind: 'more'; from: number; command: string; query: string };

export function encodeCustomId(action: ComponentAction): string | undefined {
  let id: string;
  switch (action.kind) {
    case 'sources': {
      // Keep as many fact ids as fit; the first ones are the answer's best facts.
      id = 'src:';
      for (const factId of action.factIds) {
        const next = id === 'src:' ? `${id}${factId}` : `${id},${factId}`;
        if (next.length > maxCustomIdLength) break;
        id = next;
      }
      if (id === 'src:') return undefined;
      return id;
    }
    case 'pick':
      id = `pick:${action.command}`;
      break;
    case 'plan':
      id = `plan:${action.plan}:${action.page}`;
      break;
    case 'timeline':
      id = `tl:${action.page}:${action.about}`;
      break;
    case 'more':
      if (!action.query.trim()) return undefined;
      id = `more:${action.from}:${action.command}:${action.query}`;
      break;
  }
  return id.length <= maxCustomIdLength ? id : undefined;
}

/** Returns undefined for ids this bot did not make (or that were tampered with). */
export function decodeCustomId(customId: string): ComponentAction | undefined {
  const [kind, ...rest] = customId.split(':');
  const tail = rest.join(':');
  switch (kind) {
    case 'src': {
      const factIds = tail.split(',').filter((id) => /^[a-z0-9-]+$/.test(id));
      return factIds.length > 0 ? { kind: 'sources', factIds } : undefined;
    }
    case 'pick':
      return /^[a-z]+$/.test(tail) ? { kind: 'pick', command: tail } : undefined;
    case 'plan': {
      const [plan, page] = rest;
      const n = Number(page);
      return plan && /^[a-z0-9-]+$/.test(plan) && Number.isInteger(n) && n >= 1
        ? { kind: 'plan', plan, page: n }
        : undefined;
    }
    case 'tl': {
      const [page, ...about] = rest;
      const n = Number(page);
      return Number.isInteger(n) && n >= 1
        ? { kind: 'timeline', page: n, about: about.join(':') }
        : undefined;
    }
    case 'more': {
      const [from, command, ...query] = rest;
      const n = Number(from);
      const text = query.join(':');
      return Number.isInteger(n) && n >= 1 && command && /^[a-z]+$/.test(command) && text.trim()
        ? { kind: 'more', from: n, command, query: text }
        : undefined;
    }
    default:
      return undefined;
  }
}
