import type { Cart } from '../types';
import type { Config } from '../config/types';
import type { Prompt, ProductView } from '../offers/types';
import type { SafeStorage } from '../util/storage';
import type { WidgetEvent } from './schema';
import { guard, warnOnce } from '../util/log';
import { stringify } from './stringify';

export interface Tracker {
  /** Builds the event, dispatches `cart-upsell:<type>` on document and queues it for delivery. */
  track(type: WidgetEvent['type'], prompt: Trackable, cart: Cart, extra?: { item?: ProductView; reason?: string }): { event: WidgetEvent; prevented: boolean };
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

export const newId = (): string =>
  typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;

function itemsOf(p: Trackable, item?: ProductView): WidgetEvent['items'] {
  const v = (x: ProductView, quantity = 1) => ({ sku: x.sku, quantity, price: x.price });
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
  let queue: WidgetEvent[] = storage.get<WidgetEvent[]>(QUEUE) ?? [];
  if (!Array.isArray(queue)) queue = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let sending = false;
  let destroyed = false;

  const save = () => storage.set(QUEUE, queue);
  const doFetch = (): typeof fetch | undefined => opts.fetchImpl ?? win?.fetch?.bind(win);

  function schedule(ms: number): void {
    if (destroyed || !endpoint || !queue.length) return;
    clearTimeout(timer);
    timer = setTimeout(() => void flush(), ms);
  }

  function take(): WidgetEvent[] {
    const batch: WidgetEvent[] = [];
    let bytes = 12;
    for (const e of queue) {
      const size = stringify(e).length * 3;
      if (batch.length >= batchSize || (batch.length && bytes + size > MAX_BYTES)) break;
      batch.push(e);
      bytes += size;
    }
    return batch;
  }

  function remove(sent: WidgetEvent[]): void {
    const ids = new Set(sent.map((e) => e.id));
    queue = queue.filter((e) => !ids.has(e.id));
    save();
  }

  async function flush(): Promise<void> {
    const f = doFetch();
    if (sending || destroyed || !endpoint || !queue.length || !f) return;
    if (win?.navigator && win.navigator.onLine === false) return;
    sending = true;
    const batch = take();
    let retryAfter = 0;
    try {
      const res = await f(endpoint, { method: 'POST', body: stringify({ events: batch }), headers: { 'content-type': 'text/plain' }, credentials: 'omit' });
      if (res.ok) {
        attempt = 0;
        remove(batch);
      } else if (RETRY.test(String(res.status))) {
        retryAfter = Number(res.headers?.get?.('retry-after')) * 1000 || 0;
        throw new Error(String(res.status));
      } else {
        warnOnce(`the event endpoint refused ${batch.length} event(s) with ${res.status}; they were dropped.`);
        remove(batch);
      }
    } catch {
      attempt++;
      const backoff = Math.min(60_000, 1000 * 2 ** attempt) * (0.5 + Math.random() / 2);
      sending = false;
      schedule(Math.max(retryAfter, backoff));
      return;
    }
    sending = false;
    if (queue.length) schedule(attempt ? 1000 : 0);
  }

  /** The page is going away: send what is queued in requests that outlive it. */
  const leaving = guard('page hide', () => {
    const f = doFetch();
    if (!endpoint || !queue.length) return;
    for (let rest = queue.slice(); rest.length; ) {
      const batch = rest.splice(0, batchSize);
      const body = stringify({ events: batch });
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
  document.addEventListener('visibilitychange', onVisibility);
  // Events from earlier page views go first, once the page has settled.
  schedule(interval);

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
        cartSubtotal: cart.subtotal,
        value: extra.item ? extra.item.price : Math.max(0, Math.round(prompt.value)),
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
      if (endpoint) {
        queue.push(event);
        if (queue.length > MAX_QUEUE) {
          const dropped = queue.length - MAX_QUEUE;
          queue = queue.slice(dropped);
          storage.set(DROPPED, (storage.get<number>(DROPPED) ?? 0) + dropped);
        }
        save();
        schedule(queue.length >= batchSize ? 0 : interval);
      }
      return { event, prevented };
    },
    flush,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      win?.removeEventListener('pagehide', leaving);
      win?.removeEventListener('online', onOnline);
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
