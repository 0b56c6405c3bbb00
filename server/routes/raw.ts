import type { FastifyPluginAsync } from 'fastify';
import { HttpError } from '../types';
import { forgetLift } from '../lift/aggregates';

interface Row {
  payload: Record<string, unknown>;
  /** Arrival time to the microsecond, as text: a JS Date would round it to the millisecond. */
  at: string;
  id: string;
}

const cursorOf = (r: Row) => Buffer.from(JSON.stringify([r.at, r.id])).toString('base64url');
function parseCursor(c: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(c, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !isNaN(Date.parse(v[0]))) {
      return v as [string, string];
    }
  } catch {
    /* answered below */
  }
  throw new HttpError(400, 'after: expected the "next" value of a previous page');
}

/** A visitor-id prefix as a LIKE pattern matching it literally. */
const prefixPattern = (p: string) => p.replace(/[\\%_]/g, (c) => '\\' + c) + '%';

/** Deletes the matching events and takes exactly them out of the rollups. */
const subtracting = (where: string, tzParam: number) => `
with d as (
  delete from events where ${where}
  returning type, time, offer_id, offer_type, variant, holdout, cart_subtotal, value, order_total
), g as (
  select (time at time zone $${tzParam})::date as day, coalesce(offer_id, '') as offer_id, coalesce(offer_type, '') as offer_type,
         coalesce(variant, '') as variant, coalesce(holdout, false) as holdout, type, count(*) as events,
         coalesce(sum(value), 0) as value, coalesce(sum(cart_subtotal), 0) as cart_subtotal, coalesce(sum(order_total), 0) as order_total
  from d group by 1, 2, 3, 4, 5, 6
), u as (
  update rollup_daily r set events = r.events - g.events, value = r.value - g.value,
    cart_subtotal = r.cart_subtotal - g.cart_subtotal, order_total = r.order_total - g.order_total
  from g where (r.day, r.offer_id, r.offer_type, r.variant, r.holdout, r.type) = (g.day, g.offer_id, g.offer_type, g.variant, g.holdout, g.type)
  returning 1
)
select (select coalesce(sum(events), 0) from g)::bigint as n, (select count(*) from u) as groups`;

/**
 * The admin's raw access (behind the token): GET /events pages through stored events in arrival
 * order (`limit` ≤ 10000, `after` = the previous page's `next`; `order=desc` for newest first;
 * `since` = event time after; `visitor` = visitor-id prefix). DELETE /events removes all events,
 * or those before a day (`before=YYYY-MM-DD`) or of a visitor-id prefix (`visitor=`); the rollups
 * follow in the same transaction.
 */
export const rawRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: Record<string, string | undefined> }>('/events', async (req) => {
    const q = req.query;
    const limit = q.limit === undefined ? 1000 : Number(q.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) throw new HttpError(400, 'limit: expected a whole number from 1 to 10000');
    const desc = q.order === 'desc';
    if (q.order !== undefined && q.order !== 'asc' && q.order !== 'desc') throw new HttpError(400, 'order: expected asc or desc');
    const where: string[] = [];
    const params: unknown[] = [];
    if (q.after) {
      const [at, id] = parseCursor(q.after);
      params.push(at, id);
      where.push(`(received_at, id) ${desc ? '<' : '>'} ($${params.length - 1}::timestamptz, $${params.length})`);
    }
    if (q.since) {
      if (isNaN(Date.parse(q.since))) throw new HttpError(400, 'since: expected an ISO 8601 time');
      params.push(new Date(q.since).toISOString());
      where.push(`time > $${params.length}`);
    }
    if (q.visitor) {
      params.push(prefixPattern(q.visitor));
      where.push(`visitor_id like $${params.length}`);
    }
    params.push(limit + 1);
    const dir = desc ? 'desc' : 'asc';
    const { rows } = await app.db.query<Row>(
      `select payload, to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from events ${where.length ? 'where ' + where.join(' and ') : ''}
       order by received_at ${dir}, id ${dir} limit $${params.length}`,
      params,
    );
    const page = rows.slice(0, limit);
    return { events: page.map((r) => r.payload), next: rows.length > limit ? cursorOf(page[page.length - 1]) : null };
  });

  app.delete<{ Querystring: Record<string, string | undefined> }>('/events', async (req) => {
    const { before, visitor } = req.query;
    const tz = app.settings.timeZone;
    if (before !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(before)) throw new HttpError(400, 'before: expected a day as YYYY-MM-DD');
    return app.db.transaction(async (tx) => {
      if (before === undefined && visitor === undefined) {
        const { rows } = await tx.query<{ n: number }>('select count(*)::bigint as n from events');
        await tx.query('truncate events, rollup_daily');
        await forgetLift(tx);
        return { deleted: rows[0].n };
      }
      const where: string[] = [];
      const params: unknown[] = [];
      if (before !== undefined) {
        params.push(before, tz);
        where.push(`time < ($1::date::timestamp at time zone $2)`);
      }
      if (visitor !== undefined) {
        params.push(prefixPattern(visitor));
        where.push(`visitor_id like $${params.length}`);
      }
      if (visitor === undefined) {
        // Whole days of the shop's time zone: their rollup rows go as they are.
        const { rows } = await tx.query<{ n: number }>(`with d as (delete from events where ${where.join(' and ')} returning 1) select count(*)::bigint as n from d`, params);
        await tx.query('delete from rollup_daily where day < $1::date', [before]);
        const { rows: cut } = await tx.query<{ t: Date | string }>('select ($1::date::timestamp at time zone $2) as t', [before, tz]);
        await forgetLift(tx, { before: new Date(cut[0].t).toISOString() });
        return { deleted: rows[0].n };
      }
      params.push(tz);
      const { rows } = await tx.query<{ n: number }>(subtracting(where.join(' and '), params.length), params);
      await tx.query('delete from rollup_daily where events <= 0');
      await forgetLift(tx, { visitorPattern: prefixPattern(visitor) });
      return { deleted: rows[0].n };
    });
  });
};
