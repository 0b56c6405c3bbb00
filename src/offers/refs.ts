import type { Offer } from '../config/types';
import type { Catalog } from './catalog';

/**
 * The references of an offer that only `products` can satisfy: what the prompt shows and adds
 * (an upgrade, its fallback, related items). Cart-matched references (`from`, `for`, a set's parts
 * already in the cart) are not among them.
 */
export function shownRefs(o: Offer): unknown[] {
  if (o.type === 'upsell') return o.downsell != null ? [o.to, o.downsell] : [o.to];
  if (o.type === 'cross-sell') return Array.isArray(o.items) ? o.items : [];
  return [];
}

/**
 * True when the offer names a product the config does not have (a discontinued SKU): that offer
 * is off, the rest of the widget keeps working. The config check warns once, naming it.
 */
export function dangling(o: Offer, catalog: Catalog): boolean {
  for (const r of shownRefs(o)) if (typeof r === 'string' && !catalog.bySku.has(r)) return true;
  return false;
}
