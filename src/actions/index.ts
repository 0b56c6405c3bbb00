import type { Cart, CartItem } from '../types';
import type { Config } from '../config/types';
import type { Prompt, ProductView } from '../offers/types';
import { shopify } from './shopify';
import { woocommerce } from './woocommerce';
import { eccube } from './eccube';
import { failure, safeHref, type Adapter, type Outcome, type Change } from './common';
import { isPlatformId, type PlatformId } from '../platforms/ids';
import type { PLATFORM_FILES } from '../platforms';

export type Platform = PlatformId | 'none';
export type { Outcome };

/** The platforms whose file says `actions: "cart-api"`: each needs its adapter below. */
type CartApiPlatform = { [K in PlatformId]: PLATFORM_FILES[K]['actions'] extends 'cart-api' ? K : never }[PlatformId];

/** One adapter per platform with a cart API; the compiler names any that is missing. */
const EVERY = { shopify, woocommerce, eccube } satisfies Record<CartApiPlatform, Adapter>;
export type ADAPTER_FILES = typeof EVERY;

// The adapters of this build, selected like the platform registry (src/platforms/registry.ts): a
// tailored build keeps only its shop's. A platform without its adapter here sends the shopper to
// the product's page. With hand-written selectors and no `actions.platform`, a tailored build has no
// platform to detect (see the registry), so it needs no adapter.
const any = __ACTIONS__ === '' || (__ACTIONS__ === 'auto' && __CART__ !== 'selectors');
const ADAPTERS: Readonly<Partial<Record<PlatformId, Adapter>>> = {
  ...(any || __ACTIONS__ === 'shopify' ? { shopify } : {}),
  ...(any || __ACTIONS__ === 'woocommerce' ? { woocommerce } : {}),
  ...(any || __ACTIONS__ === 'eccube' ? { eccube } : {}),
};

/**
 * The platform whose cart API carries out a "yes": the config's choice, else the platform
 * `readCart` found (its preset read the cart, or the page's markup named it), else the preset.
 */
export function platformFor(config: Config, detected?: string | null): Platform {
  const p = config.actions?.platform ?? detected ?? config.cart?.preset;
  return p === 'none' || isPlatformId(p) ? p : 'none';
}

/** What a "yes" asks of the cart: products to add and, for an upgrade, the line to replace. */
function changeFor(prompt: Prompt, item: ProductView | undefined, config: Config): Change {
  const product = (v: ProductView) => config.products?.find((p) => p.sku === v.sku) ?? { ...v };
  if (prompt.kind === 'upsell' || prompt.kind === 'downsell') return { add: [{ product: product(prompt.to), quantity: prompt.quantity }], replace: prompt.line };
  if (prompt.kind === 'cross-sell') return { add: (item ? [item] : prompt.items.slice(0, 1)).map((v) => ({ product: product(v), quantity: 1 })) };
  if (prompt.kind === 'bundle') return { add: prompt.missing.map((v) => ({ product: product(v), quantity: 1 })) };
  return { add: [] };
}

/** Carries out an accepted prompt on the shop's cart. Never throws. */
export async function performAccept(ctx: {
  prompt: Prompt;
  item?: ProductView;
  config: Config;
  cart: Cart;
  platform: Platform;
  doc?: Document;
  fetchImpl?: typeof fetch;
}): Promise<Outcome> {
  const doc = ctx.doc ?? document;
  const en = ctx.config.locale === 'en';
  try {
    const change = changeFor(ctx.prompt, ctx.item, ctx.config);
    if (!change.add.length) return { ok: true };
    const adapter = ctx.platform !== 'none' ? ADAPTERS[ctx.platform] : undefined;
    if (adapter) {
      const f = ctx.fetchImpl ?? doc.defaultView!.fetch.bind(doc.defaultView);
      return await adapter({ change, discountCode: ctx.prompt.discountCode, fetch: f, doc, en });
    }
    const href = safeHref(change.add[0].product.url, doc);
    if (href) {
      doc.defaultView?.location.assign(href);
      return { ok: true, navigated: true };
    }
    return { ok: true };
  } catch {
    return failure(en);
  }
}

export type { CartItem };
