import type { Cart, CartItem } from '../types';
import type { Config, Offer } from '../config/types';
import type { Prompt, ProductView } from '../offers/types';
import { warnOnce } from '../util/log';
import { OFFERED, offeredBy } from '../offers/kinds';
import { failure, safeHref, type Outcome, type Change } from './common';
import { isPlatformId, type PlatformId } from '../platforms/ids';
import { loadAdapter } from '#actions';

export type Platform = PlatformId | 'none';
export type { Outcome, Change };

/**
 * Starts fetching the platform's cart actions before the shopper answers, so a "yes" does not
 * wait for them (the script-tag build loads them as a file of their own). Never throws.
 */
export function prepareAccept(platform: Platform): void {
  if (platform !== 'none') loadAdapter(platform).catch(() => undefined);
}

/**
 * The platform whose cart API carries out a "yes": the config's choice, else the platform
 * `readCart` found (its preset read the cart, or the page's markup named it), else the preset.
 */
export function platformFor(config: Config, detected?: string | null): Platform {
  const p = config.actions?.platform ?? detected ?? config.cart?.preset;
  return p === 'none' || isPlatformId(p) ? p : 'none';
}

/** Platforms whose cart API takes no discount code (Magento's codes go through the cart page's form). */
const NO_CODE_API: readonly Platform[] = ['magento'];

/** Platforms whose cart has no discount codes (core EC-CUBE): a price that needs one cannot be charged. */
const NO_CODES: readonly Platform[] = ['eccube'];

/**
 * Offers whose shown price this platform cannot charge: their price needs a discount code and
 * the platform has none. Each is named once on the console, with the reason.
 */
export function unchargeable(config: Config, platform: Platform): Set<string> {
  const ids = new Set<string>();
  if (!NO_CODES.includes(platform)) return ids;
  for (const o of (Array.isArray(config.offers) ? config.offers : []) as Offer[]) {
    if (!o || typeof o.discountCode !== 'string' || !o.discountCode || o.appliedBy === 'platform') continue;
    ids.add(o.id);
    warnOnce(
      (__LOCALE__ ? __LOCALE__ === 'en' : config.locale === 'en')
        ? `offer "${o.id}" is not shown: its price needs the discount code "${o.discountCode}", and EC-CUBE has no discount codes. Set the price in the shop and mark the offer "appliedBy": "platform".`
        : `オファー「${o.id}」は表示しません。価格にクーポン「${o.discountCode}」が必要ですが、EC-CUBE にはクーポン機能がありません。ショップ側で価格を設定し、"appliedBy": "platform" を指定してください。`,
    );
  }
  return ids;
}

/** What a "yes" asks of the cart: products to add, the line an upgrade replaces, the code to apply. */
function changeFor(prompt: Prompt, item: ProductView | undefined, config: Config): Change {
  const product = (v: ProductView) => config.products?.find((p) => p.sku === v.sku) ?? { ...v };
  const code = prompt.discountCode ? { code: prompt.discountCode } : {};
  // The table of what each kind offers (offers/kinds.ts): the shopper's pick where it is one of several.
  const offered = item ? [{ product: item, quantity: 1 }] : OFFERED[prompt.kind].one ? offeredBy(prompt).slice(0, 1) : offeredBy(prompt);
  return { add: offered.map((o) => ({ product: product(o.product), quantity: o.quantity })), ...('line' in prompt ? { replace: prompt.line } : {}), ...code };
}

/** Carries out an accepted prompt on the shop's cart. Never throws. */
export async function performAccept(ctx: { prompt: Prompt; item?: ProductView; config: Config; cart: Cart; platform: Platform; doc?: Document; fetchImpl?: typeof fetch }): Promise<Outcome> {
  const doc = ctx.doc ?? document;
  const en = __LOCALE__ ? __LOCALE__ === 'en' : ctx.config.locale === 'en';
  try {
    const change = changeFor(ctx.prompt, ctx.item, ctx.config);
    if (!change.add.length && !change.code) return { ok: true };
    // A price that needs a code, on a platform whose cart API takes none: the product page.
    const adapter = ctx.platform !== 'none' && !(change.code && NO_CODE_API.includes(ctx.platform)) ? await loadAdapter(ctx.platform) : undefined;
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
