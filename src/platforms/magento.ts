// Magento 2 / Adobe Commerce, Luma theme (magento/magento2 app/code/Magento/Checkout/view/frontend/
// templates/cart/form.phtml and cart/item/default.phtml; totals drawn by Magento_Checkout's
// cart/totals knockout templates, the coupon row by Magento_SalesRule summary/discount.html).
import type { Platform } from './types';
import { code, global, has, path } from './dom';

export const magento = {
  name: 'Magento',
  layouts: [
    {
      scope: '#shopping-cart-table',
      selectors: {
        // One <tbody class="cart item"> per line: the item row, then the edit/remove row.
        item: '#shopping-cart-table tbody.cart.item',
        name: '.product-item-name a || .product-item-name',
        // data-cart-item-id on the quantity box is the line's SKU (item/default.phtml).
        sku: 'input.qty[data-cart-item-id]',
        skuAttr: 'data-cart-item-id',
        // With "display both", the incl. tax price comes first; otherwise the one price shown.
        price: 'td.col.price .price-including-tax .price || td.col.price .cart-price .price',
        quantity: 'input.qty',
        lineTotal: 'td.col.subtotal .price-including-tax .price || td.col.subtotal .cart-price .price',
        // Subtotal is before the coupon; "Discount (CODE)" is its own row, "-$10.00".
        subtotal: '#cart-totals tr.totals.sub.incl .price || #cart-totals tr.totals.sub .price',
        discount: '#cart-totals tr.totals.discount .price',
      },
      // The quote item id, from the quantity box's name "cart[41][qty]".
      id: (el) =>
        el
          .querySelector('input.qty')
          ?.getAttribute('name')
          ?.match(/^cart\[(\d+)\]/)?.[1] ?? null,
    },
  ],
  // Every Magento 2 page declares its widgets in <script type="text/x-magento-init">.
  detect: (doc) => has(doc, 'script[type="text/x-magento-init"], [data-mage-init]') || !!global(doc, 'checkoutConfig'),
  currency: (doc) => code((global(doc, 'checkoutConfig') as { quoteData?: { quote_currency_code?: unknown } } | undefined)?.quoteData?.quote_currency_code),
  // Checkout controllers (Magento_Checkout Controller/Cart/*, Controller/Sidebar/*).
  cartRequests: /\/checkout\/cart\/(?:add|updatePost|updateItemQty|delete|couponPost)\b|\/checkout\/sidebar\/(?:removeItem|updateItemQty)\b/,
  checkout: '[data-role="proceed-to-checkout"], button.action.checkout',
  // checkout_onepage_success layout: the body class is the route.
  orderComplete: (doc) => has(doc, 'body.checkout-onepage-success') || /\/checkout\/onepage\/success\/?$/.test(path(doc)),
  // Add, change and read through Magento_Checkout's own routes (src/actions/magento.ts).
  actions: 'cart-api',
} satisfies Platform;
