import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createTracker } from '../../src/events/tracker';
import { waitAfter, step } from '../../src/events/backoff';
import type { WidgetEvent } from '../../src/events/schema';
import { safeStorage, type SafeStorage } from '../../src/util/storage';
import type { Config } from '../../src/config/types';
import type { Cart } from '../../src/types';

// The stored queue shared by tabs, the back-off the endpoint asks for, and the one send on close.
const cart: Cart = { currency: 'JPY', items: [], subtotal: 7112 };
const prompt = { offerId: 'fs', offerType: 'free-shipping' as const, value: 440, currency: 'JPY', variant: null };
const URL_ = 'https://collector.example.jp/events';

type Answer = number | 'network' | { status: number; headers: Record<string, string> };

/** A fake endpoint: answers from a script, records every body and the time of every request. */
function endpoint(answer: (n: number, events: WidgetEvent[]) => Answer) {
  const received: WidgetEvent[] = [];
  const times: number[] = [];
  const bodies: { keepalive: boolean; events: WidgetEvent[] }[] = [];
  let n = 0;
  const fetchImpl = vi.fn(async (_url: string, init: RequestInit) => {
    times.push(Date.now());
    const events = JSON.parse(String(init.body)).events as WidgetEvent[];
    bodies.push({ keepalive: !!init.keepalive, events });
    const a = answer(n++, events);
    if (a === 'network') throw new TypeError('Failed to fetch');
    const { status, headers } = typeof a === 'number' ? { status: a, headers: {} } : a;
    if (status < 300) received.push(...events);
    return new Response('{}', { status, headers });
  }) as unknown as typeof fetch;
  return { fetchImpl, received, times, bodies, ids: () => [...new Set(received.map((e) => e.id))] };
}

const storedIds = (s: SafeStorage) => s.keys('ev:').map((k) => k.slice(3));
const tracker = (fetchImpl: typeof fetch | undefined, events: Config['events'] = {}, now?: () => number) =>
  createTracker({ config: { events: { endpoint: URL_, ...events } }, visitorId: 'v', sessionId: 's', holdout: false, storage: safeStorage('local'), fetchImpl, now });

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('stored queue', () => {
  it('two tabs writing in the same instant, 20 times over, endpoint down until both close: the next view delivers every event', async () => {
    const made: string[] = [];
    const down = endpoint(() => 500);
    for (let round = 0; round < 20; round++) {
      const a = tracker(down.fetchImpl);
      const b = tracker(down.fetchImpl);
      // Bursts from both tabs, interleaved, with sends failing in between.
      for (let i = 0; i < 3; i++) {
        made.push(a.track('impression', prompt, cart).event.id, b.track('dismiss', prompt, cart).event.id);
        await vi.advanceTimersByTimeAsync(700);
      }
      a.destroy();
      b.destroy();
    }
    expect(storedIds(safeStorage('local')).sort()).toEqual([...made].sort());
    localStorage.removeItem('cart-upsell:events-retry-at');
    const up = endpoint(() => 200);
    const next = tracker(up.fetchImpl);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(up.ids().sort()).toEqual([...made].sort());
    expect(storedIds(safeStorage('local'))).toEqual([]);
    next.destroy();
  });

  it('drops stored events older than 7 days, counted, never sent', async () => {
    const old = Date.now() - 8 * 86_400_000;
    const before = tracker(endpoint(() => 'network').fetchImpl, {}, () => old);
    before.track('impression', prompt, cart);
    before.destroy();
    const up = endpoint(() => 200);
    const t = tracker(up.fetchImpl);
    const fresh = t.track('impression', prompt, cart).event.id;
    await vi.advanceTimersByTimeAsync(3000);
    expect(up.ids()).toEqual([fresh]);
    expect(safeStorage('local').get('events-dropped')).toBe(1);
    t.destroy();
  });

  it('only the tab holding the lock sends; the other waits and sends after it', async () => {
    let held = true;
    // Web Locks as the browser grants them with ifAvailable: null while another tab holds the lock.
    Object.defineProperty(navigator, 'locks', {
      configurable: true,
      value: { request: async (_name: string, _o: unknown, cb: (lock: unknown) => Promise<unknown>) => cb(held ? null : { name: 'cart-upsell:events' }) },
    });
    onTestFinished(() => void delete (navigator as unknown as { locks?: unknown }).locks);
    const up = endpoint(() => 200);
    const t = tracker(up.fetchImpl);
    const id = t.track('impression', prompt, cart).event.id;
    await vi.advanceTimersByTimeAsync(6000);
    expect(up.times).toHaveLength(0); // another tab holds the lock (and sends the stored events)
    held = false;
    await vi.advanceTimersByTimeAsync(2500);
    expect(up.ids()).toEqual([id]);
    t.destroy();
  });

  it('a batch refused with 400 is split: its good events arrive, only the refused one is dropped, with one warning', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const ep = endpoint((_n, events) => (events.some((e) => e.type === 'decline') ? 400 : 200));
    const t = tracker(ep.fetchImpl);
    const good = [t.track('impression', prompt, cart).event.id, t.track('decline', prompt, cart).event.id, t.track('dismiss', prompt, cart).event.id];
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ep.ids().sort()).toEqual([good[0], good[2]].sort());
    expect(warn).toHaveBeenCalledTimes(1);
    expect(storedIds(safeStorage('local'))).toEqual([]);
    t.destroy();
  });

  it('delivers valid JSON when the page replaced JSON.stringify with a function that throws', async () => {
    const real = JSON.stringify;
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    JSON.stringify = () => {
      throw new Error('hostile');
    };
    try {
      const ep = endpoint(() => 200);
      const t = tracker(ep.fetchImpl);
      const { event } = t.track('impression', { ...prompt, items: [{ sku: 'HG-01 "桜"\n', name: '箸置き', price: 440 }] }, cart);
      await vi.advanceTimersByTimeAsync(3000);
      expect(ep.received).toEqual([event]);
      expect(error).not.toHaveBeenCalled();
      t.destroy();
    } finally {
      JSON.stringify = real;
    }
  });
});

describe('back-off', () => {
  const base = { baseMs: 2000, maxMs: 60_000 };

  it('429 and 503 never retry sooner than the next step; other failures jitter below it', () => {
    for (const r of [0, 0.5, 0.999]) {
      for (let n = 1; n <= 7; n++) {
        expect(waitAfter(base, n, 429, 0, () => r)).toBeGreaterThanOrEqual(step(base, n));
        expect(waitAfter(base, n, 503, 0, () => r)).toBeGreaterThanOrEqual(step(base, n));
        expect(waitAfter(base, n, 500, 0, () => r)).toBeLessThanOrEqual(step(base, n));
      }
    }
    expect(waitAfter(base, 1, 429, 7000, () => 0)).toBe(7000);
  });

  it('429 with no readable Retry-After (a cross-origin endpoint that does not expose it): waits 2 s, 4 s, 8 s at least', async () => {
    const ep = endpoint((n) => (n < 3 ? 429 : 200));
    const t = tracker(ep.fetchImpl);
    t.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(60_000);
    const gaps = ep.times.slice(1).map((x, i) => x - ep.times[i]);
    expect(gaps).toHaveLength(3);
    expect(gaps[0]).toBeGreaterThanOrEqual(2000);
    expect(gaps[1]).toBeGreaterThanOrEqual(4000);
    expect(gaps[2]).toBeGreaterThanOrEqual(8000);
    t.destroy();
  });

  it('Retry-After holds across page views: the next page waits for it too', async () => {
    const ep = endpoint((n) => (n === 0 ? { status: 503, headers: { 'retry-after': '30' } } : 200));
    const first = tracker(ep.fetchImpl);
    first.track('impression', prompt, cart);
    await vi.advanceTimersByTimeAsync(2100);
    expect(ep.times).toHaveLength(1);
    first.destroy();
    const next = tracker(ep.fetchImpl);
    await vi.advanceTimersByTimeAsync(25_000);
    expect(ep.times).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(6000);
    expect(ep.times).toHaveLength(2);
    expect(ep.times[1] - ep.times[0]).toBeGreaterThanOrEqual(30_000);
    next.destroy();
  });
});

describe('leaving the page', () => {
  const hide = () => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    window.dispatchEvent(new Event('pagehide'));
  };
  afterEach(() => {
    delete (document as unknown as { visibilityState?: string }).visibilityState;
  });

  it('visibilitychange then pagehide: each event goes out once, by keepalive', async () => {
    let answer: (r: Response) => void = () => {};
    const bodies: WidgetEvent[][] = [];
    const fetchImpl = vi.fn((_u: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)).events);
      return new Promise<Response>((r) => (answer = r)); // the page goes before the answer
    }) as unknown as typeof fetch;
    const t = tracker(fetchImpl);
    const ids = [t.track('impression', prompt, cart).event.id, t.track('accept', prompt, cart).event.id];
    hide();
    expect(
      bodies
        .flat()
        .map((e) => e.id)
        .sort(),
    ).toEqual([...ids].sort());
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    answer(new Response('{}'));
    t.destroy();
  });

  it('a 2xx to the keepalive send while the page lives clears the events', async () => {
    const ep = endpoint(() => 200);
    const t = tracker(ep.fetchImpl);
    t.track('impression', prompt, cart);
    hide();
    await vi.advanceTimersByTimeAsync(0);
    expect(ep.bodies.map((b) => b.keepalive)).toEqual([true]);
    expect(storedIds(safeStorage('local'))).toEqual([]);
    await vi.advanceTimersByTimeAsync(5000);
    expect(ep.bodies).toHaveLength(1);
    t.destroy();
  });

  it('without fetch, sendBeacon carries the events once and clears what it handed off', async () => {
    const beacon = vi.fn(() => true);
    vi.stubGlobal('fetch', undefined);
    Object.defineProperty(navigator, 'sendBeacon', { value: beacon, configurable: true });
    try {
      const t = tracker(undefined);
      const ids = [t.track('impression', prompt, cart).event.id, t.track('dismiss', prompt, cart).event.id];
      hide();
      expect(beacon).toHaveBeenCalledTimes(1);
      const sent = JSON.parse((beacon.mock.calls[0] as unknown as [string, string])[1]).events.map((e: WidgetEvent) => e.id);
      expect(sent).toEqual(ids);
      expect(storedIds(safeStorage('local'))).toEqual([]);
      window.dispatchEvent(new Event('pagehide'));
      expect(beacon).toHaveBeenCalledTimes(1);
      t.destroy();
    } finally {
      delete (navigator as unknown as { sendBeacon?: unknown }).sendBeacon;
    }
  });

  it('a closing tab sends its own events, not those another tab or an earlier view stored', async () => {
    const other = tracker(endpoint(() => 'network').fetchImpl);
    const theirs = other.track('impression', prompt, cart).event.id;
    other.destroy();
    const ep = endpoint(() => 200);
    const t = tracker(ep.fetchImpl);
    const mine = t.track('accept', prompt, cart).event.id;
    hide();
    expect(ep.bodies.flatMap((b) => b.events.map((e) => e.id))).toEqual([mine]);
    await vi.advanceTimersByTimeAsync(0);
    expect(storedIds(safeStorage('local'))).toEqual([theirs]);
    t.destroy();
  });
});
