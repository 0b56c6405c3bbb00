// futureshop, commerce creator (`fs-c-` components). The cart page is /p/cart, its body is
// #fs_ShoppingCart; the cart is table.fs-c-cartTable, one tr.fs-c-cartTable__row per line whose
// td.fs-c-cartTable__dataCell cells hold the product (with its unit price), --quantity, --subtotal
// and --point; the totals are table.fs-c-orderTotalTable in .fs-c-totalAndActions. Class names as
// shops' theme files address them (shiraistore/assets css/style.css, js/script.js); see the fixture.
import type { Platform } from './types';
import { has } from './dom';

export const futureshop = {
  name: 'futureshop',
  layouts: [
    {
      scope: '.fs-c-cartTable',
      selectors: {
        item: '.fs-c-cartTable tbody tr.fs-c-cartTable__row',
        name: '.fs-c-listedProductName__name',
        price: '.fs-c-cartTable__unitPrice .fs-c-price || .fs-c-productPrice .fs-c-price',
        quantity: 'select.fs-c-quantity__select || input.fs-c-quantity__number || .fs-c-quantity',
        lineTotal: '.fs-c-cartTable__dataCell--subtotal .fs-c-price || .fs-c-cartTable__dataCell--subtotal',
        // 合計 of the goods: shipping and coupons are chosen on the order form (#fs_Checkout).
        subtotal: '.fs-c-totalAndActions .fs-c-orderTotalTable__total td || .fs-c-orderTotalTable__total td',
      },
      // The product page URL ends with the product number: /c/…/{productNo} or /g/{productNo}.
      id: (el) =>
        el
          .querySelector('a.fs-c-listedProductName__name')
          ?.getAttribute('href')
          ?.match(/\/([^/?#]+)\/?(?:[?#].*)?$/)?.[1] ?? null,
    },
  ],
  // Every commerce-creator page carries fs- body ids/classes (fs_ShoppingCart, fs-body-product…).
  detect: (doc) => has(doc, 'body[id^="fs_"], body[class*="fs-body-"], .fs-c-cartTable, [class*="fs-c-productPrice"]'),
  // The add-to-cart form posts to /p/cart/add; the cart page changes lines under /p/cart.
  cartRequests: /\/p\/cart(?:\/(?:add|update|remove|delete))?(?:[?#]|$)/,
  // The cart's way on to the order form (the order form's own #fs_button_placeOrder is not a
  // moment to propose anything).
  checkout: '.fs-c-cartPayment__button a, a[href*="/p/checkout"], form[action*="/p/checkout"] button',
  // The order-complete page: body#fs_CheckoutSuccess (shops' scripts key on it, e.g.
  // shiraistore/assets js/script.js check_member_opt_in_policy), the same theme as every page.
  orderComplete: (doc) => has(doc, '#fs_CheckoutSuccess'),
  // /p/cart/add is the product form's; changing and removing lines go through futureshop's own
  // unpublished scripts (docs/platform-contracts.md): "yes" opens the product page.
  actions: 'product-page',
} satisfies Platform;
