/**
 * Every write of a paper or an entry, wherever it comes from (the background, an import, a
 * sync), stamps the record with `rev`: the moment of that write, indexed. A reader that kept
 * the library in memory (the catalogue's worker) asks for what changed since its last look with
 * one indexed range, and Dexie's live queries on that range tell it when to look. `rev` is the
 * database's own bookkeeping: backups leave it out, and comparisons of records ignore it.
 */
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';

/** The tables whose records carry `rev`. */
export const REV_TABLES = new Set(['papers', 'entries']);

let last = 0;
/** Now, and always later than the last stamp of this context: two writes in one millisecond still order. */
export function nextRev(now = Date.now()): number {
  last = Math.max(now, last + 1);
  return last;
}

export const revStamps: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'rev-stamps',
  create: (down) => ({
    ...down,
    table(name) {
      const table = down.table(name);
      if (!REV_TABLES.has(name)) return table;
      return {
        ...table,
        mutate(req: DBCoreMutateRequest) {
          if (req.type !== 'add' && req.type !== 'put') return table.mutate(req);
          const rev = nextRev();
          return table.mutate({ ...req, values: req.values.map((v) => ({ ...v, rev })) });
        },
      };
    },
  }),
};

/** A record without its `rev` (for backups and comparisons). */
export function withoutRev<T extends object>(record: T): T {
  if (!('rev' in record)) return record;
  const { rev: _rev, ...rest } = record as T & { rev?: number };
  return rest as T;
}
