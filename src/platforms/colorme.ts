// カラーミーショップ (GMO Pepabo). Shop pages are the merchant's template (<{$…}> tags); the cart
// itself is Color Me's hosted cart, reached at /cart/proxy/basket?shop_id=… on the shop's domain
// or cart.shop-pro.jp, and is not drawn by the template: there is no cart markup of the shop's
// to read. Product pages add with a form posted to /cart/proxy/basket/items/add.
import type { Platform } from './types';
import { global, has } from './dom';

export const colorme = {
  name: 'カラーミーショップ',
  layouts: [],
  // Templates print `var Colorme = {…}` on product pages, images come from img*.shop-pro.jp, and
  // the cart link goes to the hosted cart.
  detect: (doc) =>
    !!global(doc, 'Colorme') ||
    has(doc, 'img[src*=".shop-pro.jp/"], a[href*="/cart/proxy/basket"], a[href*="cart.shop-pro.jp"], form[action*="/cart/proxy/basket/items/add"], script[src*="shop-pro.jp/?mode=cartjs"]'),
  cartRequests: /\/cart\/proxy\/basket\/items\/add|api\.shop-pro\.jp\/public\/basket/,
  checkout: 'a[href*="/cart/proxy/basket"], a[href*="cart.shop-pro.jp"]',
  // The order-complete page belongs to the hosted cart (conversion tags use <{$order_no}> there).
  orderComplete: () => false,
  actions: 'product-page',
} satisfies Platform;
