import type { Cart } from '../types';
import type { CartConfig, CartSelectors } from '../config/types';
import { all, first, firstPrice, plan, priceText, readCart, valueOf } from './read';

export interface DiagnoseField {
  field: keyof CartSelectors;
  selector: string;
  /** Elements matched: on the page for `item` and `subtotal`, inside the items for the rest. */
  matches: number;
  /** The matched elements, so a setup helper can outline them. */
  elements: Element[];
  /** What was read from each item (or the page), in order; null where nothing matched. */
  values: (string | null)[];
  /** The selector is not valid CSS. */
  invalid?: boolean;
}

export interface DiagnoseReport {
  /** "cart.preset \"auto\" (shopify)", "cart.selectors", or null when nothing applies. */
  source: string | null;
  fields: DiagnoseField[];
  cart: Cart;
}

const FIELDS: (keyof CartSelectors)[] = ['item', 'name', 'sku', 'price', 'quantity', 'lineTotal', 'subtotal'];

const validCss = (doc: Document, sel: string): boolean =>
  sel.split(' || ').every((s) => {
    try {
      doc.querySelector(s);
      return true;
    } catch {
      return false;
    }
  });

const short = (s: string | null): string | null => (s === null ? null : s.replace(/\s+/g, ' ').trim().slice(0, 80));

/**
 * For merchants fixing selectors: per selector, how many elements matched and what was read,
 * printed as a console table and returned (with the elements) for the demo's setup helper.
 */
export function diagnose(cfg: CartConfig = {}, doc: Document = document): DiagnoseReport {
  cfg = cfg && typeof cfg === 'object' ? cfg : {};
  const p = plan(cfg, doc);
  const fields: DiagnoseField[] = [];
  if (p) {
    const s = p.selectors;
    const items = all(doc, s.item);
    for (const field of FIELDS) {
      const selector = s[field];
      if (!selector) continue;
      const invalid = !validCss(doc, selector);
      let elements: Element[] = [];
      let values: (string | null)[] = [];
      if (field === 'item') {
        elements = items;
        values = items.map((el) => short(el.textContent));
      } else if (field === 'subtotal') {
        const el = firstPrice(doc, selector);
        elements = el ? [el] : [];
        values = [short(priceText(el))];
      } else {
        const money = field === 'price' || field === 'lineTotal';
        const found = items.map((it) => (money ? firstPrice(it, selector) : first(it, selector)));
        elements = found.filter((e): e is Element => !!e);
        values = found.map((el) => (!el ? null : field === 'sku' && s.skuAttr ? el.getAttribute(s.skuAttr) : short(money ? priceText(el) : valueOf(el))));
      }
      fields.push({ field, selector, matches: elements.length, elements, values, ...(invalid ? { invalid } : {}) });
    }
  }
  const cart = readCart(cfg, doc);
  try {
    const c = console;
    c.group(`[cart-upsell] diagnose: ${p ? p.source : 'no cart preset or selectors apply to this page'}`);
    c.table(fields.map(({ field, selector, matches, values, invalid }) => ({ field, selector, matches: invalid ? 'invalid selector' : matches, read: values.slice(0, 5).join(' | ') })));
    c.log(`[cart-upsell] cart read: ${cart.items.length} line(s), subtotal ${cart.subtotal} ${cart.currency}`, cart);
    c.groupEnd();
  } catch {
    /* a console replaced by the page */
  }
  return { source: p ? p.source : null, fields, cart };
}
