// What lift and attribution read instead of the events: per-visitor, per-order, per-page-view and
// per-answer rows (their tables are migration 2's, server/db/migrations.ts), kept in the
// transaction that stores the events (`maintainLift`), rebuilt from the events when they were
// written another way (`rebuildLift`), and forgotten with them (`forgetLift`). Every upsert is idempotent, so an event delivered twice changes nothing. The
// rows hold no time zone: days are cut when they are read.
import type { Queryable } from './queries';

/** A page view's key: the widget's pageViewId, else (older widgets) its visit and page. */
const VIEW = `coalesce(session_id, '') || ' ' || coalesce(payload->>'pageViewId', payload->>'page', '')`;

/**
 * The upserts, from a relation `src` with the events table's columns (a stored batch, or the
 * events table itself). Each input is sorted by its key, so two batches sharing keys lock rows in
 * one order and cannot deadlock.
 */
const upserts = (src: string) => [
  `insert into lift_exposures as x (offer_id, visitor_id, first_seen, holdout, variant)
   select k.offer_id, e.visitor_id, min(e.time), bool_or(coalesce(e.holdout, false)), min(e.variant)
   from ${src} e cross join lateral (values (e.offer_id), ('')) k(offer_id)
   where e.type = 'impression' and e.visitor_id is not null and e.offer_id is not null
   group by 1, 2 order by 1, 2
   on conflict (offer_id, visitor_id) do update set
     first_seen = least(x.first_seen, excluded.first_seen), holdout = x.holdout or excluded.holdout,
     variant = least(x.variant, excluded.variant)`,
  `insert into lift_orders as o (order_id, visitor_id, session_id, time, total, items)
   select distinct on (order_id) order_id, visitor_id, session_id, time, coalesce(order_total, 0), coalesce(payload->'items', '[]'::jsonb)
   from ${src} e where type = 'order' and order_id is not null and visitor_id is not null
   order by order_id, time
   on conflict (order_id) do update set
     visitor_id = excluded.visitor_id, session_id = excluded.session_id, time = excluded.time, total = excluded.total, items = excluded.items
     where excluded.time < o.time`,
  `insert into lift_views as v (offer_id, offer_type, view, visitor_id, first_seen, holdout, shown, accepted)
   select offer_id, offer_type, ${VIEW}, min(visitor_id), min(time), bool_or(coalesce(holdout, false)),
          bool_or(type = 'impression'), bool_or(type = 'accept')
   from ${src} e where type in ('impression', 'accept') and offer_id is not null and offer_type is not null and visitor_id is not null
   group by 1, 2, 3 order by 1, 2, 3
   on conflict (offer_id, offer_type, view) do update set
     first_seen = least(v.first_seen, excluded.first_seen), holdout = v.holdout or excluded.holdout,
     shown = v.shown or excluded.shown, accepted = v.accepted or excluded.accepted`,
  `insert into lift_answers (id, type, offer_id, offer_type, visitor_id, session_id, time, value, items)
   select id, type, offer_id, offer_type, visitor_id, session_id, time, value, coalesce(payload->'items', '[]'::jsonb)
   from ${src} e where type in ('accept', 'accept-failed') and not coalesce(holdout, false)
     and offer_id is not null and offer_type is not null and visitor_id is not null
   order by id
   on conflict (id) do nothing`,
];

const BATCH = `(select * from jsonb_to_recordset($1::jsonb) as b(
  id text, type text, time timestamptz, offer_id text, offer_type text, variant text, holdout boolean,
  visitor_id text, session_id text, value bigint, order_id text, order_total bigint, payload jsonb))`;
const FROM_BATCH = upserts(BATCH);
const FROM_EVENTS = upserts('events');
const FROM_VISITORS = upserts('(select * from events where visitor_id like $1)');

/** Adds a batch of stored events (the JSON rows `storeEvents` inserts) to the lift tables: in its transaction. */
export async function maintainLift(tx: Queryable, rowsJson: string): Promise<void> {
  for (const sql of FROM_BATCH) await tx.query(sql, [rowsJson]);
}

export const LIFT_TABLE_NAMES = ['lift_exposures', 'lift_orders', 'lift_views', 'lift_answers'];

/** Recomputes the lift tables from the events (events written by other means, e.g. a bulk load). */
export async function rebuildLift(q: Queryable): Promise<void> {
  await q.query(`truncate ${LIFT_TABLE_NAMES.join(', ')}`);
  for (const sql of FROM_EVENTS) await q.query(sql);
}

/**
 * Takes deleted events out of the lift tables, in the transaction that deleted them: all, a
 * visitor-id prefix (`visitorPattern`, a LIKE pattern: their rows are recomputed from what remains
 * of their events), or everything before an instant (`before`: exposures are then recomputed from
 * the events that remain).
 */
export async function forgetLift(tx: Queryable, { visitorPattern, before }: { visitorPattern?: string; before?: string } = {}): Promise<void> {
  if (visitorPattern === undefined && before === undefined) {
    await tx.query(`truncate ${LIFT_TABLE_NAMES.join(', ')}`);
    return;
  }
  if (visitorPattern !== undefined) {
    // Their rows go, and come back from whatever of their events remains (a delete by prefix and day).
    for (const t of LIFT_TABLE_NAMES) await tx.query(`delete from ${t} where visitor_id like $1`, [visitorPattern]);
    for (const sql of FROM_VISITORS) await tx.query(sql, [visitorPattern]);
    return;
  }
  if (before !== undefined) {
    await tx.query('delete from lift_orders where time < $1', [before]);
    await tx.query('delete from lift_answers where time < $1', [before]);
    await tx.query('delete from lift_views where first_seen < $1', [before]);
    // A visitor first seen before the cut but seen again after it is now first seen then.
    await tx.query(
      `with recomputed as (
         select x.offer_id, x.visitor_id, min(e.time) as first_seen, bool_or(coalesce(e.holdout, false)) as holdout, min(e.variant) as variant
         from lift_exposures x join events e on e.visitor_id = x.visitor_id and e.type = 'impression' and e.offer_id is not null
           and (x.offer_id = '' or e.offer_id = x.offer_id)
         where x.first_seen < $1
         group by 1, 2
       )
       update lift_exposures x set first_seen = r.first_seen, holdout = r.holdout, variant = r.variant
       from recomputed r where x.offer_id = r.offer_id and x.visitor_id = r.visitor_id`,
      [before],
    );
    await tx.query('delete from lift_exposures where first_seen < $1', [before]);
  }
}
