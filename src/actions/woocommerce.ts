import { call, carryOut, form, json, parseHTML, post, type Adapter, type Driver, type Line, type PlatformCart } from './common';

type Win = Window & {
  wcSettings?: { storeApiNonce?: string };
  wcBlocksMiddlewareConfig?: { storeApiNonce?: string };
  wc_add_to_cart_params?: { wc_ajax_url?: string; cart_url?: string };
  wc_cart_params?: { wc_ajax_url?: string; apply_coupon_nonce?: string; remove_coupon_nonce?: string };
  jQuery?: (el: unknown) => { trigger(name: string, args?: unknown[]): void };
};

interface StoreCart {
  items: { key: string; id: number; quantity: number; name: string; sku?: string }[];
  coupons: { code: string }[];
}

/**
 * WooCommerce. The Store API first (part of WooCommerce core, under the REST root the page
 * prints in <link rel="https://api.w.org/">, which is /?rest_route=/ with plain permalinks):
 * lines are changed by their cart-item `key`, the nonce comes from the page or from the cart
 * answer's `Nonce` header, a set is one `batch` request, and coupons go through apply-coupon.
 * Where the Store API does not answer, the classic routes: ?wc-ajax=add_to_cart, the cart page's
 * remove links (?remove_item=KEY&_wpnonce=…) and ?wc-ajax=apply_coupon.
 */
export const woocommerce: Adapter = async ({ change, fetch, doc, en }) => {
  const w = doc.defaultView as Win;
  const link = doc.querySelector<HTMLLinkElement>('link[rel="https://api.w.org/"]')?.href;
  const api = (link ?? new URL('/wp-json/', doc.baseURI).href) + 'wc/store/v1/';
  let nonce = w.wcBlocksMiddlewareConfig?.storeApiNonce ?? w.wcSettings?.storeApiNonce ?? '';
  const store = async (path: string, body?: unknown): Promise<StoreCart & { responses?: { status: number }[] }> => {
    const { body: b, res } = await call(fetch, api + path, body === undefined ? { headers: json } : { method: 'POST', body: JSON.stringify(body), headers: { ...json, Nonce: nonce } });
    nonce = res.headers.get('Nonce') ?? nonce;
    return b;
  };
  const fromStore = (c: StoreCart): PlatformCart => ({
    lines: c.items.map((i) => ({ ref: i.key, product: String(i.id), quantity: i.quantity, name: i.name, sku: i.sku || undefined })),
    // WooCommerce takes a coupon off as soon as the cart no longer meets it: listed = applies.
    codes: c.coupons.map((k) => ({ code: k.code, applicable: true })),
  });

  const storeApi: Driver = {
    read: async () => fromStore(await store('cart')),
    async add(items) {
      if (items.some((i) => !Number(i.product.id))) throw new Error('no product id');
      const add = (i: (typeof items)[0]) => ({ id: Number(i.product.id), quantity: i.quantity });
      if (items.length === 1) return void (await store('cart/add-item', add(items[0])));
      // One request for a set (Batch.php); it is not atomic, so the cart is checked afterwards.
      const r = await store('batch', { requests: items.map((i) => ({ path: '/wc/store/v1/cart/add-item', method: 'POST', body: add(i), headers: { Nonce: nonce } })) });
      if (r.responses?.some((x) => x.status >= 400)) throw new Error('refused');
    },
    async setQuantity(line, quantity) {
      await store(quantity > 0 ? 'cart/update-item' : 'cart/remove-item', quantity > 0 ? { key: line.ref, quantity } : { key: line.ref });
    },
    async applyCode(code) {
      await store('cart/apply-coupon', { code });
    },
    async dropCode(code) {
      await store('cart/remove-coupon', { code });
    },
    refresh: () => redraw(doc, w, false),
  };

  let storeOk = true;
  try {
    await storeApi.read();
  } catch {
    storeOk = false;
  }
  if (storeOk) return carryOut(storeApi, change, en);
  return carryOut(classic(w, doc, fetch), change, en);
};

/** templates/cart/cart.php: each line's key in its quantity field and in its remove link. */
function classic(w: Win, doc: Document, f: typeof fetch): Driver {
  const ajax = (endpoint: string) => (w.wc_cart_params?.wc_ajax_url ?? w.wc_add_to_cart_params?.wc_ajax_url ?? '/?wc-ajax=%%endpoint%%').replace('%%endpoint%%', endpoint);
  const cartUrl = new URL(w.wc_add_to_cart_params?.cart_url ?? '/cart/', doc.baseURI).href;
  const removeLinks = new Map<string, string>();
  const coupon = async (endpoint: string, security: string | undefined, code: string) => {
    if (!security) throw new Error('no coupon nonce on this page');
    await post(f, ajax(endpoint), new URLSearchParams({ security, coupon_code: code, coupon: code }), form);
  };
  return {
    async read() {
      const page = parseHTML((await call(f, cartUrl)).body);
      const lines: Line[] = [];
      for (const row of page.querySelectorAll('.woocommerce-cart-form .cart_item')) {
        const input = row.querySelector<HTMLInputElement>('input[name^="cart["]');
        const remove = row.querySelector<HTMLAnchorElement>('a.remove');
        const key = input?.name.match(/^cart\[([^\]]+)\]/)?.[1] ?? new URL(remove?.getAttribute('href') ?? '', cartUrl).searchParams.get('remove_item');
        if (!key) continue;
        if (remove) removeLinks.set(key, new URL(remove.getAttribute('href')!, cartUrl).href);
        lines.push({
          ref: key,
          product: remove?.dataset.product_id ?? '',
          quantity: Number(input?.value ?? 1),
          name: row.querySelector('.product-name a, .product-name')?.textContent?.trim() ?? '',
          sku: remove?.dataset.product_sku || undefined,
        });
      }
      const codes = [...page.querySelectorAll('.cart-discount')].map((r) => ({ code: [...r.classList].find((c) => c.startsWith('coupon-'))!.slice(7), applicable: true }));
      return { lines, codes };
    },
    async add(items) {
      for (const i of items) {
        const r = await post(f, ajax('add_to_cart'), new URLSearchParams({ product_id: String(i.product.id), quantity: String(i.quantity) }), form);
        if (!r || r.error) throw new Error('refused');
      }
    },
    async setQuantity(line, quantity) {
      // The classic cart changes a quantity only through its own form; a line can be removed.
      const href = removeLinks.get(line.ref);
      if (quantity > 0 || !href) throw new Error('cannot change this line here');
      await call(f, href);
    },
    applyCode: (code) => coupon('apply_coupon', w.wc_cart_params?.apply_coupon_nonce, code),
    dropCode: (code) => coupon('remove_coupon', w.wc_cart_params?.remove_coupon_nonce, code),
    refresh: () => redraw(doc, w, true),
  };
}

/**
 * The Cart and Mini-Cart blocks re-fetch on `wc-blocks_added_to_cart`; cart-fragments (mini
 * carts of classic themes) on jQuery `wc_fragment_refresh`; the classic cart page only by reloading.
 */
function redraw(doc: Document, w: Win, classicRoute: boolean): void {
  doc.body.dispatchEvent(new CustomEvent('wc-blocks_added_to_cart', { bubbles: true, cancelable: true }));
  const $ = w.jQuery;
  if ($) {
    $(doc.body).trigger('wc_fragment_refresh');
    $(doc.body).trigger('added_to_cart', [{}, '', null]);
  }
  if (doc.querySelector('.woocommerce-cart-form') || (classicRoute && doc.querySelector('.wc-block-cart'))) w.location.reload();
}
