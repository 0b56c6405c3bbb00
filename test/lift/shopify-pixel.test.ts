import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import vm from 'node:vm';
import { join } from 'node:path';
import { validateEvent, type OrderEvent } from '../../src/events/schema';
import { inHoldout } from '../../src/offers/hash';

const code = readFileSync(join(process.cwd(), 'hooks/shopify/custom-pixel.js'), 'utf8').replace("'https://results.example.jp/events'", "'https://results.test/events'");

/**
 * Shopify's custom-pixel sandbox, as its docs describe it: `analytics.subscribe(name, handler)`,
 * and `browser.localStorage` / `browser.sessionStorage` whose methods run in the top frame and
 * return promises (https://shopify.dev/docs/api/web-pixels-api/standard-api/browser).
 */
function sandbox(storage: { local: Record<string, string>; session: Record<string, string> }, fetchImpl: typeof fetch) {
  const handlers = new Map<string, ((e: unknown) => Promise<void>)[]>();
  const store = (m: Record<string, string>) => ({
    getItem: async (k: string) => (k in m ? m[k] : null),
    setItem: async (k: string, v: string) => void (m[k] = v),
    removeItem: async (k: string) => void delete m[k],
  });
  const context = {
    analytics: { subscribe: (name: string, fn: (e: unknown) => Promise<void>) => handlers.set(name, [...(handlers.get(name) ?? []), fn]) },
    browser: { localStorage: store(storage.local), sessionStorage: store(storage.session) },
    fetch: fetchImpl,
    setTimeout,
    JSON,
    Math,
    Number,
    String,
    Date,
    Promise,
  };
  vm.runInNewContext(code, context);
  return { publish: (name: string, e: unknown) => Promise.all((handlers.get(name) ?? []).map((fn) => fn(e))) };
}

/** A checkout_completed event shaped as documented (https://shopify.dev/docs/api/web-pixels-api/standard-events/checkout_completed). */
const completed = (orderId: string) => ({
  id: 'sh-evt-1',
  name: 'checkout_completed',
  clientId: 'shopify-client-7',
  timestamp: '2026-12-04T09:30:00.000Z',
  context: { document: { location: { origin: 'https://wa.example.jp', pathname: '/checkouts/c/abc/thank-you', search: '?x=1' } } },
  data: {
    checkout: {
      currencyCode: 'JPY',
      email: 'taro@example.jp',
      phone: '090-0000-0000',
      billingAddress: { firstName: '太郎', lastName: '山田', city: '京都市' },
      order: { id: orderId, customer: { id: 'gid://shopify/Customer/1' } },
      totalPrice: { amount: 8140.0, currencyCode: 'JPY' },
      subtotalPrice: { amount: 7480.0, currencyCode: 'JPY' },
      lineItems: [
        {
          quantity: 2,
          title: '手ぬぐい 青海波 特撰',
          variant: { id: '44001', sku: 'TN-0123-DX', price: { amount: 2420.0, currencyCode: 'JPY' } },
          finalLinePrice: { amount: 4840.0, currencyCode: 'JPY' },
        },
        { quantity: 1, title: '急須', variant: { id: '44002', sku: '', price: { amount: 2640.0, currencyCode: 'JPY' } }, finalLinePrice: { amount: 2640.0, currencyCode: 'JPY' } },
      ],
    },
  },
});

/** A results endpoint that stores each event id once and can be told to fail first. */
function endpoint(statuses: number[]) {
  const stored = new Map<string, OrderEvent>();
  const fetchImpl = vi.fn(async (_url: string, init: RequestInit) => {
    const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
    if (status === 200) for (const e of JSON.parse(String(init.body)).events) if (!stored.has(e.id)) stored.set(e.id, e);
    return new Response('{}', { status });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, stored, calls: fetchImpl };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the Shopify custom pixel', () => {
  it("sends the order under the widget's visitor id, with no personal data, retrying a 503", async () => {
    const ep = endpoint([503, 200]);
    const visitorId = 'mh2k3-abc123';
    const px = sandbox(
      { local: { 'cart-upsell:state': JSON.stringify({ v: 1, visitorId, snoozed: {}, impressions: {} }) }, session: { 'cart-upsell:session': JSON.stringify({ sessionId: 'sess-9' }) } },
      ep.fetchImpl,
    );
    const done = px.publish('checkout_completed', completed('gid://shopify/Order/5550001'));
    await vi.advanceTimersByTimeAsync(1500);
    await done;
    expect(ep.calls).toHaveBeenCalledTimes(2);
    expect([...ep.stored.values()]).toHaveLength(1);
    const e = [...ep.stored.values()][0];
    expect(validateEvent(e)).toBeNull();
    expect(e).toMatchObject({
      id: 'order-gid://shopify/Order/5550001',
      type: 'order',
      total: 7480,
      currency: 'JPY',
      visitorId,
      sessionId: 'sess-9',
      holdout: inHoldout(visitorId, 0.1),
      page: 'https://wa.example.jp/checkouts/c/abc/thank-you',
    });
    expect(e.items).toEqual([
      { sku: 'TN-0123-DX', id: '44001', quantity: 2, price: 2420 },
      { sku: '', id: '44002', quantity: 1, price: 2640 },
    ]);
    const text = JSON.stringify(e);
    for (const personal of ['taro@', '090-', '山田', '太郎', '京都', 'Customer']) expect(text).not.toContain(personal);
    const [url, init] = ep.calls.mock.calls[0];
    expect(url).toBe('https://results.test/events');
    expect((init.headers as Record<string, string>)['content-type']).toBe('text/plain');
  });

  it('fired twice for one order, the results keep one event; a buyer the widget never met counts under Shopify’s client id', async () => {
    const ep = endpoint([200]);
    const px = sandbox({ local: {}, session: {} }, ep.fetchImpl);
    await px.publish('checkout_completed', completed('gid://shopify/Order/7'));
    await px.publish('checkout_completed', completed('gid://shopify/Order/7'));
    expect(ep.calls).toHaveBeenCalledTimes(2);
    expect([...ep.stored.values()]).toHaveLength(1);
    expect([...ep.stored.values()][0]).toMatchObject({ visitorId: 'shopify-shopify-client-7', holdout: false });
  });

  it('a 400 is not retried; dollars become cents', async () => {
    const ep = endpoint([400]);
    const px = sandbox({ local: {}, session: {} }, ep.fetchImpl);
    const e = completed('9');
    e.data.checkout.currencyCode = 'USD';
    e.data.checkout.subtotalPrice = { amount: 74.8, currencyCode: 'USD' };
    const done = px.publish('checkout_completed', e);
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(ep.calls).toHaveBeenCalledTimes(1);
    expect(JSON.parse(String(ep.calls.mock.calls[0][1].body)).events[0].total).toBe(7480);
  });
});
