import type { Cart, CartItem } from '../../src/types';

/** A cart line as the reader returns it: integers in minor units. */
export function line(sku: string | null, unitPrice: number, quantity = 1, extra: Partial<CartItem> = {}): CartItem {
  return { id: null, sku, name: `商品 ${sku ?? extra.id ?? ''}`, unitPrice, quantity, lineTotal: unitPrice * quantity, ...extra };
}

export function cartOf(items: CartItem[], currency = 'JPY'): Cart {
  return { currency, items, subtotal: items.reduce((s, l) => s + l.lineTotal, 0) };
}
