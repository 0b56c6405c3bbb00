// MakeShop (GMO MakeShop) creator mode. The cart page is the design set's cart.html, drawn with
// the template variables $cart.list[i] (name, price, quantity, quantity_id, total_price) and
// $cart.total_price; the markup below is the standard design set's (see the fixture for the
// source), plus the creator-mode starter's as a second layout.
import type { Platform } from './types';
import { has } from './dom';

const quantityId = (el: Element) => el.querySelector('input[name="item-quantity"]')?.getAttribute('data-id') || null;

export const makeshop = {
  name: 'MakeShop',
  layouts: [
    {
      scope: 'table.cart-list-table',
      selectors: {
        item: 'table.cart-list-table tbody tr:not(.cart-total)',
        name: '.item-cart-title a || .item-cart-title',
        price: '.item-cart-price',
        quantity: 'input[name="item-quantity"]',
        lineTotal: '.item-cart-subtotal',
        // 商品合計 ($cart.total_price); まとめ買い割引 lines ($cart.bulk) are listed under it.
        subtotal: '.cart-total-price',
        discount: '.cart-bulk',
      },
      id: quantityId,
    },
    {
      scope: 'table.cart-list',
      selectors: {
        item: 'table.cart-list tr.cart-list-item',
        name: '.cart-item-name',
        price: '.cart-item-unit-price',
        quantity: 'input[name="item-quantity"]',
        lineTotal: '.cart-item-price',
        subtotal: '.cart-total-price',
      },
      id: quantityId,
    },
  ],
  // Product images and the shop's files are served from MakeShop's hosts; the classic URLs
  // (/shop/shopdetail.html, /shop/basket.html) are on every page's links.
  detect: (doc) =>
    has(doc, 'img[src*="makeshop.jp/"], script[src*="makeshop.jp/"], link[href*="makeshop.jp/"], a[href*="/shop/basket.html"], a[href*="/shop/shopdetail.html"], input[name="item-quantity"][data-id]'),
  // The cart's own pages reload on every change; the "cart only" API posts to /api/basket/add.html.
  cartRequests: /\/shop\/basket\.html|\/api\/basket\/add\.html/,
  checkout: '.cart-button a, a.payment-btn',
  // The order-complete page is MakeShop's own checkout, outside the design set.
  orderComplete: () => false,
  // No published add / change / remove requests (docs/platform-contracts.md): "yes" opens the
  // product page.
  actions: 'product-page',
} satisfies Platform;
