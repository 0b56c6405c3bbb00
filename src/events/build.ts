import type { Cart } from '../types';
import type { Prompt, ProductView } from '../offers/types';
import type { WidgetEvent } from './schema';
import { offeredBy } from '../offers/kinds';

export type Trackable = Prompt | { offerId: string; offerType: 'free-shipping'; value: number; currency: string; variant?: string | null; items?: ProductView[] };

/** Random, unique, stable across retries; no time or other visitor detail in it. */
export const newId = (): string =>
  // randomUUID exists only in secure contexts: a shop still on plain http gets the fallback.
  typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID() : [0, 0, 0].map(() => Math.random().toString(36).slice(2, 10)).join('-');

/** Whole, non-negative minor units, whatever a page or config handed over. */
export const amount = (n: unknown): number => {
  const v = Math.round(Number(n));
  return Number.isSafeInteger(v) && v > 0 ? v : 0;
};

function itemsOf(p: Trackable, item?: ProductView): WidgetEvent['items'] {
  const v = (x: ProductView, quantity = 1) => ({ sku: String(x.sku), quantity: Math.max(1, Math.round(quantity) || 1), price: amount(x.price) });
  if (item) return [v(item)];
  if ('kind' in p) return offeredBy(p).map((o) => v(o.product, o.quantity));
  return (p.items ?? []).map((x) => v(x));
}

export interface EventContext {
  visitorId: string;
  sessionId: string;
  holdout: boolean;
  /** The page as events carry it (see page.ts). */
  page: string;
  /** One per page view: impressions are counted once per offer per page view. */
  pageViewId: string;
  now: number;
}

/** The event for one thing the shopper saw or did. */
export function buildEvent(type: WidgetEvent['type'], prompt: Trackable, cart: Cart, ctx: EventContext, extra: { item?: ProductView; reason?: string } = {}): WidgetEvent {
  const isPrompt = 'kind' in prompt;
  const event: WidgetEvent = {
    id: newId(),
    type,
    offerId: prompt.offerId,
    offerType: isPrompt ? prompt.kind : prompt.offerType,
    time: new Date(ctx.now).toISOString(),
    currency: cart.currency || prompt.currency,
    cartSubtotal: amount(cart.subtotal),
    value: amount(extra.item ? extra.item.price : prompt.value),
    visitorId: ctx.visitorId,
    sessionId: ctx.sessionId,
    variant: prompt.variant ?? null,
    holdout: ctx.holdout,
    items: itemsOf(prompt, extra.item),
    page: ctx.page,
    pageViewId: ctx.pageViewId,
    version: __VERSION__,
  };
  if (extra.reason) event.reason = extra.reason;
  return event;
}
