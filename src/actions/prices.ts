import type { Config, Offer, Product } from '../config/types';
import { minorDigits } from '../util/currency';
import { setLang, t, warnOnce } from '../util/log';
import type { Platform } from '.';

/**
 * Before an offer shows a price, the platform's own price where it publishes one:
 * - Shopify: GET {routes.root}products/{handle}.js (the Ajax Product API), every amount ×100 of the
 *   currency's main unit, JPY too — a ¥1,320 variant answers `price: 132000` (Shopify/theme-scripts
 *   packages/theme-currency/currency.js formats them `/ 100`, `amount_no_decimals` for yen).
 * - WooCommerce: GET {REST root}wc/store/v1/products/{id} (Store API ProductsById), `prices.price`
 *   a string in minor units with `currency_minor_unit` (ProductSchema::prepare_product_price_response).
 * Lives in the prompt file: it runs only when something is to be shown.
 * Resolves to the offers whose configured price is not the shop's: they are not shown, each named
 * once on the console. A product the platform does not answer for keeps its offer (the cart
 * page's own price check still speaks when it is in the cart).
 */
export async function mispriced(config: Config, platform: Platform, doc: Document, fetchImpl: typeof fetch = fetch): Promise<Set<string>> {
  const off = new Set<string>();
  // A tailored build for a platform without a product API carries none of this.
  if ((__ACTIONS__ !== '' && __ACTIONS__ !== 'auto' && __ACTIONS__ !== 'shopify' && __ACTIONS__ !== 'woocommerce') || (platform !== 'shopify' && platform !== 'woocommerce')) return off;
  setLang(config.locale);
  const currency = (config.cart?.currency ?? 'JPY').toUpperCase();
  const products = Array.isArray(config.products) ? config.products : [];
  const offers = ((Array.isArray(config.offers) ? config.offers : []) as Offer[]).filter((o) => o && typeof o.id === 'string');
  // The products whose price an offer shows: what it would add, and what it is compared with.
  const skus = (o: Offer) => {
    const x = o as unknown as Record<string, unknown>;
    return ['from', 'to', 'downsell', 'items'].flatMap((k) => ([] as unknown[]).concat(x[k] ?? [])).filter((s): s is string => typeof s === 'string');
  };
  const wanted = new Set(offers.flatMap(skus));
  const w = doc.defaultView as (Window & { Shopify?: { routes?: { root?: string } } }) | null;
  const root = new URL(w?.Shopify?.routes?.root || '/', doc.baseURI).href;
  const api = (doc.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]')?.href ?? new URL('/wp-json/', doc.baseURI).href) + 'wc/store/v1/products/';

  const get = async (url: string): Promise<any> => {
    const ctl = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = setTimeout(() => ctl?.abort(), 4000);
    try {
      const res = await fetchImpl(url, { credentials: 'same-origin', headers: { accept: 'application/json' }, signal: ctl?.signal });
      return res.ok ? await res.json() : null;
    } catch {
      return null;
    } finally {
      clearTimeout(timer);
    }
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
    if (p.id == null || !/^\d+$/.test(String(p.id))) return null;
    const prices = (await get(api + p.id))?.prices;
    const raw = Number(prices?.price);
    if (!prices || prices.price === '' || !Number.isFinite(raw) || String(prices.currency_code ?? currency).toUpperCase() !== currency) return null;
    return Math.round(raw * 10 ** (minorDigits(currency) - Number(prices.currency_minor_unit ?? minorDigits(currency))));
  };

  const checked = await Promise.all(
    products.map(async (p, i) => {
      if (!p || !wanted.has(p.sku)) return null;
      const shop = await shopPrice(p);
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
