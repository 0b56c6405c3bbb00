// The platform registry: every platform's file, keyed by its id.
//
// Selecting a subset for a tailored build: everything outside this folder reaches platforms only
// through `PLATFORMS` (and `./ids` for the list of names), never a platform file directly, and
// the files have no side effects. A build that serves one shop replaces this module (e.g. a
// bundler alias for `src/platforms/index.ts`) with a generated one that imports only what the
// shop uses:
//
//   import { eccube } from './eccube';
//   import type { PlatformRegistry } from './index';
//   export const PLATFORMS: PlatformRegistry = { eccube };
//
// and the other platforms' layouts, detection and request patterns are not in its bundle.
import type { PlatformId } from './ids';
import type { CartLayout, Platform } from './types';
import { shopify } from './shopify';
import { woocommerce } from './woocommerce';
import { eccube } from './eccube';

export type { CartLayout, CartSelectors, Platform } from './types';
export { PLATFORM_IDS, isPlatformId, type PlatformId } from './ids';

/** The registry's type as everything else sees it: any subset of the platforms. */
export type PlatformRegistry = Readonly<Partial<Record<PlatformId, Platform>>>;

/** Every platform: a missing or mistyped one is a compile error here. */
const ALL = { shopify, woocommerce, eccube } satisfies Record<PlatformId, Platform>;

/** The platform files' exact types, for compile-time checks elsewhere (e.g. every cart API has an adapter). */
export type PLATFORM_FILES = typeof ALL;

/** The platforms of this build (all of them in the generic build), in "auto" order. */
export const PLATFORMS: PlatformRegistry = ALL;

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

/** The names of the registered platforms, for messages: "Shopify, WooCommerce or EC-CUBE". */
export function platformNames(): string {
  const names = platforms().map(([, p]) => p.name);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` : (names[0] ?? 'platform');
}

function safeHas(doc: Document, sel: string): boolean {
  try {
    return doc.querySelector(sel) !== null;
  } catch {
    return false;
  }
}
