import { failure, json, post, type Adapter } from './common';

interface CartUI extends HTMLElement {
  renderContents?(state: unknown): void;
  getSectionsToRender?(): { id: string }[];
}

/**
 * Shopify Ajax Cart API: /cart/add.js, then /cart/change.js for a replacement. The last request
 * asks for the theme's cart sections (Section Rendering API), so the drawer shows the cart as it
 * ends up: themes' drawers do not refresh on their own after an app's add.
 */
export const shopify: Adapter = async ({ change, discountCode, fetch, doc, en }) => {
  const win = doc.defaultView as Window & { Shopify?: { routes?: { root?: string } } };
  const root = (win.Shopify?.routes?.root ?? '/').replace(/\/?$/, '/');
  const items = change.add.map((a) => ({ id: Number(a.product.id), quantity: a.quantity }));
  if (items.some((i) => !i.id)) return failure(en, change.add[0].product.name);
  // Dawn and its descendants name the sections their cart UI needs; other themes get the
  // common ids, kept only where the page has them.
  const ui = doc.querySelector<CartUI>('cart-drawer, cart-notification');
  let wanted: string[] = [];
  try {
    wanted = ui?.getSectionsToRender?.().map((s) => s.id) ?? [];
  } catch {
    /* a theme's own code failing must not stop the add */
  }
  if (!wanted.length) wanted = ['cart-drawer', 'cart-icon-bubble'].filter((id) => doc.getElementById(id) || doc.getElementById('shopify-section-' + id));
  const sections = wanted.length ? { sections: wanted.join(','), sections_url: win.location.pathname } : {};
  const replace = change.replace?.id;
  let state: { sections?: Record<string, string | null>; items?: { key?: string }[]; key?: string } | null;
  try {
    state = (await post(fetch, `${root}cart/add.js`, JSON.stringify({ items, ...(replace ? {} : sections) }))) as typeof state;
  } catch {
    return failure(en, change.add[0].product.name);
  }
  const key = state?.items?.[0]?.key;
  if (replace) {
    try {
      state = (await post(fetch, `${root}cart/change.js`, JSON.stringify({ id: replace, quantity: 0, ...sections }), json)) as typeof state;
    } catch {
      /* the upgrade is in the cart; the old line stays rather than risk losing both */
    }
  }
  if (discountCode) await fetch(`${root}discount/${encodeURIComponent(discountCode)}`, { credentials: 'same-origin' }).catch(() => {});
  // The cart changed: from here on the outcome is ok, whatever the theme's UI code does.
  try {
    const html = state?.sections;
    if (/\/cart\/?$/.test(win.location.pathname)) win.location.reload();
    else if (html && ui?.renderContents) ui.renderContents({ ...state, key: state?.key ?? key });
    else if (html) {
      for (const id of wanted) {
        const el = doc.getElementById('shopify-section-' + id) ?? doc.getElementById(id);
        const fresh = html[id] && new DOMParser().parseFromString(html[id]!, 'text/html').getElementById('shopify-section-' + id);
        if (el && fresh) el.innerHTML = fresh.innerHTML;
      }
    }
    doc.documentElement.dispatchEvent(new CustomEvent('cart:refresh', { bubbles: true }));
  } catch {
    /* the theme's drawer failed to redraw; the cart itself is right */
  }
  return { ok: true };
};
