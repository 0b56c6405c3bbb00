// EC-CUBE's install root, apart from its cart actions: the price check in the prompt file needs it
// too, and must not pull the adapter (a file of its own) into the prompt file.

/** The shop's root path: from an add-cart form or a cart link on the page, else "/". */
export function rootOf(doc: Document): string {
  for (const a of doc.querySelectorAll<HTMLElement>('form[action*="/products/add_cart/"], a[href*="/cart/"], a[href$="/cart"]')) {
    const href = a.getAttribute('action') ?? a.getAttribute('href') ?? '';
    const m = new URL(href, doc.baseURI).pathname.match(/^(.*\/)(?:products\/add_cart\/\d+|cart(?:\/(?:remove|up|down)\/\d+)?)$/);
    if (m) return m[1];
  }
  return '/';
}
