import type { Cart, CartItem } from '../types';
import type { CartConfig, CartSelectors } from '../config/types';
import { detectCurrency, minorDigits, parseMoney } from './money';
import { PLATFORMS, detectPlatform, findLayout, platformNames, type CartLayout, type PlatformId } from '../platforms';
import { warnOnce } from '../util/log';

/** Old prices are never the price: struck text and the themes' "compare at" / "regular" prices. */
const NOT_PRICE =
  's, del, strike, [class*="compare"], [class*="old-price"], [class*="old_price"], [class*="oldPrice"], [class*="price__regular"], [class*="regular-price"], [class*="regular_price"], [class*="--regular"]';

export function valueOf(el: Element | null): string | null {
  if (!el) return null;
  const tag = el.tagName;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA') return (el as HTMLInputElement).value;
  // textContent, not innerText: no layout is forced, so reading a long cart stays cheap.
  return el.textContent;
}

const split = new Map<string, string[]>();
const alternatives = (sel: string | undefined): string[] => {
  if (!sel) return [];
  let list = split.get(sel);
  if (!list) {
    list = sel.split(' || ').map((s) => s.trim()).filter(Boolean);
    if (split.size < 200) split.set(sel, list);
  }
  return list;
};

/** Every element the first matching alternative of `sel` finds in `root` (an invalid selector finds none). */
export function all(root: ParentNode, sel: string | undefined): Element[] {
  for (const s of alternatives(sel)) {
    try {
      const found = root.querySelectorAll(s);
      if (found.length) return Array.from(found);
    } catch {
      /* an invalid selector matches nothing; diagnose and the config check name it */
    }
  }
  return [];
}

export function first(root: ParentNode, sel: string | undefined): Element | null {
  for (const s of alternatives(sel)) {
    try {
      const el = root.querySelector(s);
      if (el) return el;
    } catch {
      /* see all() */
    }
  }
  return null;
}

/** Is `el` (or an ancestor up to `root`) an old price? Bounded by `root`: closest() would test
 * every ancestor up to <html> against the whole list, 10× the cost of reading a line. */
const struck = (el: Element, root: Element | Document): boolean => {
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) if (n.matches(NOT_PRICE)) return true;
  return false;
};

/** The first price element of `sel` in `root` that is not itself an old price. */
export function firstPrice(root: Element | Document, sel: string | undefined): Element | null {
  for (const s of alternatives(sel)) {
    let list: NodeListOf<Element>;
    try {
      const el = root.querySelector(s);
      if (!el) continue;
      if (!struck(el, root)) return el;
      list = root.querySelectorAll(s);
    } catch {
      continue;
    }
    for (const el of Array.from(list)) if (!struck(el, root)) return el;
  }
  return null;
}

/** The element's text without struck-out or old prices inside it. */
export function priceText(el: Element | null): string | null {
  if (!el) return null;
  const text = valueOf(el);
  // One plain amount cannot hide an old price: skip the subtree search (most lines of a long cart).
  if (el.tagName === 'INPUT' || el.tagName === 'SELECT' || (text && text.length < 40 && SIMPLE.test(text)) || !el.querySelector(NOT_PRICE)) return text;
  const copy = el.cloneNode(true) as Element;
  copy.querySelectorAll(NOT_PRICE).forEach((n) => n.remove());
  return copy.textContent;
}

// The common shapes of a cart cell ("¥1,320", "1,320円", "￥1,320（税込）", "$12.50"), read without the
// full parser: a 500-line cart has a thousand amounts and must read well under a frame.
const SIMPLE = /^\s*([¥￥$€£₩]|JPY|USD|EUR)?\s*(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d\d)?\s*(円|JPY|USD|EUR)?\s*([(（]税込[)）]|税込|\(tax incl\.?\))?\s*$/i;

/** parseMoney, with a fast path for plain amounts; same results. */
export function money(text: string | null, currency: string): number | null {
  if (!text) return null;
  const m = text.length < 40 ? SIMPLE.exec(text) : null;
  if (m && (m[1] || m[4])) {
    const digits = minorDigits(currency);
    if (!m[3]) return Number(m[2].replace(/,/g, '')) * 10 ** digits;
    if (digits === 2) return Number(m[2].replace(/,/g, '')) * 100 + Number(m[3].slice(1));
  }
  return parseMoney(text, currency);
}

const clean = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** A SKU without its label: "品番：TN-01" → "TN-01". */
export function cleanSku(raw: string | null | undefined): string | null {
  const s = clean(raw?.normalize('NFKC')).replace(/^(品番|型番|商品番号|商品コード|製品番号|SKU|Item ?(no\.?|number|code)|Art\.? ?Nr\.?|Ref\.?)\s*[:.#]?\s*/i, '');
  return s || null;
}

function quantityOf(el: Element | null): number | null {
  if (!el) return 1;
  // A cell holding the quantity box: its text is every <option>, its value is the quantity.
  const control = /^(INPUT|SELECT)$/.test(el.tagName) ? el : el.querySelector('input:not([type="checkbox"]):not([type="radio"]), select') ?? el;
  const t = (valueOf(control) ?? '').normalize('NFKC');
  const m = t.match(/\d+/);
  if (!m) return t.trim() === '' ? 1 : null;
  const q = Number(m[0]);
  return Number.isSafeInteger(q) ? q : null;
}

interface Plan {
  selectors: CartSelectors;
  layout: CartLayout | null;
  /** The platform whose preset reads the page, or whose markup the page shows (with selectors). */
  platform: PlatformId | null;
  /** Which config field the item selector came from, for messages. */
  source: string;
}

/** Which selectors read this page: the preset's layout found on it, else the merchant's selectors. */
export function plan(cfg: CartConfig, doc: Document): Plan | null {
  const preset = cfg.preset ?? (cfg.selectors ? undefined : 'auto');
  // A tailored build for a theme read by its own selectors carries no platform layouts.
  if (__CART__ !== 'selectors' && preset) {
    const found = findLayout(doc, preset);
    if (found) return { selectors: found.layout.selectors, layout: found.layout, platform: found.platform, source: `cart.preset "${preset}" (${found.platform})` };
    if (!cfg.selectors) {
      const name = preset === 'auto' ? '' : (PLATFORMS[preset as PlatformId]?.name ?? preset);
      warnOnce(
        preset === 'auto'
          ? `cart.preset "auto" found no ${platformNames()} cart on this page; set cart.selectors for this theme. The cart reads as empty.`
          : `cart.preset "${preset}" found no ${name} cart on this page; check the preset or set cart.selectors. The cart reads as empty.`,
      );
      return null;
    }
  }
  return cfg.selectors ? { selectors: cfg.selectors, layout: null, platform: detectPlatform(doc), source: 'cart.selectors' } : null;
}

/** A line, or why it was skipped (the caller warns once for all skipped lines). */
function readLine(el: Element, s: CartSelectors, currency: string, layout: CartLayout | null): CartItem | string {
  const name = clean(valueOf(first(el, s.name)));
  const skuEl = first(el, s.sku);
  const sku = skuEl ? cleanSku(s.skuAttr ? skuEl.getAttribute(s.skuAttr) : valueOf(skuEl)) : null;
  // Only built for a warning: finding a row's position costs a walk over its siblings.
  const label = () => (name ? `"${name.slice(0, 40)}"` : `line ${el.parentElement ? Array.prototype.indexOf.call(el.parentElement.children, el) + 1 : '?'}`);
  const unitPrice = money(priceText(firstPrice(el, s.price)), currency);
  const quantity = quantityOf(first(el, s.quantity));
  if (unitPrice === null || quantity === null)
    return `cart line ${label()}: no readable ${unitPrice === null ? `price (cart selector price "${s.price}")` : `quantity (cart selector quantity "${s.quantity}")`}`;
  const shownTotal = s.lineTotal ? money(priceText(firstPrice(el, s.lineTotal)), currency) : null;
  const lineTotal = shownTotal ?? unitPrice * quantity;
  // Keep what the page shows (a line discount is real money); say so once, so a wrong selector is found.
  if (shownTotal !== null && shownTotal !== unitPrice * quantity)
    warnOnce(`cart line ${label()}: line total ${shownTotal} differs from unit price ${unitPrice} × ${quantity}; the page's line total is used.`);
  let id: string | null = null;
  try {
    id = layout?.id?.(el) ?? el.getAttribute('data-id') ?? el.getAttribute('data-key') ?? null;
  } catch {
    id = null;
  }
  return { id, sku, name, unitPrice, quantity, lineTotal };
}

/** The currency the page declares: its platform's word (Shopify's active currency), or a `data-currency` attribute. */
function pageCurrency(doc: Document, platform: PlatformId | null): string | null {
  let c: unknown = null;
  try {
    c = (platform && PLATFORMS[platform]?.currency?.(doc)) || null;
  } catch {
    c = null;
  }
  c ??= doc.querySelector('[data-currency]')?.getAttribute('data-currency');
  return typeof c === 'string' && /^[A-Z]{3}$/i.test(c) ? c.toUpperCase() : null;
}

/** Cart-level discounts as one positive amount: "-¥500", "¥500" and "(−￥500)" all take 500 off. */
function discountOf(doc: Document, sel: string | undefined, currency: string): number {
  let total = 0;
  for (const el of all(doc, sel)) {
    const v = money(priceText(el), currency);
    if (v !== null) total += Math.abs(v);
  }
  return total;
}

/**
 * Reads the cart from the page: `{ currency, items, subtotal }` with amounts in minor units.
 * Never throws and never returns NaN; unreadable lines are skipped with a warning.
 */
export function readCart(cfg: CartConfig = {}, doc: Document = document): Cart {
  cfg = cfg && typeof cfg === 'object' ? cfg : {};
  const p = plan(cfg, doc);
  const fallbackCurrency = typeof cfg.currency === 'string' && /^[A-Za-z]{3}$/.test(cfg.currency) ? cfg.currency.toUpperCase() : null;
  if (!p) return { currency: fallbackCurrency ?? 'JPY', items: [], subtotal: 0 };
  const platform = p.platform;
  const s = p.selectors;
  const nodes = all(doc, s.item);
  if (!nodes.length && !p.layout) warnOnce(`cart.selectors.item "${s.item}" matched nothing on this page; the cart reads as empty.`);
  const subtotalEls = s.subtotal ? (p.layout?.sumSubtotals ? all(doc, s.subtotal) : [firstPrice(doc, s.subtotal)].filter((e): e is Element => !!e)) : [];
  // The page's own word first (Shopify's active currency, a data-currency attribute, a mark on
  // the prices); the config for a bare "$", which many currencies share; else JPY.
  const marked = detectCurrency(subtotalEls[0]?.textContent) ?? detectCurrency(nodes[0] ? priceText(firstPrice(nodes[0], s.price)) : null);
  const dollar = marked === 'USD' && !/USD/.test(subtotalEls[0]?.textContent ?? '');
  const currency = pageCurrency(doc, platform) ?? (dollar ? fallbackCurrency : null) ?? marked ?? fallbackCurrency ?? 'JPY';
  const items: CartItem[] = [];
  const skipped: string[] = [];
  for (const n of nodes) {
    const line = readLine(n, s, currency, p.layout);
    if (typeof line === 'string') skipped.push(line);
    else items.push(line);
  }
  // One warning for all of them: 200 "お問い合わせ" lines must not mean 200 console lines.
  if (skipped.length)
    warnOnce(
      `${skipped.slice(0, 3).join('; ')}; ${skipped.length > 1 ? 'these lines were' : 'the line was'} skipped${skipped.length > 3 ? ` (and ${skipped.length - 3} more unreadable lines)` : ''}.`,
    );
  const sum = items.reduce((a, i) => a + i.lineTotal, 0);
  let shown: number | null = null;
  for (const el of subtotalEls) {
    const v = money(priceText(el), currency);
    if (v !== null) shown = (shown ?? 0) + v;
  }
  if (s.subtotal && shown === null && nodes.length) warnOnce(`cart subtotal "${s.subtotal}" shows no amount on this page; the sum of the lines is used.`);
  // One meaning on every platform: goods after cart-level discounts, before shipping. Where the
  // page's subtotal is before its coupons (WooCommerce's 小計), the coupons are taken off here.
  const discount = discountOf(doc, s.discount, currency);
  const afterDiscounts = !!p.layout?.subtotalAfterDiscounts;
  const before = shown === null ? null : afterDiscounts ? shown + discount : shown;
  if (before !== null && before !== sum && items.length)
    warnOnce(`cart subtotal ${before} differs from the sum of the lines (${sum}); the page's subtotal is used.`);
  const cart: Cart = { currency, items, subtotal: (before ?? sum) - discount };
  if (discount > 0) cart.discount = discount;
  if (platform) cart.platform = platform;
  return cart;
}
