/**
 * The schema, one numbered step at a time. A step, once released, never changes (a database that
 * ran it would not run it again, so an edit would reach only new installs): a later change is a
 * new step. Each is written out literally, never built from constants the code shares, and
 * test/server/migrations-frozen.test.ts holds each to the hash of its released text. Each runs in
 * its own transaction and is recorded in schema_migrations.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'events and daily rollups',
    sql: `
      -- One row per event id: delivery is at least once, storage exactly once.
      -- No partitions: a partitioned table cannot have a unique index without the partition key,
      -- and the id must be unique across all time. The index plan keeps writes and reads flat
      -- instead: every index but the id's grows at its right-hand edge (time order), and the
      -- results API reads the rollups, never this table.
      create table events (
        id text primary key,
        type text not null,
        time timestamptz not null,
        received_at timestamptz not null default now(),
        offer_id text,
        offer_type text,
        variant text,
        holdout boolean,
        visitor_id text,
        session_id text,
        currency text,
        cart_subtotal bigint,
        value bigint,
        order_id text,
        order_total bigint,
        payload jsonb not null
      );
      -- The admin's raw access pages through arrival order.
      create index events_received on events (received_at, id);
      -- Date-range reads and deletes (retention).
      create index events_time on events (time);
      -- One visitor's events in time order (attribution, a visitor-prefix filter).
      create index events_visitor on events (visitor_id text_pattern_ops, time);

      -- Per day (in the shop's time zone) x offer x copy variant x group x event type, kept in the
      -- same transaction as the insert that adds to it. '' stands for "none" in the key columns
      -- (an order has no offer, most offers have no variant).
      create table rollup_daily (
        day date not null,
        offer_id text not null,
        offer_type text not null,
        variant text not null,
        holdout boolean not null,
        type text not null,
        events bigint not null,
        value bigint not null,
        cart_subtotal bigint not null,
        order_total bigint not null,
        primary key (day, offer_id, offer_type, variant, holdout, type)
      );

      create table settings (key text primary key, value text not null);
    `,
  },
  {
    version: 2,
    name: 'lift tables: per visitor, order, page view and answer',
    // Written out as released: the lift code may change, this step may not (a later change is a new step).
    sql: `
  -- Per visitor and offer ('' = any offer): the first impression (shown, or for the holdout the
  -- first prompt they would have seen), the group and the smallest copy variant seen.
  create table lift_exposures (
    offer_id text not null,
    visitor_id text not null,
    first_seen timestamptz not null,
    holdout boolean not null,
    variant text,
    primary key (offer_id, visitor_id)
  );
  create index lift_exposures_first on lift_exposures (offer_id, first_seen);

  -- One row per order id (the earliest delivery's), with what it holds for attribution.
  create table lift_orders (
    order_id text primary key,
    visitor_id text not null,
    session_id text,
    time timestamptz not null,
    total bigint not null,
    items jsonb not null
  );
  create index lift_orders_visitor on lift_orders (visitor_id, time);
  create index lift_orders_time on lift_orders (time);

  -- Per offer and page view (the widget's pageViewId; from older widgets, visit and page): when it
  -- was first shown, and whether it was shown and accepted.
  create table lift_views (
    offer_id text not null,
    offer_type text not null,
    view text not null,
    visitor_id text not null,
    first_seen timestamptz not null,
    holdout boolean not null,
    shown boolean not null,
    accepted boolean not null,
    primary key (offer_id, offer_type, view)
  );
  create index lift_views_first on lift_views (first_seen);
  create index lift_views_visitor on lift_views (visitor_id);

  -- Accepts and failed accepts of shown prompts, with the items an accept added.
  create table lift_answers (
    id text primary key,
    type text not null,
    offer_id text not null,
    offer_type text not null,
    visitor_id text not null,
    session_id text,
    time timestamptz not null,
    value bigint,
    items jsonb not null
  );
  create index lift_answers_time on lift_answers (time);
  create index lift_answers_visitor on lift_answers (visitor_id, offer_id, time);
      insert into lift_exposures as x (offer_id, visitor_id, first_seen, holdout, variant)
   select k.offer_id, e.visitor_id, min(e.time), bool_or(coalesce(e.holdout, false)), min(e.variant)
   from events e cross join lateral (values (e.offer_id), ('')) k(offer_id)
   where e.type = 'impression' and e.visitor_id is not null and e.offer_id is not null
   group by 1, 2 order by 1, 2
   on conflict (offer_id, visitor_id) do update set
     first_seen = least(x.first_seen, excluded.first_seen), holdout = x.holdout or excluded.holdout,
     variant = least(x.variant, excluded.variant);
insert into lift_orders as o (order_id, visitor_id, session_id, time, total, items)
   select distinct on (order_id) order_id, visitor_id, session_id, time, coalesce(order_total, 0), coalesce(payload->'items', '[]'::jsonb)
   from events e where type = 'order' and order_id is not null and visitor_id is not null
   order by order_id, time
   on conflict (order_id) do update set
     visitor_id = excluded.visitor_id, session_id = excluded.session_id, time = excluded.time, total = excluded.total, items = excluded.items
     where excluded.time < o.time;
insert into lift_views as v (offer_id, offer_type, view, visitor_id, first_seen, holdout, shown, accepted)
   select offer_id, offer_type, coalesce(session_id, '') || ' ' || coalesce(payload->>'pageViewId', payload->>'page', ''), min(visitor_id), min(time), bool_or(coalesce(holdout, false)),
          bool_or(type = 'impression'), bool_or(type = 'accept')
   from events e where type in ('impression', 'accept') and offer_id is not null and offer_type is not null and visitor_id is not null
   group by 1, 2, 3 order by 1, 2, 3
   on conflict (offer_id, offer_type, view) do update set
     first_seen = least(v.first_seen, excluded.first_seen), holdout = v.holdout or excluded.holdout,
     shown = v.shown or excluded.shown, accepted = v.accepted or excluded.accepted;
insert into lift_answers (id, type, offer_id, offer_type, visitor_id, session_id, time, value, items)
   select id, type, offer_id, offer_type, visitor_id, session_id, time, value, coalesce(payload->'items', '[]'::jsonb)
   from events e where type in ('accept', 'accept-failed') and not coalesce(holdout, false)
     and offer_id is not null and offer_type is not null and visitor_id is not null
   order by id
   on conflict (id) do nothing`,
  },
];
