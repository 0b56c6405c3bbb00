import type { Cart, CartItem } from '../types';
import type { CartConfig, CartSelectors } from '../config/types';
import { detectCurrency, minorDigits, parseMoney, remember } from './money';
import { PLATFORMS, detectPlatform, findData, findLayout, platformNames, type CartLayout, type PlatformId } from '../platforms';
import { guard, t, warnOnce } from '../util/log';
import { nextTask } from '../util/tasks';
import { simpleAmount } from './simple-amount';
import { code } from '../platforms/dom';

/**
 * Old prices are never the price: struck text (<s>, <del>, <strike>) and the themes' "compare at" /
 * "regular" prices — what the selector `s, del, strike, [class*="compare"], [class*="old-price"], …`
 * matches, tested by hand: Element.matches() with this list was a third of reading a long cart.
 */
const OLD_CLASSES = ['compare', 'old-price', 'old_price', 'oldPrice', 'price__regular', 'regular-price', 'regular_price', '--regular'];
export function isOldPrice(el: Element): boolean {
  const tag = el.localName;
  if (tag === 's' || tag === 'del' || tag === 'strike') return true;
  const c = el.getAttribute('class');
  // Every name in the list holds "old", "regular" or "compare": most classes hold none of them.
  if (!c || !(c.includes('old') || c.includes('regular') || c.includes('compare'))) return false;
  for (const x of OLD_CLASSES) if (c.includes(x)) return true;
  return false;
}

/** A form control: its value is what it shows. */
const isBox = (el: Element): el is HTMLInputElement => el.tagName === 'INPUT' || el.tagName === 'SELECT' || el.tagName === 'TEXTAREA';

export function valueOf(el: Element | null): string | null {
  if (!el) return null;
  // textContent, not innerText: no layout is forced, so reading a long cart stays cheap.
  return isBox(el) ? el.value : el.textContent;
}

const split = new Map<string, string[]>();
const alternatives = (sel: string | undefined): string[] => {
  if (!sel) return [];
  let list = split.get(sel);
  if (!list) {
    list = sel
      .split(' || ')
      .map((s) => s.trim())
      .filter(Boolean);
    if (split.size < 200) split.set(sel, list);
  }
  return list;
};

/** Every element the first matching alternative of `sel` finds in `root` (an invalid selector finds none),
 * as the NodeList itself: copying it to an array was a tenth of reading a short cart. */
function list(root: ParentNode, sel: string | undefined): ArrayLike<Element> & Iterable<Element> {
  for (const s of alternatives(sel)) {
    try {
      const found = root.querySelectorAll(s);
      if (found.length) return found;
    } catch {
      /* an invalid selector matches nothing; diagnose and the config check name it */
    }
  }
  return [];
}

/** The same as an array. */
export const all = (root: ParentNode, sel: string | undefined): Element[] => Array.from(list(root, sel));

export function first(root: ParentNode, sel: string | undefined | string[]): Element | null {
  for (const s of Array.isArray(sel) ? sel : alternatives(sel)) {
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
 * every ancestor up to <html> against the whole list, 10× the cost of reading a line. From the
 * document (the subtotal) that is every ancestor all the same, a fifth of reading a short cart:
 * the element found not struck is kept with the page's plan, while the page has the same elements. */
const struck = (el: Element, root: Element | Document): boolean => {
  const kept = last?.doc === root ? last : null;
  if (kept?.plain === el) return false;
  for (let n: Element | null = el; n && n !== root; n = n.parentElement) if (isOldPrice(n)) return true;
  if (kept) kept.plain = el;
  return false;
};

/** The first price element of `sel` in `root` that is not itself an old price. */
export function firstPrice(root: Element | Document, sel: string | undefined | string[]): Element | null {
  for (const s of Array.isArray(sel) ? sel : alternatives(sel)) {
    let list: NodeListOf<Element>;
    try {
      const el = root.querySelector(s);
      if (!el) continue;
      if (!struck(el, root)) return el;
      list = root.querySelectorAll(s);
    } catch {
      continue;
    }
    for (const el of list) if (!struck(el, root)) return el;
  }
  return null;
}

/** The element's text without struck-out or old prices inside it. */
export function priceText(el: Element | null): string | null {
  if (!el) return null;
  if (isBox(el)) return el.value;
  // One walk gives the text outside old prices and whether there were any (with none, it is the
  // whole text): a cell holds a few elements, and a native query for old prices inside it cost
  // more (a clone per line, then a second read of the text, were most of a long cart's read).
  skipped = false;
  const kept = walk(el);
  if (!skipped || /\d/.test(kept)) return kept;
  // Only old prices carry digits: when the whole cell is one plain amount, it is the price (a
  // theme's "regular" price of an item that is not on sale).
  const all = el.textContent ?? '';
  return all.length < 40 && simpleAmount(all) ? all : kept;
}

let skipped = false;
/** The text of `el` outside old prices; `skipped` tells whether there were any. */
function walk(el: Element): string {
  let out = '';
  for (let n = el.firstChild; n; n = n.nextSibling) {
    if (n.nodeType === 3 || n.nodeType === 4) out += (n as CharacterData).data;
    else if (n.nodeType === 1) {
      if (isOldPrice(n as Element)) skipped = true;
      else out += walk(n as Element);
    }
  }
  return out;
}

/** The amounts of texts already read, in the currency they were read in. */
let readIn: string | undefined;
let amountIn: (text: string) => number | null;
/** parseMoney, with a fast path for plain amounts (./simple-amount.ts); same results. */
export function money(text: string | null, currency: string): number | null {
  if (!text) return null;
  if (currency !== readIn) {
    const digits = minorDigits(currency);
    amountIn = remember((text) => {
      const m = text.length < 40 ? simpleAmount(text) : null;
      // `frac` is two digits or none ('' reads as 0).
      return m && m.marked && (!m.frac || digits === 2) ? +m.int * 10 ** digits + +m.frac : parseMoney(text, currency);
    });
  }
  readIn = currency;
  return amountIn(text);
}

/** Whitespace runs as one space, trimmed; most names have none to collapse, so test before replacing. */
const clean = (s: string | null | undefined): string => {
  const t = (s ?? '').trim();
  return /\s\s|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
};

/**
 * Labels themes print before a SKU, in the languages of the shops we read: 「品番：TN-01」,
 * 「- モデル: HON-TB30」 (OpenCart), "SKU: …", "Art.-Nr. …". A label counts only when a separator
 * or a space follows it, so a code that starts like one ("MODEL-7") is kept whole.
 */
const SKU_LABEL =
  /^[\s\-–—−:・]*(?:品番|型番|商品番号|商品コード|製品番号|モデル(?:番号)?|SKU|Model(?: ?(?:no\.?|number))?|Item ?(?:no\.?|number|code)|Product ?code|Art\.?-? ?Nr\.?|Artikelnummer|Ref\.?)(?:\s*[:.#]\s*|\s+)/i;

/** A SKU without its label: "品番：TN-01" → "TN-01", "- モデル: HON-TB30" → "HON-TB30". */
export const cleanSku = (raw: string | null | undefined): string | null => skuOf(raw ?? '');
const skuOf = remember((raw) => clean(raw.normalize('NFKC')).replace(SKU_LABEL, '') || null);

function quantityOf(el: Element | null): number | null {
  if (!el) return 1;
  // A cell holding the quantity box: its text is every <option>, its value is the quantity.
  const control = el.tagName === 'INPUT' || el.tagName === 'SELECT' ? el : (el.querySelector('input:not([type="checkbox"]):not([type="radio"]), select') ?? el);
  const raw = valueOf(control) ?? '';
  // A quantity box's value is plain digits: no normalising (same answer, a 500-line cart reads faster).
  if (/^\d{1,9}$/.test(raw)) return Number(raw);
  const t = raw.normalize('NFKC');
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
  /** The cart the platform printed as data (カラーミーショップ's basket): read as is. */
  data?: Cart;
}

/**
 * The last plan and what it was made for. Finding it looks for every platform's markup and
 * layouts, a walk over the whole page each — most of a read on a short cart. It holds while the
 * page has the same elements: the same number of them (the browser keeps that count until the
 * page changes) and the same <body> id and class, the platforms' page markers. A cart the page
 * prints as data is never kept: it is read afresh each time.
 */
let last: { doc: Document; cfg: CartConfig; shape: string; plan: Plan | null; currencyEl?: Element | null; plain?: Element } | null = null;
const shapeOf = (doc: Document): string => `${doc.getElementsByTagName('*').length} ${doc.body?.id} ${doc.body?.className}`;

/** Which selectors read this page: the preset's layout found on it, else the merchant's selectors. */
export function plan(cfg: CartConfig, doc: Document): Plan | null {
  const shape = shapeOf(doc);
  if (last?.doc === doc && last.cfg === cfg && last.shape === shape) return last.plan;
  const made = makePlan(cfg, doc);
  last = made?.data ? null : { doc, cfg, shape, plan: made };
  return made;
}

function makePlan(cfg: CartConfig, doc: Document): Plan | null {
  const preset = cfg.preset ?? (cfg.selectors ? undefined : 'auto');
  // A tailored build for a theme read by its own selectors carries no platform layouts.
  if (__CART__ !== 'selectors' && preset) {
    const found = findLayout(doc, preset);
    if (found) return { selectors: found.layout.selectors, layout: found.layout, platform: found.platform, source: `cart.preset "${preset}" (${found.platform})` };
    const data = findData(doc, preset);
    if (data)
      return {
        selectors: { item: '', name: '', price: '', quantity: '' },
        layout: null,
        platform: data.platform,
        source: `cart.preset "${preset}" (${data.platform})`,
        data: { ...data.cart, platform: data.platform },
      };
    if (!cfg.selectors) {
      const name = preset === 'auto' ? '' : (PLATFORMS[preset as PlatformId]?.name ?? preset);
      warnOnce(
        preset === 'auto'
          ? t(
              `cart.preset "auto" found no ${platformNames()} cart on this page; set cart.selectors for this theme. The cart reads as empty.`,
              `cart.preset "auto": このページに ${platformNames(true)} のどのカートも見つかりません。このテーマの cart.selectors を設定してください。カートは空として扱います。`,
            )
          : t(
              `cart.preset "${preset}" found no ${name} cart on this page; check the preset or set cart.selectors. The cart reads as empty.`,
              `cart.preset "${preset}": このページに ${name} のカートが見つかりません。プリセットを確かめるか cart.selectors を設定してください。カートは空として扱います。`,
            ),
      );
      return null;
    }
  }
  return cfg.selectors ? { selectors: cfg.selectors, layout: null, platform: detectPlatform(doc), source: 'cart.selectors' } : null;
}

/** A line, or why it was skipped (the caller warns once for all skipped lines). */
/** Each field's selector alternatives, split once per read rather than looked up once per line. */
type Fields = Record<'name' | 'sku' | 'price' | 'quantity' | 'lineTotal', string[]>;
const fieldsOf = (s: CartSelectors): Fields => ({
  name: alternatives(s.name),
  sku: alternatives(s.sku),
  price: alternatives(s.price),
  quantity: alternatives(s.quantity),
  lineTotal: alternatives(s.lineTotal),
});

function readLine(el: Element, s: CartSelectors, f: Fields, currency: string, layout: CartLayout | null): CartItem | string {
  const nameEl = first(el, f.name);
  const name = clean(valueOf(nameEl));
  // Themes often carry the SKU as an attribute of the name's element: one query for both.
  const skuEl = s.sku === s.name ? nameEl : first(el, f.sku);
  const sku = skuEl ? cleanSku(s.skuAttr ? skuEl.getAttribute(s.skuAttr) : valueOf(skuEl)) : null;
  // Only built for a warning: finding a row's position costs a walk over its siblings.
  const label = () => (name ? `"${name.slice(0, 40)}"` : `line ${el.parentElement ? Array.prototype.indexOf.call(el.parentElement.children, el) + 1 : '?'}`);
  const unitPrice = money(priceText(firstPrice(el, f.price)), currency);
  const quantity = quantityOf(first(el, f.quantity));
  if (unitPrice === null || quantity === null)
    return t(
      `cart line ${label()}: no readable ${unitPrice === null ? `price (cart selector price "${s.price}")` : `quantity (cart selector quantity "${s.quantity}")`}`,
      `カートの行 ${label()}: ${unitPrice === null ? `価格（cart.selectors.price "${s.price}"）` : `数量（cart.selectors.quantity "${s.quantity}"）`}を読み取れません`,
    );
  const shownTotal = s.lineTotal ? money(priceText(firstPrice(el, f.lineTotal)), currency) : null;
  const lineTotal = shownTotal ?? unitPrice * quantity;
  // Keep what the page shows (a line discount is real money); say so once, so a wrong selector is found.
  if (shownTotal !== null && shownTotal !== unitPrice * quantity)
    warnOnce(
      t(
        `cart line ${label()}: line total ${shownTotal} differs from unit price ${unitPrice} × ${quantity}; the page's line total is used.`,
        `カートの行 ${label()}: 行の合計 ${shownTotal} が単価 ${unitPrice} × ${quantity} と違います。ページの行の合計を使います。`,
      ),
    );
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
  // Where the page's plan is kept, so is the element that declares the currency.
  const kept = last?.doc === doc ? last : null;
  if (kept && kept.currencyEl === undefined) kept.currencyEl = doc.querySelector('[data-currency]');
  c ??= (kept ? kept.currencyEl : doc.querySelector('[data-currency]'))?.getAttribute('data-currency');
  return code(c);
}

/** Cart-level discounts as one positive amount: "-¥500", "¥500" and "(−￥500)" all take 500 off. */
function discountOf(doc: Document, sel: string | undefined, currency: string): number {
  let total = 0;
  for (const el of list(doc, sel)) {
    const text = priceText(el);
    // A discount line is a saving by nature ("割引額：￥300"), which the price parser skips as a
    // badge: the amount after the last label is the discount.
    const v = money(text, currency) ?? money(text?.replace(/^.*[:：]/, '') ?? null, currency);
    if (v !== null) total += Math.abs(v);
  }
  return total;
}

/**
 * Reads the cart from the page: `{ currency, items, subtotal }` with amounts in minor units.
 * Never throws and never returns NaN; unreadable lines are skipped with a warning.
 */
export function readCart(cfg: CartConfig = {}, doc: Document = document): Cart {
  const work = reading(cfg, doc);
  for (;;) {
    const r = work.next();
    if (r.done) return r.value;
  }
}

/**
 * readCart, about 8 ms of it per task: a 2,000-line cart read at once held the page for 50 ms
 * and more on a slow machine. `done` gets the cart and whether it took more than one task.
 * Returns a function that cancels.
 */
export function readInSlices(cfg: CartConfig, doc: Document, done: (cart: Cart, sliced: boolean) => void): () => void {
  const work = reading(cfg, doc);
  let stop = () => {};
  let sliced = false;
  const step = guard('reading the cart', () => {
    const start = performance.now();
    for (let r = work.next(); ; r = work.next()) {
      if (r.done) return done(r.value, sliced);
      if (performance.now() - start > 8) return void ((sliced = true), (stop = nextTask(step)));
    }
  });
  step();
  return () => stop();
}

/** The read, pausing once the page's plan is found and after every 100 lines. */
function* reading(cfg: CartConfig, doc: Document): Generator<void, Cart> {
  cfg = cfg && typeof cfg === 'object' ? cfg : {};
  const p = plan(cfg, doc);
  const fallbackCurrency = typeof cfg.currency === 'string' && /^[A-Za-z]{3}$/.test(cfg.currency) ? cfg.currency.toUpperCase() : null;
  if (!p) return { currency: fallbackCurrency ?? 'JPY', items: [], subtotal: 0 };
  if (p.data) return p.data;
  const platform = p.platform;
  const s = p.selectors;
  const nodes = list(doc, s.item);
  if (!nodes.length && !p.layout)
    warnOnce(
      t(`cart.selectors.item "${s.item}" matched nothing on this page; the cart reads as empty.`, `cart.selectors.item "${s.item}" に合うものがこのページにありません。カートは空として扱います。`),
    );
  const subtotalEls = s.subtotal ? (p.layout?.sumSubtotals ? all(doc, s.subtotal) : [firstPrice(doc, s.subtotal)].filter((e): e is Element => !!e)) : [];
  // The page's own word first (Shopify's active currency, a data-currency attribute, a mark on
  // the prices); the config for a bare "$", which many currencies share; else JPY.
  const marked = detectCurrency(subtotalEls[0]?.textContent) ?? detectCurrency(nodes[0] ? priceText(firstPrice(nodes[0], s.price)) : null);
  const dollar = marked === 'USD' && !/USD/.test(subtotalEls[0]?.textContent ?? '');
  const currency = pageCurrency(doc, platform) ?? (dollar ? fallbackCurrency : null) ?? marked ?? fallbackCurrency ?? 'JPY';
  const items: CartItem[] = [];
  const skipped: string[] = [];
  const fields = fieldsOf(s);
  yield;
  let k = 0;
  for (const n of nodes) {
    if (++k % 100 === 0) yield;
    const line = readLine(n, s, fields, currency, p.layout);
    if (typeof line === 'string') skipped.push(line);
    else items.push(line);
  }
  // One warning for all of them: 200 "お問い合わせ" lines must not mean 200 console lines.
  if (skipped.length)
    warnOnce(
      t(
        `${skipped.slice(0, 3).join('; ')}; ${skipped.length > 1 ? 'these lines were' : 'the line was'} skipped${skipped.length > 3 ? ` (and ${skipped.length - 3} more unreadable lines)` : ''}.`,
        `${skipped.slice(0, 3).join('。')}。${skipped.length > 3 ? `ほか${skipped.length - 3}行も含め、` : ''}この${skipped.length}行は読み飛ばしました。`,
      ),
    );
  const sum = items.reduce((a, i) => a + i.lineTotal, 0);
  let shown: number | null = null;
  for (const el of subtotalEls) {
    const v = money(priceText(el), currency);
    if (v !== null) shown = (shown ?? 0) + v;
  }
  if (s.subtotal && shown === null && nodes.length)
    warnOnce(t(`cart subtotal "${s.subtotal}" shows no amount on this page; the sum of the lines is used.`, `cart.selectors.subtotal "${s.subtotal}" に金額がありません。行の合計を使います。`));
  // One meaning on every platform: goods after cart-level discounts, before shipping. Where the
  // page's subtotal is before its coupons (WooCommerce's 小計), the coupons are taken off here.
  const discount = discountOf(doc, s.discount, currency);
  const afterDiscounts = !!p.layout?.subtotalAfterDiscounts;
  const before = shown === null ? null : afterDiscounts ? shown + discount : shown;
  if (before !== null && before !== sum && items.length)
    warnOnce(t(`cart subtotal ${before} differs from the sum of the lines (${sum}); the page's subtotal is used.`, `カートの小計 ${before} が行の合計（${sum}）と違います。ページの小計を使います。`));
  const cart: Cart = { currency, items, subtotal: (before ?? sum) - discount };
  if (discount > 0) cart.discount = discount;
  if (platform) cart.platform = platform;
  return cart;
}
