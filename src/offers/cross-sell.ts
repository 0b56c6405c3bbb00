import type { CrossSellOffer, Product } from '../config/types';
import type { CartItem } from '../types';
import type { CrossSellPrompt } from './types';
import type { Ctx } from './conditions';
import { baseOf } from './base';
import { inStock, lineFor, money, productInCart, viewOf } from './catalog';
import { always, type Gate } from './gate';

/** Seed 001: at checkout, related items at 10–20 % of the main item's price sell best. */
export const BAND = [0.1, 0.2] as const;
export const CROSS_SELL_MAX = 3;
/** Related items dearer than half the main item are not shown unless the offer says otherwise. */
export const MAX_PRICE_RATIO = 0.5;

/** How far a price is from the band around `anchorPrice` (0 inside it). */
export function bandDistance(price: number, anchorPrice: number): number {
  const lo = anchorPrice * BAND[0];
  const hi = anchorPrice * BAND[1];
  return price < lo ? lo - price : price > hi ? price - hi : 0;
}

export function buildCrossSell(offer: CrossSellOffer, c: Ctx, gate: Gate = always): CrossSellPrompt | null {
  if (!Array.isArray(offer.for) || !Array.isArray(offer.items)) return null;
  // The triggering item: the dearest cart line the offer is for (the main purchase).
  let anchor: CartItem | undefined;
  for (const ref of offer.for) {
    const l = typeof ref === 'string' ? lineFor(ref, c.idx, c.catalog) : undefined;
    if (l && money(l.unitPrice) && (!anchor || l.unitPrice > anchor.unitPrice)) anchor = l;
  }
  if (!anchor) return null;
  const a = anchor.unitPrice;
  const ratio = typeof offer.maxPriceRatio === 'number' && offer.maxPriceRatio > 0 ? offer.maxPriceRatio : MAX_PRICE_RATIO;
  // Far-off prices are left out, not just ranked last: a ￥5,000 "extra" for a ￥5,500 teapot is no side item.
  const eligible = (p: Product | undefined): p is Product => !!p && p.price > 0 && p.price <= a * ratio && inStock(p) && !productInCart(p, c.idx);
  // First pass without allocating: the best candidate's price is the prompt's value.
  let best: Product | undefined;
  let bestD = Infinity;
  for (const ref of offer.items) {
    const p = typeof ref === 'string' ? c.catalog.bySku.get(ref) : undefined;
    if (!eligible(p)) continue;
    const d = bandDistance(p.price, a);
    if (d < bestD) ((best = p), (bestD = d));
  }
  if (!best || !gate(best.price)) return null;
  const seen = new Set<string>();
  const candidates: { p: Product; d: number; i: number }[] = [];
  offer.items.forEach((ref, i) => {
    const p = typeof ref === 'string' ? c.catalog.bySku.get(ref) : undefined;
    if (!eligible(p) || seen.has(p.sku)) return;
    seen.add(p.sku);
    candidates.push({ p, d: bandDistance(p.price, a), i });
  });
  candidates.sort((x, y) => x.d - y.d || x.i - y.i);
  const max = typeof offer.max === 'number' && offer.max >= 1 ? Math.min(12, Math.floor(offer.max)) : CROSS_SELL_MAX;
  const items = candidates.slice(0, max).map((x) => viewOf(x.p));
  const prompt: CrossSellPrompt = { ...baseOf(offer, c), kind: 'cross-sell', value: items[0].price, anchor, items };
  if (typeof offer.slot === 'string' && offer.slot) prompt.slot = offer.slot;
  return prompt;
}
