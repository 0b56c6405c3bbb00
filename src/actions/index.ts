import type { Cart, CartItem } from '../types';
import type { Config, Offer } from '../config/types';
import type { Prompt, ProductView } from '../offers/types';
import { shopify } from './shopify';
import { woocommerce } from './woocommerce';
import { eccube } from './eccube';
import { failure, safeHref, type Adapter, type Outcome, type Change } from './common';

export type Platform = 'shopify' | 'woocommerce' | 'eccube' | 'none';
export type { Outcome, Change };

/** A tailored build carries only the adapter its config names (`__ACTIONS__`; '' / 'auto': all). */
// Written out so the minifier folds each condition and drops the unused adapters.
const all = __ACTIONS__ === '' || __ACTIONS__ === 'auto';
const adapters: Partial<Record<Exclude<Platform, 'none'>, Adapter>> = {
  shopify: all || __ACTIONS__ === 'shopify' ? shopify : undefined,
  woocommerce: all || __ACTIONS__ === 'woocommerce' ? woocommerce : undefined,
  eccube: all || __ACTIONS__ === 'eccube' ? eccube : undefined,
};

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

/**
 * Offers whose shown price this platform cannot charge: their price needs a discount code and
 * the platform has none (core EC-CUBE). Each is named once, with the reason; the caller does
 * not show them.
 */
export function unchargeable(config: Config, platform: Platform): { ids: Set<string>; reasons: string[] } {
  const ids = new Set<string>();
  const reasons: string[] = [];
  if (platform !== 'eccube') return { ids, reasons };
  for (const o of (Array.isArray(config.offers) ? config.offers : []) as Offer[]) {
    if (!o || typeof o.discountCode !== 'string' || !o.discountCode || o.appliedBy === 'platform') continue;
    ids.add(o.id);
    reasons.push(
      config.locale === 'en'
        ? `offer "${o.id}" is not shown: its price needs the discount code "${o.discountCode}", and EC-CUBE has no discount codes. Set the price in the shop and mark the offer "appliedBy": "platform".`
        : `オファー「${o.id}」は表示しません。価格にクーポン「${o.discountCode}」が必要ですが、EC-CUBE にはクーポン機能がありません。ショップ側で価格を設定し、"appliedBy": "platform" を指定してください。`,
    );
  }
  return { ids, reasons };
}

/** What a "yes" asks of the cart: products to add, the line an upgrade replaces, the code to apply. */
function changeFor(prompt: Prompt, item: ProductView | undefined, config: Config): Change {
  const product = (v: ProductView) => config.products?.find((p) => p.sku === v.sku) ?? { ...v };
  const code = prompt.discountCode ? { code: prompt.discountCode } : {};
  if (prompt.kind === 'upsell' || prompt.kind === 'downsell') return { add: [{ product: product(prompt.to), quantity: prompt.quantity }], replace: prompt.line, ...code };
  if (prompt.kind === 'cross-sell') return { add: (item ? [item] : prompt.items.slice(0, 1)).map((v) => ({ product: product(v), quantity: 1 })), ...code };
  if (prompt.kind === 'bundle') return { add: prompt.missing.map((v) => ({ product: product(v), quantity: 1 })), ...code };
  return { add: [], ...code };
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
    if (!change.add.length && !change.code) return { ok: true };
    const adapter = ctx.platform !== 'none' && adapters[ctx.platform];
    if (adapter) return await adapter({ change, fetch: ctx.fetchImpl ?? doc.defaultView!.fetch.bind(doc.defaultView), doc, en });
    // No cart API to call: the product page, where the shopper adds it themselves.
    const href = change.add[0] && safeHref(change.add[0].product.url, doc);
    if (href) {
      doc.defaultView?.location.assign(href);
      return { ok: true, navigated: true };
    }
    return change.code ? failure(en, change.code) : { ok: true };
  } catch {
    return failure(en);
  }
}

export type { CartItem };
