import type { Cart } from '../types';
import type { Config } from '../config/types';
import type { Prompt, ProductView } from '../offers/types';
import type { SafeStorage } from '../util/storage';
import type { AnyEvent, WidgetEvent } from './schema';
import { guard, warnOnce } from '../util/log';
import { stringify } from './stringify';

export interface Tracker {
  /** Builds the event, dispatches `cart-upsell:<type>` on document and queues it for delivery. */
  track(type: WidgetEvent['type'], prompt: Trackable, cart: Cart, extra?: { item?: ProductView; reason?: string }): { event: WidgetEvent; prevented: boolean };
  /** Queues an event built elsewhere (an order) with the same delivery guarantees. */
  send(event: AnyEvent): void;
  flush(): Promise<void>;
  /** Removes listeners and timers; queued events stay stored for the next page view. */
  destroy(): void;
}

export type Trackable = Prompt | { offerId: string; offerType: 'free-shipping'; value: number; currency: string; variant?: string | null; items?: ProductView[] };

export interface TrackerOptions {
  config: Config;
  visitorId: string;
  sessionId: string;
  holdout: boolean;
  storage: SafeStorage;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

const QUEUE = 'events';
const DROPPED = 'events-dropped';
const MAX_QUEUE = 500;
const MAX_BYTES = 60_000; // keepalive requests are limited to 64 KB in all
const RETRY = /^(5\d\d|408|429)$/;
const TIMEOUT = 15_000;
const MAX_WAIT = 3_600_000;

const byteLength = (s: string): number => (typeof TextEncoder === 'function' ? new TextEncoder().encode(s).length : s.length * 3);

/** Retry-After in seconds or as an HTTP date; capped at an hour so a typo cannot park events for days. */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number {
  if (!header) return 0;
  const secs = Number(header);
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(header) - nowMs;
  return ms > 0 ? Math.min(ms, MAX_WAIT) : 0;
}

export const newId = (): string =>
  typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

/** Whole, non-negative minor units, whatever a page or config handed over. */
const amount = (n: unknown): number => {
  const v = Math.round(Number(n));
  return Number.isSafeInteger(v) && v > 0 ? v : 0;
};

function itemsOf(p: Trackable, item?: ProductView): WidgetEvent['items'] {
  const v = (x: ProductView, quantity = 1) => ({ sku: String(x.sku), quantity: Math.max(1, Math.round(quantity) || 1), price: amount(x.price) });
  if (item) return [v(item)];
  if ('kind' in p) {
    if (p.kind === 'upsell' || p.kind === 'downsell') return [v(p.to, p.quantity)];
    if (p.kind === 'cross-sell') return p.items.map((x) => v(x));
    if (p.kind === 'bundle') return p.missing.map((x) => v(x));
    return [];
  }
  return (p.items ?? []).map((x) => v(x));
}

/** Event delivery: batches, retries with backoff, a queue kept in storage, flush on page hide. */
export function createTracker(opts: TrackerOptions): Tracker {
  const { config, storage } = opts;
  const endpoint = config.events?.endpoint;
  const batchSize = config.events?.batchSize ?? 10;
  const interval = config.events?.flushIntervalMs ?? 2000;
  const now = opts.now ?? Date.now;
  const win = typeof window !== 'undefined' ? window : undefined;
  const stored = (): AnyEvent[] => {
    const q = storage.get<AnyEvent[]>(QUEUE);
    return Array.isArray(q) ? q.filter((e) => e && typeof e.id === 'string') : [];
  };
  let queue: AnyEvent[] = stored();
  /** Ids delivered (or refused) from this page, so another tab's copy of the queue cannot bring them back. */
  const done = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let sending = false;
  let destroyed = false;
  let pending = false;

  // Another tab of the same shop shares the stored queue: merge with it rather than overwrite
  // it, or that tab's events would be lost if it closes before sending them. An event both tabs
  // hold may be sent twice; its id lets the reader drop the copy.
  // Reading the stored queue back costs a parse of up to ~180 KB, so it is done only after the
  // browser said another tab wrote it (the `storage` event).
  let foreign = false;
  const onStorage = (e: StorageEvent) => {
    if (e.key == null || e.key.endsWith(':' + QUEUE)) foreign = true;
  };
  const save = () => {
    if (foreign) {
      foreign = false;
      const mine = new Set(queue.map((e) => e.id));
      queue = queue.concat(stored().filter((e) => !mine.has(e.id) && !done.has(e.id)));
    }
    if (queue.length > MAX_QUEUE) {
      const dropped = queue.length - MAX_QUEUE;
      queue = queue.slice(dropped);
      storage.set(DROPPED, (storage.get<number>(DROPPED) ?? 0) + dropped);
    }
    storage.set(QUEUE, queue);
  };
  const doFetch = (): typeof fetch | undefined => opts.fetchImpl ?? win?.fetch?.bind(win);

  function schedule(ms: number): void {
    if (destroyed || !endpoint || !queue.length) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  }

  /** Up to batchSize events from the front of the queue whose JSON fits in `room` bytes. */
  function take(room = MAX_BYTES, from = 0, keepalive = false): AnyEvent[] {
    const batch: AnyEvent[] = [];
    let used = 12; // {"events":[]}
    for (let i = from; i < queue.length && batch.length < batchSize; i++) {
      const size = byteLength(stringify(queue[i])) + 1;
      if (used + size > room && batch.length) break;
      // One event larger than the room: an ordinary request still carries it (else it would
      // block the queue for good); a keepalive one cannot.
      if (used + size > room) return keepalive ? batch : [queue[i]];
      batch.push(queue[i]);
      used += size;
    }
    return batch;
  }

  function remove(sent: AnyEvent[]): void {
    for (const e of sent) done.add(e.id);
    queue = queue.filter((e) => !done.has(e.id));
    save();
  }

  async function flush(): Promise<void> {
    const f = doFetch();
    if (sending || destroyed || !endpoint || !queue.length || !f) return;
    if (win?.navigator && win.navigator.onLine === false) return;
    sending = true;
    const batch = take();
    let retryAfter = 0;
    // A request that never answers must not hold the queue for the rest of the page view.
    const ac = typeof AbortController === 'function' ? new AbortController() : undefined;
    const hung = setTimeout(() => ac?.abort(), TIMEOUT);
    try {
      const res = await f(endpoint, { method: 'POST', body: stringify({ events: batch }), headers: { 'content-type': 'text/plain' }, credentials: 'omit', signal: ac?.signal });
      if (res.ok) {
        attempt = 0;
        remove(batch);
      } else if (RETRY.test(String(res.status))) {
        retryAfter = retryAfterMs(res.headers?.get?.('retry-after'), now());
        throw new Error(String(res.status));
      } else {
        warnOnce(`the event endpoint refused ${batch.length} event(s) with ${res.status}; they were dropped.`);
        remove(batch);
      }
    } catch {
      clearTimeout(hung);
      attempt++;
      const backoff = Math.min(60_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
      sending = false;
      schedule(Math.max(retryAfter, backoff));
      return;
    }
    clearTimeout(hung);
    sending = false;
    if (queue.length) schedule(attempt ? 1000 : 0);
  }

  /** The page is going away: send what is queued in requests that outlive it. */
  const leaving = guard('page hide', () => {
    if (pending) save();
    const f = doFetch();
    if (!endpoint || !queue.length) return;
    // Browsers allow 64 KB of keepalive bodies in flight per page; what does not fit stays
    // stored for the next page view.
    let room = MAX_BYTES;
    for (let from = 0; from < queue.length; ) {
      const batch = take(room, from, true);
      if (!batch.length) break;
      from += batch.length;
      const body = stringify({ events: batch });
      room -= byteLength(body);
      try {
        if (f) void f(endpoint, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain' }, credentials: 'omit' }).then((r) => r.ok && remove(batch), () => {});
        else win?.navigator.sendBeacon?.(endpoint, body);
      } catch {
        /* kept in the queue for the next page view */
      }
    }
  });
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') leaving();
  };
  const onOnline = () => {
    attempt = 0;
    void flush();
  };
  win?.addEventListener('pagehide', leaving);
  win?.addEventListener('online', onOnline);
  win?.addEventListener('storage', onStorage);
  document.addEventListener('visibilitychange', onVisibility);
  // Events from earlier page views go first, once the page has settled.
  schedule(interval);

  function send(event: AnyEvent): void {
    if (!endpoint) return;
    queue.push(event);
    // Writing the stored queue costs a stringify of all of it: the events tracked in one task
    // (a page of prompts shown together) share one write, done before the task's end.
    if (!pending) {
      pending = true;
      queueMicrotask(() => {
        pending = false;
        save();
      });
    }
    schedule(queue.length >= batchSize ? 0 : interval);
  }

  return {
    track(type, prompt, cart, extra = {}) {
      const isPrompt = 'kind' in prompt;
      const event: WidgetEvent = {
        id: newId(),
        type,
        offerId: prompt.offerId,
        offerType: isPrompt ? prompt.kind : prompt.offerType,
        time: new Date(now()).toISOString(),
        currency: cart.currency || prompt.currency,
        cartSubtotal: amount(cart.subtotal),
        value: amount(extra.item ? extra.item.price : prompt.value),
        visitorId: opts.visitorId,
        sessionId: opts.sessionId,
        variant: prompt.variant ?? null,
        holdout: opts.holdout,
        items: itemsOf(prompt, extra.item),
        page: win ? win.location.origin + win.location.pathname : '',
        version: __VERSION__,
      };
      if (extra.reason) event.reason = extra.reason;
      let prevented = false;
      try {
        const ce = new CustomEvent(`cart-upsell:${type}`, { detail: event, cancelable: type === 'accept' });
        prevented = !document.dispatchEvent(ce);
      } catch {
        /* a page handler threw: the event is still delivered */
      }
      if (config.events?.dataLayer) pushDataLayer(type, event);
      send(event);
      return { event, prevented };
    },
    send,
    flush,
    destroy() {
      if (pending) save();
      destroyed = true;
      clearTimeout(timer);
      win?.removeEventListener('pagehide', leaving);
      win?.removeEventListener('online', onOnline);
      win?.removeEventListener('storage', onStorage);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}

/** GA4 ecommerce events for shops that measure with Google Analytics. */
function pushDataLayer(type: WidgetEvent['type'], e: WidgetEvent): void {
  const name = type === 'impression' ? 'view_promotion' : type === 'accept' ? 'select_promotion' : null;
  if (!name) return;
  const w = window as unknown as { dataLayer?: unknown[] };
  const items = e.items.map((i) => ({ item_id: i.sku, price: i.price, quantity: i.quantity, promotion_id: e.offerId, promotion_name: e.offerType }));
  (w.dataLayer ??= []).push({ event: name, ecommerce: { promotion_id: e.offerId, promotion_name: e.offerType, creative_slot: e.variant ?? undefined, items } });
  if (type === 'accept' && items.length) w.dataLayer.push({ event: 'add_to_cart', ecommerce: { currency: e.currency, value: e.value, items } });
}
