import type { Cart, CartItem } from '../types';
import type { CartConfig, CartSelectors } from '../config/types';
import { parseMoney } from './money';
import { warnOnce } from '../util/log';

/** Old prices and notes that are never the price. */
const NOT_PRICE = 's, del, strike, [class*="compare"], [class*="regular"], [class*="old"]';

function valueOf(el: Element | null): string | null {
  if (!el) return null;
  if (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement) return el.value;
  return el.textContent;
}

/** The element's text without struck-out or old prices inside it. */
function priceText(el: Element | null): string | null {
  if (!el) return null;
  if (!el.querySelector(NOT_PRICE)) return valueOf(el);
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll(NOT_PRICE).forEach((n) => n.remove());
  return copy.textContent;
}

const first = (root: ParentNode, sel: string | undefined): Element | null => {
  if (!sel) return null;
  try {
    return root.querySelector(sel);
  } catch {
    return null;
  }
};

function readLine(el: Element, s: CartSelectors, currency: string): CartItem | null {
  const name = valueOf(first(el, s.name))?.trim().replace(/\s+/g, ' ') ?? '';
  const skuEl = first(el, s.sku);
  let sku = skuEl ? (s.skuAttr ? skuEl.getAttribute(s.skuAttr) : valueOf(skuEl)) : null;
  sku = sku?.normalize('NFKC').replace(/^\s*(品番|型番|SKU|商品コード)\s*[:：]?\s*/i, '').trim() || null;
  const unitPrice = parseMoney(priceText(first(el, s.price)) ?? '', currency);
  const qtyText = valueOf(first(el, s.quantity))?.normalize('NFKC') ?? '';
  const quantity = qtyText.trim() === '' ? 1 : parseInt(qtyText.replace(/[^\d-]/g, ''), 10);
  if (unitPrice === null || !Number.isFinite(quantity)) {
    warnOnce(`a cart line ("${name.slice(0, 40)}") has no readable price or quantity; it was skipped.`);
    return null;
  }
  const lineTotal = parseMoney(priceText(first(el, s.lineTotal)) ?? '', currency) ?? unitPrice * quantity;
  return { id: null, sku, name, unitPrice, quantity, lineTotal };
}

/** Reads the cart from the page. Never throws; unreadable lines are skipped with a warning. */
export function readCart(cfg: CartConfig = {}, doc: Document = document): Cart {
  const currency = (cfg.currency ?? 'JPY').toUpperCase();
  const s = cfg.selectors;
  if (!s) return { currency, items: [], subtotal: 0 };
  let nodes: Element[] = [];
  try {
    nodes = Array.from(doc.querySelectorAll(s.item));
  } catch {
    /* an invalid selector is reported by the config check */
  }
  if (!nodes.length) warnOnce(`cart.selectors.item "${s.item}" matched nothing on this page; the cart reads as empty.`);
  const items: CartItem[] = [];
  for (const n of nodes) {
    const line = readLine(n, s, currency);
    if (line) items.push(line);
  }
  const sum = items.reduce((a, i) => a + i.lineTotal, 0);
  const shown = parseMoney(priceText(first(doc, s.subtotal)) ?? '', currency);
  return { currency, items, subtotal: shown ?? sum };
}
