import type { Config, Offer, Product } from '../config/types';
import type { Cart } from '../types';
import { minorDigits } from '../util/currency';
import { setLang, t, warnOnce } from '../util/log';
import { rootOf } from './eccube-root';
import type { Platform } from '.';

/** Requests one page view makes for prices at most: an EC-CUBE product page is a whole HTML page. */
const MAX_REQUESTS = 6;

/**
 * Before an offer shows a price, the platform's own price where it publishes one:
 * - Shopify: GET {routes.root}products/{handle}.js (the Ajax Product API), every amount ×100 of the
 *   currency's main unit, JPY too — a ¥1,320 variant answers `price: 132000` (Shopify/theme-scripts
 *   packages/theme-currency/currency.js formats them `/ 100`, `amount_no_decimals` for yen).
 * - WooCommerce: GET {REST root}wc/store/v1/products/{id} (Store API ProductsById), `prices.price`
 *   a string in minor units with `currency_minor_unit` (ProductSchema::prepare_product_price_response).
 * - EC-CUBE 4 publishes no product JSON: its product page, GET {root}products/detail/{productId}
 *   (ProductController::detail, Product/detail.twig), sets `eccube.classCategories` to
 *   EccubeExtension::getClassCategoriesAsJson — per product class its `product_class_id` and
 *   `price02_inc_tax`, the tax-included price as number_format writes it ("1,320").
 * Lives in the prompt file: it runs only when something is to be shown. With the cart, only the
 * products the cart's offers would add are asked for (what is in the cart is compared on the cart
 * page itself); one request per URL, at most MAX_REQUESTS per page view.
 * Resolves to the offers whose configured price is not the shop's: they are not shown, each named
 * once on the console. A product the platform does not answer for keeps its offer (the cart
 * page's own price check still speaks when it is in the cart).
 */
export async function mispriced(config: Config, platform: Platform, doc: Document, cart?: Cart, fetchImpl: typeof fetch = fetch): Promise<Set<string>> {
  const off = new Set<string>();
  // A tailored build for a platform without readable prices carries none of this.
  if (
    (__ACTIONS__ !== '' && __ACTIONS__ !== 'auto' && __ACTIONS__ !== 'shopify' && __ACTIONS__ !== 'woocommerce' && __ACTIONS__ !== 'eccube') ||
    (platform !== 'shopify' && platform !== 'woocommerce' && platform !== 'eccube')
  )
    return off;
  setLang(config.locale);
  const currency = (config.cart?.currency ?? 'JPY').toUpperCase();
  const products = Array.isArray(config.products) ? config.products : [];
  const offers = ((Array.isArray(config.offers) ? config.offers : []) as Offer[]).filter((o) => o && typeof o.id === 'string');
  // The products whose price an offer shows: what it would add, and what it is compared with.
  const skus = (o: Offer) => {
    const x = o as unknown as Record<string, unknown>;
    return ['from', 'to', 'downsell', 'items'].flatMap((k) => ([] as unknown[]).concat(x[k] ?? [])).filter((s): s is string => typeof s === 'string');
  };
  const inCart = new Set(cart?.items.map((i) => i.sku));
  // The offers this cart can show: those without a trigger, or whose trigger is in the cart.
  const about = (o: Offer) => {
    const x = o as unknown as Record<string, unknown>;
    const on = ([] as unknown[]).concat(x.from ?? [], x.for ?? []);
    return !cart || !on.length || on.some((s) => inCart.has(s as string | null));
  };
  const wanted = new Set(offers.filter(about).flatMap(skus));
  for (const s of inCart) wanted.delete(s!);
  const w = doc.defaultView as (Window & { Shopify?: { routes?: { root?: string } } }) | null;
  const root = new URL(w?.Shopify?.routes?.root || '/', doc.baseURI).href;
  const api = (doc.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]')?.href ?? new URL('/wp-json/', doc.baseURI).href) + 'wc/store/v1/products/';

  const asked = new Map<string, Promise<any>>();
  const get = (url: string, html?: 1): Promise<any> => {
    if (!asked.has(url) && asked.size < MAX_REQUESTS)
      asked.set(
        url,
        (async () => {
          const ctl = typeof AbortController === 'function' ? new AbortController() : null;
          const timer = setTimeout(() => ctl?.abort(), 4000);
          try {
            const res = await fetchImpl(url, { credentials: 'same-origin', headers: { accept: html ? 'text/html' : 'application/json' }, signal: ctl?.signal });
            return res.ok ? await (html ? res.text() : res.json()) : null;
          } catch {
            return null;
          } finally {
            clearTimeout(timer);
          }
        })(),
      );
    return asked.get(url) ?? Promise.resolve(null);
  };
  /** The shop's price in the config's minor units, or null when it cannot be known. */
  const shopPrice = async (p: Product): Promise<number | null> => {
    if (platform === 'shopify') {
      const handle = /\/products\/([^/?#]+)/.exec(p.url ?? '')?.[1];
      if (!handle) return null;
      const body = await get(`${root}products/${handle}.js`);
      const vs: { id?: unknown; sku?: unknown; price?: unknown }[] = Array.isArray(body?.variants) ? body.variants : [];
      const v = vs.find((x) => p.id != null && String(x.id) === String(p.id)) ?? vs.find((x) => x.sku && x.sku === p.sku) ?? (vs.length === 1 ? vs[0] : null);
      return v && typeof v.price === 'number' ? Math.round((v.price / 100) * 10 ** minorDigits(currency)) : null;
    }
    if (platform === 'eccube') {
      if (p.productId == null || p.id == null) return null;
      const page = /eccube\.classCategories = (.+);/.exec((await get(`${rootOf(doc)}products/detail/${p.productId}`, 1)) ?? '');
      for (const byFirst of Object.values<any>(page ? JSON.parse(page[1]) : {}))
        for (const c of Object.values<any>(byFirst))
          if (c.product_class_id === String(p.id) && c.price02_inc_tax) return Number(String(c.price02_inc_tax).replace(/\D/g, '')) * 10 ** minorDigits(currency);
      return null;
    }
    if (p.id == null || !/^\d+$/.test(String(p.id))) return null;
    const prices = (await get(api + p.id))?.prices;
    const raw = Number(prices?.price);
    if (!prices || prices.price === '' || !Number.isFinite(raw) || String(prices.currency_code ?? currency).toUpperCase() !== currency) return null;
    return Math.round(raw * 10 ** (minorDigits(currency) - Number(prices.currency_minor_unit ?? minorDigits(currency))));
  };

  const checked = await Promise.all(
    products.map(async (p, i) => {
      if (!p || !wanted.has(p.sku)) return null;
      // A page that cannot be read judges nothing.
      const shop = await shopPrice(p).catch(() => null);
      return shop !== null && shop !== p.price ? { p, i, shop } : null;
    }),
  );
  for (const o of offers) {
    const bad = checked.find((c) => c && skus(o).includes(c.p.sku));
    if (!bad) continue;
    off.add(o.id);
    warnOnce(
      t(
        `offer "${o.id}" is not shown: products[${bad.i}].price is ${bad.p.price}, the shop sells "${bad.p.name}" at ${bad.shop}. Update the config (e.g. import the product CSV again).`,
        `オファー「${o.id}」は表示しません。products[${bad.i}].price が ${bad.p.price} ですが、ショップの「${bad.p.name}」は ${bad.shop} です。設定を直してください（商品CSVの読み込み直しなど）。`,
      ),
    );
  }
  return off;
}
