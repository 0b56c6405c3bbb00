// One fake cart for every sample shop, kept in localStorage like a real shop keeps it on its
// server. Each shop re-renders its cart DOM from `lines()` after every change, as real themes do,
// so the widget reads the cart from the page exactly as on a live shop.
import { catalog, findProduct } from './catalog.js';

const read = (key) => {
  try {
    const v = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? v.filter((l) => findProduct(l.sku) && l.quantity > 0) : [];
  } catch {
    return [];
  }
};

/**
 * @param {string} shop  one cart per shop (wa, eccube, dawn)
 * @returns {{ lines(): {sku:string,name:string,price:number,image:string,quantity:number,lineTotal:number}[],
 *   subtotal(): number, count(): number, add(sku:string, qty?:number): void, setQuantity(sku:string, qty:number): void,
 *   remove(sku:string): void, clear(): void, onChange(fn:() => void): void }}
 */
export function createCart(shop) {
  const key = `cart-upsell-demo:cart:${shop}`;
  let state = read(key);
  const listeners = [];
  const changed = () => {
    try {
      localStorage.setItem(key, JSON.stringify(state));
    } catch {
      /* private mode: the cart lives for this page only */
    }
    for (const fn of listeners) fn();
  };
  const cart = {
    lines: () =>
      state.map((l) => {
        const p = findProduct(l.sku);
        return { ...p, quantity: l.quantity, lineTotal: p.price * l.quantity };
      }),
    subtotal: () => cart.lines().reduce((s, l) => s + l.lineTotal, 0),
    count: () => state.reduce((s, l) => s + l.quantity, 0),
    add(sku, qty = 1) {
      if (!findProduct(sku)) return;
      const line = state.find((l) => l.sku === sku);
      if (line) line.quantity += qty;
      else state.push({ sku, quantity: qty });
      changed();
    },
    setQuantity(sku, qty) {
      const q = Math.max(0, Math.min(99, Math.floor(Number(qty)) || 0));
      state = q ? state.map((l) => (l.sku === sku ? { ...l, quantity: q } : l)) : state.filter((l) => l.sku !== sku);
      changed();
    },
    remove(sku) {
      state = state.filter((l) => l.sku !== sku);
      changed();
    },
    clear() {
      state = [];
      changed();
    },
    onChange(fn) {
      listeners.push(fn);
    },
  };

  // Another tab changed the cart: show the same cart here.
  addEventListener('storage', (e) => {
    if (e.key !== key) return;
    state = read(key);
    for (const fn of listeners) fn();
  });

  // A "yes" to a prompt: this fake shop has no cart API for the widget to call, so it carries
  // the change out itself (the accept event is cancelable for exactly this).
  document.addEventListener('cart-upsell:accept', (e) => {
    const ev = /** @type {CustomEvent} */ (e).detail;
    if (!ev || !Array.isArray(ev.items)) return;
    e.preventDefault();
    if (ev.offerType === 'upsell' || ev.offerType === 'downsell') {
      const to = ev.items[0];
      const base = findProduct(to?.sku)?.upgradeOf;
      const old = state.find((l) => l.sku === base);
      state = state.filter((l) => l.sku !== base);
      const line = state.find((l) => l.sku === to.sku);
      if (line) line.quantity += old?.quantity ?? to.quantity;
      else state.push({ sku: to.sku, quantity: old?.quantity ?? to.quantity });
      changed();
    } else if (ev.offerType === 'cross-sell') {
      if (ev.items[0]) cart.add(ev.items[0].sku, 1);
    } else if (ev.offerType === 'bundle') {
      for (const it of ev.items) if (!state.some((l) => l.sku === it.sku)) state.push({ sku: it.sku, quantity: 1 });
      changed();
    }
  });
  return cart;
}

export { catalog };
