/** What the rest of the service sees of the database: the same calls on PGlite and on a server. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly driver: 'pglite' | 'pg';
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** The embedded store's data folder as a tarball (PGlite only). */
  dump?(): Promise<Blob>;
}

// Type ids whose text form is returned as is or as a number, the same on both drivers:
// int8 (sums and counts cast to bigint) as a JS number — minor units stay far below 2^53 —
// and `date` as 'YYYY-MM-DD' text, so no time zone of this process ever shifts a day.
export const INT8 = 20;
export const DATE = 1082;
export const NUMERIC = 1700;

/** Marks an error as the database's, so the service answers 503 (try later) rather than 500. */
export function fromDb(err: unknown): unknown {
  if (err && typeof err === 'object') Object.assign(err, { fromDb: true });
  return err;
}
