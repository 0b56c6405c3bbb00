import { failure, post, type Adapter } from './common';

type Win = Window & {
  wcSettings?: { storeApiNonce?: string };
  wcBlocksMiddlewareConfig?: { storeApiNonce?: string };
  wc_add_to_cart_params?: { wc_ajax_url?: string };
  jQuery?: (el: unknown) => { trigger(name: string, args?: unknown[]): void };
};

/**
 * WooCommerce: the Store API (add-item, remove-item, apply-coupon) when the page has its nonce,
 * else the classic `?wc-ajax=add_to_cart`; then the theme's fragments are refreshed.
 */
export const woocommerce: Adapter = async ({ change, discountCode, fetch, doc, en }) => {
  const w = doc.defaultView as Win;
  // WooCommerce prints `wcBlocksMiddlewareConfig = { storeApiNonce: '…' }` (a wp_create_nonce
  // ('wc_store_api')) on pages that load its blocks; the Store API checks it in a Nonce header.
  const nonce = w.wcBlocksMiddlewareConfig?.storeApiNonce ?? w.wcSettings?.storeApiNonce;
  const name = change.add[0].product.name;
  const store = '/wp-json/wc/store/v1/cart/';
  const headers = { 'content-type': 'application/json', Nonce: nonce ?? '' };
  try {
    for (const a of change.add) {
      if (!a.product.id) return failure(en, name);
      if (nonce) await post(fetch, store + 'add-item', JSON.stringify({ id: Number(a.product.id), quantity: a.quantity }), headers);
      else {
        const url = (w.wc_add_to_cart_params?.wc_ajax_url ?? '/?wc-ajax=%%endpoint%%').replace('%%endpoint%%', 'add_to_cart');
        const body = new URLSearchParams({ product_id: String(a.product.id), quantity: String(a.quantity) });
        const r = (await post(fetch, url, body, { 'content-type': 'application/x-www-form-urlencoded' })) as { error?: boolean } | null;
        if (r && r.error) return failure(en, name);
      }
    }
  } catch {
    return failure(en, name);
  }
  try {
    if (change.replace?.id && nonce) await post(fetch, store + 'remove-item', JSON.stringify({ key: change.replace.id }), headers);
    else if (change.replace?.id) {
      // The classic cart's own remove link carries the nonce the shop checks.
      const link = doc.querySelector<HTMLAnchorElement>(`a.remove[data-cart_item_key="${CSS.escape(change.replace.id)}"]`);
      if (link) await fetch(link.href, { credentials: 'same-origin' });
    }
    if (discountCode && nonce) await post(fetch, store + 'apply-coupon', JSON.stringify({ code: discountCode }), headers);
  } catch {
    /* the add went through; the rest is best effort */
  }
  // The cart changed: the theme's own refresh code failing must not turn that into a failure.
  try {
    const $ = w.jQuery;
    if ($) {
      $(doc.body).trigger('wc_fragment_refresh');
      $(doc.body).trigger('added_to_cart', [{}, '', null]);
    }
    if (doc.querySelector('.woocommerce-cart-form') || (change.replace && !nonce)) w.location.reload();
  } catch {
    /* see above */
  }
  return { ok: true };
};
