import { join } from 'node:path';
import { migrate } from './migrate';
import { openPg } from './pg';
import { openPglite } from './pglite';
import type { Db } from './types';

export type { Db, Queryable } from './types';
export { migrate } from './migrate';

export interface DbEnv {
  /** A PostgreSQL server; when unset, the embedded store in `dataDir` is used. */
  DATABASE_URL?: string;
  /** Folder of the embedded store (its `pgdata/` subfolder), or `memory://` for a throw-away one. */
  DATA_DIR?: string;
  /** A tarball of an embedded data folder to start from (PGlite only; tests use it to skip initdb). */
  from?: Blob;
}

/** Opens the database the environment names and brings its schema up to date. */
export async function openDb(env: DbEnv): Promise<Db> {
  const db = env.DATABASE_URL ? await openPg(env.DATABASE_URL) : await openPglite(!env.DATA_DIR || env.DATA_DIR.startsWith('memory://') ? 'memory://' : join(env.DATA_DIR, 'pgdata'), env.from);
  try {
    await migrate(db);
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
  return db;
}
