import { LIFT_TABLES, LIFT_BACKFILL } from '../lift/aggregates';

/**
 * The schema, one numbered step at a time. A step, once released, never changes: a later
 * change is a new step. Each runs in its own transaction and is recorded in schema_migrations.
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
    sql: `${LIFT_TABLES};
      ${LIFT_BACKFILL}`,
  },
];
