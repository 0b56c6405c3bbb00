import type { Cart, CartItem } from '../types';
import type { Config } from '../config/types';
import type { Prompt, ProductView } from '../offers/types';
import { shopify } from './shopify';
import { woocommerce } from './woocommerce';
import { eccube } from './eccube';
import { failure, safeHref, type Adapter, type Outcome, type Change } from './common';

export type Platform = 'shopify' | 'woocommerce' | 'eccube' | 'none';
export type { Outcome };

const adapters: Record<Exclude<Platform, 'none'>, Adapter> = { shopify, woocommerce, eccube };

/** The platform whose cart API carries out a "yes": the config's choice, else the cart preset, else detection. */
export function platformFor(config: Config, detectedPreset?: string, doc: Document = document): Platform {
  const p = config.actions?.platform ?? detectedPreset ?? config.cart?.preset;
  if (p === 'shopify' || p === 'woocommerce' || p === 'eccube' || p === 'none') return p;
  const w = (doc.defaultView ?? {}) as Record<string, unknown>;
  if (w.Shopify) return 'shopify';
  if (w.wc_add_to_cart_params || w.wcSettings || doc.querySelector('.woocommerce-cart-form,.wc-block-cart')) return 'woocommerce';
  if (doc.querySelector('meta[name="eccube-csrf-token"],.ec-cartRole')) return 'eccube';
  return 'none';
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
    if (ctx.platform !== 'none') {
      const f = ctx.fetchImpl ?? doc.defaultView!.fetch.bind(doc.defaultView);
      return await adapters[ctx.platform]({ change, discountCode: ctx.prompt.discountCode, fetch: f, doc, en });
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
