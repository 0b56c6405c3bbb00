// One fake cart for every sample shop, kept in localStorage like a real shop keeps it on its
// server. Each shop re-renders its cart DOM from `lines()` after every change, as real themes do,
// so the widget reads the cart from the page exactly as on a live shop.
import { catalog, findProduct } from './catalog.js';

/**
 * The shop's own automatic discounts: what the sample configs' offers marked
 * `"appliedBy": "platform"` promise (set-tea: 急須 白磁 + 湯呑み 白磁 for ￥6,900; vol-tenugui:
 * 10 % off the tenugui from 3, 15 % from 5). The cart applies them by itself, so the total the
 * shopper sees and the checkout charges is the price the prompt showed.
 */
export const SHOP_DISCOUNTS = [
  { id: 'set-tea', label: 'セット割（急須 白磁＋湯呑み 白磁）', set: ['KY-01', 'YU-02'], price: 6900 },
  {
    id: 'vol-tenugui',
    label: '手ぬぐい まとめ買い',
    items: ['TN-0123', 'TN-0123-PLUS', 'TN-0123-DX', 'TN-0456'],
    tiers: [
      [5, 15],
      [3, 10],
    ],
  },
];

/** @param {{sku:string, price:number, quantity:number}[]} lines */
export function discountsOf(lines) {
  const qty = (sku) => lines.find((l) => l.sku === sku)?.quantity ?? 0;
  const out = [];
  for (const d of SHOP_DISCOUNTS) {
    if (d.set) {
      const sets = Math.min(...d.set.map(qty));
      const parts = d.set.reduce((s, sku) => s + findProduct(sku).price, 0);
      if (sets > 0 && parts > d.price) out.push({ id: d.id, label: d.label, amount: sets * (parts - d.price) });
    } else {
      const counted = lines.filter((l) => d.items.includes(l.sku));
      const n = counted.reduce((s, l) => s + l.quantity, 0);
      const tier = d.tiers.find(([min]) => n >= min);
      if (tier) out.push({ id: d.id, label: `${d.label} ${tier[1]}%オフ`, amount: Math.floor((counted.reduce((s, l) => s + l.price * l.quantity, 0) * tier[1]) / 100) });
    }
  }
  return out;
}

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
 *   goods(): number, discounts(): {id:string,label:string,amount:number}[], subtotal(): number, count(): number,
 *   add(sku:string, qty?:number): void, setQuantity(sku:string, qty:number): void,
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
    /** The goods before discounts. */
    goods: () => cart.lines().reduce((s, l) => s + l.lineTotal, 0),
    discounts: () => discountsOf(cart.lines()),
    /** What the checkout charges for the goods: after the shop's discounts. */
    subtotal: () => cart.goods() - cart.discounts().reduce((s, d) => s + d.amount, 0),
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

  // A "yes" to a prompt: a hand-made shop has no cart API for the widget to call, so it carries
  // the change out itself — the accept event is cancelable for exactly this. It cancels only
  // what it did carry out; anything else goes on to the widget (a link to the product page).
  document.addEventListener('cart-upsell:accept', (e) => {
    const ev = /** @type {CustomEvent} */ (e).detail;
    const items = Array.isArray(ev?.items) ? ev.items.filter((it) => findProduct(it?.sku)) : [];
    if (!items.length) return;
    if (ev.offerType === 'upsell' || ev.offerType === 'downsell') {
      const to = items[0];
      const base = findProduct(to.sku).upgradeOf;
      const old = state.find((l) => l.sku === base);
      if (!old) return;
      state = state.filter((l) => l !== old);
      const line = state.find((l) => l.sku === to.sku);
      if (line) line.quantity += old.quantity;
      else state.push({ sku: to.sku, quantity: old.quantity });
    } else if (ev.offerType === 'cross-sell' || ev.offerType === 'free-shipping') {
      const line = state.find((l) => l.sku === items[0].sku);
      if (line) line.quantity += 1;
      else state.push({ sku: items[0].sku, quantity: 1 });
    } else if (ev.offerType === 'bundle') {
      for (const it of items) if (!state.some((l) => l.sku === it.sku)) state.push({ sku: it.sku, quantity: 1 });
    } else return;
    e.preventDefault();
    changed();
  });
  return cart;
}

export { catalog };
