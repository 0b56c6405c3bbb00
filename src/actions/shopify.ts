import { failure, json, post, type Adapter } from './common';

interface CartDrawer extends HTMLElement {
  renderContents?(state: unknown): void;
}

/**
 * Shopify Ajax Cart API: /cart/add.js, then /cart/change.js for a replacement, then the theme's
 * cart drawer and cart sections are re-rendered through the Section Rendering API (themes'
 * drawers do not refresh on their own after an app's add).
 */
export const shopify: Adapter = async ({ change, discountCode, fetch, doc, en }) => {
  const root = ((doc.defaultView as unknown as { Shopify?: { routes?: { root?: string } } }).Shopify?.routes?.root ?? '/').replace(/\/?$/, '/');
  const items = change.add.map((a) => ({ id: Number(a.product.id), quantity: a.quantity }));
  if (items.some((i) => !i.id)) return failure(en, change.add[0].product.name);
  const drawer = doc.querySelector<CartDrawer>('cart-drawer, cart-notification');
  const sections = drawer ? ['cart-drawer', 'cart-icon-bubble'] : [];
  let added: unknown;
  try {
    added = await post(fetch, `${root}cart/add.js`, JSON.stringify({ items, sections: sections.join(',') || undefined, sections_url: doc.defaultView?.location.pathname }));
  } catch {
    return failure(en, change.add[0].product.name);
  }
  if (change.replace?.id) {
    try {
      await post(fetch, `${root}cart/change.js`, JSON.stringify({ id: change.replace.id, quantity: 0 }), json);
    } catch {
      /* the upgrade is in the cart; the old line stays rather than risk losing both */
    }
  }
  if (discountCode) await fetch(`${root}discount/${encodeURIComponent(discountCode)}`, { credentials: 'same-origin' }).catch(() => {});
  if (drawer?.renderContents && added && typeof added === 'object' && 'sections' in added) drawer.renderContents(added);
  else if (/\/cart\/?$/.test(doc.defaultView?.location.pathname ?? '')) doc.defaultView?.location.reload();
  doc.documentElement.dispatchEvent(new CustomEvent('cart:refresh', { bubbles: true }));
  return { ok: true };
};
