// The configurator: one config object, edited from the form or the JSON text, checked by the
// widget's own validator, previewed live, and turned into the snippet for the shop.
import { h, t2 } from '../shared/dom.js';
import { buildForm, kinds, newOffer } from './form.js';
import { getPath, setPath, prune } from './paths.js';
import { mountHelper } from './helper.js';

const $ = (id) => document.getElementById(id);
const form = $('form');
const json = $('json');
const frames = [$('preview-desktop'), $('preview-mobile')];
const CU = /** @type {any} */ (window).CartUpsell;

let config = {};
let previewTimer;

const templates = {
  empty: () => Promise.resolve({ cart: { selectors: { item: '.cart-item', name: '.name', price: '.price', quantity: '.qty', subtotal: '.subtotal' } }, locale: 'ja', freeShipping: { threshold: 5000 }, products: [], offers: [] }),
  shop: (name) => fetch(`/demo/site/shops/${name}/cart-upsell.json`).then((r) => r.json()),
};

async function loadTemplate(name) {
  config = await (name === 'empty' ? templates.empty() : templates.shop(name));
  buildForm(form, config);
  writeJson();
  changed();
}

function writeJson() {
  json.value = JSON.stringify(config, null, 2);
  $('json-error').textContent = '';
  json.removeAttribute('aria-invalid');
}

/** Validation next to each field and in the list at the top; the preview follows a valid config. */
function changed() {
  const { errors = [], warnings = [] } = CU?.validateConfig ? CU.validateConfig(config) : { errors: [], warnings: [] };
  for (const m of form.querySelectorAll('.field-msg')) m.replaceChildren();
  for (const i of form.querySelectorAll('[aria-invalid]')) i.removeAttribute('aria-invalid');
  const place = (item, cls) => {
    // The closest field shown: "offers[0].benefits[1]" falls back to "offers[0].benefits".
    let path = item.path;
    while (path) {
      const msg = form.querySelector(`.field-msg[data-for="${CSS.escape(path)}"]`);
      if (msg) {
        msg.append(h('span', { class: cls }, item.message), ' ');
        const input = form.querySelector(`[data-path="${CSS.escape(path)}"]`);
        if (input && cls === 'field-error') {
          input.setAttribute('aria-invalid', 'true');
          input.setAttribute('aria-describedby', (msg.id ||= `msg-${Math.random().toString(36).slice(2)}`));
        }
        return;
      }
      path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    }
  };
  errors.forEach((e) => place(e, 'field-error'));
  warnings.forEach((w) => place(w, 'field-warning'));
  $('problem-list').replaceChildren(
    errors.length || warnings.length
      ? h('ul', {}, errors.map((e) => h('li', { class: 'err' }, `${e.path}: ${e.message}`)), warnings.map((w) => h('li', { class: 'warn' }, `${w.path}: ${w.message}`)))
      : h('p', { class: 'ok' }, ...t2('問題はありません。', 'No problems found.')),
  );
  if (!errors.length) {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(sendPreview, 300);
  }
  writeSnippets();
}

function sendPreview() {
  for (const f of frames) f.contentWindow?.postMessage({ type: 'cart-upsell-preview', config: prune(config) }, location.origin);
}

const scriptUrl = () => `${location.origin}/dist/cart-upsell.js`;
/** JSON that is safe inside a <script> element: "</script>" cannot end it early. */
const inlineJson = (c) => JSON.stringify(c, null, 2).replace(/</g, '\\u003c');

function writeSnippets() {
  const c = prune(config);
  $('snippet-file').textContent = `<script src="${scriptUrl()}" data-config="/cart-upsell.json" async></script>`;
  $('snippet-inline').textContent = `<script type="application/json" id="cart-upsell-config">\n${inlineJson(c)}\n</script>\n<script src="${scriptUrl()}" async></script>`;
}

// Form → config → JSON.
form.addEventListener('input', (e) => {
  const t = e.target;
  if (!(t instanceof HTMLElement) || !t.dataset.path) return;
  const kind = kinds[t.dataset.kind ?? 'text'];
  const value = t.dataset.path.endsWith('.appliedBy') && t.value === '' ? undefined : kind.toValue(t.value);
  setPath(config, t.dataset.path, value);
  // A new offer type needs other fields.
  if (t.dataset.path.endsWith('.type')) {
    const i = Number(t.dataset.path.match(/\[(\d+)\]/)[1]);
    config.offers[i] = { ...newOffer(t.value, config), id: config.offers[i].id };
    buildForm(form, config);
  }
  writeJson();
  changed();
});
form.addEventListener('click', (e) => {
  const b = e.target instanceof Element ? e.target.closest('button[data-add],button[data-remove]') : null;
  if (!b) return;
  const add = b.getAttribute('data-add');
  const remove = b.getAttribute('data-remove');
  if (add === 'product') (config.products ??= []).push({ sku: '', name: '', price: 0 });
  else if (add === 'tier') ((config.freeShipping ??= { threshold: 5000 }).tiers ??= []).push({ amount: 10000, label: 'ギフト包装無料' });
  else if (add?.startsWith('offer:')) (config.offers ??= []).push(newOffer(add.slice(6), config));
  else if (remove) {
    const m = remove.match(/^(.*)\[(\d+)\]$/);
    getPath(config, m[1])?.splice(Number(m[2]), 1);
  }
  config = prune(config);
  buildForm(form, config);
  writeJson();
  changed();
});

// JSON → config → form.
json.addEventListener('input', () => {
  let parsed;
  try {
    parsed = JSON.parse(json.value);
  } catch (err) {
    $('json-error').textContent = `JSON の書き方に誤りがあります / JSON syntax error: ${err.message}`;
    json.setAttribute('aria-invalid', 'true');
    return;
  }
  $('json-error').textContent = '';
  json.removeAttribute('aria-invalid');
  config = parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed : {};
  buildForm(form, config);
  changed();
});

$('template').addEventListener('change', (e) => void loadTemplate(e.target.value));
$('replay').addEventListener('click', sendPreview);
for (const f of frames) f.addEventListener('load', sendPreview);

// Copy buttons and the download.
document.addEventListener('click', async (e) => {
  const b = e.target instanceof Element ? e.target.closest('[data-copy]') : null;
  if (!b) return;
  const text = $(b.getAttribute('data-copy')).textContent;
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(text);
    status.replaceChildren(...t2('コピーしました。', 'Copied.'));
  } catch {
    // No clipboard permission (e.g. plain http on another host): select the text instead.
    const range = document.createRange();
    range.selectNodeContents($(b.getAttribute('data-copy')));
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    status.replaceChildren(...t2('コピーできませんでした。選択したので Ctrl+C（⌘C）でコピーしてください。', 'Could not copy; the text is selected — press Ctrl+C (⌘C).'));
  }
});
$('download').addEventListener('click', () => {
  const a = h('a', { href: URL.createObjectURL(new Blob([JSON.stringify(prune(config), null, 2)], { type: 'application/json' })), download: 'cart-upsell.json' });
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});

mountHelper({
  onUse(selectors) {
    (config.cart ??= {}).selectors = selectors;
    delete config.cart.preset;
    buildForm(form, config);
    writeJson();
    changed();
  },
});
void loadTemplate('wa');
