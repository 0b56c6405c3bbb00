import type { OrderEvent } from './schema';
import type { SafeStorage } from '../util/storage';
import type { Tracker } from './tracker';
import { t, warnOnce } from '../util/log';
import { pageOf } from './page';

/** What `CartUpsell.trackOrder` takes: amounts in minor units (yen for JPY), like every amount here. */
export interface OrderInput {
  orderId: string | number;
  total: number;
  currency?: string;
  items?: { sku?: string | null; id?: string | number | null; quantity?: number; price?: number }[];
}

export interface Visitor {
  visitorId: string;
  sessionId: string;
  holdout: boolean;
}

const SENT = 'orders';

const whole = (n: unknown): number => {
  const v = Math.round(Number(n));
  return Number.isSafeInteger(v) && v > 0 ? v : 0;
};

/** The `order` event for an order, or a message naming what is wrong with the input. */
export function orderEvent(o: OrderInput, who: Visitor, now: number, page: string, shopCurrency: string): OrderEvent | string {
  const orderId = typeof o?.orderId === 'number' ? String(o.orderId) : o?.orderId;
  if (typeof orderId !== 'string' || !orderId || orderId.length > 200) return t('orderId: expected text or a number', 'orderId: 文字か数にしてください');
  if (!(typeof o.total == 'number' && o.total >= 0 && o.total < Infinity)) return t('total: expected a number ≥ 0', 'total: 0以上の数にしてください');
  const currency = String(o.currency ?? shopCurrency);
  if (!/^[A-Z]{3}$/.test(currency)) return t('currency: expected a code such as "JPY"', 'currency: "JPY" のような通貨コードにしてください');
  const items = (Array.isArray(o.items) ? o.items : [])
    .filter((it) => it && typeof it === 'object')
    .map((it) => {
      const item: OrderEvent['items'][number] = { sku: it.sku == null ? '' : String(it.sku).slice(0, 100), quantity: Math.max(1, whole(it.quantity)), price: whole(it.price) };
      if (it.id != null && it.id !== '') item.id = String(it.id).slice(0, 100);
      return item;
    });
  return {
    // Derived from the order id: a reloaded thank-you page, or two hooks on one page, repeat the id.
    id: `order-${orderId}`,
    type: 'order',
    orderId,
    total: whole(o.total),
    time: new Date(now).toISOString(),
    currency,
    visitorId: who.visitorId,
    sessionId: who.sessionId,
    variant: null,
    holdout: who.holdout,
    items,
    page,
    version: __VERSION__,
  };
}

/**
 * Queues the order for delivery once per order id on this browser; the id derived from the order
 * id lets the reader drop any copy that still gets through (another browser, cleared storage).
 */
export function sendOrder(input: OrderInput, who: Visitor, storage: SafeStorage, tracker: () => Tracker, shopCurrency: string): boolean {
  const win = typeof window !== 'undefined' ? window : undefined;
  const e = orderEvent(input, who, Date.now(), pageOf(win?.location), shopCurrency);
  if (typeof e === 'string') {
    warnOnce(t(`trackOrder: ${e}; the order was not sent.`, `trackOrder: ${e}。この注文は送っていません。`));
    return false;
  }
  const sent = storage.get<string[]>(SENT);
  const list = Array.isArray(sent) ? sent : [];
  if (list.includes(e.orderId)) return true;
  storage.set(SENT, list.concat(e.orderId).slice(-20));
  tracker().send(e);
  try {
    document.dispatchEvent(new CustomEvent('cart-upsell:order', { detail: e }));
  } catch {
    /* a page handler threw: the order is still delivered */
  }
  return true;
}
