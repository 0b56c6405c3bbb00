import type { Db } from '../db';

// Rows deleted per statement: each is its own short transaction, so ingestion (one connection on
// the embedded store) waits at most one chunk, never the whole purge.
const CHUNK = 5000;
const HOUR = 3_600_000;

/**
 * Deletes raw events whose time is more than `days` days ago; the daily rollups are kept, so the
 * results (totals, series, per offer, per variant, CSV) still cover every day, and so do lift and
 * attribution, whose per-visitor tables are kept too. Only the raw access loses the older days.
 * Returns how many events were deleted.
 */
export async function applyRetention(db: Db, days: number, now = new Date()): Promise<number> {
  if (!(days > 0)) return 0;
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  // Recorded first: a rollup rebuild (a time-zone change) must then leave the days before it alone.
  await db.query(
    `insert into settings (key, value) values ('events_kept_from', $1)
     on conflict (key) do update set value = greatest(settings.value::timestamptz, excluded.value::timestamptz)::text`,
    [cutoff],
  );
  let deleted = 0;
  for (;;) {
    const { rows } = await db.query<{ n: number }>(
      `with d as (
         delete from events where id in (select id from events where time < $1 order by time limit ${CHUNK}) returning 1
       ) select count(*)::bigint as n from d`,
      [cutoff],
    );
    deleted += rows[0].n;
    if (rows[0].n < CHUNK) return deleted;
  }
}

/** Applies the retention now and every hour after; `stop()` ends it. Failures are logged and retried next hour. */
export function keepRetention(db: Db, days: number, log: (message: string) => void = () => {}): { stop(): Promise<void>; first: Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const run = () =>
    (running = applyRetention(db, days).then(
      (n) => {
        if (n) log(`retention: deleted ${n} raw events older than ${days} days (the daily results keep them)`);
      },
      (err: Error) => log(`retention: failed (${err.message}); next try in an hour`),
    ));
  const first = run();
  const timer = setInterval(run, HOUR);
  timer.unref();
  return {
    first,
    stop() {
      clearInterval(timer);
      return running;
    },
  };
}
