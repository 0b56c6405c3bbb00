// Wires a sample shop's page: product list, cart (full page or side cart), quantity buttons,
// remove links. Each shop supplies its own markup (render.js) so the widget meets three
// different-looking carts, read with three different sets of selectors.
import { catalog, findProduct } from './catalog.js';
import { createCart } from './fake-cart.js';

/**
 * @param {{ shop: string, render: { productsHTML(p: object[]): string, cartHTML(lines: object[], subtotal: number, opts: {compact: boolean}): string } }} opts
 */
export function mountShop({ shop, render }) {
  const cart = createCart(shop);
  const products = document.querySelector('[data-products]');
  const cartRoot = document.querySelector('[data-cart-root]');
  const counters = document.querySelectorAll('[data-cart-count]');
  const status = document.querySelector('[data-cart-message]');

  const draw = () => {
    if (cartRoot) cartRoot.innerHTML = render.cartHTML(cart.lines(), cart.subtotal(), { compact: cartRoot.hasAttribute('data-compact'), discounts: cart.discounts() });
    for (const c of counters) c.textContent = String(cart.count());
  };
  if (products) products.innerHTML = render.productsHTML(catalog.filter((p) => !p.hidden));
  draw();
  cart.onChange(draw);

  document.addEventListener('click', (e) => {
    const t = e.target instanceof Element ? e.target.closest('[data-add],[data-inc],[data-dec],[data-remove],[data-clear]') : null;
    if (!t) return;
    const sku = t.getAttribute('data-add') ?? t.getAttribute('data-inc') ?? t.getAttribute('data-dec') ?? t.getAttribute('data-remove');
    const line = cart.lines().find((l) => l.sku === sku);
    if (t.hasAttribute('data-add')) {
      cart.add(sku, 1);
      if (status) status.textContent = `${findProduct(sku)?.name ?? ''}をカートに入れました`;
    } else if (t.hasAttribute('data-inc')) cart.setQuantity(sku, (line?.quantity ?? 0) + 1);
    else if (t.hasAttribute('data-dec')) cart.setQuantity(sku, (line?.quantity ?? 1) - 1);
    else if (t.hasAttribute('data-remove')) {
      e.preventDefault();
      cart.remove(sku);
    } else if (t.hasAttribute('data-clear')) cart.clear();
  });
  document.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.hasAttribute('data-qty')) cart.setQuantity(t.getAttribute('data-qty'), t.value);
  });
  showHoldoutNotice();
  return cart;
}

/**
 * A visitor in the holdout (10 % in the sample configs) sees no prompt, by design: without
 * this note a merchant trying the demo would think the widget is broken.
 */
function showHoldoutNotice() {
  document.addEventListener('cart-upsell:impression', (e) => {
    if (!e.detail?.holdout || document.querySelector('[data-holdout-note]')) return;
    const note = document.createElement('aside');
    note.className = 'demo-note';
    note.setAttribute('aria-label', '比較グループについて');
    note.setAttribute('data-holdout-note', '');
    note.textContent = 'このブラウザは効果測定用の比較グループ（holdout）に入ったため、提案は表示されません。 ';
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = '別の訪問者としてやり直す';
    b.addEventListener('click', () => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('cart-upsell:')) localStorage.removeItem(k);
      for (const k of Object.keys(sessionStorage)) if (k.startsWith('cart-upsell:')) sessionStorage.removeItem(k);
      location.reload();
    });
    // It sits over the top of the page (the bar has the bottom), so it can be put away.
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '閉じる';
    close.addEventListener('click', () => (note.hidden = true));
    note.append(b, close);
    document.body.prepend(note);
  });
}

/** The checkout page: shows the order and empties the cart, like a shop's thank-you page. */
export function mountCheckout({ shop, render }) {
  const cart = createCart(shop);
  const summary = document.querySelector('[data-order]');
  if (summary) summary.innerHTML = render.orderHTML(cart.lines(), cart.subtotal(), cart.discounts());
  cart.clear();
}
