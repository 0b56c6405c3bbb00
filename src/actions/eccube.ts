import { failure, post, type Adapter } from './common';

/**
 * EC-CUBE 4: the product page's add-cart form post (`/products/add_cart/{id}` with
 * ProductClass, quantity and the page's CSRF token), then the cart page is reloaded, since
 * EC-CUBE renders its cart on the server.
 */
export const eccube: Adapter = async ({ change, fetch, doc, en }) => {
  const token =
    doc.querySelector<HTMLMetaElement>('meta[name="eccube-csrf-token"]')?.content ??
    doc.querySelector<HTMLInputElement>('input[name="_token"]')?.value ??
    '';
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'XMLHttpRequest', 'ECCUBE-CSRF-TOKEN': token };
  const name = change.add[0].product.name;
  try {
    for (const a of change.add) {
      const productId = a.product.productId;
      if (!productId || !a.product.id) return failure(en, name);
      const body = new URLSearchParams({ product_id: String(productId), ProductClass: String(a.product.id), quantity: String(a.quantity), _token: token });
      const r = (await post(fetch, `/products/add_cart/${encodeURIComponent(String(productId))}`, body, headers)) as { done?: boolean } | null;
      if (r && r.done === false) return failure(en, name);
    }
  } catch {
    return failure(en, name);
  }
  if (change.replace?.id) {
    const link = doc.querySelector<HTMLAnchorElement>(`a[href*="/cart/remove/${CSS.escape(change.replace.id)}"]`);
    const t = link?.getAttribute('token-for-anchor') ?? token;
    if (link) await post(fetch, link.href, new URLSearchParams({ _method: 'PUT', _token: t }), headers).catch(() => {});
  }
  if (/\/cart\/?$/.test(doc.defaultView?.location.pathname ?? '')) doc.defaultView?.location.reload();
  return { ok: true };
};
