import { call, carryOut, json, parseHTML, post, swapIn, type Adapter, type Driver, type PlatformCart } from './common';

type Win = Window & {
  Shopify?: { routes?: { root?: string } };
  /** Dawn's pub/sub (assets/pubsub.js): a classic script, so `publish` is a global function. */
  publish?: (event: string, data: unknown) => unknown;
};

interface ShopifyLine {
  key: string;
  variant_id: number;
  quantity: number;
  product_title?: string;
  title?: string;
  sku?: string | null;
  properties?: Record<string, unknown> | null;
  selling_plan_allocation?: unknown;
}

/**
 * Shopify's Ajax Cart API under the locale root (`Shopify.routes.root`, e.g. /ja/): lines are
 * changed by their line key from /cart.js (a variant id is ambiguous when the variant is on
 * two lines); a set is one /cart/add.js with every item; a code goes through /cart/update.js
 * `discount` and must come back `applicable`.
 */
export const shopify: Adapter = ({ change, fetch, doc, en }) => {
  const win = doc.defaultView as Win;
  const root = (win.Shopify?.routes?.root ?? '/').replace(/\/?$/, '/');
  let last: { item_count?: number } & PlatformCart = { lines: [], codes: [] };

  const d: Driver = {
    async read() {
      const c = (await call(fetch, root + 'cart.js', { headers: json })).body as { items: ShopifyLine[]; item_count: number; discount_codes?: { code: string; applicable: boolean }[] };
      return (last = {
        item_count: c.item_count,
        lines: c.items.map((l) => ({
          ref: l.key,
          product: String(l.variant_id),
          quantity: l.quantity,
          name: l.product_title ?? l.title ?? '',
          sku: l.sku ?? undefined,
          extra: !!l.selling_plan_allocation || Object.keys(l.properties ?? {}).length > 0,
        })),
        codes: c.discount_codes ?? [],
      });
    },
    async add(items) {
      if (items.some((i) => !Number(i.product.id))) throw new Error('no variant id');
      await post(fetch, root + 'cart/add.js', JSON.stringify({ items: items.map((i) => ({ id: Number(i.product.id), quantity: i.quantity })) }));
    },
    async setQuantity(line, quantity) {
      await post(fetch, root + 'cart/change.js', JSON.stringify({ id: line.ref, quantity }));
    },
    // /cart/update.js `discount` replaces the cart's codes: send the ones it had plus ours
    // (Horizon's assets/cart-discount.js does the same).
    async applyCode(code, before) {
      const r = await post(fetch, root + 'cart/update.js', JSON.stringify({ discount: [...before.codes.map((c) => c.code), code].join(',') }));
      if (!r?.discount_codes?.some((c: { code: string; applicable: boolean }) => c.code.toLowerCase() === code.toLowerCase() && c.applicable)) throw new Error('not applicable');
    },
    async dropCode(_code, before) {
      await post(fetch, root + 'cart/update.js', JSON.stringify({ discount: before.codes.map((c) => c.code).join(',') }));
    },
    refresh: () => redraw(doc, win, root, fetch, last),
  };
  return carryOut(d, change, en);
};

/**
 * The theme's cart UI after the change: Horizon and themes on Shopify's storefront events get
 * `shopify:cart:lines-update` with the sections they render; Dawn's cart items get its
 * `cart-update` publish; the header bubble and drawer sections present on the page are swapped
 * in from the Section Rendering API, without opening anything. A cart page that nothing
 * redraws is reloaded.
 */
async function redraw(doc: Document, win: Win, root: string, f: typeof fetch, cart: { item_count?: number } & PlatformCart): Promise<void> {
  const ids = new Set<string>();
  // Horizon (snippets/cart-items-component.liquid) names its section on the element.
  const horizon = [...doc.querySelectorAll<HTMLElement>('cart-items-component[data-section-id]')];
  for (const el of horizon) ids.add(el.dataset.sectionId!);
  for (const id of ['cart-icon-bubble', 'cart-drawer', 'cart-live-region-text']) if (doc.getElementById('shopify-section-' + id)) ids.add(id);
  let sections: Record<string, string | null> = {};
  if (ids.size) sections = (await call(f, `${root}?sections=${[...ids].slice(0, 5).join(',')}`, { headers: json }).catch(() => null))?.body ?? {};
  const detail = { sections, itemCount: cart.item_count, source: 'cart-upsell' };
  const ev = Object.assign(new Event('shopify:cart:lines-update', { bubbles: true }), {
    action: 'add',
    context: 'cart',
    lines: cart.lines.map((l) => ({ id: l.ref, quantity: l.quantity })),
    promise: Promise.resolve({ cart: { totalQuantity: cart.item_count }, detail }),
  });
  doc.dispatchEvent(ev);
  for (const id of ids) {
    const el = doc.getElementById('shopify-section-' + id);
    if (!el || !sections[id] || horizon.some((h) => el.contains(h))) continue;
    let fresh: Element | null;
    try {
      fresh = parseHTML(sections[id]!).getElementById('shopify-section-' + id);
    } catch {
      // A page enforcing Trusted Types parses no HTML: reloading is the way to show the new cart.
      return win.location.reload();
    }
    if (fresh) swapIn(el, fresh, win);
  }
  if (typeof win.publish === 'function') win.publish('cart-update', { source: 'cart-upsell', cartData: cart });
  doc.documentElement.dispatchEvent(new CustomEvent('cart:refresh', { bubbles: true }));
  const onCartPage = /\/cart\/?$/.test(win.location.pathname);
  // Dawn's cart page redraws its items on `cart-update` but not its totals: reload there too.
  if (onCartPage && !horizon.length) win.location.reload();
}
