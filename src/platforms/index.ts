// The platform registry's helpers. The registry itself is ./registry.ts.
import type { PlatformId } from './ids';
import type { CartLayout, Platform, ShownOrder } from './types';
import { PLATFORMS } from './registry';

export type { CartLayout, CartSelectors, Platform, ShownOrder } from './types';
export { PLATFORM_IDS, isPlatformId, type PlatformId } from './ids';
export { PLATFORMS, type PlatformRegistry, type PLATFORM_FILES } from './registry';

/** Each registered platform with its id, in the registry's order. */
export function platforms(): [PlatformId, Platform][] {
  return Object.entries(PLATFORMS) as [PlatformId, Platform][];
}

export interface FoundLayout {
  platform: PlatformId;
  layout: CartLayout;
}

/** The first layout of `preset` (or of any platform for "auto") present on the page. */
export function findLayout(doc: Document, preset: string): FoundLayout | null {
  let fallback: FoundLayout | null = null;
  for (const [platform, p] of platforms()) {
    if (preset !== 'auto' && platform !== preset) continue;
    for (const layout of p.layouts) {
      if (!safeHas(doc, layout.scope)) continue;
      // Both the cart page and the drawer may be present: prefer the one that shows lines.
      if (layout.selectors.item.split(' || ').some((s) => safeHas(doc, s))) return { platform, layout };
      fallback ??= { platform, layout };
    }
  }
  return fallback;
}

/** The cart a platform prints as data on the page (see `Platform.cartData`), for `preset` or "auto". */
export function findData(doc: Document, preset: string): { platform: PlatformId; cart: NonNullable<ReturnType<NonNullable<Platform['cartData']>>> } | null {
  for (const [platform, p] of platforms()) {
    if ((preset !== 'auto' && platform !== preset) || !p.cartData) continue;
    try {
      const cart = p.cartData(doc);
      if (cart) return { platform, cart };
    } catch {
      /* a page's broken data reads as no cart, like missing markup */
    }
  }
  return null;
}

/** The platform this page belongs to, from its own signals (globals, meta tags, template markup). */
export function detectPlatform(doc: Document): PlatformId | null {
  for (const [id, p] of platforms()) {
    try {
      if (p.detect(doc)) return id;
    } catch {
      /* a page's odd globals never stop detection */
    }
  }
  return null;
}

/** The platform whose order-complete page this is, or null. */
export function orderCompletePlatform(doc: Document): PlatformId | null {
  for (const [id, p] of platforms()) {
    try {
      if (p.orderComplete(doc)) return id;
    } catch {
      /* as above */
    }
  }
  return null;
}

/** The order this order-complete page shows (see `Platform.order`), or null. */
export function shownOrder(doc: Document): ShownOrder | null {
  const id = orderCompletePlatform(doc);
  try {
    return (id && PLATFORMS[id]?.order?.(doc)) || null;
  } catch {
    return null;
  }
}

/** The names of the registered platforms, for messages: "Shopify, WooCommerce or EC-CUBE". */
export function platformNames(ja?: boolean): string {
  const names = platforms().map(([, p]) => p.name);
  if (ja) return names.join('・');
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? 'platform');
}

function safeHas(doc: Document, sel: string): boolean {
  try {
    return doc.querySelector(sel) !== null;
  } catch {
    return false;
  }
}
