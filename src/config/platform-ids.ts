import type { Config } from './types';
import type { Issue } from './schema-kit';
import type { PlatformId } from '../platforms/ids';

/**
 * The ids each platform's "yes" adds a product by (see src/actions/): Shopify's cart API takes a
 * variant id, WooCommerce's Store API a product or variation id, EC-CUBE's add-cart form the
 * product class id and the product id. [field, English, Japanese]. Keyed by every platform id, so
 * a new platform does not compile until it says which ids its "yes" needs.
 */
const NEEDS: Record<PlatformId, [string, string, string][]> = {
  shopify: [['id', 'the variant id', 'バリアントID']],
  woocommerce: [['id', 'the product (or variation) id', '商品ID']],
  eccube: [
    ['id', 'the product class id (商品規格ID)', '商品規格ID'],
    ['productId', 'the product id (商品ID)', '商品ID'],
  ],
  magento: [['id', 'the product id (entity_id)', '商品ID（entity_id）']],
  // Platforms whose "yes" opens the product's page (src/platforms/<id>.ts, actions "product-page").
  colorme: [['url', 'its product page (url)', '商品ページのURL（url）']],
  makeshop: [['url', 'its product page (url)', '商品ページのURL（url）']],
  futureshop: [['url', 'its product page (url)', '商品ページのURL（url）']],
};

/**
 * Warns about products the widget may have to add to the cart on a platform whose "yes" needs
 * ids, when those ids are missing: without them the prompt shows but "yes" cannot change the cart.
 */
export function checkPlatformIds(config: Config, ja: boolean): Issue[] {
  const platform = config.actions?.platform ?? config.cart?.preset;
  const needs = (NEEDS as Record<string, [string, string, string][] | undefined>)[platform as string];
  const products = Array.isArray(config.products) ? config.products : [];
  if (!needs || !products.length) return [];
  // What a "yes" adds: upgrades, fallbacks, related items, set parts, and gap fillers.
  const added = new Set<unknown>();
  for (const o of Array.isArray(config.offers) ? config.offers : []) {
    const x = o as unknown as Record<string, unknown>;
    for (const k of ['to', 'downsell', 'items']) for (const s of ([] as unknown[]).concat(x[k] ?? [])) added.add(s);
  }
  const fillers = config.freeShipping?.gapFillers;
  const allFill = config.freeShipping && fillers !== false && !Array.isArray(fillers);
  if (Array.isArray(fillers)) for (const s of fillers) added.add(s);
  const out: Issue[] = [];
  products.forEach((p, i) => {
    if (!p || !(allFill || added.has(p.sku))) return;
    for (const [field, en, jp] of needs) {
      const v = (p as unknown as Record<string, unknown>)[field];
      if (v == null || v === '')
        out.push({
          path: `products[${i}].${field}`,
          message: ja ? `がありません（${platform} の「はい」に${jp}が必要）` : `is missing: a "yes" on ${platform} adds it to the cart by ${en}`,
        });
    }
  });
  return out;
}
