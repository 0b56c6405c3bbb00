import type { CartItem } from '../types';
import type { Product } from '../config/types';

export interface Outcome {
  ok: boolean;
  message?: string;
  navigated?: boolean;
}

type Adding = Pick<Product, 'sku' | 'name' | 'price' | 'url' | 'id' | 'productId'>;

/** What a "yes" asks of the cart. All of it happens, or the cart is put back. */
export interface Change {
  add: { product: Adding; quantity: number }[];
  /** The cart line an upgrade replaces. */
  replace?: CartItem;
  /** A code that makes the shown price the charged one; it must end up applicable. */
  code?: string;
}

/** One line of the platform's own cart, as its API (or its cart page) tells it. */
export interface Line {
  /** What the platform changes a line by: Shopify line key, WooCommerce cart-item key, EC-CUBE product-class id. */
  ref: string;
  /** The variant / product / product-class id the line holds (what `products[].id` names). */
  product: string;
  quantity: number;
  name: string;
  sku?: string;
  /** Line properties or a selling plan: not the plain product an offer names. */
  extra?: boolean;
}

export interface PlatformCart {
  lines: Line[];
  codes: { code: string; applicable: boolean }[];
}

/** One platform's cart API. Every method throws when the platform refuses. */
export interface Driver {
  read(): Promise<PlatformCart>;
  /** In as few requests as the platform allows. */
  add(items: { product: Adding; quantity: number }[]): Promise<void>;
  setQuantity(line: Line, quantity: number): Promise<void>;
  /** Adds `code` to the codes the cart had (`before`); absent where the platform has no codes. */
  applyCode?(code: string, before: PlatformCart): Promise<void>;
  /** Puts the codes back as they were in `before`. */
  dropCode?(code: string, before: PlatformCart): Promise<void>;
  /** Redraws the theme's cart UI with the platform's own signals; a reload is the last resort. */
  refresh(): Promise<void> | void;
}

export type Adapter = (a: { change: Change; fetch: typeof fetch; doc: Document; en: boolean }) => Promise<Outcome>;

export const failure = (en: boolean, what?: string): Outcome => ({
  ok: false,
  message: en
    ? `Sorry, ${what ?? 'the item'} could not be added to your cart. Your cart is unchanged.`
    : `申し訳ありません。${what ?? '商品'}をカートに追加できませんでした。カートの内容は変わっていません。`,
});

/** Only http(s) links on the web, or paths on this shop; never javascript: or data:. */
export function safeHref(url: string | undefined, doc: Document): string | null {
  if (!url) return null;
  try {
    const u = new URL(url, doc.baseURI);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}

export const json = { 'content-type': 'application/json', accept: 'application/json' };
export const form = { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' };

/** Sends and reads JSON (or text); throws on any non-2xx, with the answer attached. */
export async function call(f: typeof fetch, url: string, init: RequestInit = {}): Promise<{ body: any; res: Response }> {
  const res = await f(url, { credentials: 'same-origin', ...init });
  const text = await res.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    /* an HTML page */
  }
  if (!res.ok) throw Object.assign(new Error(String(res.status)), { body });
  return { body, res };
}

export const post = (f: typeof fetch, url: string, body: BodyInit, headers: Record<string, string> = json) => call(f, url, { method: 'POST', body, headers }).then((r) => r.body);

export const parseHTML = (html: string) => new DOMParser().parseFromString(String(html), 'text/html');

/**
 * Puts the platform's fresh markup in place of an element's content, as nodes rather than through
 * innerHTML. A page enforcing Trusted Types refuses any HTML parsing: it is reloaded instead, so
 * the shopper still sees the cart as it is.
 */
export function swapIn(el: Element, from: Element | string, win: { location: { reload(): void } }): void {
  try {
    const src = typeof from === 'string' ? parseHTML(from).body : from;
    el.replaceChildren(...Array.from(src.childNodes, (n) => el.ownerDocument.importNode(n, true)));
  } catch {
    win.location.reload();
  }
}

const qty = (c: PlatformCart, product: string) => c.lines.reduce((s, l) => s + (l.product === product ? l.quantity : 0), 0);

/**
 * The platform's line for a line read from the page: its key, else the product id (a variant on
 * several lines: the one with the page's quantity, plain before one with properties), else a
 * 1-based line index (Dawn's data-index), else the SKU or the name.
 */
export function matchLine(lines: Line[], item: CartItem): Line | undefined {
  const id = item.id == null ? '' : String(item.id);
  const pick = (list: Line[]) => {
    const same = list.filter((l) => l.quantity === item.quantity);
    const pool = same.length ? same : list;
    return pool.find((l) => !l.extra) ?? pool[0];
  };
  if (id) {
    const byRef = lines.find((l) => l.ref === id);
    if (byRef) return byRef;
    const byProduct = lines.filter((l) => l.product === id);
    if (byProduct.length) return pick(byProduct);
    if (/^\d{1,3}$/.test(id) && lines[Number(id) - 1]) return lines[Number(id) - 1];
  }
  const bySku = item.sku ? lines.filter((l) => l.sku === item.sku) : [];
  if (bySku.length) return pick(bySku);
  const byName = lines.filter((l) => l.name === item.name);
  return byName.length ? pick(byName) : undefined;
}

/** What differs between two carts, in the shopper's words ("＋ 箸置き 桜 ×1"). */
function diff(a: PlatformCart, b: PlatformCart): string[] {
  const out: string[] = [];
  const names = new Map<string, string>();
  for (const l of [...a.lines, ...b.lines]) names.set(l.product, l.name);
  for (const [p, name] of names) {
    const d = qty(b, p) - qty(a, p);
    if (d) out.push(`${d > 0 ? '＋' : '－'} ${name} ×${Math.abs(d)}`);
  }
  for (const c of b.codes) if (c.applicable && !a.codes.some((x) => x.code === c.code && x.applicable)) out.push(`＋ ${c.code}`);
  for (const c of a.codes) if (c.applicable && !b.codes.some((x) => x.code === c.code && x.applicable)) out.push(`－ ${c.code}`);
  return out;
}

/**
 * Carries out a change all or nothing: reads the platform's cart, adds, removes the replaced line,
 * applies the code, then reads the cart again and checks that every part happened. When a part
 * did not, what was done is undone; when even that fails, the shopper is told exactly what
 * changed. Never throws.
 */
export async function carryOut(d: Driver, change: Change, en: boolean): Promise<Outcome> {
  const what = change.add[0]?.product.name ?? change.code;
  let before: PlatformCart;
  try {
    before = await d.read();
  } catch {
    return failure(en, what);
  }
  const old = change.replace && matchLine(before.lines, change.replace);
  if (change.replace && !old) return failure(en, what);
  if (change.code && !d.applyCode) return failure(en, what);
  let ok = false;
  try {
    if (change.add.length) await d.add(change.add);
    if (old) await d.setQuantity(old, 0);
    const has = (c: PlatformCart) => c.codes.some((x) => x.code.toLowerCase() === change.code!.toLowerCase() && x.applicable);
    if (change.code && !has(before)) await d.applyCode!(change.code, before);
    const after = await d.read();
    // Every product the change touches ends at exactly what it asked for, and the code applies.
    const expected = new Map<string, number>();
    for (const a of change.add) expected.set(String(a.product.id), (expected.get(String(a.product.id)) ?? qty(before, String(a.product.id))) + a.quantity);
    if (old) expected.set(old.product, (expected.get(old.product) ?? qty(before, old.product)) - old.quantity);
    ok = [...expected].every(([p, n]) => qty(after, p) === n) && (!change.code || has(after));
  } catch {
    /* undone below */
  }
  if (!ok) {
    const left = await undo(d, change, before, old).catch(() => null);
    const changed = left ? diff(before, left) : null;
    if (changed && !changed.length) return failure(en, what);
    await guarded(d.refresh);
    return {
      ok: false,
      message: en
        ? `Sorry, ${what ?? 'the offer'} could not be completed. ${changed ? 'What changed in your cart: ' + changed.join(', ') : 'Please check your cart'}.`
        : `申し訳ありません。${what ?? 'ご提案'}を最後まで行えませんでした。${changed ? 'カートで変わった点：' + changed.join('、') : 'カートの内容をご確認ください'}。`,
    };
  }
  await guarded(d.refresh);
  return { ok: true };
}

async function guarded(fn: () => Promise<void> | void): Promise<void> {
  try {
    await fn();
  } catch {
    /* the theme's own redraw failing does not undo a cart that is right */
  }
}

/** Puts the cart back as `before` had it, as far as the platform lets; returns the cart after. */
async function undo(d: Driver, change: Change, before: PlatformCart, old: Line | undefined): Promise<PlatformCart> {
  let now = await d.read();
  for (const a of change.add) {
    const p = String(a.product.id);
    let extra = qty(now, p) - qty(before, p);
    // Take the surplus off the lines that grew, newest first.
    for (const l of [...now.lines].reverse()) {
      if (extra <= 0 || l.product !== p) continue;
      const had = before.lines.find((b) => b.ref === l.ref)?.quantity ?? 0;
      const cut = Math.min(extra, l.quantity - had);
      if (cut > 0) {
        await d.setQuantity(l, l.quantity - cut).catch(() => {});
        extra -= cut;
      }
    }
  }
  now = await d.read();
  if (old && qty(now, old.product) < qty(before, old.product)) {
    await d.add([{ product: { id: old.product, name: old.name, sku: old.sku ?? '', price: 0 }, quantity: qty(before, old.product) - qty(now, old.product) }]).catch(() => {});
  }
  if (change.code && d.dropCode) {
    now = await d.read();
    const had = (c: PlatformCart) => c.codes.some((x) => x.code.toLowerCase() === change.code!.toLowerCase());
    if (had(now) && !had(before)) await d.dropCode(change.code, before).catch(() => {});
  }
  return d.read();
}
