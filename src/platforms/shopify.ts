// Shopify Online Store 2.0 themes: Dawn and the themes built on it (Shopify/dawn
// sections/main-cart-items.liquid, sections/main-cart-footer.liquid, snippets/cart-drawer.liquid).
import type { Platform } from './types';
import { attr, code, fromHref, global, has, path } from './dom';

const line = {
  name: '.cart-item__name || .cart-item__details a',
  // A discounted line shows <s class="cart-item__old-price product-option"> then the final price.
  price: '.cart-item__final-price || .cart-item__details > .product-option || .cart-item__details .price',
  quantity: 'input.quantity__input || input[name="updates[]"] || .quantity input',
  lineTotal: '.cart-item__totals .price || .cart-item__price-wrapper .price',
};
const id = (el: Element) => attr(el, '[data-quantity-variant-id]', 'data-quantity-variant-id') ?? fromHref(el, 'a[href*="variant="]', /[?&]variant=(\d+)/) ?? attr(el, '[data-index]', 'data-index');

export const shopify = {
  name: 'Shopify',
  layouts: [
    {
      // The cart page; `cart-drawer-items` is a different element, so a drawer in the DOM is not read twice.
      scope: 'cart-items',
      selectors: {
        item: 'cart-items .cart-item',
        ...line,
        // `cart.total_price`: after cart-level discounts, before shipping (shipping is set at checkout).
        subtotal: '#main-cart-footer .totals__total-value || #main-cart-footer .totals__subtotal-value || cart-items ~ * .totals__total-value',
        // main-cart-footer.liquid lists `cart.cart_level_discount_applications` as "(-¥500)".
        discount: '#main-cart-footer .discounts__discount',
      },
      id,
      subtotalAfterDiscounts: true,
    },
    {
      scope: 'cart-drawer-items, cart-drawer',
      selectors: {
        item: 'cart-drawer-items .cart-item || cart-drawer .cart-item',
        ...line,
        subtotal: 'cart-drawer .totals__total-value || cart-drawer .totals__subtotal-value',
        discount: 'cart-drawer .discounts__discount',
      },
      id,
      subtotalAfterDiscounts: true,
    },
  ],
  // `content_for_header` defines window.Shopify and prints the digital-wallet meta on every page.
  detect: (doc) => !!global(doc, 'Shopify') || has(doc, 'meta[name="shopify-digital-wallet"], meta[name="shopify-checkout-api-token"], cart-items, cart-drawer'),
  currency: (doc) => code((global(doc, 'Shopify') as { currency?: { active?: unknown } } | undefined)?.currency?.active),
  // Ajax Cart API (shopify.dev/docs/api/ajax/reference/cart) and the plain /cart/add form post.
  cartRequests: /\/cart\/(?:add|change|update|clear)(?:\.js)?(?:[?#]|$)/,
  // Dawn's cart page and drawer: <button name="checkout" class="cart__checkout-button">.
  checkout: '[name="checkout"], .cart__checkout-button',
  // The thank-you page: /checkouts/…/thank_you (checkout.liquid) or /…/thank-you (checkout extensibility).
  orderComplete: (doc) => /\/(?:checkouts|orders)\/.+\/thank[_-]you\/?$/.test(path(doc)),
  actions: 'cart-api',
} satisfies Platform;
