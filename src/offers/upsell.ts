import type { UpsellOffer } from '../config/types';
import type { UpsellPrompt } from './types';
import type { Ctx } from './conditions';
import { baseOf } from './base';
import { always, type Gate } from './gate';
import { inStock, lineFor, lineView, money, productInCart, viewOf } from './catalog';

/**
 * Replace the cart line `from` with `toRef` (the upgrade, or after a "no" the downsell). Null when
 * the line is gone, the product is unknown or already in the cart, or it would not cost more.
 */
export function buildUpgrade(offer: UpsellOffer, toRef: string, kind: 'upsell' | 'downsell', c: Ctx, gate: Gate = always): UpsellPrompt | null {
  if (typeof offer.from !== 'string' || typeof toRef !== 'string') return null;
  const line = lineFor(offer.from, c.idx, c.catalog);
  if (!line || !money(line.unitPrice) || !(line.quantity > 0)) return null;
  const product = c.catalog.bySku.get(toRef);
  if (!product || !inStock(product) || productInCart(product, c.idx)) return null;
  // The price the cart actually charges is the honest base for the difference.
  const difference = product.price - line.unitPrice;
  if (!(difference > 0)) return null;
  const quantity = Math.floor(line.quantity);
  if (!gate(quantity * difference)) return null;
  const fromProduct = c.catalog.bySku.get(offer.from);
  const from = fromProduct ? { ...viewOf(fromProduct), price: line.unitPrice } : lineView(line);
  const base = baseOf(offer, c);
  // The upsell's copy and benefit lines describe the upgrade, not the fallback: a downsell speaks
  // with the default downsell copy, and its events carry no copy variant.
  if (kind === 'downsell') return { ...base, variant: null, text: {}, kind, value: quantity * difference, line, from, to: viewOf(product), quantity, difference, benefits: [] };
  const benefits = Array.isArray(offer.benefits) ? offer.benefits.filter((b) => typeof b === 'string' && b) : [];
  return { ...base, kind, value: quantity * difference, line, from, to: viewOf(product), quantity, difference, benefits };
}
