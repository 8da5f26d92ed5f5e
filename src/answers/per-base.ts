import type { Core } from '../core.js';

/**
 * An answer that depends on the fact base alone (every recorded change, the plans side by side) is built
 * once per base and shared by every reply: a reload brings a new base, and the old answer goes with the
 * old one. It is frozen, so no caller can change what the next caller gets.
 */
export function oncePerBase<T extends object>(build: (core: Core) => T): (core: Core) => T {
  const built = new WeakMap<Core['kb'], T>();
  return (core) => {
    let value = built.get(core.kb);
    if (!value) {
      value = deepFreeze(build(core));
      built.set(core.kb, value);
    }
    return value;
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
