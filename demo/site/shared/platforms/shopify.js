// A stateful fake of Shopify's Ajax Cart API, after shopify.dev/docs/api/ajax/reference/cart and
// what Dawn (assets/cart.js, product-form.js) and Horizon (assets/component-cart-items.js,
// assets/cart-discount.js) send to it:
// - routes under the locale root (`Shopify.routes.root`, e.g. /ja/): POST cart/add.js,
//   cart/change.js, cart/update.js; GET cart.js. The fake logs which root each request used.
// - a line is a variant + its properties (and selling plan): same variant and same properties
//   merge into one line; each line has a `key` "variantId:hash".
// - change.js takes `line` (1-based) or `id` (a line key, or a variant id). A variant id on several
//   lines is refused here (400) so nothing may rely on which of them Shopify would pick.
// - add.js checks every item before changing anything: unknown variant → 404, more than the
//   stock → 422 {status, message, description}.
// - update.js `discount: "A,B"` replaces the cart's codes; the answer's discount_codes[] says
//   whether each one is `applicable` (a code whose conditions the cart does not meet stays, with
//   applicable: false), as Horizon's cart-discount.js reads it.
// - amounts are in cents (×100, also for JPY; themes format them with amount_no_decimals).
// - `sections` (comma list) returns each section's HTML (Section Rendering API).
// - GET products/{handle}.js (shopify.dev/docs/api/ajax/reference/product): the product with its
//   variants, amounts ×100 like the cart (Shopify/theme-scripts packages/theme-currency/currency.js
//   formats them `/ 100`); an unknown handle is Shopify's 404 page. `setPrice` changes a price in
//   the admin after the merchant's export.
import { faults, fields, hash, esc } from './http.js';

/**
 * @param {{ products: { id: number, product_id?: number, handle?: string, sku?: string, title: string, price: number, stock?: number }[],
 *   discounts?: Record<string, { type: 'set', variants: number[], price: number } | { type: 'percent', percent: number, minQuantity?: number, variants?: number[] }>,
 *   root?: string, currency?: string }} shop  price: in cents
 */
export function createShopify(shop) {
  const root = (shop.root ?? '/').replace(/\/?$/, '/');
  const discounts = shop.discounts ?? {};
  /** @type {{ key: string, variant_id: number, quantity: number, properties: Record<string, string>, selling_plan: number | null }[]} */
  let lines = [];
  /** @type {string[]} */
  let codes = [];
  const log = [];
  const fault = faults();
  const variant = (id) => shop.products.find((p) => String(p.id) === String(id));
  const keyOf = (id, properties, plan) => `${id}:${hash(JSON.stringify([Object.entries(properties ?? {}).sort(), plan ?? null]))}`;
  const inCart = (id) => lines.filter((l) => l.variant_id === Number(id)).reduce((s, l) => s + l.quantity, 0);

  function codeState(code) {
    const d = Object.entries(discounts).find(([c]) => c.toLowerCase() === code.toLowerCase())?.[1];
    if (!d) return { applicable: false, amount: 0 };
    if (d.type === 'set') {
      if (!d.variants.every((v) => inCart(v) > 0)) return { applicable: false, amount: 0 };
      const parts = d.variants.reduce((s, v) => s + variant(v).price, 0);
      return { applicable: true, amount: Math.max(0, parts - d.price) };
    }
    const counted = lines.filter((l) => !d.variants || d.variants.includes(l.variant_id));
    const qty = counted.reduce((s, l) => s + l.quantity, 0);
    if (qty < (d.minQuantity ?? 1)) return { applicable: false, amount: 0 };
    const base = counted.reduce((s, l) => s + variant(l.variant_id).price * l.quantity, 0);
    return { applicable: true, amount: Math.floor((base * d.percent) / 100 / 100) * 100 };
  }

  const lineJSON = (l) => {
    const v = variant(l.variant_id);
    return {
      id: l.variant_id,
      key: l.key,
      variant_id: l.variant_id,
      product_id: v.product_id ?? l.variant_id,
      sku: v.sku ?? '',
      title: v.title,
      product_title: v.title,
      quantity: l.quantity,
      properties: l.properties,
      selling_plan_allocation: l.selling_plan ? { selling_plan: { id: l.selling_plan } } : undefined,
      price: v.price,
      original_price: v.price,
      final_price: v.price,
      line_price: v.price * l.quantity,
      original_line_price: v.price * l.quantity,
      final_line_price: v.price * l.quantity,
    };
  };

  function cart() {
    const items = lines.map(lineJSON);
    const subtotal = items.reduce((s, i) => s + i.final_line_price, 0);
    const states = codes.map((code) => ({ code, ...codeState(code) }));
    const discount = states.reduce((s, c) => s + c.amount, 0);
    return {
      token: 'c1-fake',
      note: '',
      attributes: {},
      currency: shop.currency ?? 'JPY',
      item_count: items.reduce((s, i) => s + i.quantity, 0),
      items,
      items_subtotal_price: subtotal,
      original_total_price: subtotal,
      total_discount: discount,
      total_price: subtotal - discount,
      discount_codes: states.map(({ code, applicable }) => ({ code, applicable })),
      cart_level_discount_applications: states.filter((s) => s.applicable).map((s) => ({ type: 'discount_code', title: s.code, total_allocated_amount: s.amount })),
      requires_shipping: true,
    };
  }

  const refused = (status, description) => ({ status, body: { status, message: 'Cart Error', description } });
  const sectionsOf = (f) => {
    const ids = String(f.sections ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean)
      .slice(0, 5);
    if (!ids.length) return undefined;
    const c = cart();
    const lang = root === '/' ? '' : root.slice(1, -1);
    const html = (id) =>
      `<div id="shopify-section-${esc(id)}" class="shopify-section" data-locale="${esc(lang)}"><ul>${c.items.map((i) => `<li data-key="${esc(i.key)}">${esc(i.title)} × ${i.quantity}</li>`).join('')}</ul><p class="totals__total-value">${c.total_price / 100}</p></div>`;
    return Object.fromEntries(ids.map((id) => [id, html(id)]));
  };

  function add(f) {
    const wanted = Array.isArray(f.items) ? f.items : [{ id: f.id, quantity: f.quantity ?? 1, properties: f.properties, selling_plan: f.selling_plan }];
    for (const it of wanted) {
      const v = variant(it.id);
      if (!v) return refused(404, 'Cannot find variant');
      const q = Math.floor(Number(it.quantity ?? 1));
      if (!(q > 0)) return refused(422, 'Quantity must be 1 or more');
      const asked = wanted.filter((w) => String(w.id) === String(it.id)).reduce((s, w) => s + Number(w.quantity ?? 1), 0);
      if (v.stock != null && inCart(v.id) + asked > v.stock)
        return refused(422, inCart(v.id) >= v.stock ? 'The maximum quantity of this item is already in your cart.' : `Only ${v.stock - inCart(v.id)} items were added to your cart.`);
    }
    const added = [];
    for (const it of wanted) {
      const key = keyOf(Number(it.id), it.properties, it.selling_plan);
      let l = lines.find((x) => x.key === key);
      if (l) l.quantity += Math.floor(Number(it.quantity ?? 1));
      else lines.push((l = { key, variant_id: Number(it.id), quantity: Math.floor(Number(it.quantity ?? 1)), properties: it.properties ?? {}, selling_plan: it.selling_plan ?? null }));
      added.push(lineJSON(l));
    }
    const body = Array.isArray(f.items) ? { items: added } : added[0];
    const sections = sectionsOf(f);
    return { status: 200, body: sections ? { ...body, sections } : body };
  }

  /** The line `id` or `line` names, or an error answer. */
  function target(f) {
    if (f.line != null) {
      const l = lines[Number(f.line) - 1];
      return l ?? refused(400, 'no valid id or line parameter');
    }
    const id = String(f.id ?? '');
    if (id.includes(':')) return lines.find((l) => l.key === id) ?? refused(400, 'no valid id or line parameter');
    const found = lines.filter((l) => String(l.variant_id) === id);
    if (found.length === 1) return found[0];
    return refused(400, found.length ? 'variant is on several lines: use the line key' : 'no valid id or line parameter');
  }

  function setQuantity(l, q) {
    const v = variant(l.variant_id);
    if (q > 0 && v.stock != null && inCart(v.id) - l.quantity + q > v.stock) return refused(422, 'The maximum quantity of this item is already in your cart.');
    if (q <= 0) lines = lines.filter((x) => x !== l);
    else l.quantity = q;
    return null;
  }

  function change(f) {
    const l = target(f);
    if (!l || 'status' in l) return l;
    const err = setQuantity(l, Math.floor(Number(f.quantity ?? 0)));
    if (err) return err;
    const sections = sectionsOf(f);
    return { status: 200, body: sections ? { ...cart(), sections } : cart() };
  }

  function update(f) {
    const updates = f.updates ?? {};
    const pairs = Array.isArray(updates) ? updates.map((q, i) => [lines[i]?.key, q]) : Object.entries(updates);
    for (const [id, q] of pairs) {
      if (id == null) continue;
      const l = id.includes(':') ? lines.find((x) => x.key === id) : lines.find((x) => String(x.variant_id) === id);
      if (l) {
        const err = setQuantity(l, Math.floor(Number(q)));
        if (err) return err;
      } else if (Number(q) > 0) {
        const a = add({ id, quantity: q });
        if (a.status !== 200) return a;
      }
    }
    if (typeof f.discount === 'string')
      codes = [
        ...new Set(
          f.discount
            .split(',')
            .map((c) => c.trim())
            .filter(Boolean),
        ),
      ];
    const sections = sectionsOf(f);
    return { status: 200, body: sections ? { ...cart(), sections } : cart() };
  }

  /** The Ajax Product API's answer for a handle: every variant of that product. */
  function product(handle) {
    const vs = shop.products.filter((p) => p.handle === handle);
    if (!vs.length) return { status: 404, body: '<!doctype html><title>404 Not Found</title>' };
    const prices = vs.map((v) => v.price);
    return {
      status: 200,
      body: {
        id: vs[0].product_id ?? vs[0].id,
        title: vs[0].title,
        handle,
        price: Math.min(...prices),
        price_min: Math.min(...prices),
        price_max: Math.max(...prices),
        price_varies: new Set(prices).size > 1,
        available: vs.some((v) => (v.stock ?? Infinity) > 0),
        variants: vs.map((v) => ({ id: v.id, title: vs.length > 1 ? v.title : 'Default Title', sku: v.sku ?? null, price: v.price, available: (v.stock ?? Infinity) > 0, compare_at_price: null })),
      },
    };
  }

  return {
    root,
    log,
    fault,
    cart,
    /** The merchant changes a variant's price (cents) in the admin. */
    setPrice(id, price) {
      variant(id).price = price;
    },
    /** The cart as "sku × quantity" strings, for a test's final assertion. */
    summary: () => lines.map((l) => `${variant(l.variant_id).sku || l.variant_id}×${l.quantity}${Object.keys(l.properties).length ? '+' + JSON.stringify(l.properties) : ''}`),
    /** Put lines straight in, as the shopper's earlier visits would have. */
    seed(items, discountCodes = []) {
      for (const it of items) add({ items: [it] });
      codes = discountCodes;
    },
    /** @param {import('./http.js').FakeRequest} req */
    handle(req) {
      const p = req.url.pathname;
      const at = ['cart.js', 'cart/add.js', 'cart/change.js', 'cart/update.js', 'cart/clear.js'].find((r) => p.endsWith('/' + r));
      const handle = /\/products\/([^/]+)\.js$/.exec(p)?.[1];
      if (!at && handle && req.method === 'GET') {
        log.push({ method: 'GET', path: `products/${handle}.js`, root: p.slice(0, p.length - `products/${handle}.js`.length) });
        return fault.hit(req) ?? product(decodeURIComponent(handle));
      }
      if (!at) return null;
      const used = p.slice(0, p.length - at.length);
      log.push({ method: req.method, path: at, root: used });
      const hit = fault.hit(req);
      if (hit) return hit;
      if (at === 'cart.js') return req.method === 'GET' ? { status: 200, body: cart() } : null;
      if (req.method !== 'POST') return { status: 405, body: { status: 405, message: 'Method Not Allowed' } };
      const f = fields(req);
      if (!f) return refused(400, 'Invalid JSON');
      if (at === 'cart/add.js') return add(f);
      if (at === 'cart/change.js') return change(f);
      if (at === 'cart/update.js') return update(f);
      lines = [];
      return { status: 200, body: cart() };
    },
  };
}
