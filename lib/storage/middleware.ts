import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

/** A Dexie DBCore middleware named `name` that replaces some of the core's methods (`override(down)`). */
export function coreMiddleware(name: string, override: (down: DBCore) => Partial<DBCore>): Middleware<DBCore> {
  return { stack: 'dbcore', name, create: (down) => ({ ...down, ...override(down) }) };
}

/**
 * `table` whose writes go through `keep`, one after another within each transaction: a middleware that
 * reads what the previous write left (a summary, a row, a clock) never works from a stale read.
 */
export function writesInOrder(
  table: DBCoreTable,
  keep: (req: DBCoreMutateRequest) => Promise<DBCoreMutateResponse>,
): DBCoreTable {
  const queues = new WeakMap<DBCoreMutateRequest['trans'], Promise<unknown>>();
  return {
    ...table,
    mutate(req) {
      const run = (queues.get(req.trans) ?? Promise.resolve()).then(() => keep(req));
      queues.set(
        req.trans,
        run.catch(() => undefined),
      );
      return run;
    },
  };
}
