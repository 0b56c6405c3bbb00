// A stateful fake of WooCommerce's cart, after woocommerce/woocommerce (plugins/woocommerce):
// - Store API v1 (src/StoreApi/Routes/V1/*): GET cart; POST cart/add-item {id, quantity} → 201
//   (CartAddItem.php); cart/remove-item and cart/update-item need the cart-item `key`, else 409
//   woocommerce_rest_cart_invalid_key with the cart (CartRemoveItem.php, AbstractCartRoute
//   get_route_error_response); cart/apply-coupon {code} → 400 woocommerce_rest_cart_coupon_error
//   when the coupon does not apply (CartApplyCoupon.php); cart/remove-coupon; batch {requests} →
//   207 {responses} (Batch.php, WP_REST_Server::serve_batch_request_v1; not atomic).
// - Updates need the `Nonce` header (missing → 401 woocommerce_rest_missing_nonce, wrong → 403
//   woocommerce_rest_invalid_nonce) unless a valid `Cart-Token` is sent; every cart answer carries
//   fresh `Nonce` and `Cart-Token` headers (AbstractCartRoute::check_nonce, add_response_headers).
// - The REST root: /wp-json/ with pretty permalinks, /?rest_route=/ with plain ones (then
//   /wp-json/ is a 404 page). A sub-directory install puts both under its path.
// - Classic AJAX (includes/class-wc-ajax.php): POST ?wc-ajax=add_to_cart (product_id, quantity;
//   {error:true, product_url} on refusal, else {fragments, cart_hash}); POST ?wc-ajax=apply_coupon
//   (security = the apply-coupon nonce, coupon_code; answers the notice HTML).
// - The classic cart page (templates/cart/cart.php): each line's key in name="cart[KEY][qty]" and in
//   the remove link ?remove_item=KEY&_wpnonce=… (no data-cart_item_key there); GET of that link
//   removes the line and redirects to the cart.
// - Adding a product already in the cart adds to its line (the key is a hash of product,
//   variation and item data: WC_Cart::generate_cart_id). Amounts are in minor units (yen).
// - GET products/{id} (src/StoreApi/Routes/V1/ProductsById.php): the product, its `prices` strings
//   in minor units with the store's currency_code and currency_minor_unit
//   (Schemas/V1/ProductSchema.php prepare_product_price_response, get_store_currency_response);
//   an unknown id → 404 woocommerce_rest_product_invalid_id. `setPrice` changes a price in the admin.
import { faults, fields, hash, esc } from './http.js';

/**
 * @param {{ products: { id: number, sku?: string, name: string, price: number, stock?: number }[],
 *   coupons?: Record<string, { type: 'set', products: number[], price: number } | { type: 'percent', percent: number, minQuantity?: number }>,
 *   base?: string, permalinks?: 'pretty' | 'plain', nonce?: string, currency?: string }} shop
 */
export function createWooCommerce(shop) {
  const base = (shop.base ?? '/').replace(/\/?$/, '/');
  const nonce = shop.nonce ?? 'n0nce-' + hash(base, 8);
  const cartToken = 'ct-' + hash(nonce, 16);
  const couponNonce = 'ac-' + hash(nonce, 8);
  const removeNonce = 'rm-' + hash(nonce, 8);
  const coupons = shop.coupons ?? {};
  /** @type {{ key: string, id: number, quantity: number }[]} */
  let items = [];
  /** @type {string[]} */
  let applied = [];
  const log = [];
  const fault = faults();
  const product = (id) => shop.products.find((p) => String(p.id) === String(id));
  const inCart = (id) => items.filter((i) => i.id === Number(id)).reduce((s, i) => s + i.quantity, 0);
  const err = (status, code, message, data = {}) => ({ status, body: { code, message, data: { status, ...data } } });

  function couponAmount(code) {
    const c = coupons[code.toLowerCase()];
    if (!c) return null;
    if (c.type === 'set') {
      if (!c.products.every((id) => inCart(id) > 0)) return null;
      return Math.max(0, c.products.reduce((s, id) => s + product(id).price, 0) - c.price);
    }
    const qty = items.reduce((s, i) => s + i.quantity, 0);
    if (qty < (c.minQuantity ?? 1)) return null;
    return Math.floor((items.reduce((s, i) => s + product(i.id).price * i.quantity, 0) * c.percent) / 100);
  }

  function cart() {
    // WC_Cart::check_cart_coupons: a coupon the cart no longer meets is taken off.
    applied = applied.filter((c) => couponAmount(c) != null);
    const rows = items.map((i) => {
      const p = product(i.id);
      return {
        key: i.key,
        id: i.id,
        quantity: i.quantity,
        name: p.name,
        sku: p.sku ?? '',
        prices: { price: String(p.price), regular_price: String(p.price), sale_price: String(p.price), currency_code: shop.currency ?? 'JPY', currency_minor_unit: 0 },
        totals: { line_subtotal: String(p.price * i.quantity), line_total: String(p.price * i.quantity), currency_code: shop.currency ?? 'JPY', currency_minor_unit: 0 },
      };
    });
    const subtotal = rows.reduce((s, r) => s + Number(r.totals.line_subtotal), 0);
    const list = applied.map((code) => ({
      code,
      discount_type: coupons[code].type === 'percent' ? 'percent' : 'fixed_cart',
      totals: { total_discount: String(couponAmount(code)), currency_code: shop.currency ?? 'JPY', currency_minor_unit: 0 },
    }));
    const discount = list.reduce((s, c) => s + Number(c.totals.total_discount), 0);
    return {
      items: rows,
      coupons: list,
      items_count: rows.reduce((s, r) => s + r.quantity, 0),
      totals: { total_items: String(subtotal), total_discount: String(discount), total_price: String(subtotal - discount), currency_code: shop.currency ?? 'JPY', currency_minor_unit: 0 },
    };
  }
  const answer = (status, body) => ({ status, body, headers: { Nonce: nonce, 'Nonce-Timestamp': '1764800000', 'Cart-Token': cartToken } });

  function addItem(id, quantity) {
    const p = product(id);
    if (!p) return err(400, 'woocommerce_rest_product_invalid_id', 'This product cannot be added to the cart.');
    const q = Math.floor(Number(quantity ?? 1));
    if (p.stock != null && p.stock <= 0) return err(400, 'woocommerce_rest_product_out_of_stock', `You cannot add "${p.name}" to the cart because the product is out of stock.`);
    if (p.stock != null && inCart(p.id) + q > p.stock)
      return err(400, 'woocommerce_rest_product_partially_out_of_stock', `You cannot add that amount of "${p.name}" to the cart because there is not enough stock.`);
    const key = hash(`${p.id}|0|[]`);
    const line = items.find((i) => i.key === key);
    if (line) line.quantity += q;
    else items.push({ key, id: p.id, quantity: q });
    return null;
  }

  /** One Store API route; `path` is the route after /wc/store/v1/. */
  function store(method, path, f, headers) {
    if (method === 'GET' && path === 'cart') return answer(200, cart());
    const byId = method === 'GET' && /^products\/(\d+)$/.exec(path);
    if (byId) {
      const p = product(byId[1]);
      if (!p) return err(404, 'woocommerce_rest_product_invalid_id', 'Invalid product ID.');
      const money = (n) => String(n);
      const prices = {
        price: money(p.price),
        regular_price: money(p.price),
        sale_price: money(p.price),
        price_range: null,
        currency_code: shop.currency ?? 'JPY',
        currency_symbol: '¥',
        currency_minor_unit: 0,
        currency_decimal_separator: '.',
        currency_thousand_separator: ',',
        currency_prefix: '¥',
        currency_suffix: '',
      };
      return { status: 200, body: { id: p.id, name: p.name, sku: p.sku ?? '', prices, is_in_stock: (p.stock ?? Infinity) > 0 } };
    }
    if (method !== 'POST') return err(404, 'rest_no_route', 'No route was found matching the URL and request method.');
    const tokenOk = headers['cart-token'] === cartToken;
    if (path === 'batch') {
      const responses = (f.requests ?? []).slice(0, 25).map((r) => {
        const sub = String(r.path ?? '').replace(/^\/?wc\/store\/v1\//, '');
        const a = store(r.method ?? 'POST', sub, r.body ?? {}, Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), String(v)])));
        return { status: a.status, body: a.body, headers: a.headers ?? {} };
      });
      return { ...answer(207, { responses }) };
    }
    if (!tokenOk) {
      if (!headers.nonce) return err(401, 'woocommerce_rest_missing_nonce', 'Missing the Nonce header. This endpoint requires a valid nonce.');
      if (headers.nonce !== nonce) return err(403, 'woocommerce_rest_invalid_nonce', 'Nonce is invalid.');
    }
    const byKey = () => items.find((i) => i.key === f.key);
    switch (path) {
      case 'cart/add-item': {
        const e = addItem(f.id, f.quantity);
        return e ?? answer(201, cart());
      }
      case 'cart/remove-item':
      case 'cart/update-item': {
        const line = byKey();
        if (!line) return { ...err(409, 'woocommerce_rest_cart_invalid_key', 'Cart item no longer exists or is invalid.', { cart: cart() }) };
        if (path === 'cart/remove-item' || Number(f.quantity) <= 0) items = items.filter((i) => i !== line);
        else line.quantity = Math.floor(Number(f.quantity));
        return answer(200, cart());
      }
      case 'cart/apply-coupon': {
        const code = String(f.code ?? '').toLowerCase();
        if (applied.includes(code)) return err(400, 'woocommerce_rest_cart_coupon_error', `Coupon code "${code}" already applied!`);
        if (!coupons[code]) return err(400, 'woocommerce_rest_cart_coupon_error', `Coupon "${code}" does not exist!`);
        if (couponAmount(code) == null) return err(400, 'woocommerce_rest_cart_coupon_error', 'Sorry, this coupon is not applicable to your cart contents.');
        applied.push(code);
        return answer(200, cart());
      }
      case 'cart/remove-coupon': {
        const code = String(f.code ?? '').toLowerCase();
        if (!applied.includes(code)) return err(400, 'woocommerce_rest_cart_coupon_error', 'Coupon cannot be removed because it is not already applied to the cart.');
        applied = applied.filter((c) => c !== code);
        return answer(200, cart());
      }
    }
    return err(404, 'rest_no_route', 'No route was found matching the URL and request method.');
  }

  /** templates/cart/cart.php, reduced to what identifies and removes a line. */
  function cartPage() {
    const c = cart();
    const rows = c.items.map(
      (i) => `<tr class="woocommerce-cart-form__cart-item cart_item">
<td class="product-remove"><a href="${base}?remove_item=${i.key}&amp;_wpnonce=${removeNonce}" class="remove" aria-label="Remove ${esc(i.name)} from cart" data-product_id="${i.id}" data-product_sku="${esc(i.sku)}">&times;</a></td>
<td class="product-name" data-title="Product"><a href="${base}?p=${i.id}">${esc(i.name)}</a></td>
<td class="product-price" data-title="Price"><span class="woocommerce-Price-amount amount">&yen;${Number(i.prices.price).toLocaleString('en')}</span></td>
<td class="product-quantity" data-title="Quantity"><input type="number" class="input-text qty text" name="cart[${i.key}][qty]" value="${i.quantity}"></td>
<td class="product-subtotal" data-title="Subtotal"><span class="woocommerce-Price-amount amount">&yen;${Number(i.totals.line_total).toLocaleString('en')}</span></td></tr>`,
    );
    return `<!doctype html><html><body class="woocommerce-cart"><form class="woocommerce-cart-form" action="${base}cart/" method="post"><table class="shop_table cart"><tbody>${rows.join('')}</tbody></table></form>
<div class="cart_totals"><table><tr class="cart-subtotal"><td>&yen;${Number(c.totals.total_items).toLocaleString('en')}</td></tr>${c.coupons.map((k) => `<tr class="cart-discount coupon-${esc(k.code)}"><td>-&yen;${k.totals.total_discount}</td></tr>`).join('')}</table></div></body></html>`;
  }

  function classic(req, at) {
    const f = fields(req) ?? {};
    if (at === 'add_to_cart') {
      const p = product(f.product_id);
      const e = addItem(f.product_id, f.quantity ?? 1);
      if (e) return { status: 200, body: { error: true, product_url: p ? `${base}?p=${p.id}` : base } };
      return {
        status: 200,
        body: { fragments: { 'div.widget_shopping_cart_content': `<div class="widget_shopping_cart_content">${cart().items_count}</div>` }, cart_hash: hash(JSON.stringify(items), 12) },
      };
    }
    if (at === 'apply_coupon') {
      if (f.security !== couponNonce) return { status: 403, body: '-1' };
      const a = store('POST', 'cart/apply-coupon', { code: f.coupon_code }, { nonce });
      const ok = a.status === 200;
      return { status: 200, body: `<div class="${ok ? 'woocommerce-message' : 'woocommerce-error'}" role="alert">${ok ? 'Coupon code applied successfully.' : esc(a.body.message)}</div>` };
    }
    if (at === 'get_refreshed_fragments') return { status: 200, body: { fragments: {}, cart_hash: hash(JSON.stringify(items), 12) } };
    return { status: 200, body: '0' };
  }

  return {
    nonce,
    cartToken,
    couponNonce,
    log,
    fault,
    cart,
    /** The REST root the shop prints in <link rel="https://api.w.org/">. */
    /** The merchant changes a product's price (minor units) in the admin. */
    setPrice(id, price) {
      product(id).price = price;
    },
    restRoot: shop.permalinks === 'plain' ? `${base}?rest_route=/` : `${base}wp-json/`,
    summary: () => items.map((i) => `${product(i.id).sku || i.id}×${i.quantity}`).concat(applied.map((c) => `coupon:${c}`)),
    seed(list) {
      for (const it of list) addItem(it.id, it.quantity);
    },
    /** @param {import('./http.js').FakeRequest} req */
    handle(req) {
      const { pathname, searchParams } = req.url;
      if (!pathname.startsWith(base) && pathname + '/' !== base) return null;
      const rest = pathname.slice(base.length);
      let route = null;
      // ?rest_route= works with either permalink setting; /wp-json/ only with pretty ones.
      if (rest === '' && searchParams.has('rest_route')) route = searchParams.get('rest_route');
      else if (rest.startsWith('wp-json/')) route = shop.permalinks === 'plain' ? undefined : '/' + rest.slice(8);
      if (route === undefined) return { status: 404, body: '<!doctype html><title>Page not found</title>' };
      if (route != null) {
        if (!route.startsWith('/wc/store/v1/')) return err(404, 'rest_no_route', 'No route was found matching the URL and request method.');
        const path = route.slice('/wc/store/v1/'.length);
        log.push({ method: req.method, path, via: rest.startsWith('wp-json/') ? 'wp-json' : 'rest_route' });
        const hit = fault.hit(req);
        if (hit) return hit;
        const f = req.method === 'GET' ? {} : fields(req);
        if (!f) return err(400, 'rest_invalid_json', 'Invalid JSON body passed.');
        return store(req.method, path, f, req.headers);
      }
      if (rest === '' && searchParams.has('wc-ajax')) {
        const at = searchParams.get('wc-ajax');
        log.push({ method: req.method, path: 'wc-ajax=' + at });
        return fault.hit(req) ?? classic(req, at);
      }
      if (rest === '' && searchParams.has('remove_item')) {
        log.push({ method: req.method, path: 'remove_item' });
        if (searchParams.get('_wpnonce') === removeNonce) items = items.filter((i) => i.key !== searchParams.get('remove_item'));
        return { status: 302, body: '', headers: { location: `${base}cart/` } };
      }
      if (rest === 'cart/' || rest === 'cart') {
        log.push({ method: req.method, path: 'cart page' });
        return { status: 200, body: cartPage() };
      }
      return null;
    },
  };
}
