import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { lockFolder } from './lock';
import { DATE, INT8, NUMERIC, fromDb, type Db, type Queryable } from './types';

/**
 * Embedded PostgreSQL (WASM) in `dir`, or in memory for `memory://`. One connection: PGlite runs
 * statements one at a time, so transactions never interleave.
 */
export async function openPglite(dir: string, from?: Blob): Promise<Db> {
  const memory = dir.startsWith('memory://');
  if (!memory) mkdirSync(dir, { recursive: true });
  // Before PGlite touches the folder: a second service on it is refused, not let in to corrupt it.
  const lock = memory ? null : lockFolder(dir);
  let pg: PGlite;
  try {
    pg = await PGlite.create({
      dataDir: memory ? undefined : dir,
      // A dumped data folder (tests start from one instead of running initdb each time).
      loadDataDir: from,
      parsers: { [INT8]: Number, [NUMERIC]: Number, [DATE]: (v: string) => v },
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const wrap = (q: { query: PGlite['query'] }): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      try {
        return { rows: (await q.query<T>(sql, params as unknown[])).rows };
      } catch (err) {
        throw fromDb(err);
      }
    },
  });
  const base = wrap(pg);
  return {
    driver: 'pglite',
    query: base.query,
    transaction: async (fn) => {
      if (pg.closed) throw fromDb(new Error('the embedded database is closed'));
      return pg.transaction((tx) => fn(wrap(tx)));
    },
    close: async () => {
      try {
        if (!pg.closed) await pg.close();
      } finally {
        lock?.release();
      }
    },
    dump: async () => (await pg.dumpDataDir('gzip')) as Blob,
  };
}
