import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { liftSums, offerResults, dailySums, orderTotals } from '../../server/lift/queries';
import { maintainLift, rebuildLift } from '../../server/lift/aggregates';
import { migrations } from '../../server/db/migrations';
import { groupSums as referenceSums } from '../../server/lift/reference';
// @ts-expect-error see above
import { simulate } from '../../demo/site/dashboard/simulate.js';
import { validateEvent } from '../../src/events/schema';
import type { GroupSums } from '../../server/lift/stats';

type Ev = Record<string, unknown>;
let db: PGlite;

/**
 * The events table as the results service stores it (columns for what is queried, the event itself
 * in payload), and the lift tables kept from the same batch, as on ingest.
 */
async function insert(events: Ev[]) {
  const rows = events.map((e) => ({
    id: e.id,
    type: e.type,
    time: e.time,
    offer_id: e.offerId ?? null,
    offer_type: e.offerType ?? null,
    variant: e.variant ?? null,
    holdout: e.holdout,
    visitor_id: e.visitorId,
    session_id: e.sessionId,
    value: e.value ?? null,
    order_id: e.orderId ?? null,
    order_total: e.total ?? null,
    payload: e,
  }));
  await maintainLift(db, JSON.stringify(rows));
  await db.query(
    `insert into events (id, type, time, offer_id, offer_type, variant, holdout, visitor_id, session_id, currency, cart_subtotal, value, order_id, order_total, payload)
     select e->>'id', e->>'type', (e->>'time')::timestamptz, e->>'offerId', e->>'offerType', e->>'variant', (e->>'holdout')::boolean,
            e->>'visitorId', e->>'sessionId', e->>'currency', (e->>'cartSubtotal')::bigint, (e->>'value')::bigint, e->>'orderId', (e->>'total')::bigint, e
     from jsonb_array_elements($1::jsonb) e
     on conflict (id) do nothing`,
    [JSON.stringify(events)],
  );
}

beforeAll(async () => {
  db = new PGlite();
  await db.exec(`create table events (
    id text primary key, type text not null, time timestamptz not null, received_at timestamptz not null default now(),
    offer_id text, offer_type text, variant text, holdout boolean not null default false, visitor_id text not null, session_id text not null,
    currency text not null, cart_subtotal bigint, value bigint, order_id text, order_total bigint, payload jsonb not null)`);
  // The lift tables as the migration creates them (its backfill finds no events yet).
  await db.exec(migrations.find((m) => m.version === 2)!.sql);
}, 120_000);
afterAll(() => db?.close());

const from = '2026-01-01T00:00:00Z';
const to = '2027-12-31T00:00:00Z';

describe('lift in SQL equals the plain definition', () => {
  it('shown vs holdout, and per copy variant, on simulated traffic (with repeated events and duplicate deliveries)', async () => {
    const events: Ev[] = simulate({ seed: 7, visitors: 600, holdout: 0.3, prefix: 'q7' });
    for (const e of events.slice(0, 20)) expect(validateEvent(e)).toBeNull();
    // At-least-once delivery: a tenth of the events arrive twice.
    await insert(events);
    await insert(events.filter((_, i) => i % 10 === 0));
    const sql = (await liftSums(db, { from, to })).overall;
    const ref = referenceSums(events);
    expect(Object.keys(sql).sort()).toEqual(['holdout', 'shown']);
    for (const g of ['holdout', 'shown']) {
      expect(sql[g]).toMatchObject({ visitors: ref[g].visitors, converters: ref[g].converters, orders: ref[g].orders, revenue: ref[g].revenue });
      expect(sql[g].revenueVar).toBeCloseTo(ref[g].revenueVar, 3);
      expect(sql[g].orderVar).toBeCloseTo(ref[g].orderVar, 3);
      expect(sql[g].visitors).toBeGreaterThan(100);
    }
    const byVariant = (await liftSums(db, { from, to })).offers.find((o) => o.offerId === 'up-tenugui')!.variants;
    const refVariant = referenceSums(events, { filter: (e: Ev) => e.offerId === 'up-tenugui' && !e.holdout, key: (v: { variant: string | null }) => v.variant });
    expect(Object.keys(byVariant).sort()).toEqual(['longevity', 'value']);
    for (const g of ['longevity', 'value']) expect(byVariant[g]).toMatchObject({ visitors: refVariant[g].visitors, converters: refVariant[g].converters, revenue: refVariant[g].revenue });

    // A narrower range: exposure and orders both inside it.
    const mid = '2026-11-15T00:00:00Z';
    const half = (await liftSums(db, { from, to: mid })).overall;
    const refHalf = referenceSums(events, { to: Date.parse(mid) });
    expect(half.shown).toMatchObject({ visitors: refHalf.shown.visitors, orders: refHalf.shown.orders, revenue: refHalf.shown.revenue });

    const days = await dailySums(db, { from, to });
    const sum = (g: string, k: 'visitors' | 'revenue') => days.filter((d: Ev) => d.group === g).reduce((s: number, d: Ev) => s + (d[k] as number), 0);
    expect(sum('shown', 'visitors')).toBe(ref.shown.visitors);
    expect(sum('holdout', 'revenue')).toBe(ref.holdout.revenue);
    expect(days[0].day).toMatch(/^2026-11-\d\d$/);

    const totals = await orderTotals(db, { from, to });
    expect(totals.orders).toBe(events.filter((e) => e.type === 'order').length);

    // Kept batch by batch on ingest, or rebuilt from the events at once: the same tables.
    const kept = await db.query('select * from lift_exposures order by 1, 2');
    const keptViews = await db.query('select * from lift_views order by 1, 2, 3');
    await rebuildLift(db);
    expect((await db.query('select * from lift_exposures order by 1, 2')).rows).toEqual(kept.rows);
    expect((await db.query('select * from lift_views order by 1, 2, 3')).rows).toEqual(keptViews.rows);
    expect((await liftSums(db, { from, to })).overall).toEqual(sql);

    // Every offer's groups and copy variants (read in the same query) equal the plain definition
    // of exposure to that offer, on both ranges.
    const agrees = (sql: Record<string, GroupSums>, ref: Record<string, GroupSums>) => {
      expect(Object.keys(sql).sort()).toEqual(Object.keys(ref).sort());
      for (const g of Object.keys(ref)) {
        expect(sql[g]).toMatchObject({ visitors: ref[g].visitors, converters: ref[g].converters, orders: ref[g].orders, revenue: ref[g].revenue });
        expect(sql[g].revenueVar).toBeCloseTo(ref[g].revenueVar, 3);
        expect(sql[g].orderVar).toBeCloseTo(ref[g].orderVar, 3);
      }
    };
    for (const span of [
      { from, to },
      { from, to: mid },
    ]) {
      const all = await liftSums(db, span);
      const { rows } = await db.query<{ offer_id: string }>("select distinct offer_id from lift_exposures where offer_id <> '' and first_seen >= $1 and first_seen < $2 order by 1", [
        span.from,
        span.to,
      ]);
      expect(all.offers.map((o) => o.offerId)).toEqual(rows.map((r) => r.offer_id));
      expect(all.offers.length).toBeGreaterThanOrEqual(2);
      const end = Date.parse(span.to);
      for (const o of all.offers) {
        agrees(o.groups, referenceSums(events, { to: end, filter: (e: Ev) => e.offerId === o.offerId }));
        agrees(o.variants, referenceSums(events, { to: end, filter: (e: Ev) => e.offerId === o.offerId && !e.holdout, key: (v: { variant: string | null }) => v.variant }));
      }
    }
  }, 120_000);
});

describe('attribution from real orders', () => {
  const base = { currency: 'JPY', cartSubtotal: 2640, variant: null, holdout: false, page: 'https://wa.example.jp/cart', version: 'test' };
  let n = 0;
  const at = (min: number) => new Date(Date.UTC(2026, 11, 1, 10, 0) + min * 60_000).toISOString();
  const ev = (visitor: string, session: string, type: string, min: number, extra: Ev = {}): Ev => ({
    ...base,
    id: `a-${n++}`,
    type,
    offerId: 'up-1',
    offerType: 'upsell',
    value: 2200,
    visitorId: visitor,
    sessionId: session,
    time: at(min),
    items: [{ sku: 'TN-0123-DX', quantity: 2, price: 2420 }],
    ...extra,
  });
  const order = (visitor: string, session: string, min: number, items: Ev[], orderId = `o-${n++}`): Ev => ({
    ...base,
    id: `order-${orderId}`,
    type: 'order',
    orderId,
    total: 9000,
    visitorId: visitor,
    sessionId: session,
    time: at(min),
    items,
  });
  const dx = { sku: 'TN-0123-DX', quantity: 2, price: 2420 };

  it('counts what the next order holds, never a failed accept, once per page view', async () => {
    const events: Ev[] = [
      // A: the card came back three times on one page view; accepted; bought it in the same visit.
      ev('A', 'A1', 'impression', 0),
      ev('A', 'A1', 'impression', 0.05),
      ev('A', 'A1', 'impression', 0.1),
      ev('A', 'A1', 'accept', 1),
      order('A', 'A1', 20, [dx, { sku: 'OTHER', quantity: 1, price: 4160 }]),
      // B: accepted but the platform refused; bought the item later by hand: not the prompt's doing.
      ev('B', 'B1', 'impression', 0),
      ev('B', 'B1', 'accept', 1),
      ev('B', 'B1', 'accept-failed', 1.1, { reason: '在庫切れ' }),
      order('B', 'B1', 30, [dx]),
      // C: accepted, ordered ten days later in another visit: outside a 7-day window.
      ev('C', 'C1', 'impression', 0),
      ev('C', 'C1', 'accept', 1),
      order('C', 'C9', 60 * 24 * 10, [dx]),
      // D: accepted, took it out again; the next order lacks it (a later one has it: not the next).
      ev('D', 'D1', 'impression', 0),
      ev('D', 'D1', 'accept', 1),
      order('D', 'D1', 15, [{ sku: 'TN-0123', quantity: 2, price: 1320 }]),
      order('D', 'D2', 60 * 30, [dx]),
      // E: a holdout visitor's would-have-shown impression is no impression anyone could accept.
      ev('E', 'E1', 'impression', 0, { holdout: true }),
      // F: a platform that knows the item by its variant id only (Shopify without SKUs).
      ev('F', 'F1', 'impression', 0, { offerId: 'x-1', offerType: 'cross-sell', value: 1080, items: [{ sku: '44001', quantity: 1, price: 1080 }] }),
      ev('F', 'F1', 'accept', 1, { offerId: 'x-1', offerType: 'cross-sell', value: 1080, items: [{ sku: '44001', quantity: 1, price: 1080 }] }),
      order('F', 'F1', 5, [{ sku: '', id: '44001', quantity: 1, price: 1080 }]),
      // G: a downsell is its own row.
      ev('G', 'G1', 'impression', 0, { offerType: 'downsell', value: 880 }),
      ev('G', 'G1', 'accept', 1, { offerType: 'downsell', value: 880, items: [{ sku: 'TN-0123-PLUS', quantity: 2, price: 1760 }] }),
      order('G', 'G1', 9, [{ sku: 'TN-0123-PLUS', quantity: 2, price: 1760 }]),
    ];
    for (const e of events) expect(validateEvent(e)).toBeNull();
    await db.exec('delete from events; delete from lift_exposures; delete from lift_orders; delete from lift_views; delete from lift_answers');
    await insert(events);
    const rows = await offerResults(db, { from, to });
    const row = (id: string, type: string) => rows.find((r: Ev) => r.offerId === id && r.offerType === type);
    expect(row('up-1', 'upsell')).toEqual({ offerId: 'up-1', offerType: 'upsell', impressions: 4, acceptedViews: 4, accepts: 4, failed: 1, attributedAccepts: 1, attributedRevenue: 2200 });
    expect(row('x-1', 'cross-sell')).toMatchObject({ impressions: 1, attributedAccepts: 1, attributedRevenue: 1080 });
    expect(row('up-1', 'downsell')).toMatchObject({ impressions: 1, attributedAccepts: 1, attributedRevenue: 880 });
    // A longer window takes in C's order.
    const wide = await offerResults(db, { from, to, windowHours: 24 * 11 });
    expect(wide.find((r: Ev) => r.offerId === 'up-1' && r.offerType === 'upsell')?.attributedRevenue).toBe(4400);
  }, 60_000);
});
