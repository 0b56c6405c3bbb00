import type { Cart } from '../types';
import type { AmountByCurrency, Config, Product } from '../config/types';
import type { FreeShippingTierView, FreeShippingView, ProductView } from './types';
import { catalogOf, indexCart, money, productInCart, viewOf, type Catalog, type CartIndex } from './catalog';

/** "A few" gap fillers: more would turn an informational bar into a shelf. */
export const GAP_FILLERS_MAX = 3;

/** The shop's own currency: what a plain-number amount is in. */
export function shopCurrency(config: Config): string {
  const c = config.cart?.currency;
  return typeof c === 'string' && c ? c.toUpperCase() : 'JPY';
}

/**
 * The amount that applies to a cart in `currency`, or null. A plain number is in the shop's
 * currency only; a map names each currency. Amounts in different currencies are never compared,
 * so a shopper paying in USD never sees "あと$9,950" computed from a yen rule.
 */
export function amountFor(a: AmountByCurrency | undefined, currency: string, config: Config): number | null {
  if (typeof a === 'number') return currency === shopCurrency(config) && money(a) ? a : null;
  if (!a || typeof a !== 'object') return null;
  const v = (a as Record<string, unknown>)[currency];
  return money(v) ? v : null;
}

/** Cart amounts are tax-included when the currency is JPY (総額表示 is the law for consumer prices). */
const cartTaxIncluded = (currency: string) => currency === 'JPY';

/** Converts a merchant amount to the basis the cart shows, so "あと￥X" is what the shopper must add. */
function toCartBasis(amount: number, config: Config, currency: string): number {
  const fs = config.freeShipping;
  if (fs?.taxIncluded !== false || !cartTaxIncluded(currency)) return amount;
  const rate = typeof fs.taxRate === 'number' && fs.taxRate >= 0 && fs.taxRate < 1 ? fs.taxRate : 0.1;
  // Round away float noise (10000 × 1.1 = 11000.000000000002) before rounding up to a whole unit.
  return Math.ceil(Math.round(amount * (1 + rate) * 1e6) / 1e6);
}

/**
 * The amount the rule compares: the cart's subtotal (goods after discounts and coupons, before
 * shipping), or with `basis: "before-discounts"` the goods before cart-level discounts.
 */
function cartSubtotal(cart: Cart, config: Config): number {
  let sum = 0;
  if (money(cart.subtotal)) sum = cart.subtotal;
  else for (const l of cart.items) if (money(l?.lineTotal)) sum += l.lineTotal;
  return config.freeShipping?.basis === 'before-discounts' && money(cart.discount) ? sum + cart.discount : sum;
}

/**
 * The free-shipping bar for this cart: remaining amount, further tiers and gap fillers, or null
 * when the config has no threshold for the cart's currency. Gap fillers come from `products`
 * (a list, or decide()'s catalog), else from config.products.
 */
export function freeShippingView(cart: Cart, config: Config, products?: Catalog | Product[], index?: CartIndex): FreeShippingView | null {
  const fs = config.freeShipping;
  if (!fs || !cart || typeof cart.currency !== 'string' || !Array.isArray(cart.items)) return null;
  const currency = cart.currency.toUpperCase();
  const raw = amountFor(fs.threshold, currency, config);
  if (raw == null) return null;
  const threshold = toCartBasis(raw, config, currency);
  const subtotal = cartSubtotal(cart, config);
  const remaining = Math.max(0, threshold - subtotal);

  const tiers: FreeShippingTierView[] = [];
  for (const t of Array.isArray(fs.tiers) ? fs.tiers : []) {
    const a = amountFor(t?.amount, currency, config);
    if (a == null || typeof t.label !== 'string') continue;
    const amount = toCartBasis(a, config, currency);
    tiers.push({ amount, label: t.label, reached: subtotal >= amount, remaining: Math.max(0, amount - subtotal) });
  }
  tiers.sort((a, b) => a.amount - b.amount);

  const goal = Math.max(threshold, tiers.length ? tiers[tiers.length - 1].amount : 0);
  const progress = goal <= 0 ? 1 : Math.min(1, subtotal / goal);

  let gapFillers: ProductView[] = [];
  if (remaining > 0 && fs.gapFillers !== false) {
    const catalog = Array.isArray(products) ? catalogOf({ products }) : (products ?? catalogOf(config));
    gapFillers = fillers(remaining, catalog, index ?? indexCart(cart), Array.isArray(fs.gapFillers) ? fs.gapFillers : null);
  }
  return { currency, threshold, subtotal, remaining, reached: remaining === 0, progress, tiers, gapFillers };
}

/** Products that alone close the gap, least overshoot first (a ¥900 item for a ¥800 gap beats a ¥5,000 one). */
function fillers(remaining: number, catalog: Catalog, idx: CartIndex, only: string[] | null): ProductView[] {
  const pool = only ? only.map((s) => catalog.bySku.get(s)).filter((p) => !!p) : catalog.list;
  const seen = new Set<string>();
  const fit = [];
  for (const p of pool) {
    if (seen.has(p.sku) || p.price < remaining || p.price <= 0 || productInCart(p, idx)) continue;
    seen.add(p.sku);
    fit.push(p);
  }
  // Stable sort: equal overshoot keeps the merchant's order.
  fit.sort((a, b) => a.price - b.price);
  return fit.slice(0, GAP_FILLERS_MAX).map(viewOf);
}
