import type { DBCore, Middleware } from 'dexie';

/** A Dexie DBCore middleware named `name` that replaces some of the core's methods (`override(down)`). */
export function coreMiddleware(name: string, override: (down: DBCore) => Partial<DBCore>): Middleware<DBCore> {
  return { stack: 'dbcore', name, create: (down) => ({ ...down, ...override(down) }) };
}
