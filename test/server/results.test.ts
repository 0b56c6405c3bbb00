// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import Papa from 'papaparse';
import { admin, drivers, event, freshDb, getJson, post, startApp, type TestApp, type TestDb } from './helpers';

// A database per file on a shared 2-core machine: a single request can take seconds under load.
vi.setConfig({ testTimeout: 60_000 });

type Ev = ReturnType<typeof event> & Record<string, unknown>;

// A seeded shop's worth of events over four days (Tokyo time), three offers, two copies, holdout.
function shopEvents(): Ev[] {
  let x = 42;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const types = ['impression', 'impression', 'impression', 'accept', 'decline', 'dismiss', 'accept-failed'];
  const offers = [
    ['up-1', 'upsell'],
    ['up-1', 'downsell'],
    ['x-tea', 'cross-sell'],
    ['set-1', 'bundle'],
  ];
  const out: Ev[] = [];
  for (let i = 0; i < 600; i++) {
    const [offerId, offerType] = offers[Math.floor(rnd() * offers.length)];
    // 2026-11-20 15:00Z … 2026-11-24 15:00Z: four Tokyo days, 21st to 24th.
    const time = new Date(Date.UTC(2026, 10, 20, 15) + Math.floor(rnd() * 4 * 86_400_000)).toISOString();
    const holdout = rnd() < 0.15;
    out.push(
      event(`r-${i}`, {
        type: holdout ? 'impression' : types[Math.floor(rnd() * types.length)],
        offerId,
        offerType,
        time,
        holdout,
        variant: offerId === 'up-1' ? (rnd() < 0.5 ? 'value' : 'longevity') : null,
        value: 100 + Math.floor(rnd() * 3000),
        visitorId: `rv-${i % 90}`,
      }),
    );
  }
  for (let i = 0; i < 40; i++) {
    out.push({ ...event(`o-${i}`), type: 'order', orderId: `#10${i}`, total: 3000 + i * 10, time: `2026-11-2${1 + (i % 4)}T03:00:00.000Z`, holdout: i % 5 === 0 } as unknown as Ev);
    const last = out[out.length - 1] as Record<string, unknown>;
    delete last.offerId;
    delete last.offerType;
    delete last.cartSubtotal;
    delete last.value;
  }
  return out;
}

const tokyoDay = (iso: string) => new Date(Date.parse(iso) + 9 * 3_600_000).toISOString().slice(0, 10);

function expected(events: Ev[], keep: (e: Ev) => boolean) {
  const c = { impressions: 0, accepts: 0, declines: 0, dismisses: 0, acceptFailed: 0, acceptedValue: 0, orders: 0, orderTotal: 0 };
  for (const e of events.filter(keep)) {
    if (e.type === 'impression') c.impressions++;
    if (e.type === 'accept') (c.accepts++, (c.acceptedValue += e.value as number));
    if (e.type === 'decline') c.declines++;
    if (e.type === 'dismiss') c.dismisses++;
    if (e.type === 'accept-failed') c.acceptFailed++;
    if (e.type === 'order') (c.orders++, (c.orderTotal += e.total as number));
  }
  return { ...c, acceptanceRate: c.impressions ? Math.round((c.accepts / c.impressions) * 1e6) / 1e6 : null };
}

describe.each(drivers)('results API (%s)', (driver) => {
  let t: TestDb;
  let s: TestApp;
  const events = shopEvents();
  beforeAll(async () => {
    t = await freshDb(driver);
    s = await startApp(t.db, { RATE_LIMIT: '0' });
    // Sent twice, in overlapping batches: duplicates must not count.
    for (let i = 0; i < events.length; i += 50) expect((await post(s.base, { events: events.slice(i, i + 50) })).status).toBe(200);
    for (let i = 25; i < events.length; i += 50) await post(s.base, { events: events.slice(i, i + 50) });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await t?.drop();
  });

  it('totals: shown vs holdout, equal to counting the events by hand', async () => {
    const r = await getJson(s.base, '/results/totals?from=2026-11-21&to=2026-11-24');
    expect(r.timeZone).toBe('Asia/Tokyo');
    expect(r.shown).toEqual(expected(events, (e) => !e.holdout));
    expect(r.holdout).toEqual(expected(events, (e) => !!e.holdout));
    // Days outside the range hold nothing.
    const none = await getJson(s.base, '/results/totals?from=2026-11-25&to=2026-11-30');
    expect(none.shown.impressions + none.holdout.impressions + none.shown.orders).toBe(0);
  });

  it('series: every day of the range in the shop time zone, zeros included', async () => {
    const r = await getJson(s.base, '/results/series?from=2026-11-20&to=2026-11-25');
    expect(r.days.map((d: { day: string }) => d.day)).toEqual(['2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24', '2026-11-25']);
    for (const d of r.days) {
      expect(d.shown, d.day).toEqual(expected(events, (e) => !e.holdout && tokyoDay(e.time) === d.day));
      expect(d.holdout, d.day).toEqual(expected(events, (e) => !!e.holdout && tokyoDay(e.time) === d.day));
    }
    const one = await getJson(s.base, '/results/series?from=2026-11-21&to=2026-11-24&offer=up-1&variant=value');
    expect(one.days[0].shown).toEqual(expected(events, (e) => !e.holdout && e.offerId === 'up-1' && e.variant === 'value' && tokyoDay(e.time) === '2026-11-21'));
  });

  it('per offer (a downsell its own row) and per copy variant', async () => {
    const r = await getJson(s.base, '/results/offers?from=2026-11-21&to=2026-11-24');
    expect(r.offers.map((o: { offerId: string; offerType: string }) => `${o.offerId}/${o.offerType}`)).toEqual(['set-1/bundle', 'up-1/downsell', 'up-1/upsell', 'x-tea/cross-sell']);
    for (const o of r.offers) {
      expect(o.shown).toEqual(expected(events, (e) => !e.holdout && e.offerId === o.offerId && e.offerType === o.offerType));
      expect(o.holdout).toEqual(expected(events, (e) => !!e.holdout && e.offerId === o.offerId && e.offerType === o.offerType));
    }
    const v = await getJson(s.base, '/results/variants?from=2026-11-21&to=2026-11-24&offer=up-1');
    expect(v.variants.map((x: { offerType: string; variant: string }) => `${x.offerType}/${x.variant}`)).toEqual(['downsell/longevity', 'downsell/value', 'upsell/longevity', 'upsell/value']);
    for (const x of v.variants) {
      expect(x.shown).toEqual(expected(events, (e) => !e.holdout && e.offerId === 'up-1' && e.offerType === x.offerType && e.variant === x.variant));
    }
  });

  it('exports CSV that sums to the same totals', async () => {
    const r = await fetch(`${s.base}/results/export.csv?from=2026-11-21&to=2026-11-24`, { headers: admin });
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe('attachment; filename="cart-upsell-2026-11-21-2026-11-24.csv"');
    const bytes = Buffer.from(await r.arrayBuffer());
    // A byte-order mark first, so Excel reads the file as UTF-8.
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('day,offer_id,offer_type,variant,group,impressions,')).toBe(true);
    const rows = Papa.parse<Record<string, string>>(text.trim(), { header: true }).data;
    const sum = (k: string, group: string) => rows.filter((x) => x.group === group).reduce((a, x) => a + Number(x[k]), 0);
    const want = expected(events, (e) => !e.holdout);
    expect(sum('impressions', 'shown')).toBe(want.impressions);
    expect(sum('acceptedValue', 'shown')).toBe(want.acceptedValue);
    expect(sum('orderTotal', 'shown')).toBe(want.orderTotal);
  });

  it('reads only the rollups: every results route answers the same with the raw events table out of reach', async () => {
    const q = 'from=2026-11-21&to=2026-11-24';
    const routes = ['totals', 'series', 'offers', 'variants', 'variants?offer=up-1&', 'export.csv'].map((r) => `/results/${r}${r.includes('?') ? q : '?' + q}`);
    const read = async () =>
      Promise.all(
        routes.map(async (url) => {
          const r = await fetch(s.base + url, { headers: admin });
          return `${url} ${r.status} ${await r.text()}`;
        }),
      );
    const before = await read();
    await t.db.query('alter table events rename to events_out_of_reach');
    try {
      expect(await read()).toEqual(before);
      // The table is really gone for a query that needs it.
      expect((await fetch(`${s.base}/events`, { headers: admin })).status).toBe(503);
    } finally {
      await t.db.query('alter table events_out_of_reach rename to events');
    }
    expect(before.every((line) => line.split(' ')[1] === '200')).toBe(true);
  });

  it('names the bad parameter', async () => {
    const bad = async (q: string) => {
      const r = await fetch(`${s.base}/results/totals?${q}`, { headers: admin });
      return [r.status, (await r.json()).error];
    };
    expect(await bad('from=2026-13-01')).toEqual([400, 'from: expected a day as YYYY-MM-DD']);
    expect(await bad('from=2026-11-02&to=2026-11-01')).toEqual([400, 'from: expected a day on or before to']);
    expect(await bad('from=2000-01-01&to=2026-01-01')).toEqual([400, 'from: expected a range of at most 3660 days']);
    const r = await fetch(`${s.base}/events?limit=0`, { headers: admin });
    expect((await r.json()).error).toBe('limit: expected a whole number from 1 to 10000');
  });

  it('pages raw events with a cursor, newest first on request', async () => {
    const seen: string[] = [];
    let after = '';
    for (let i = 0; i < 100; i++) {
      const page = await getJson(s.base, `/events?limit=150${after ? `&after=${after}` : ''}`);
      seen.push(...page.events.map((e: { id: string }) => e.id));
      if (!page.next) break;
      after = page.next;
    }
    expect(seen.length).toBe(events.length);
    expect(new Set(seen).size).toBe(events.length);
    const newest = await getJson(s.base, '/events?order=desc&limit=5');
    const all = await getJson(s.base, '/events?limit=10000');
    expect(newest.events.map((e: { id: string }) => e.id)).toEqual(
      all.events
        .slice(-5)
        .reverse()
        .map((e: { id: string }) => e.id),
    );
  });

  it('deleting a visitor takes exactly their events out of the results; deleting before a day drops those days', async () => {
    // A visitor-id prefix: rv-7 and rv-70 … rv-79.
    const gone = (e: Ev) => String(e.visitorId).startsWith('rv-7');
    const r = await fetch(`${s.base}/events?visitor=rv-7`, { method: 'DELETE', headers: admin });
    expect((await r.json()).deleted).toBe(events.filter(gone).length);
    const left = events.filter((e) => !gone(e));
    const totals = await getJson(s.base, '/results/totals?from=2026-11-21&to=2026-11-24');
    expect(totals.shown).toEqual(expected(left, (e) => !e.holdout));
    const d = await fetch(`${s.base}/events?before=2026-11-23`, { method: 'DELETE', headers: admin });
    expect((await d.json()).deleted).toBe(left.filter((e) => tokyoDay(e.time) < '2026-11-23').length);
    const after = await getJson(s.base, '/results/totals?from=2026-11-21&to=2026-11-24');
    expect(after.shown).toEqual(expected(left, (e) => !e.holdout && tokyoDay(e.time) >= '2026-11-23'));
    // The rollups still equal a recount of what is stored.
    const { rows } = await t.db.query<{ n: number }>('select coalesce(sum(events), 0)::bigint as n from rollup_daily');
    const { rows: raw } = await t.db.query<{ n: number }>('select count(*)::bigint as n from events');
    expect(rows[0].n).toBe(raw[0].n);
  });
});
