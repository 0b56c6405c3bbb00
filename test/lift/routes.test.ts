// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers, freshDb, getJson, post, startApp, type TestApp, type TestDb } from '../server/helpers';
// @ts-expect-error plain ES module of the demo, without types
import { simulate } from '../../demo/site/dashboard/simulate.js';
import { groupSums as referenceSums } from '../../server/lift/reference';

type Ev = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe.each(drivers)('orders, attribution and lift over HTTP (%s)', (driver) => {
  let t: TestDb;
  let s: TestApp;
  // Four weeks of a small shop in November 2026 (Japan time), as the widget and order hooks send it.
  const events: Ev[] = simulate({ seed: 21, visitors: 400, holdout: 0.3, start: Date.UTC(2026, 10, 1), days: 20, prefix: 'r21' });

  beforeAll(async () => {
    t = await freshDb(driver);
    s = await startApp(t.db, { CONFIG_FILE: 'demo/site/shops/wa/cart-upsell.json' });
    for (let i = 0; i < events.length; i += 500) expect((await post(s.base, { events: events.slice(i, i + 500) })).status).toBe(200);
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await t?.drop();
  });

  it('needs the admin token', async () => {
    for (const path of ['/results/lift', '/results/lift/series', '/results/attribution', '/results/offer-names']) {
      expect((await fetch(s.base + path)).status).toBe(401);
    }
  });

  it('shown vs holdout with intervals and verdicts, equal to the plain definition', async () => {
    const r = await getJson(s.base, '/results/lift?from=2026-11-01&to=2026-12-31');
    const ref = referenceSums(events);
    expect(r.groups.shown).toMatchObject({ visitors: ref.shown.visitors, converters: ref.shown.converters, orders: ref.shown.orders, revenue: ref.shown.revenue });
    expect(r.groups.holdout).toMatchObject({ visitors: ref.holdout.visitors, revenue: ref.holdout.revenue });
    const c = r.overall;
    for (const m of ['conversion', 'rpv', 'aov']) {
      expect(c[m].difference.low).toBeLessThanOrEqual(c[m].difference.estimate);
      expect(['significant', 'not-yet', 'no-difference', 'too-few']).toContain(c[m].verdict.kind);
      expect(c[m].verdict.winner === null).toBe(c[m].verdict.kind !== 'significant');
    }
    expect(c.a.rpv.estimate).toBeCloseTo(ref.shown.revenue / ref.shown.visitors, 6);
    const up = r.offers.find((o: Ev) => o.offerId === 'up-tenugui');
    expect(up.variants).toHaveLength(1);
    expect(up.variants[0]).toMatchObject({ variantA: 'value', variantB: 'longevity' });
    expect(up.shownVsHoldout.a.visitors).toBe(ref.shown.visitors);
    // A range before any traffic: nothing to compare, said as such.
    const empty = await getJson(s.base, '/results/lift?from=2026-01-01&to=2026-01-31');
    expect(empty.overall).toBeNull();
    expect((await fetch(`${s.base}/results/lift?from=2026-11-01&to=2026-12-31&minEffect=7`, { headers: { authorization: 'Bearer test-admin-token-0123456789' } })).status).toBe(400);
  }, 60_000);

  it('daily series cover every day of the range', async () => {
    const r = await getJson(s.base, '/results/lift/series?from=2026-11-01&to=2026-11-30');
    expect(r.days).toHaveLength(30);
    const total = r.days.reduce((n: number, d: Ev) => n + d.shown.visitors + d.holdout.visitors, 0);
    expect(total).toBe(new Set(events.filter((e) => e.type === 'impression').map((e) => e.visitorId)).size);
  }, 60_000);

  it('attributed revenue: what the accepted offers added, found in the next orders; offers by name', async () => {
    const r = await getJson(s.base, '/results/attribution?from=2026-11-01&to=2026-12-31');
    // The simulator's kept accepts end up in the visitor's first order (same visit or 1–3 days later).
    const expected: Record<string, number> = {};
    const byVisitor = new Map<string, Ev[]>();
    for (const e of events) byVisitor.set(e.visitorId, [...(byVisitor.get(e.visitorId) ?? []), e]);
    for (const list of byVisitor.values()) {
      const first = list.find((e) => e.type === 'order');
      if (!first) continue;
      list.forEach((e, i) => {
        if (e.type !== 'accept' || list[i + 1]?.type === 'accept-failed') return;
        if (first.items.some((it: Ev) => it.sku === e.items[0].sku)) expected[e.offerId] = (expected[e.offerId] ?? 0) + e.value;
      });
    }
    const row = (id: string) => r.offers.find((o: Ev) => o.offerId === id && o.offerType !== 'downsell');
    expect(row('up-tenugui').attributedRevenue).toBe(expected['up-tenugui']);
    expect(row('x-tea').attributedRevenue).toBe(expected['x-tea']);
    expect(row('up-tenugui').attributedRevenue).toBeGreaterThan(0);
    // Impressions once per page view: fewer than the impression events sent (some were repeats).
    const sent = events.filter((e) => e.type === 'impression' && !e.holdout && e.offerId === 'up-tenugui').length;
    expect(row('up-tenugui').impressions).toBeLessThan(sent);
    // A page view is the widget's pageViewId (stored with the event): one or two per visitor here.
    const views = new Set(events.filter((e) => e.type === 'impression' && !e.holdout && e.offerId === 'up-tenugui').map((e) => e.pageViewId));
    expect(row('up-tenugui').impressions).toBe(views.size);
    expect(views.size).toBeGreaterThan(new Set(events.filter((e) => e.type === 'impression' && !e.holdout && e.offerId === 'up-tenugui').map((e) => e.visitorId)).size);
    expect(row('up-tenugui').acceptance.high).toBeLessThanOrEqual(1);
    expect(r.orders.orders).toBe(events.filter((e) => e.type === 'order').length);

    // Acceptance per copy variant, counted the same way: page views of each variant's visitors.
    const shownViews = (type: string, variant: string) =>
      new Set(events.filter((e) => e.type === type && !e.holdout && e.offerId === 'up-tenugui' && e.variant === variant).map((e) => e.pageViewId)).size;
    const perVariant = r.variants.filter((v: Ev) => v.offerId === 'up-tenugui');
    expect(perVariant.map((v: Ev) => v.variant)).toEqual(['longevity', 'value']);
    for (const v of perVariant) {
      expect(v.impressions).toBe(shownViews('impression', v.variant));
      expect(v.acceptedViews).toBe(shownViews('accept', v.variant));
      expect(v.acceptedViews).toBeGreaterThan(0);
      expect(v.acceptance.estimate).toBeCloseTo(v.acceptedViews / v.impressions, 10);
      expect(v.acceptance.low).toBeLessThan(v.acceptance.estimate);
      expect(v.acceptance.high).toBeGreaterThan(v.acceptance.estimate);
    }
    expect(perVariant[0].impressions + perVariant[1].impressions).toBe(row('up-tenugui').impressions);
    expect(perVariant[0].against).toBeNull();
    const against = perVariant[1].against;
    expect(against.variant).toBe('longevity');
    expect(against.difference.estimate).toBeCloseTo(perVariant[1].acceptance.estimate - perVariant[0].acceptance.estimate, 10);
    // The winner is named exactly when the interval shown excludes no difference.
    expect(against.verdict.kind === 'significant').toBe(against.lift.low > 0 || against.lift.high < 0);
    expect(against.verdict.winner === null).toBe(against.verdict.kind !== 'significant');
    // Offers without copy variants have no rows.
    expect(r.variants.some((v: Ev) => v.offerId === 'x-tea')).toBe(false);
    const names = await getJson(s.base, '/results/offer-names');
    expect(names.names['up-tenugui']).toBe('手ぬぐい 青海波 → 手ぬぐい 青海波 特撰');
    expect(names.names['set-tea']).toBe('セット：急須 白磁 + 湯呑み 白磁');
  }, 60_000);
});

describe.each(drivers)('the lift tables follow deletions (%s)', (driver) => {
  let t: TestDb;
  let s: TestApp;
  const events: Ev[] = simulate({ seed: 22, visitors: 120, holdout: 0.3, start: Date.UTC(2026, 10, 1), days: 20, prefix: 'd21' });
  const del = (q: string) => fetch(`${s.base}/events?${q}`, { method: 'DELETE', headers: { authorization: 'Bearer test-admin-token-0123456789' } });
  const lift = () => getJson(s.base, '/results/lift?from=2026-11-01&to=2026-12-31');

  beforeAll(async () => {
    t = await freshDb(driver);
    s = await startApp(t.db, {});
  }, 180_000);
  afterAll(async () => {
    await s?.close();
    await t?.drop();
  });

  it('a visitor deleted, the days before a date deleted, everything deleted: the lift counts what remains', async () => {
    for (let i = 0; i < events.length; i += 500) expect((await post(s.base, { events: events.slice(i, i + 500) })).status).toBe(200);
    const before = await lift();
    const ref = referenceSums(events);
    expect(before.groups.shown.visitors + before.groups.holdout.visitors).toBe(ref.shown.visitors + ref.holdout.visitors);
    // One shown buyer asks to be forgotten.
    const gone = events.find((e) => e.type === 'order' && !e.holdout)!.visitorId;
    expect((await del(`visitor=${encodeURIComponent(gone)}`)).status).toBe(200);
    const rest = events.filter((e) => e.visitorId !== gone);
    const after = await lift();
    const refAfter = referenceSums(rest);
    expect(after.groups.shown).toMatchObject({ visitors: refAfter.shown.visitors, orders: refAfter.shown.orders, revenue: refAfter.shown.revenue });
    expect(after.groups.shown.visitors).toBe(before.groups.shown.visitors - 1);
    // Retention: everything before 10 November (Japan) goes; a visitor seen before and after is now first seen after.
    expect((await del('before=2026-11-10')).status).toBe(200);
    const cut = Date.parse('2026-11-10T00:00:00+09:00');
    const kept = rest.filter((e) => Date.parse(e.time) >= cut);
    const refCut = referenceSums(kept);
    const trimmed = await lift();
    for (const g of ['shown', 'holdout']) expect(trimmed.groups[g]).toMatchObject({ visitors: refCut[g].visitors, orders: refCut[g].orders, revenue: refCut[g].revenue });
    const attribution = await getJson(s.base, '/results/attribution?from=2026-11-01&to=2026-12-31');
    expect(attribution.orders.orders).toBe(kept.filter((e) => e.type === 'order').length);
    expect((await del('')).status).toBe(200);
    expect((await lift()).overall).toBeNull();
    expect((await getJson(s.base, '/results/attribution?from=2026-11-01&to=2026-12-31')).offers).toEqual([]);
  }, 120_000);
});
