// カラーミーショップ (GMO Pepabo). Shop pages are the merchant's template (<{$…}> tags); the cart
// page is Color Me's hosted cart app (/cart/proxy/basket?shop_id=… on the shop's domain, or
// cart.shop-pro.jp), not drawn by the template. What the shop's own pages carry instead is the
// basket as data: Color Me prints `var Colorme = {"page":…,"shop":{…},"basket":{"total_price":…,
// "items":[{"id","name","price","quantity","ng_delivery_ids"}]},…}` at the top of every page
// (developer-docs.shop-pro.jp/document/script-tag-object/: total_price is the goods tax included,
// from prices and quantities, without shipping; items[i].id is the product id). That is what is read.
import type { Platform } from './types';
import type { CartItem } from '../types';
import { global, has } from './dom';

interface Basket {
  total_price?: unknown;
  items?: { id?: unknown; name?: unknown; price?: unknown; quantity?: unknown }[];
}

/** The page's `Colorme` object: the live global, else the inline script that defines it (a parsed page). */
function colormeOf(doc: Document): { basket?: Basket } | null {
  const g = global(doc, 'Colorme');
  if (g && typeof g === 'object') return g as { basket?: Basket };
  for (const s of doc.querySelectorAll('script:not([src])')) {
    const m = (s.textContent ?? '').match(/\bvar\s+Colorme\s*=\s*(\{[\s\S]*\})\s*;?\s*$/);
    if (m) return JSON.parse(m[1]);
  }
  return null;
}

const int = (v: unknown): number | null => (typeof v === 'number' && Number.isSafeInteger(v) && v >= 0 ? v : null);

export const colorme = {
  name: 'カラーミーショップ',
  layouts: [],
  cartData(doc) {
    const basket = colormeOf(doc)?.basket;
    if (!basket || !Array.isArray(basket.items)) return null;
    const items: CartItem[] = [];
    for (const i of basket.items) {
      const price = int(i?.price);
      const quantity = int(i?.quantity);
      if (price === null || quantity === null || typeof i.name !== 'string') continue;
      items.push({ id: i.id == null ? null : String(i.id), sku: null, name: i.name.trim(), unitPrice: price, quantity, lineTotal: price * quantity });
    }
    // Color Me sells in yen only.
    return { currency: 'JPY', items, subtotal: int(basket.total_price) ?? items.reduce((a, i) => a + i.lineTotal, 0) };
  },
  // The `Colorme` object, images from img*.shop-pro.jp, and the cart link to the hosted cart.
  detect: (doc) =>
    !!global(doc, 'Colorme') ||
    has(doc, 'img[src*=".shop-pro.jp/"], a[href*="/cart/proxy/basket"], a[href*="cart.shop-pro.jp"], form[action*="/cart/proxy/basket/items/add"], script[src*="shop-pro.jp/?mode=cartjs"]'),
  cartRequests: /\/cart\/proxy\/basket\/items\/add|api\.shop-pro\.jp\/public\/basket/,
  checkout: 'a[href*="/cart/proxy/basket"], a[href*="cart.shop-pro.jp"]',
  // The order-complete page belongs to the hosted cart, where the shop's template (and so this
  // script) does not run; see docs/platform-contracts.md.
  orderComplete: () => false,
  // The product form's post needs hashes only a rendered product page carries, and lines change
  // only inside the hosted cart (docs/platform-contracts.md): "yes" opens the product page.
  actions: 'product-page',
} satisfies Platform;
