import type { CartSelectors } from '../config/types';

/**
 * One way a platform renders its cart. Selectors may list alternatives with " || ": the first
 * alternative that matches inside the item wins (CSS "a, b" would take whichever comes first in
 * the page, e.g. a name cell before the link inside it).
 */
export interface CartLayout {
  platform: 'shopify' | 'woocommerce' | 'eccube';
  /** Present when this layout is on the page (items or not: an empty cart is still this shop). */
  scope: string;
  selectors: CartSelectors;
  /** The platform's line / variant / product id of an item element. */
  id?: (item: Element) => string | null;
  /** Several carts on one page (EC-CUBE splits by sale type): the subtotal is their sum. */
  sumSubtotals?: boolean;
}

const attr = (el: Element, sel: string, name: string): string | null => el.querySelector(sel)?.getAttribute(name) || null;
const fromHref = (el: Element, sel: string, re: RegExp): string | null => {
  const m = (el.querySelector(sel)?.getAttribute('href') ?? '').match(re);
  return m ? m[1] : null;
};

// Dawn and the Online Store 2.0 themes built on it (sections/main-cart-items, snippets/cart-drawer).
const shopifyLine = {
  name: '.cart-item__name || .cart-item__details a',
  // A discounted line shows <s class="cart-item__old-price product-option"> then the final price.
  price: '.cart-item__final-price || .cart-item__details > .product-option || .cart-item__details .price',
  quantity: 'input.quantity__input || input[name="updates[]"] || .quantity input',
  lineTotal: '.cart-item__totals .price || .cart-item__price-wrapper .price',
};
const shopifyId = (el: Element) =>
  attr(el, '[data-quantity-variant-id]', 'data-quantity-variant-id') ?? fromHref(el, 'a[href*="variant="]', /[?&]variant=(\d+)/) ?? attr(el, '[data-index]', 'data-index');

export const LAYOUTS: CartLayout[] = [
  {
    platform: 'shopify',
    scope: 'cart-items',
    // The cart page; `cart-drawer-items` is a different element, so a drawer in the DOM is not read twice.
    selectors: { item: 'cart-items .cart-item', ...shopifyLine, subtotal: '#main-cart-footer .totals__total-value || #main-cart-footer .totals__subtotal-value || cart-items ~ * .totals__total-value' },
    id: shopifyId,
  },
  {
    platform: 'shopify',
    scope: 'cart-drawer-items, cart-drawer',
    selectors: { item: 'cart-drawer-items .cart-item || cart-drawer .cart-item', ...shopifyLine, subtotal: 'cart-drawer .totals__total-value || cart-drawer .totals__subtotal-value' },
    id: shopifyId,
  },
  {
    platform: 'woocommerce',
    // Classic cart ([woocommerce_cart] shortcode, templates/cart/cart.php).
    scope: '.woocommerce-cart-form',
    selectors: {
      item: '.woocommerce-cart-form .cart_item',
      name: '.product-name > a || .product-name',
      sku: 'a.remove[data-product_sku] || [data-product_sku]',
      skuAttr: 'data-product_sku',
      price: '.product-price',
      quantity: '.product-quantity input || .product-quantity',
      lineTotal: '.product-subtotal',
      subtotal: '.cart_totals .cart-subtotal td || .cart-subtotal td',
    },
    id: (el) => attr(el, '[data-product_id]', 'data-product_id'),
  },
  {
    platform: 'woocommerce',
    // Cart block, rendered in the browser by the block's script.
    scope: '.wc-block-cart, .wp-block-woocommerce-cart',
    selectors: {
      item: '.wc-block-cart .wc-block-cart-items__row || .wp-block-woocommerce-cart .wc-block-cart-items__row',
      name: '.wc-block-components-product-name',
      price: '.wc-block-cart-item__prices .wc-block-components-product-price__value || .wc-block-cart-item__prices',
      quantity: '.wc-block-components-quantity-selector__input',
      lineTotal: '.wc-block-cart-item__total .wc-block-components-product-price__value || .wc-block-cart-item__total .wc-block-components-product-price',
      subtotal:
        '.wp-block-woocommerce-cart-order-summary-subtotal-block .wc-block-components-totals-item__value || .wc-block-cart .wc-block-components-totals-item__value',
    },
  },
  {
    platform: 'eccube',
    // EC-CUBE 4 default theme, Cart/index.twig.
    scope: '.ec-cartRole',
    selectors: {
      item: '.ec-cartRole .ec-cartRow',
      name: '.ec-cartRow__name a || .ec-cartRow__name',
      price: '.ec-cartRow__unitPrice',
      quantity: '.ec-cartRow__amount || .ec-cartRow__amountSP',
      lineTotal: '.ec-cartRow__subtotalColumn || .ec-cartRow__sutbtotal',
      subtotal: '.ec-cartRole__totalAmount',
    },
    id: (el) => fromHref(el, 'a[href*="/cart/"]', /\/cart\/(?:remove|delete|up|down)\/(\d+)/),
    sumSubtotals: true,
  },
];

/** The first layout of `platform` (or of any platform for "auto") present on the page. */
export function findLayout(doc: Document, platform: string): CartLayout | null {
  let fallback: CartLayout | null = null;
  for (const layout of LAYOUTS) {
    if (platform !== 'auto' && layout.platform !== platform) continue;
    if (!doc.querySelector(layout.scope)) continue;
    // Both the cart page and the drawer may be present: prefer the one that shows lines.
    if (layout.selectors.item.split(' || ').some((s) => doc.querySelector(s))) return layout;
    fallback ??= layout;
  }
  return fallback;
}
