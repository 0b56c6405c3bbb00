import pg from 'pg';
import { DATE, INT8, NUMERIC, fromDb, type Db, type Queryable } from './types';

const SERIALIZATION_FAILURE = '40001';
const DEADLOCK = '40P01';

type Runner = { query: (sql: string, params?: unknown[]) => Promise<pg.QueryResult> };

function queryable(runner: Runner): Queryable {
  return {
    async query<T>(sql: string, params?: unknown[]) {
      try {
        return { rows: (await runner.query(sql, params)).rows as T[] };
      } catch (err) {
        throw fromDb(err);
      }
    },
  };
}

/** A PostgreSQL server through node-postgres: a small pool, the same parsing as the embedded driver. */
export async function openPg(url: string, poolSize = 10): Promise<Db> {
  const types = {
    getTypeParser: (id: number, format?: string) => (id === INT8 || id === NUMERIC ? Number : id === DATE ? (v: string) => v : pg.types.getTypeParser(id, format as 'text')),
  } as pg.CustomTypesConfig;
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types, connectionTimeoutMillis: 5000 });
  // A server that goes away makes idle clients emit 'error'; the next query reconnects.
  pool.on('error', () => {});
  const base = queryable(pool as unknown as Runner);
  return {
    driver: 'pg',
    query: base.query,
    async transaction(fn) {
      // Concurrent batches can still meet in a deadlock the lock ordering did not foresee: the
      // loser is rolled back whole and run again.
      for (let attempt = 1; ; attempt++) {
        const client = await pool.connect().catch((err) => Promise.reject(fromDb(err)));
        const tx = queryable(client as unknown as Runner);
        let broken = false;
        try {
          await tx.query('begin');
          const out = await fn(tx);
          await tx.query('commit');
          return out;
        } catch (err) {
          await client.query('rollback').catch(() => (broken = true));
          const code = (err as { code?: string }).code;
          if (attempt < 4 && (code === DEADLOCK || code === SERIALIZATION_FAILURE)) continue;
          throw err;
        } finally {
          client.release(broken);
        }
      }
    },
    close: () => pool.end(),
  };
}
