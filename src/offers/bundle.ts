import type { BundleOffer } from '../config/types';
import type { BundlePrompt, ProductView } from './types';
import type { Ctx } from './conditions';
import { baseOf, priceHonoured } from './base';
import { lineFor, lineView, money, viewOf } from './catalog';

/**
 * A set the cart holds part of. `value` = set price − the parts already in the cart (what the
 * subtotal grows by once the set price applies). Null when the saving is not real.
 */
export function buildBundle(offer: BundleOffer, c: Ctx): BundlePrompt | null {
  if (!priceHonoured(offer) || !Array.isArray(offer.items) || !money(offer.price)) return null;
  const items: ProductView[] = [];
  const missing: ProductView[] = [];
  const seen = new Set<string>();
  let inCartTotal = 0;
  for (const ref of offer.items) {
    if (typeof ref !== 'string' || seen.has(ref)) continue;
    seen.add(ref);
    const p = c.catalog.bySku.get(ref);
    const line = lineFor(ref, c.idx, c.catalog);
    if (line) {
      const v = p ? viewOf(p) : lineView(line);
      items.push(v);
      inCartTotal += v.price;
    } else if (p) {
      const v = viewOf(p);
      items.push(v);
      missing.push(v);
    } else return null; // a part we can neither show nor add
  }
  if (!missing.length || missing.length === items.length) return null;
  const partsTotal = items.reduce((s, p) => s + p.price, 0);
  const saving = partsTotal - offer.price;
  if (!(saving > 0)) return null;
  const prompt: BundlePrompt = {
    ...baseOf(offer, c),
    kind: 'bundle',
    value: Math.max(0, offer.price - inCartTotal),
    items,
    missing,
    setPrice: offer.price,
    partsTotal,
    saving,
  };
  if (typeof offer.slot === 'string' && offer.slot) prompt.slot = offer.slot;
  return prompt;
}
