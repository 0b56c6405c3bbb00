import type { PlatformId } from './platforms/ids';

/** One line of the shopper's cart as read from the page. Amounts are integers in minor units. */
export interface CartItem {
  /** The platform's line / variant / product id where the page shows one. */
  id: string | null;
  /** The SKU where the page shows one. */
  sku: string | null;
  name: string;
  unitPrice: number;
  quantity: number;
  lineTotal: number;
}

/** The cart as `CartUpsell.readCart` returns it. */
export interface Cart {
  /** ISO 4217 code, e.g. "JPY". */
  currency: string;
  items: CartItem[];
  /** The goods after discounts and coupons, before shipping: what free-shipping rules compare by default. */
  subtotal: number;
  /**
   * Cart-level discounts (coupons, order discounts) the page shows, as a positive amount; present
   * only when there are some. `subtotal + discount` is the goods before them.
   */
  discount?: number;
  /** The platform whose cart this is, when the page says (its preset read it, or its markup shows it). */
  platform?: PlatformId;
}
