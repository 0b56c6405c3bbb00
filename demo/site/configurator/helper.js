// The selector helper: the merchant's cart HTML goes into a page of its own (helper.html, which
// has the widget loaded but not started); CartUpsell.readCart and diagnose run there and the
// elements each selector matched are outlined.
import { h, t2, table } from '../shared/dom.js';
import { yen } from '../shared/format.js';
import { findProduct } from '../shared/catalog.js';

const FIELDS = ['item', 'name', 'sku', 'skuAttr', 'price', 'quantity', 'lineTotal', 'subtotal'];
const $ = (id) => document.getElementById(id);

/**
 * Selectors for the sample shops' markup. The EC-CUBE-like and Dawn-like shops are read by their
 * platform presets in their own configs; these show how the same carts read with selectors.
 */
const SAMPLE_SELECTORS = {
  wa: null,
  eccube: {
    item: '.ec-cartRole .ec-cartRow',
    name: '.ec-cartRow__name',
    sku: '.ec-cartRow__name',
    skuAttr: 'data-code',
    price: '.ec-cartRow__unitPrice',
    quantity: '.ec-cartRow__amount',
    lineTotal: '.ec-cartRow__subtotalColumn',
    subtotal: '.ec-cartRole__totalAmount',
  },
  dawn: {
    item: 'cart-items .cart-item',
    name: '.cart-item__name',
    sku: '.cart-item__name',
    skuAttr: 'data-sku',
    price: '.cart-item__price',
    quantity: 'input.quantity__input',
    lineTotal: '.cart-item__totals .price',
    subtotal: '#main-cart-footer .totals__total-value',
  },
};

/** Pasted HTML without anything that could run: scripts, frames, handlers, javascript: URLs. */
export function sanitize(html, doc = document) {
  const parsed = new DOMParser().parseFromString(String(html), 'text/html');
  for (const el of parsed.querySelectorAll('script,iframe,frame,object,embed,link,meta,base,style,noscript,template')) el.remove();
  for (const el of parsed.body.querySelectorAll('*')) {
    for (const a of [...el.attributes]) {
      const v = a.value.trim().toLowerCase();
      if (
        a.name.startsWith('on') ||
        ((a.name === 'href' || a.name === 'src' || a.name === 'action' || a.name === 'formaction' || a.name === 'srcset') && /^(javascript|data|vbscript):/.test(v.replace(/\s/g, '')))
      )
        el.removeAttribute(a.name);
    }
  }
  return [...parsed.body.childNodes].map((n) => doc.importNode(n, true));
}

async function sample(shop) {
  const [render, config] = await Promise.all([import(`../shops/${shop}/render.js`), fetch(`/demo/site/shops/${shop}/cart-upsell.json`).then((r) => r.json())]);
  const lines = [
    ['TN-0123', 2],
    ['KY-01', 1],
  ].map(([sku, quantity]) => {
    const p = findProduct(sku);
    return { ...p, quantity, lineTotal: p.price * quantity };
  });
  return {
    html: render.cartHTML(
      lines,
      lines.reduce((s, l) => s + l.lineTotal, 0),
      { compact: false },
    ),
    selectors: config.cart?.selectors ?? SAMPLE_SELECTORS[shop] ?? {},
  };
}

export function mountHelper({ onUse }) {
  const box = $('helper-selectors');
  for (const f of FIELDS) {
    box.append(
      h('label', { class: 'block' }, f + (f === 'item' || f === 'name' || f === 'price' || f === 'quantity' ? ' *' : ''), h('input', { id: `sel-${f}`, 'data-field': f, spellcheck: 'false' })),
    );
  }
  const frame = $('helper-frame');
  const selectors = () => {
    const s = {};
    for (const f of FIELDS) {
      const v = $(`sel-${f}`).value.trim();
      if (v) s[f] = v;
    }
    return s;
  };

  // The helper page may still be loading when a sample is picked right after the page opens.
  const frameReady = new Promise((resolve) => {
    if (frame.contentDocument?.readyState === 'complete' && frame.contentWindow?.CartUpsell) resolve();
    else frame.addEventListener('load', () => resolve(), { once: true });
  });

  async function read() {
    await frameReady;
    const win = frame.contentWindow;
    const doc = frame.contentDocument;
    const result = $('helper-result');
    if (!win?.CartUpsell || !doc) {
      result.replaceChildren(h('p', { class: 'err' }, ...t2('確認用のページを読み込み中です。少し待ってもう一度押してください。', 'The helper page is still loading; try again in a moment.')));
      return;
    }
    const host = doc.getElementById('cart-host');
    host.replaceChildren(...sanitize($('helper-html').value, doc));
    const cfg = { selectors: selectors() };
    const missing = ['item', 'name', 'price', 'quantity'].filter((f) => !cfg.selectors[f]);
    if (missing.length) {
      result.replaceChildren(h('p', { class: 'err' }, ...t2(`必須のセレクタが空です：${missing.join(', ')}`, `Required selectors are empty: ${missing.join(', ')}`)));
      return;
    }
    const cart = win.CartUpsell.readCart(cfg);
    const report = win.CartUpsell.diagnose(cfg);
    for (const el of doc.querySelectorAll('[data-cu-field]')) el.removeAttribute('data-cu-field');
    for (const f of report.fields ?? []) {
      for (const el of f.elements ?? []) {
        const prev = el.getAttribute('data-cu-field');
        el.setAttribute('data-cu-field', prev ? `${prev} ${f.field}` : f.field);
      }
    }
    result.replaceChildren(
      h('h3', {}, ...t2('読み取れたカート', 'The cart as read')),
      cart.items.length
        ? table(
            '読み取れたカート',
            [t2('商品名', 'Name'), 'SKU', t2('単価', 'Price'), t2('数量', 'Qty'), t2('小計', 'Line total')],
            cart.items.map((i) => [i.name, i.sku ?? '—', yen(i.unitPrice), String(i.quantity), yen(i.lineTotal)]),
            [2, 3, 4],
          )
        : h('p', { class: 'err' }, ...t2('商品が読み取れませんでした。item セレクタを確認してください。', 'No items were read. Check the item selector.')),
      h('p', {}, ...t2(`合計：${yen(cart.subtotal)}（${cart.currency}）`, `Subtotal: ${yen(cart.subtotal)} (${cart.currency})`)),
      h('h3', {}, ...t2('セレクタごとの一致数', 'Matches per selector')),
      table(
        'セレクタごとの一致数',
        [t2('項目', 'Field'), t2('セレクタ', 'Selector'), t2('一致', 'Matches')],
        (report.fields ?? []).map((f) => [f.field, f.selector, String(f.matches)]),
        [2],
      ),
    );
  }

  // Only the latest pick fills the form: a slower earlier one must not overwrite it (or what the
  // merchant has typed since).
  let picks = 0;
  const typed = () => void picks++;
  box.addEventListener('input', typed);
  $('helper-html').addEventListener('input', typed);
  $('helper-sample').addEventListener('change', async (e) => {
    const shop = e.target.value;
    const pick = ++picks;
    if (!shop) return;
    const s = await sample(shop);
    if (pick !== picks) return;
    $('helper-html').value = s.html;
    for (const f of FIELDS) $(`sel-${f}`).value = s.selectors[f] ?? '';
    await read();
  });
  $('helper-read').addEventListener('click', () => void read());
  $('helper-use').addEventListener('click', () => onUse(selectors()));
}
