// futureshop, commerce creator (`fs-c-` components). The cart page is /p/cart, its body carries
// id="fs_ShoppingCart"; each line is a `.fs-c-cartTable__dataCell` holding the product
// (`.fs-c-cartTable__product`, `.fs-c-listedProductName__name`) and its prices (`.fs-c-price`).
import type { Platform } from './types';
import { has } from './dom';

export const futureshop = {
  name: 'futureshop',
  layouts: [
    {
      scope: '#fs_ShoppingCart .fs-c-cartTable, .fs-c-cartTable',
      selectors: {
        item: '.fs-c-cartTable .fs-c-cartTable__dataCell',
        name: '.fs-c-listedProductName__name',
        price: '.fs-c-cartTable__unitPrice .fs-c-price || .fs-c-productPrice .fs-c-price',
        quantity: 'select.fs-c-quantity__select || input.fs-c-quantity__number || .fs-c-quantity',
        lineTotal: '.fs-c-cartTable__subtotal .fs-c-price',
        subtotal: '.fs-c-cartTotal__subtotal .fs-c-price',
        discount: '.fs-c-cartTotal__discount .fs-c-price',
      },
      // The product page URL ends with the product number: /c/…/{productNo} or /g/{productNo}.
      id: (el) => el.querySelector('a.fs-c-listedProductName__name')?.getAttribute('href')?.match(/\/([^/?#]+)\/?(?:[?#].*)?$/)?.[1] ?? null,
    },
  ],
  // Every commerce-creator page carries fs- body ids/classes (fs_ShoppingCart, fs-body-product…).
  detect: (doc) => has(doc, 'body[id^="fs_"], body[class*="fs-body-"], .fs-c-cartTable, [class*="fs-c-productPrice"]'),
  // The add-to-cart form posts to /p/cart/add; the cart page changes lines under /p/cart.
  cartRequests: /\/p\/cart(?:\/(?:add|update|remove|delete))?(?:[?#]|$)/,
  // The cart's way on to the order form (the order form's own #fs_button_placeOrder is not a
  // moment to propose anything).
  checkout: 'a[href*="/p/checkout"], form[action*="/p/checkout"] button',
  // The order-complete page is futureshop's checkout; its conversion tags are set in the admin.
  orderComplete: () => false,
  actions: 'product-page',
} satisfies Platform;
