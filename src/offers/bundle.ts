import type { BundleOffer, Product } from '../config/types';
import type { CartItem } from '../types';
import type { BundlePrompt, ProductView } from './types';
import type { Ctx } from './conditions';
import { baseOf, priceHonoured } from './base';
import { inStock, lineFor, lineView, money, viewOf } from './catalog';
import { always, type Gate } from './gate';

/**
 * A set the cart holds part of. `value` = set price − the parts already in the cart (what the
 * subtotal grows by once the set price applies). Null when the saving is not real.
 */
export function buildBundle(offer: BundleOffer, c: Ctx, gate: Gate = always): BundlePrompt | null {
  if (!priceHonoured(offer) || !Array.isArray(offer.items) || !money(offer.price)) return null;
  const parts: { ref: string; p: Product | undefined; line: CartItem | undefined }[] = [];
  let inCartTotal = 0;
  let partsTotal = 0;
  let missingCount = 0;
  for (const ref of offer.items) {
    if (typeof ref !== 'string' || parts.some((x) => x.ref === ref)) continue;
    const p = c.catalog.bySku.get(ref);
    const line = lineFor(ref, c.idx, c.catalog);
    if (line) {
      // A part already in the cart counts at what the cart charges for it.
      const price = line.unitPrice;
      if (!money(price)) return null;
      inCartTotal += price;
      partsTotal += price;
    } else if (p && inStock(p)) {
      partsTotal += p.price;
      missingCount++;
    } else return null; // a part we can neither show nor add, or one sold out
    parts.push({ ref, p, line });
  }
  if (!missingCount || missingCount === parts.length) return null;
  const saving = partsTotal - offer.price;
  const value = Math.max(0, offer.price - inCartTotal);
  if (!(saving > 0) || !gate(value)) return null;
  const items: ProductView[] = [];
  const missing: ProductView[] = [];
  for (const { p, line } of parts) {
    const v = line ? (p ? { ...viewOf(p), price: line.unitPrice } : lineView(line)) : viewOf(p!);
    items.push(v);
    if (!line) missing.push(v);
  }
  const prompt: BundlePrompt = { ...baseOf(offer, c), kind: 'bundle', value, items, missing, setPrice: offer.price, partsTotal, saving };
  if (typeof offer.slot === 'string' && offer.slot) prompt.slot = offer.slot;
  return prompt;
}
