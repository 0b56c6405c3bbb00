import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTracker, retryAfterMs } from '../../src/events/tracker';
import { validateEvent, type WidgetEvent } from '../../src/events/schema';
import { safeStorage, type SafeStorage } from '../../src/util/storage';
import type { Cart } from '../../src/types';

const cart: Cart = { currency: 'JPY', items: [], subtotal: 7112 };
const prompt = { offerId: 'fs', offerType: 'free-shipping' as const, value: 440, currency: 'JPY', variant: null };

/** A fake endpoint: answers from a script of statuses, records every body it receives. */
function endpoint(statuses: (number | 'network')[], headers: Record<string, string> = {}) {
  const received: WidgetEvent[][] = [];
  const fetchImpl = vi.fn(async (_url: string, init: RequestInit) => {
    const status = statuses.length > 1 ? statuses.shift()! : statuses[0];
    if (status === 'network') throw new TypeError('Failed to fetch');
    if (status < 300) received.push(JSON.parse(String(init.body)).events);
    return new Response('{}', { status, headers });
  });
  return { fetchImpl: fetchImpl as unknown as typeof fetch, received, calls: fetchImpl };
}

const delivered = (received: WidgetEvent[][]) => [...new Set(received.flat().map((e) => e.id))];
/** Ids in the stored queue (one key per event). */
const storedIds = (s: SafeStorage = storage) => s.keys('ev:').map((k) => k.slice(3));

let storage: SafeStorage;
beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  storage = safeStorage('local');
});
afterEach(() => vi.useRealTimers());

const make = (fetchImpl: typeof fetch, store = storage) =>
  createTracker({ config: { events: { endpoint: 'https://collector.example.jp/events' } }, visitorId: 'v', sessionId: 's', holdout: false, storage: store, fetchImpl });

describe('event delivery', () => {
  it('sends a batch after 2 s, as text/plain JSON, with valid events', async () => {
    const ep = endpoint([200]);
    const t = make(ep.fetchImpl);
    t.track('impression', prompt, cart);
    t.track('dismiss', prompt, cart);
    await vi.advanceTimersByTimeAsync(1900);
    expect(ep.calls).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(ep.calls).toHaveBeenCalledTimes(1);
    const [, init] = ep.calls.mock.calls[0];
    expect((init.headers as Record<string, string>)['content-type']).toBe('text/plain');
    expect(ep.received[0].map((e) => e.type)).toEqual(['impression', 'dismiss']);
    for (const e of ep.received[0]) expect(validateEvent(e)).toBeNull();
    // One page view: both events carry its id; the next page view (a new tracker) has another.
    const [a, b] = ep.received[0];
    expect(a.pageViewId).toMatch(/^[\w-]{8,}$/);
    expect(b.pageViewId).toBe(a.pageViewId);
    t.destroy();
    const next = make(endpoint([200]).fetchImpl);
    expect(next.track('impression', prompt, cart).event.pageViewId).not.toBe(a.pageViewId);
    next.destroy();
  });

  it('sends at once when ten events are waiting, at most ten a request', async () => {
    const ep = endpoint([200]);
    const t = make(ep.fetchImpl);
    for (let i = 0; i < 25; i++) t.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(10);
    expect(ep.received[0]).toHaveLength(10);
    await vi.advanceTimersByTimeAsync(5000);
    expect(ep.received.every((b) => b.length <= 10)).toBe(true);
    expect(delivered(ep.received)).toHaveLength(25);
    t.destroy();
  });

  it('retries 500s and network errors with growing waits, then delivers each event once', async () => {
    const ep = endpoint([500, 'network', 503, 200]);
    const t = make(ep.fetchImpl);
    const ids = [t.track('impression', prompt, cart).event.id, t.track('decline', prompt, cart).event.id];
    await vi.advanceTimersByTimeAsync(2000);
    expect(ep.calls).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(ep.calls).toHaveBeenCalledTimes(4);
    expect(delivered(ep.received)).toEqual(ids);
    expect(storedIds()).toEqual([]);
    t.destroy();
  });

  it('waits as long as Retry-After says', async () => {
    const ep = endpoint([429, 200], { 'retry-after': '30' });
    const t = make(ep.fetchImpl);
    t.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(2000);
    await vi.advanceTimersByTimeAsync(29_000);
    expect(ep.calls).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(ep.calls).toHaveBeenCalledTimes(2);
    t.destroy();
  });

  it('drops a batch refused with 400 after one warning, without retrying', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ep = endpoint([400]);
    const t = make(ep.fetchImpl);
    t.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ep.calls).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(storedIds()).toEqual([]);
    warn.mockRestore();
    t.destroy();
  });

  it('keeps undelivered events for the next page view', async () => {
    const down = endpoint(['network']);
    const first = make(down.fetchImpl);
    const id = first.track('accept', prompt, cart).event.id;
    await vi.advanceTimersByTimeAsync(2000);
    first.destroy(); // the shopper leaves
    const up = endpoint([200]);
    const next = make(up.fetchImpl, safeStorage('local'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(delivered(up.received)).toEqual([id]);
    next.destroy();
  });

  it('still delivers when storage is blocked', async () => {
    const blocked = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('denied', 'SecurityError');
    });
    const ep = endpoint([200]);
    const t = make(ep.fetchImpl, safeStorage('local'));
    t.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(2000);
    expect(ep.received.flat()).toHaveLength(1);
    blocked.mockRestore();
    t.destroy();
  });

  it('sends valid JSON lists even when a library put toJSON on arrays', async () => {
    (Array.prototype as unknown as { toJSON: () => string }).toJSON = function () {
      return 'broken';
    };
    try {
      const ep = endpoint([200]);
      const t = make(ep.fetchImpl);
      t.track('impression', { ...prompt, items: [{ sku: 'HG-01', name: '箸置き', price: 440 }] }, cart);
      await vi.advanceTimersByTimeAsync(2000);
      expect(ep.received[0][0].items).toEqual([{ sku: 'HG-01', quantity: 1, price: 440 }]);
      t.destroy();
    } finally {
      delete (Array.prototype as unknown as { toJSON?: unknown }).toJSON;
    }
  });

  it('dispatches each event on document; a page handler may take over an acceptance', () => {
    const t = make(endpoint([200]).fetchImpl);
    const seen: string[] = [];
    const onImpression = (e: Event) => seen.push((e as CustomEvent<WidgetEvent>).detail.type);
    const takeOver = (e: Event) => e.preventDefault();
    document.addEventListener('cart-upsell:impression', onImpression);
    document.addEventListener('cart-upsell:accept', takeOver);
    expect(t.track('impression', prompt, cart).prevented).toBe(false);
    expect(t.track('accept', prompt, cart).prevented).toBe(true);
    expect(seen).toEqual(['impression']);
    document.removeEventListener('cart-upsell:impression', onImpression);
    document.removeEventListener('cart-upsell:accept', takeOver);
    t.destroy();
  });

  it('never puts the query or hash of the page into an event', () => {
    const t = make(endpoint([200]).fetchImpl);
    const { event } = t.track('impression', prompt, cart);
    expect(event.page).toBe(location.origin + location.pathname);
    expect(event.page).not.toMatch(/[?#]/);
    t.destroy();
  });
});

describe('delivery edge cases', () => {
  it('reads Retry-After as seconds or an HTTP date, capped at an hour', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(retryAfterMs('30', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 22 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('999999', now)).toBe(3_600_000);
    expect(retryAfterMs('soon', now)).toBe(0);
    expect(retryAfterMs(null, now)).toBe(0);
  });

  it('a request that never answers is given up after 15 s and retried', async () => {
    let n = 0;
    const received: WidgetEvent[] = [];
    const fetchImpl = vi.fn((_u: string, init: RequestInit) => {
      if (n++ === 0) return new Promise<Response>((_, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
      received.push(...JSON.parse(String(init.body)).events);
      return Promise.resolve(new Response('{}'));
    }) as unknown as typeof fetch;
    const t = make(fetchImpl);
    const { event } = t.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(2000 + 15_000 + 5_000);
    expect(received.map((e) => e.id)).toEqual([event.id]);
    t.destroy();
  });

  it("two tabs share the stored queue without wiping each other's events", async () => {
    const down = endpoint(['network']);
    const tabA = make(down.fetchImpl, safeStorage('local'));
    const tabB = make(down.fetchImpl, safeStorage('local'));
    // No `storage` event between the writes (the browser delivers it late, or never in time).
    const a = tabA.track('impression', prompt, cart).event.id;
    const b = tabB.track('impression', prompt, cart).event.id;
    tabA.destroy();
    tabB.destroy(); // both tabs closed before the endpoint came back
    const up = endpoint([200]);
    const next = make(up.fetchImpl, safeStorage('local'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(delivered(up.received).sort()).toEqual([a, b].sort());
    next.destroy();
  });

  it('queues an event with one small write whatever the queue holds; keeps at most 500, dropping the oldest and counting them', async () => {
    let now = Date.now();
    const clock = createTracker({
      config: { events: { endpoint: 'https://collector.example.jp/events' } },
      visitorId: 'v',
      sessionId: 's',
      holdout: false,
      storage,
      fetchImpl: endpoint(['network']).fetchImpl,
      now: () => now++,
    });
    const first = clock.track('impression', prompt, cart).event.id;
    for (let i = 0; i < 499; i++) clock.track('impression', prompt, cart);
    const writes = vi.spyOn(storage, 'set');
    const last = clock.track('impression', prompt, cart).event.id;
    // One write, of this event only: not a rewrite of the 500 before it.
    expect(writes.mock.calls.map(([key]) => key)).toEqual([`ev:${last}`]);
    expect(JSON.stringify(writes.mock.calls[0][1]).length).toBeLessThan(600);
    writes.mockRestore();
    for (let i = 0; i < 9; i++) clock.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(2000); // the next send lists the queue and bounds it
    const kept = storedIds();
    expect(kept).toHaveLength(500);
    expect(kept).not.toContain(first);
    expect(kept).toContain(last);
    expect(storage.get('events-dropped')).toBe(10);
    clock.destroy();
  });

  it('on page hide, sends the queue with keepalive requests of at most 64 KB in all', async () => {
    const bodies: string[] = [];
    const fetchImpl = vi.fn(async (_u: string, init: RequestInit) => {
      if (init.keepalive) bodies.push(String(init.body));
      return new Response('{}');
    }) as unknown as typeof fetch;
    const t = make(fetchImpl);
    const big = { ...prompt, items: Array.from({ length: 40 }, (_, i) => ({ sku: `SKU-${i}-${'x'.repeat(30)}`, name: 'n', price: 100 })) };
    for (let i = 0; i < 9; i++) t.track('impression', big, cart);
    window.dispatchEvent(new Event('pagehide'));
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.reduce((s, b) => s + new TextEncoder().encode(b).length, 0)).toBeLessThanOrEqual(64 * 1024);
    t.destroy();
  });

  it('no endpoint: events are only dispatched on the page (and pushed to dataLayer when asked)', async () => {
    const f = vi.fn() as unknown as typeof fetch;
    const w = window as unknown as { dataLayer?: { event: string }[] };
    delete w.dataLayer;
    const t = createTracker({ config: { events: { dataLayer: true } }, visitorId: 'v', sessionId: 's', holdout: false, storage, fetchImpl: f });
    t.track('impression', { ...prompt, items: [{ sku: 'HG-01', name: '箸置き', price: 440 }] }, cart);
    t.track('accept', { ...prompt, items: [{ sku: 'HG-01', name: '箸置き', price: 440 }] }, cart);
    await vi.advanceTimersByTimeAsync(5000);
    expect(f).not.toHaveBeenCalled();
    expect(storedIds()).toEqual([]);
    expect(w.dataLayer!.map((e) => e.event)).toEqual(['view_promotion', 'select_promotion', 'add_to_cart']);
    t.destroy();
  });
});
