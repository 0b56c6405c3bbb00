// WooCommerce (woocommerce/woocommerce plugins/woocommerce): the classic cart
// (templates/cart/cart.php, cart-totals.php) and the Cart block (drawn in the browser).
import type { Platform } from './types';
import { attr, global, has } from './dom';

export const woocommerce = {
  name: 'WooCommerce',
  layouts: [
    {
      // Classic cart ([woocommerce_cart] shortcode).
      scope: '.woocommerce-cart-form',
      selectors: {
        item: '.woocommerce-cart-form .cart_item',
        name: '.product-name > a || .product-name',
        sku: 'a.remove[data-product_sku] || [data-product_sku]',
        skuAttr: 'data-product_sku',
        price: '.product-price',
        quantity: '.product-quantity input || .product-quantity',
        lineTotal: '.product-subtotal',
        // cart-totals.php: 小計 is before coupons; each coupon is a `tr.cart-discount` row ("-¥500 [削除]").
        subtotal: '.cart_totals .cart-subtotal td || .cart-subtotal td',
        discount: '.cart_totals tr.cart-discount td .woocommerce-Price-amount || .cart_totals tr.cart-discount td',
      },
      id: (el) => attr(el, '[data-product_id]', 'data-product_id'),
    },
    {
      // Cart block, rendered in the browser by the block's script.
      scope: '.wc-block-cart, .wp-block-woocommerce-cart',
      selectors: {
        item: '.wc-block-cart .wc-block-cart-items__row || .wp-block-woocommerce-cart .wc-block-cart-items__row',
        name: '.wc-block-components-product-name',
        price: '.wc-block-cart-item__prices .wc-block-components-product-price__value || .wc-block-cart-item__prices',
        quantity: '.wc-block-components-quantity-selector__input',
        lineTotal: '.wc-block-cart-item__total .wc-block-components-product-price__value || .wc-block-cart-item__total .wc-block-components-product-price',
        subtotal: '.wp-block-woocommerce-cart-order-summary-subtotal-block .wc-block-components-totals-item__value || .wc-block-cart .wc-block-components-totals-item__value',
        // The order summary's coupon block (cart-order-summary-discount-block): "-¥500".
        discount: '.wp-block-woocommerce-cart-order-summary-discount-block .wc-block-components-totals-discount .wc-block-components-totals-item__value',
      },
    },
  ],
  detect: (doc) =>
    !!(global(doc, 'wc_add_to_cart_params') || global(doc, 'wcSettings') || global(doc, 'wc_cart_fragments_params')) ||
    has(doc, 'body.woocommerce-page, body.woocommerce, .woocommerce-cart-form, .wc-block-cart, .wp-block-woocommerce-cart'),
  // wc-ajax endpoints (includes/class-wc-ajax.php) and the Store API (src/StoreApi/Routes/V1).
  cartRequests:
    /[?&]wc-ajax=(?:add_to_cart|remove_from_cart|get_refreshed_fragments|apply_coupon|remove_coupon)\b|\/wp-json\/wc\/store\/(?:v\d+\/)?(?:cart|batch)|[?&]rest_route=\/wc\/store\/(?:v\d+\/)?(?:cart|batch)/,
  // WooCommerce Blocks dispatch these natively; the classic scripts use jQuery events on body.
  cartEvents: ['wc-blocks_added_to_cart', 'wc-blocks_removed_from_cart'],
  jqueryEvents: 'updated_cart_totals added_to_cart removed_from_cart wc_fragments_refreshed wc_fragments_loaded updated_wc_div',
  // proceed-to-checkout-button.php and the Cart block's submit button.
  checkout: '.checkout-button, .wc-block-cart__submit-button',
  // The order-received endpoint: body_class adds `woocommerce-order-received` (wc_body_class).
  orderComplete: (doc) => has(doc, 'body.woocommerce-order-received, .woocommerce-order-received, .wc-block-order-confirmation-status'),
  // The classic page's overview (templates/checkout/thankyou.php) and the Order Confirmation
  // Summary block (src/Blocks/BlockTypes/OrderConfirmation/Summary.php: rows order number, date,
  // total, then the buyer's e-mail and payment method — only the first and third are read). The
  // total is the order's (get_formatted_order_total: shipping and fees included): the goods total
  // is shown only in rows known by their translated labels. A failed payment's page shows no order.
  order(doc) {
    if (has(doc, '.woocommerce-thankyou-order-failed, .wc-block-order-confirmation-status__actions')) return null;
    const text = (sel: string) => doc.querySelector(sel)?.textContent?.trim() || '';
    const orderId = text('.woocommerce-order-overview__order strong');
    const total = text('.woocommerce-order-overview__total strong');
    if (orderId && total) return { orderId, total };
    const rows = doc.querySelectorAll('.wc-block-order-confirmation-summary-list-item__value');
    const [id, , sum] = Array.from(rows, (r) => r.textContent?.trim() || '');
    return id && sum ? { orderId: id, total: sum } : null;
  },
  actions: 'cart-api',
} satisfies Platform;
