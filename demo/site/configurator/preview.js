// The configurator's preview: a sample cart holding what the config's offers are about, and the
// widget started with the edited config (stop, then start, on every message from the parent).
import { h } from '../shared/dom.js';
import { yen } from '../shared/format.js';

const CU = /** @type {any} */ (window).CartUpsell;
const tbody = document.querySelector('#cart tbody');
const SELECTORS = { item: '#cart .cart-line', name: '.name', sku: '.name', skuAttr: 'data-sku', price: '.price', quantity: '.qty', lineTotal: '.total', subtotal: '#subtotal' };
let lines = [];
let products = [];

function render() {
  tbody.replaceChildren(
    ...lines.map((l) =>
      h(
        'tr',
        { class: 'cart-line' },
        h('td', { class: 'name', 'data-sku': l.sku }, l.name),
        h('td', { class: 'price' }, yen(l.price)),
        h('td', {}, h('label', {}, '数量 ', h('input', { class: 'qty', type: 'number', min: 0, value: l.quantity, 'data-sku': l.sku }))),
        h('td', { class: 'total' }, yen(l.price * l.quantity)),
      ),
    ),
  );
  document.getElementById('subtotal').textContent = yen(lines.reduce((s, l) => s + l.price * l.quantity, 0));
}

/** One line for each product an offer is about, so every prompt type can show. */
function sampleCart(config) {
  products = Array.isArray(config.products) ? config.products : [];
  const wanted = [];
  for (const o of Array.isArray(config.offers) ? config.offers : []) {
    if (o?.type === 'upsell') wanted.push(o.from);
    else if (o?.type === 'cross-sell') wanted.push(...(o.for ?? []).slice(0, 1));
    else if (o?.type === 'bundle') wanted.push(...(o.items ?? []).slice(0, 1));
    else if (o?.type === 'volume') wanted.push((o.items ?? [])[0] ?? products[0]?.sku);
  }
  const out = [];
  for (const sku of wanted) {
    const p = products.find((x) => x?.sku === sku);
    if (p && !out.some((l) => l.sku === sku)) out.push({ sku, name: String(p.name ?? sku), price: Number(p.price) || 0, quantity: 1 });
  }
  if (!out.length && products[0]) out.push({ sku: products[0].sku, name: String(products[0].name), price: Number(products[0].price) || 0, quantity: 1 });
  return out;
}

/** The shopper's "yes", carried out on the sample cart. */
document.addEventListener('cart-upsell:accept', (e) => {
  const ev = e.detail;
  e.preventDefault();
  const upsell = ev.offerType === 'upsell' || ev.offerType === 'downsell';
  for (const it of ev.items ?? []) {
    const p = products.find((x) => x.sku === it.sku);
    if (!p) continue;
    if (upsell) {
      const from = (currentConfig.offers ?? []).find((o) => o.id === ev.offerId)?.from;
      lines = lines.filter((l) => l.sku !== from);
    }
    const line = lines.find((l) => l.sku === it.sku);
    if (line) line.quantity += 1;
    else lines.push({ sku: it.sku, name: p.name, price: p.price, quantity: it.quantity || 1 });
    if (ev.offerType === 'cross-sell') break;
  }
  render();
});

document.addEventListener('change', (e) => {
  const t = e.target;
  if (!(t instanceof HTMLInputElement) || !t.classList.contains('qty')) return;
  lines = lines.map((l) => (l.sku === t.dataset.sku ? { ...l, quantity: Math.max(0, Number(t.value) || 0) } : l)).filter((l) => l.quantity > 0);
  render();
});
document.getElementById('checkout').addEventListener('click', () => {
  document.getElementById('preview-status').textContent = 'レジに進みました（プレビュー）。';
});

// A dialog takes the focus as it opens, and the preview's own cart change below opens the upgrade
// dialog a moment after every edit: the merchant's next keystrokes would go to the preview. So
// while the focus is outside the preview, the focus that change brings into the widget goes back
// to the configurator's field the merchant was in. Using the preview (a click, a key) disarms it.
let field = null;
let giveBack = false;
try {
  parent.document.addEventListener('focusin', (e) => {
    field = e.target instanceof parent.Element && e.target.matches('input, textarea, select, [contenteditable]') ? e.target : null;
  });
} catch {
  // Opened on its own, not inside the configurator: nothing to give back to.
}
for (const type of ['pointerdown', 'keydown']) document.addEventListener(type, (e) => e.isTrusted && (giveBack = false), true);
document.addEventListener(
  'focusin',
  (e) => {
    if (!giveBack || !(e.target instanceof Element) || !e.target.closest('[data-cart-upsell]')) return;
    giveBack = false;
    if (field?.isConnected) field.focus({ preventScroll: true });
  },
  true,
);

let currentConfig = {};
let run = 0;
addEventListener('message', async (e) => {
  if (e.origin !== location.origin || e.data?.type !== 'cart-upsell-preview') return;
  const mine = ++run;
  currentConfig = e.data.config ?? {};
  CU.stop();
  // A fresh visitor each time: snoozes and caps from earlier previews would hide the prompts.
  for (const s of [localStorage, sessionStorage]) for (const k of Object.keys(s)) if (k.startsWith('cart-upsell:')) s.removeItem(k);
  lines = sampleCart(currentConfig);
  render();
  const slotted = (o) => (o && typeof o === 'object' ? { ...o, slot: o.type === 'upsell' ? undefined : '#slot' } : o);
  const cfg = {
    ...currentConfig,
    cart: { selectors: SELECTORS, currency: currentConfig.cart?.currency, checkout: '#checkout' },
    freeShipping: currentConfig.freeShipping ? { ...currentConfig.freeShipping, slot: undefined } : undefined,
    offers: Array.isArray(currentConfig.offers) ? currentConfig.offers.map(slotted) : currentConfig.offers,
    holdout: 0,
    events: undefined,
    actions: { platform: 'none' },
    caps: { ...(currentConfig.caps ?? {}), modalsPerSession: 9 },
  };
  const ok = await CU.start(cfg);
  if (mine !== run) return;
  document.getElementById('preview-status').textContent = ok ? 'プレビュー中' : '設定に誤りがあるため、ウィジェットは停止しています。';
  // An upgrade speaks on a cart change: change the quantity of its line, as a shopper would.
  const up = (currentConfig.offers ?? []).find((o) => o?.type === 'upsell' && lines.some((l) => l.sku === o.from));
  if (ok && up) {
    setTimeout(() => {
      if (mine !== run) return;
      giveBack = parent !== window && !document.hasFocus();
      // The widget counts a change as the shopper's only after their own input on the page.
      document.body.dispatchEvent(new Event('pointerdown', { bubbles: true }));
      lines = lines.map((l) => (l.sku === up.from ? { ...l, quantity: l.quantity + 1 } : l));
      render();
    }, 400);
  }
});
