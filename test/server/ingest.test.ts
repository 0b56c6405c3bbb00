// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { admin, drivers, event, freshDb, getJson, post, startApp, type TestApp, type TestDb } from './helpers';

// A database per file on a shared 2-core machine: a single request can take seconds under load.
vi.setConfig({ testTimeout: 60_000 });

describe.each(drivers)('POST /events (%s)', (driver) => {
  let t: TestDb;
  let s: TestApp;
  beforeAll(async () => {
    t = await freshDb(driver);
    s = await startApp(t.db, { BATCH_LIMIT: '50' });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
    await t?.drop();
  });

  it('stores well-formed events once, dropping duplicate ids, and answers only after commit', async () => {
    let r = await post(s.base, { events: [event('a'), event('b'), event('a')] });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ stored: 2, duplicates: 1 });
    r = await post(s.base, { events: [event('b'), event('c')] });
    expect(await r.json()).toEqual({ stored: 1, duplicates: 1 });
    const { events } = await getJson(s.base, '/events');
    expect(events.map((e: { id: string }) => e.id)).toEqual(['a', 'b', 'c']);
    // The rollup counted each stored event once.
    const totals = await getJson(s.base, '/results/totals?from=2026-11-22&to=2026-11-22');
    expect(totals.shown.impressions).toBe(3);
  });

  it('answers 400 naming the field for a malformed event, and stores nothing of that batch', async () => {
    const r = await post(s.base, { events: [event('d'), event('e', { value: 'lots' })] });
    expect(r.status).toBe(400);
    expect((await r.json()).error).toBe('events[1].value: expected a whole number ≥ 0');
    const { events } = await getJson(s.base, '/events?visitor=v1');
    expect(events.map((e: { id: string }) => e.id)).not.toContain('d');
  });

  it('answers 400 for a body that is not JSON, has no list, or has out-of-range values', async () => {
    const bad = async (body: string) => {
      const r = await post(s.base, body);
      return [r.status, (await r.json()).error];
    };
    expect(await bad('not json')).toEqual([400, 'body: expected JSON {"events": [...]}']);
    expect(await bad('{"events": 3}')).toEqual([400, 'events: expected a list']);
    expect(await bad(JSON.stringify({ events: [event('big', { value: 2 ** 60 })] }))).toEqual([400, 'events[0].value: expected at most 9007199254740991']);
    expect(await bad(JSON.stringify({ events: [event('old', { time: '1970-01-01T00:00:00Z' })] }))).toEqual([400, 'events[0].time: expected a date between the years 2000 and 2999']);
    expect(await bad(JSON.stringify({ events: [event('q', { page: 'https://shop.example.jp/cart?email=a@b.jp' })] }))).toEqual([
      400,
      'events[0].page: expected origin and path, without query or hash',
    ]);
  });

  it('answers 413 over the body limit and over the batch limit', async () => {
    let r = await post(s.base, { events: [event('huge', { reason: 'x'.repeat(300_000) })] });
    expect(r.status).toBe(413);
    expect((await r.json()).error).toBe('body over 262144 bytes');
    r = await post(s.base, { events: Array.from({ length: 51 }, (_, i) => event(`many-${i}`)) });
    expect(r.status).toBe(413);
    expect((await r.json()).error).toBe('events: at most 50 in one request, got 51');
    const ids = (await getJson(s.base, '/events?limit=10000')).events.map((e: { id: string }) => e.id);
    expect(ids.filter((id: string) => id === 'huge' || id.startsWith('many-'))).toEqual([]);
  });

  it('stores no personal data: unknown fields dropped, e-mail addresses and phone numbers removed from free text', async () => {
    const r = await post(s.base, {
      events: [
        event('pii', {
          reason: 'お問い合わせ: taro@example.jp / 03-1234-5678 / ０９０１２３４５６７８',
          email: 'taro@example.jp',
          page: 'https://shop.example.jp/mypage/taro@example.jp',
          items: [{ sku: 'TN-01', quantity: 1, price: 100, buyer: 'Taro' }],
        }),
      ],
    });
    expect(r.status).toBe(200);
    const { events } = await getJson(s.base, '/events?limit=10000');
    const e = events.find((x: { id: string }) => x.id === 'pii');
    expect(e.email).toBeUndefined();
    expect(e.items).toEqual([{ sku: 'TN-01', quantity: 1, price: 100 }]);
    expect(e.reason).toBe('お問い合わせ: [removed] / [removed] / [removed]');
    expect(e.page).toBe('https://shop.example.jp/mypage/[removed]');
    expect(JSON.stringify(events)).not.toMatch(/taro|1234-5678|Taro/);
  });

  it('accepts the widget own request: no-preflight text/plain from an allowed origin, with CORS answer', async () => {
    const r = await post(s.base, { events: [event('cors-1')] }, { origin: 'http://localhost:8080' });
    expect(r.status).toBe(200);
    expect(r.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
    expect(r.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
  });

  it('refuses a body with the admin token missing for reads, not for writes', async () => {
    expect((await fetch(`${s.base}/events`)).status).toBe(401);
    expect((await fetch(`${s.base}/events`, { headers: admin })).status).toBe(200);
  });
});
