import type { Cart } from '../types';
import type { Config } from '../config/types';
import type { ProductView } from '../offers/types';
import type { SafeStorage } from '../util/storage';
import type { AnyEvent, WidgetEvent } from './schema';
import { buildEvent, newId, type Trackable } from './build';
import { pageOf } from './page';
import { storedQueue } from './queue';
import { createDelivery, type Delivery } from './delivery';

export { newId, type Trackable } from './build';
export { retryAfterMs } from './backoff';
import { toMajor } from '../util/currency';

export interface Tracker {
  /** Builds the event, dispatches `cart-upsell:<type>` on document and queues it for delivery. */
  track(type: WidgetEvent['type'], prompt: Trackable, cart: Cart, extra?: { item?: ProductView; reason?: string }): { event: WidgetEvent; prevented: boolean };
  /** Queues an event built (and dispatched) elsewhere — an order — with the same delivery guarantees. */
  send(event: AnyEvent): void;
  flush(): Promise<void>;
  /** Removes listeners and timers; queued events stay stored for the next page view. */
  destroy(): void;
}

export interface TrackerOptions {
  config: Config;
  visitorId: string;
  sessionId: string;
  holdout: boolean;
  storage: SafeStorage;
  fetchImpl?: typeof fetch;
  now?: () => number;
}

/** Events: built, dispatched on the page, kept in the stored queue and delivered from it. */
export function createTracker(opts: TrackerOptions): Tracker {
  const { config, storage } = opts;
  const ev = config.events ?? {};
  const endpoint = ev.endpoint;
  const now = opts.now ?? Date.now;
  const win = typeof window !== 'undefined' ? window : undefined;
  const queue = storedQueue(storage, now);
  const pageViewId = newId();
  let delivery: Delivery | null = null;
  if (endpoint) {
    delivery = createDelivery({
      endpoint,
      queue,
      storage,
      batchSize: ev.batchSize ?? 10,
      intervalMs: ev.flushIntervalMs ?? 2000,
      timeoutMs: ev.timeoutMs ?? 15_000,
      backoff: { baseMs: ev.retryBaseMs ?? 2000, maxMs: ev.retryMaxMs ?? 60_000 },
      fetchImpl: opts.fetchImpl,
      now,
    });
  }

  function send(event: AnyEvent): void {
    if (!delivery) return;
    queue.put(event);
    delivery.queued(event.id);
  }

  function emit(event: WidgetEvent): boolean {
    // Stored before the page hears of it: an event a page handler saw is never one a closing
    // tab had not written yet.
    send(event);
    let prevented = false;
    try {
      const ce = new CustomEvent(`cart-upsell:${event.type}`, { detail: event, cancelable: event.type === 'accept' });
      prevented = !document.dispatchEvent(ce);
    } catch {
      /* a page handler threw: the event is still delivered */
    }
    if (ev.dataLayer) pushDataLayer(event);
    return prevented;
  }

  return {
    track(type, prompt, cart, extra = {}) {
      const event = buildEvent(
        type,
        prompt,
        cart,
        { visitorId: opts.visitorId, sessionId: opts.sessionId, holdout: opts.holdout, page: pageOf(win?.location, config.privacy?.page), pageViewId, now: now() },
        extra,
      );
      return { event, prevented: emit(event) };
    },
    send,
    flush: () => delivery?.flush() ?? Promise.resolve(),
    destroy: () => delivery?.destroy(),
  };
}

/** GA4 ecommerce events for shops that measure with Google Analytics. */
function pushDataLayer(e: WidgetEvent): void {
  const name = e.type === 'impression' ? 'view_promotion' : e.type === 'accept' ? 'select_promotion' : null;
  if (!name) return;
  const w = window as unknown as { dataLayer?: unknown[] };
  // GA4 takes amounts in the currency's main unit (12.5 for $12.50); events carry minor units.
  const items = e.items.map((i) => ({ item_id: i.sku, price: toMajor(i.price, e.currency), quantity: i.quantity, promotion_id: e.offerId, promotion_name: e.offerType }));
  (w.dataLayer ??= []).push({ event: name, ecommerce: { promotion_id: e.offerId, promotion_name: e.offerType, creative_slot: e.variant ?? undefined, items } });
  if (e.type === 'accept' && items.length) w.dataLayer.push({ event: 'add_to_cart', ecommerce: { currency: e.currency, value: toMajor(e.value, e.currency), items } });
}
