import type { Db, Queryable } from '../db';
import type { StoredEvent } from './clean';
import { maintainLift } from '../lift/aggregates';

const num = (v: unknown) => (typeof v === 'number' ? v : null);
const text = (v: unknown) => (typeof v === 'string' ? v : null);

/** One row of the events table, from a cleaned event (the column names are the table's). */
function row(e: StoredEvent) {
  return {
    id: e.id,
    type: e.type,
    time: new Date(e.time).toISOString(),
    offer_id: text(e.offerId),
    offer_type: text(e.offerType),
    variant: text(e.variant),
    holdout: typeof e.holdout === 'boolean' ? e.holdout : null,
    visitor_id: text(e.visitorId),
    session_id: text(e.sessionId),
    currency: text(e.currency),
    cart_subtotal: num(e.cartSubtotal),
    value: num(e.value),
    order_id: text(e.orderId),
    order_total: num(e.total),
    payload: e,
  };
}

// One statement: the new events go in (sorted by id, so two batches sharing ids lock them in the
// same order and cannot deadlock), ids already stored are skipped, and exactly the rows inserted
// are added to the daily rollups, whose keys are also taken in one order.
const INSERT = `
with batch as (
  select * from jsonb_to_recordset($1::jsonb) as b(
    id text, type text, time timestamptz, offer_id text, offer_type text, variant text, holdout boolean,
    visitor_id text, session_id text, currency text, cart_subtotal bigint, value bigint,
    order_id text, order_total bigint, payload jsonb)
), ins as (
  insert into events (id, type, time, offer_id, offer_type, variant, holdout, visitor_id, session_id,
                      currency, cart_subtotal, value, order_id, order_total, payload)
  select id, type, time, offer_id, offer_type, variant, holdout, visitor_id, session_id,
         currency, cart_subtotal, value, order_id, order_total, payload
  from batch order by id
  on conflict (id) do nothing
  returning id, type, time, offer_id, offer_type, variant, holdout, cart_subtotal, value, order_total
), up as (
  insert into rollup_daily as r (day, offer_id, offer_type, variant, holdout, type, events, value, cart_subtotal, order_total)
  select (time at time zone $2)::date, coalesce(offer_id, ''), coalesce(offer_type, ''), coalesce(variant, ''),
         coalesce(holdout, false), type, count(*), coalesce(sum(value), 0), coalesce(sum(cart_subtotal), 0),
         coalesce(sum(order_total), 0)
  from ins group by 1, 2, 3, 4, 5, 6 order by 1, 2, 3, 4, 5, 6
  on conflict (day, offer_id, offer_type, variant, holdout, type) do update set
    events = r.events + excluded.events, value = r.value + excluded.value,
    cart_subtotal = r.cart_subtotal + excluded.cart_subtotal, order_total = r.order_total + excluded.order_total
  returning 1
)
select coalesce((select array_agg(id) from ins), '{}') as stored, (select count(*) from up)::bigint as groups`;

/** Stores the events not stored yet, with their rollups, in one transaction; returns the ids that were new. */
export async function storeEventIds(db: Db, events: StoredEvent[], timeZone: string): Promise<Set<string>> {
  if (!events.length) return new Set();
  const json = JSON.stringify(events.map(row));
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ stored: string[] }>(INSERT, [json, timeZone]);
    // Lift and attribution read per-visitor tables kept here, not the events (idempotent upserts).
    if (rows[0].stored.length > 0) await maintainLift(tx, json);
    return new Set(rows[0].stored);
  });
}

/** Stores the events not stored yet, with their rollups, in one transaction; returns how many were new. */
export async function storeEvents(db: Db, events: StoredEvent[], timeZone: string): Promise<number> {
  return (await storeEventIds(db, events, timeZone)).size;
}

/**
 * Recomputes the rollups from the events (after a time-zone change or a partial delete). With
 * `since` (an instant), only events from then on are summed and only the rollup rows they make are
 * replaced: older days' events are gone (retention) and their rollups are kept as they are.
 */
export async function rebuildRollups(q: Queryable, timeZone: string, since?: { instant: string; timeZone: string }): Promise<void> {
  const sums = `select (time at time zone $1)::date, coalesce(offer_id, ''), coalesce(offer_type, ''), coalesce(variant, ''),
            coalesce(holdout, false), type, count(*), coalesce(sum(value), 0), coalesce(sum(cart_subtotal), 0),
            coalesce(sum(order_total), 0)`;
  const cols = 'day, offer_id, offer_type, variant, holdout, type, events, value, cart_subtotal, order_total';
  if (!since) {
    await q.query('delete from rollup_daily');
    await q.query(`insert into rollup_daily (${cols}) ${sums} from events group by 1, 2, 3, 4, 5, 6`, [timeZone]);
    return;
  }
  // The first whole day after the oldest kept event, in the zone the rollups were made in: rows of
  // that day on go, and every event from its start is summed again (in the new zone, where a day
  // at the boundary may then hold a part from each side; each event is counted once).
  const { rows } = await q.query<{ day: string; start: string }>(
    `select d::text as day, (d::timestamp at time zone $2)::text as start
     from (select (($1::timestamptz at time zone $2)::date + 1) as d) x`,
    [since.instant, since.timeZone],
  );
  const { day, start } = rows[0];
  await q.query('delete from rollup_daily where day >= $1::date', [day]);
  await q.query(
    `insert into rollup_daily as r (${cols}) ${sums} from events where time >= $2::timestamptz group by 1, 2, 3, 4, 5, 6
     on conflict (day, offer_id, offer_type, variant, holdout, type) do update set
       events = r.events + excluded.events, value = r.value + excluded.value,
       cart_subtotal = r.cart_subtotal + excluded.cart_subtotal, order_total = r.order_total + excluded.order_total`,
    [timeZone, start],
  );
}

/** Keeps the rollups in the shop's time zone: rebuilt once when the configured zone changes. */
export async function useTimeZone(db: Db, timeZone: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('lock table settings in exclusive mode');
    const { rows } = await tx.query<{ key: string; value: string }>("select key, value from settings where key in ('time_zone', 'events_kept_from')");
    const get = (k: string) => rows.find((r) => r.key === k)?.value;
    const current = get('time_zone');
    if (current === timeZone) return;
    // Checks the name first: an unknown zone fails here, not on the first event.
    await tx.query('select now() at time zone $1', [timeZone]);
    const keptFrom = get('events_kept_from');
    if (current !== undefined) await rebuildRollups(tx, timeZone, keptFrom ? { instant: keptFrom, timeZone: current } : undefined);
    await tx.query("insert into settings (key, value) values ('time_zone', $1) on conflict (key) do update set value = excluded.value", [timeZone]);
  });
}
