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
  subtotal: number;
}
