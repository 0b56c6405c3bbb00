import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { orderEvent } from '../../src/events/order';
import { validateEvent, type AnyEvent } from '../../src/events/schema';
import { start, stop, trackOrder } from '../../src/runtime/start';
import { resetLogOnce } from '../../src/util/log';
import { captureBatches } from './sent';

const who = { visitorId: 'v-1', sessionId: 's-1', holdout: false };
const order = {
  orderId: 1042,
  total: 7480,
  currency: 'JPY',
  items: [
    { sku: 'TN-0123-DX', id: 44001, quantity: 2, price: 2420 },
    { sku: null, id: '555', quantity: 1, price: 2640 },
  ],
};

describe('the order event', () => {
  it('is a valid event whose id is derived from the order id, carrying no personal data', () => {
    const e = orderEvent(order, who, Date.parse('2026-12-04T10:00:00Z'), 'https://shop.example.jp/checkout/order-received/1042/', 'JPY');
    if (typeof e === 'string') throw new Error(e);
    expect(validateEvent(e)).toBeNull();
    expect(e).toMatchObject({ id: 'order-1042', type: 'order', orderId: '1042', total: 7480, currency: 'JPY', visitorId: 'v-1', sessionId: 's-1', holdout: false });
    expect(e.items).toEqual([
      { sku: 'TN-0123-DX', id: '44001', quantity: 2, price: 2420 },
      { sku: '', id: '555', quantity: 1, price: 2640 },
    ]);
    // Only these fields leave the browser: nothing about the buyer.
    expect(Object.keys(e).sort()).toEqual(['currency', 'id', 'items', 'orderId', 'page', 'sessionId', 'time', 'total', 'type', 'variant', 'version', 'visitorId', 'holdout'].sort());
    const again = orderEvent({ ...order, total: 7480.4 }, { ...who, sessionId: 's-2' }, Date.now(), '', 'JPY');
    expect(typeof again !== 'string' && again.id).toBe('order-1042');
  });

  it.each([
    [{ ...order, orderId: '' }, /^orderId:/],
    [{ ...order, orderId: { n: 1 } }, /^orderId:/],
    [{ ...order, total: -5 }, /^total:/],
    [{ ...order, total: '7480' }, /^total:/],
    [{ ...order, total: NaN }, /^total:/],
    [{ ...order, currency: 'yen' }, /^currency:/],
    [null, /^orderId:/],
  ])('names what is wrong with the input: %#', (input, message) => {
    expect(orderEvent(input as never, who, Date.now(), '', 'JPY')).toMatch(message);
  });

  it('is checked by validateEvent like every other event', () => {
    const e = orderEvent(order, who, Date.now(), 'https://shop.example.jp/thanks', 'JPY') as AnyEvent;
    expect(validateEvent({ ...e, orderId: undefined })).toMatch(/^orderId:/);
    expect(validateEvent({ ...e, total: 12.5 })).toMatch(/^total:/);
    expect(validateEvent({ ...e, items: [{ sku: 'A', id: 5, quantity: 1, price: 1 }] })).toMatch(/^items\[0\]\.id:/);
    // An order is not an offer: it needs no offerId or cartSubtotal.
    expect(validateEvent({ ...e, offerId: undefined, cartSubtotal: undefined })).toBeNull();
  });
});

describe('CartUpsell.trackOrder on the order-complete page', () => {
  let bodies: AnyEvent[][];
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    resetLogOnce();
    document.body.innerHTML = '<main><h1>ご注文ありがとうございました</h1></main>';
    bodies = captureBatches();
  });
  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
  });

  const config = { events: { endpoint: 'https://collector.example.jp/events', flushIntervalMs: 100 }, holdout: 0 };
  const delivered = () => bodies.flat();

  it('waits for the widget to start, then sends one order event per order id, even if reported twice', async () => {
    // The visitor as the widget stored it on the cart pages.
    localStorage.setItem('cart-upsell:state', JSON.stringify({ v: 1, visitorId: 'v-known', firstSeen: Date.now() - 60_000, snoozed: {}, impressions: {} }));
    const seen: unknown[] = [];
    document.addEventListener('cart-upsell:order', (e) => seen.push((e as CustomEvent).detail));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    trackOrder(order);
    trackOrder(order); // a second hook, or a reload
    expect(warn.mock.calls.filter((c) => /trackOrder/.test(String(c[0])))).toHaveLength(1); // "waiting for start()": said once
    expect(await start(config)).toBe(true);
    trackOrder(order);
    await vi.waitFor(() => expect(delivered()).toHaveLength(1), { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 250));
    const [e] = delivered();
    expect(validateEvent(e)).toBeNull();
    expect(e).toMatchObject({ id: 'order-1042', type: 'order', total: 7480 });
    expect(delivered()).toHaveLength(1);
    expect(seen).toHaveLength(1);
    // The visitor is the one the widget knows from the cart pages.
    expect(e.visitorId).toBe('v-known');
    warn.mockRestore();
  });

  it('a reloaded thank-you page sends nothing new', async () => {
    await start(config);
    trackOrder(order);
    await vi.waitFor(() => expect(delivered()).toHaveLength(1), { timeout: 8000 });
    stop();
    await start(config);
    trackOrder({ ...order });
    await new Promise((r) => setTimeout(r, 250));
    expect(delivered()).toHaveLength(1);
  });

  it('refuses bad input with one warning naming the field, and never throws', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await start(config);
    expect(() => trackOrder({ orderId: 'A-1', total: -1 })).not.toThrow();
    expect(() => trackOrder(undefined as never)).not.toThrow();
    await vi.waitFor(() => expect(warn.mock.calls.filter((c) => String(c[0]).includes('trackOrder'))).toHaveLength(2));
    expect(warn.mock.calls.map((c) => String(c[0])).filter((m) => m.includes('trackOrder'))).toEqual([expect.stringMatching(/trackOrder: total:/), expect.stringMatching(/trackOrder: orderId:/)]);
    await new Promise((r) => setTimeout(r, 250));
    expect(delivered()).toHaveLength(0);
    warn.mockRestore();
  });

  it('a holdout visitor’s order says so', async () => {
    await start({ ...config, holdout: 0.9 });
    const state = JSON.parse(localStorage.getItem('cart-upsell:state') ?? 'null');
    trackOrder({ orderId: 'H-1', total: 1000 });
    await vi.waitFor(() => expect(delivered()).toHaveLength(1), { timeout: 8000 });
    const { inHoldout } = await import('../../src/offers/hash');
    const e = delivered()[0];
    expect(e.holdout).toBe(inHoldout(e.visitorId, 0.9));
    expect(state === null || state.visitorId === e.visitorId).toBe(true);
  });
});
