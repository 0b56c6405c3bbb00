import type { CartItem } from '../types';
/** CSS selectors: `item`, `subtotal` and `discount` run on the document, the rest inside each item. */
export interface CartSelectors {
  item: string;
  name: string;
  sku?: string;
  /** Attribute of the `sku` element to read instead of its text. */
  skuAttr?: string;
  price: string;
  quantity: string;
  lineTotal?: string;
  subtotal?: string;
  /**
   * Cart-level discounts (coupons, order discounts) the page shows apart from `subtotal`; each
   * amount is taken off it, so `subtotal` reads as goods after discounts.
   */
  discount?: string;
}

/**
 * One way a platform renders its cart. Selectors may list alternatives with " || ": the first
 * alternative that matches inside the item wins (CSS "a, b" would take whichever comes first in
 * the page, e.g. a name cell before the link inside it).
 */
export interface CartLayout {
  /** Present when this layout is on the page (items or not: an empty cart is still this shop). */
  scope: string;
  selectors: CartSelectors;
  /** The platform's line / variant / product id of an item element. */
  id?: (item: Element) => string | null;
  /** Several carts on one page (EC-CUBE splits by sale type): the subtotal is their sum. */
  sumSubtotals?: boolean;
  /**
   * The page's subtotal is already after cart-level discounts (Shopify's cart total): the
   * `discount` amounts are read for the before-discounts basis, not taken off again.
   */
  subtotalAfterDiscounts?: boolean;
}

/** An order as its order-complete page prints it. */
export interface ShownOrder {
  orderId: string;
  /** The total's text, currency mark and all ("￥6,080"). */
  total: string;
}

/**
 * Everything the widget knows about one shop platform. A platform is one file in this folder
 * plus its line in `./index.ts`; `PLATFORM_IDS` in `./ids.ts` names it, and the compiler then
 * asks for the file's every field here and, when `actions` is "cart-api", for its adapter in
 * `src/actions/index.ts`.
 */
export interface Platform {
  /** The platform's name in messages for the merchant. */
  name: string;
  /** How its themes draw the cart, in the order tried: the first on the page that shows lines wins. */
  layouts: CartLayout[];
  /**
   * The page is this platform's, cart or not (globals, meta tags, markup its templates always
   * print). Names the platform of a cart read with `cart.selectors`, for what "yes" does.
   */
  detect(doc: Document): boolean;
  /**
   * The cart as data the platform prints on every page, for a platform whose cart page is not the
   * shop's markup (カラーミーショップ's hosted cart): lines and goods total, or null when absent.
   * Tried when none of the layouts is on the page.
   */
  cartData?(doc: Document): { currency: string; items: CartItem[]; subtotal: number } | null;
  /** The currency the page declares (e.g. Shopify's active currency), when it does. */
  currency?(doc: Document): string | null;
  /** The platform's own cart requests, matched against resource-timing URLs (no fetch patching). */
  cartRequests: RegExp;
  /** Events dispatched on `document` (or bubbling to it) when the cart changed. */
  cartEvents?: string[];
  /** jQuery events triggered on `document.body` when the cart changed (space-separated). */
  jqueryEvents?: string;
  /** The platform's checkout buttons (a selector list), for the checkout trigger. */
  checkout: string;
  /** This page is the platform's order-complete (thank-you) page. */
  orderComplete(doc: Document): boolean;
  /**
   * The order the order-complete page shows: the platform's order number and its total as
   * printed, read from the platform's own template. Only where the template prints both; a
   * platform without it sends no order by itself (`trackOrder` and the hooks still do). Never
   * the buyer's name, address or e-mail, which the same pages show.
   */
  order?(doc: Document): ShownOrder | null;
  /**
   * What "yes" does: "cart-api" — the platform's cart requests, by the adapter of the same id in
   * `src/actions/`; "product-page" — the shopper is taken to the offered product's page.
   */
  actions: 'cart-api' | 'product-page';
}
