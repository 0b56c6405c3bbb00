// Orders, attribution and lift, in SQL (one dialect for PGlite and PostgreSQL). Every query takes a
// `db` with `query(sql, params) → { rows }` and a range [from, to) of timestamps. They read the lift
// tables kept on ingest (aggregates.ts: per visitor, order, page view and answer), never the raw
// events. The definitions are written once more in reference.ts, which the tests hold these to.

import type { GroupSums } from './stats';

/** What the queries need of the database: the same call on PGlite and on a PostgreSQL server. */
export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}
type Row = Record<string, unknown>;
/** A range of instants, [from, to): ISO timestamps. */
export interface Span {
  from: string;
  to: string;
}

const num = (x: unknown): number => (x == null ? 0 : Number(x));

/**
 * Visitors first exposed to prompts in the range (their first impression, shown or — for the
 * holdout — would have been shown), per offer ('' = any offer), each with their group and copy
 * variant; and their orders placed at or after that first exposure and before `to`, each order id
 * once. `offers` narrows which offers' exposures are read (SQL over `offer_id`).
 */
// Materialized: each step is computed once; inlined, the planner may re-run an aggregate per row.
const exposedOrders = (offers: string) => `
  exposed as materialized (
    select offer_id, visitor_id, holdout, variant, first_seen
    from lift_exposures where ${offers} and first_seen >= $1 and first_seen < $2
  ),
  counted as materialized (
    select x.offer_id, x.visitor_id, x.holdout, x.variant, x.first_seen, o.order_id, o.total as order_total
    from exposed x join lift_orders o on o.visitor_id = x.visitor_id and o.time >= x.first_seen and o.time < $2
  ),
  per_visitor as materialized (
    select x.offer_id, x.visitor_id, x.holdout, x.variant, x.first_seen,
           count(c.order_id) as orders, coalesce(sum(c.order_total), 0) as revenue
    from exposed x left join counted c on c.offer_id = x.offer_id and c.visitor_id = x.visitor_id
    group by x.offer_id, x.visitor_id, x.holdout, x.variant, x.first_seen
  )`;

/** Σx², Σx³, Σx⁴ (floating point: the shape of revenue, for the skew-corrected intervals). */
const POWERS = (x: string, p = 'p') => [2, 3, 4].map((k) => `coalesce(sum(power(${x}::float8, ${k})), 0)::float8 as ${p}${k}`).join(', ');

const GROUP = `case when holdout then 'holdout' else 'shown' end`;

// What a group's sums are made of: per visitor (from `per_visitor`) and per order (from `counted`).
const VISITOR_SUMS = `count(*)::int as visitors, count(*) filter (where orders > 0)::int as converters,
  coalesce(sum(orders), 0)::float8 as orders, coalesce(sum(revenue), 0)::float8 as revenue,
  coalesce(var_samp(revenue), 0)::float8 as revenue_var, ${POWERS('revenue')}`;
const ORDER_SUMS = `coalesce(var_samp(order_total), 0)::float8 as order_var, ${POWERS('order_total', 'o')}`;

const toSums = (r: Row): GroupSums => ({
  visitors: num(r.visitors),
  converters: num(r.converters),
  orders: num(r.orders),
  revenue: num(r.revenue),
  revenueVar: num(r.revenue_var),
  orderVar: num(r.order_var),
  revenuePowers: [num(r.p2), num(r.p3), num(r.p4)],
  orderPowers: [num(r.o2), num(r.o3), num(r.o4)],
});

/** One offer's per-group sums: shown vs holdout, and its copy variants. */
export interface OfferSums {
  offerId: string;
  /** Shown vs holdout. */
  groups: Record<string, GroupSums>;
  /** Copy variants, shown visitors only. */
  variants: Record<string, GroupSums>;
}

/**
 * Per-group sums the intervals are computed from — visitors, converters (visitors with an order),
 * orders, revenue (order totals), the sample variance of revenue per visitor and of order totals —
 * for all visitors (shown vs holdout) and for every offer (shown vs holdout, and its copy variants
 * among shown visitors), in one pass over the range's visitors: at millions of events a query per
 * offer took minutes.
 */
export async function liftSums(db: Queryable, { from, to }: Span): Promise<{ overall: Record<string, GroupSums>; offers: OfferSums[] }> {
  const { rows } = await db.query<Row>(
    `with ${exposedOrders('true')},
     visitors as (
       select offer_id, 'holdout' as by, ${GROUP} as grp, ${VISITOR_SUMS} from per_visitor group by 1, 3
       union all
       select offer_id, 'variant', variant, ${VISITOR_SUMS} from per_visitor where not holdout and offer_id <> '' and variant is not null group by 1, 3
     ),
     order_values as (
       select offer_id, 'holdout' as by, ${GROUP} as grp, ${ORDER_SUMS} from counted group by 1, 3
       union all
       select offer_id, 'variant', variant, ${ORDER_SUMS} from counted where not holdout and offer_id <> '' and variant is not null group by 1, 3
     )
     select v.*, coalesce(o.order_var, 0)::float8 as order_var, o.o2, o.o3, o.o4
     from visitors v left join order_values o on o.offer_id = v.offer_id and o.by = v.by and o.grp = v.grp
     order by v.offer_id, v.by, v.grp`,
    [from, to],
  );
  const overall: Record<string, GroupSums> = {};
  const offers = new Map<string, OfferSums>();
  for (const r of rows) {
    const offerId = String(r.offer_id);
    const into: Omit<OfferSums, 'offerId'> = offerId === '' ? { groups: overall, variants: {} } : (offers.get(offerId) ?? offers.set(offerId, { offerId, groups: {}, variants: {} }).get(offerId)!);
    (r.by === 'holdout' ? into.groups : into.variants)[String(r.grp)] = toSums(r);
  }
  return { overall, offers: [...offers.values()] };
}

/**
 * The same per day of first exposure (the shop's time zone), for the trend charts: visitors,
 * buyers, orders and revenue of each group among the visitors first exposed that day.
 */
export async function dailySums(db: Queryable, { from, to, timeZone = 'Asia/Tokyo' }: Span & { timeZone?: string }) {
  const { rows } = await db.query<Row>(
    `with ${exposedOrders("offer_id = ''")}
     select to_char((first_seen at time zone $3)::date, 'YYYY-MM-DD') as day, holdout,
            count(*)::int as visitors, count(*) filter (where orders > 0)::int as converters,
            coalesce(sum(orders), 0)::float8 as orders, coalesce(sum(revenue), 0)::float8 as revenue
     from per_visitor group by 1, 2 order by 1, 2`,
    [from, to, timeZone],
  );
  return rows
    .map((r) => ({
      day: String(r.day),
      group: (r.holdout ? 'holdout' : 'shown') as 'shown' | 'holdout',
      visitors: num(r.visitors),
      converters: num(r.converters),
      orders: num(r.orders),
      revenue: num(r.revenue),
    }))
    .sort((a, b) => (a.day + a.group).localeCompare(b.day + b.group));
}

/**
 * Per offer (a downsell on a row of its own): impressions counted once per page view (old widgets
 * counted a card every time it came back on screen), page views with an acceptance, acceptances,
 * failed acceptances, and the revenue attributed from real orders.
 *
 * Attribution: an accepted offer counts when the items it added are in the visitor's next order
 * placed in the same visit or within `windowHours`; the amount is what accepting added (`value`).
 * An accept followed by `accept-failed` for the same offer in that visit (before any other accept
 * of it) never counts: nothing was added.
 * A page view is the event's `pageViewId` when the widget sends one, else its visit and page.
 */
export async function offerResults(db: Queryable, { from, to, windowHours = 168 }: Span & { windowHours?: number }) {
  const { rows } = await db.query<Row>(
    `with views as (
       select offer_id, offer_type, count(*) filter (where shown)::int as impressions,
              count(*) filter (where accepted)::int as accepted_views
       from lift_views where not holdout and first_seen >= $1 and first_seen < $2 group by 1, 2
     ),
     answers as materialized (
       select * from lift_answers where time >= $1 and time < $2
     ),
     accepts as (
       select a.*,
              exists (
                select 1 from lift_answers f
                where f.type = 'accept-failed' and f.visitor_id = a.visitor_id and f.offer_id = a.offer_id
                  and f.session_id is not distinct from a.session_id and f.offer_type = a.offer_type and f.time >= a.time
                  and not exists (
                    select 1 from lift_answers b
                    where b.type = 'accept' and b.visitor_id = a.visitor_id and b.offer_id = a.offer_id
                      and b.offer_type = a.offer_type and b.time > a.time and b.time <= f.time
                  )
              ) as failed
       from answers a
       where a.type = 'accept'
     ),
     attributed as (
       select a.id, a.offer_id, a.offer_type, a.value
       from accepts a
       join lateral (
         select o.session_id, o.time, o.items
         from lift_orders o
         where o.visitor_id = a.visitor_id and o.time >= a.time
         order by o.time limit 1
       ) nxt on nxt.session_id = a.session_id or nxt.time <= a.time + make_interval(hours => $3)
       where not a.failed
         and not exists (
           select 1 from jsonb_array_elements(a.items) ai
           where not exists (
             select 1 from jsonb_array_elements(nxt.items) oi
             where (ai->>'sku' <> '' and (oi->>'sku' = ai->>'sku' or oi->>'id' = ai->>'sku'))
                or (ai->>'id' is not null and oi->>'id' = ai->>'id')
           )
         )
     ),
     answered as (
       select offer_id, offer_type,
              count(*) filter (where type = 'accept')::int as accepts,
              count(*) filter (where type = 'accept-failed')::int as failed
       from answers group by 1, 2
     ),
     revenue as (
       select offer_id, offer_type, count(*)::int as attributed_accepts, coalesce(sum(value), 0)::float8 as attributed_revenue
       from attributed group by 1, 2
     )
     select v.offer_id, v.offer_type, v.impressions,
            v.accepted_views, coalesce(a.accepts, 0) as accepts, coalesce(a.failed, 0) as failed,
            coalesce(r.attributed_accepts, 0) as attributed_accepts, coalesce(r.attributed_revenue, 0) as attributed_revenue
     from views v
     left join answered a on a.offer_id = v.offer_id and a.offer_type = v.offer_type
     left join revenue r on r.offer_id = v.offer_id and r.offer_type = v.offer_type
     order by v.impressions desc, v.offer_id`,
    [from, to, windowHours],
  );
  return rows.map((r) => ({
    offerId: String(r.offer_id),
    offerType: String(r.offer_type),
    impressions: num(r.impressions),
    acceptedViews: num(r.accepted_views),
    accepts: num(r.accepts),
    failed: num(r.failed),
    attributedAccepts: num(r.attributed_accepts),
    attributedRevenue: num(r.attributed_revenue),
  }));
}

/**
 * Per offer and copy variant: page views that showed it and page views with an acceptance (the
 * acceptance rate per variant, counted like `offerResults`). A page view's variant is the one its
 * visitor was assigned for that offer (the smallest seen, as in `liftSums`); offers without
 * variants are left out.
 */
export async function variantAcceptance(db: Queryable, { from, to }: Span) {
  const { rows } = await db.query<Row>(
    `select v.offer_id, v.offer_type, x.variant,
            count(*) filter (where v.shown)::int as impressions, count(*) filter (where v.accepted)::int as accepted_views
     from lift_views v join lift_exposures x on x.offer_id = v.offer_id and x.visitor_id = v.visitor_id
     where not v.holdout and v.first_seen >= $1 and v.first_seen < $2 and x.variant is not null
     group by 1, 2, 3 order by 1, 2, 3`,
    [from, to],
  );
  return rows.map((r) => ({ offerId: String(r.offer_id), offerType: String(r.offer_type), variant: String(r.variant), impressions: num(r.impressions), acceptedViews: num(r.accepted_views) }));
}

/** Orders in the range: how many, their total, and how many came from visitors the widget met. */
export async function orderTotals(db: Queryable, { from, to }: Span) {
  const { rows } = await db.query<Row>(
    `select count(*)::int as orders, coalesce(sum(total), 0)::float8 as revenue,
            count(*) filter (where exists (select 1 from lift_exposures x where x.offer_id = '' and x.visitor_id = o.visitor_id))::int as from_exposed
     from lift_orders o where time >= $1 and time < $2`,
    [from, to],
  );
  const r: Row = rows[0] ?? {};
  return { orders: num(r.orders), revenue: num(r.revenue), fromExposed: num(r.from_exposed) };
}
