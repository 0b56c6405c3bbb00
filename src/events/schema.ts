import type { OfferType } from '../config/types';
import { OFFER_TYPES } from '../offers/kinds';

/** One event as delivered to the merchant's endpoint and dispatched on document. */
export interface WidgetEvent {
  /** Unique and stable across retries: a reader drops duplicates by id. */
  id: string;
  type: 'impression' | 'accept' | 'decline' | 'dismiss' | 'accept-failed';
  offerId: string;
  /** An offer's type, `downsell` for an upsell's fallback, `free-shipping` for a gap filler added from the bar. */
  offerType: OfferType | 'downsell' | 'free-shipping';
  /** ISO 8601. */
  time: string;
  currency: string;
  cartSubtotal: number;
  /** What accepting adds (or would have added) to the subtotal, in minor units. */
  value: number;
  visitorId: string;
  sessionId: string;
  variant: string | null;
  holdout: boolean;
  items: { sku: string; quantity: number; price: number }[];
  /** Origin and path only: never the query or hash. */
  page: string;
  /** Random, one per page view (absent from events of older widgets). */
  pageViewId?: string;
  version: string;
  reason?: string;
}

/**
 * A placed order (`CartUpsell.trackOrder` or a platform's order-complete hook). Its id is derived
 * from the order id, so the same order always carries the same event id, however often the
 * thank-you page is reloaded: a reader keeps one. No personal data: no name, address or e-mail.
 */
export interface OrderEvent {
  id: string;
  type: 'order';
  orderId: string;
  /** What the shopper paid, in minor units. */
  total: number;
  time: string;
  currency: string;
  visitorId: string;
  sessionId: string;
  variant: null;
  holdout: boolean;
  /** What was bought: `sku` as the shop knows it ('' when the platform has none), `id` the platform's product/variant id. */
  items: { sku: string; id?: string; quantity: number; price: number }[];
  page: string;
  version: string;
}

/** Every event a reader receives. */
export type AnyEvent = WidgetEvent | OrderEvent;

const TYPES = ['impression', 'accept', 'decline', 'dismiss', 'accept-failed', 'order'];
const EVENT_OFFER_TYPES: readonly string[] = [...OFFER_TYPES, 'downsell', 'free-shipping'];

/** Null when `e` is a well-formed event, else a message naming the first bad field. */
export function validateEvent(e: unknown): string | null {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return 'event: expected an object';
  const o = e as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && (o[k] as string).length > 0 ? null : `${k}: expected text`);
  const int = (k: string) => (Number.isInteger(o[k]) && (o[k] as number) >= 0 ? null : `${k}: expected a whole number ≥ 0`);
  const order = o.type === 'order';
  return (
    str('id') ??
    (TYPES.includes(o.type as string) ? null : `type: expected one of ${TYPES.join(', ')}`) ??
    (order
      ? ((typeof o.orderId === 'string' && o.orderId.length > 0 && o.orderId.length <= 200 ? null : 'orderId: expected text (at most 200 characters)') ?? int('total'))
      : (str('offerId') ?? (EVENT_OFFER_TYPES.includes(o.offerType as string) ? null : `offerType: expected one of ${EVENT_OFFER_TYPES.join(', ')}`))) ??
    (typeof o.time === 'string' && !isNaN(Date.parse(o.time)) ? null : 'time: expected an ISO 8601 date') ??
    (typeof o.currency === 'string' && /^[A-Z]{3}$/.test(o.currency) ? null : 'currency: expected a currency code such as "JPY"') ??
    (order ? null : (int('cartSubtotal') ?? int('value'))) ??
    str('visitorId') ??
    str('sessionId') ??
    (o.variant === null || typeof o.variant === 'string' ? null : 'variant: expected text or null') ??
    (typeof o.holdout === 'boolean' ? null : 'holdout: expected true or false') ??
    (Array.isArray(o.items) ? badItem(o.items) : 'items: expected a list') ??
    (typeof o.page === 'string' && !/[?#]/.test(o.page) ? null : 'page: expected origin and path, without query or hash') ??
    str('version') ??
    (o.pageViewId === undefined || (typeof o.pageViewId === 'string' && o.pageViewId.length > 0 && o.pageViewId.length <= 200) ? null : 'pageViewId: expected text (at most 200 characters)') ??
    (o.reason === undefined || typeof o.reason === 'string' ? null : 'reason: expected text')
  );
}

function badItem(items: unknown[]): string | null {
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as Record<string, unknown> | null;
    if (!it || typeof it !== 'object') return `items[${i}]: expected an object`;
    if (typeof it.sku !== 'string') return `items[${i}].sku: expected text`;
    if (!Number.isInteger(it.quantity) || (it.quantity as number) < 1) return `items[${i}].quantity: expected a whole number ≥ 1`;
    if (!Number.isInteger(it.price) || (it.price as number) < 0) return `items[${i}].price: expected a whole number ≥ 0`;
    if (it.id !== undefined && typeof it.id !== 'string') return `items[${i}].id: expected text`;
  }
  return null;
}
