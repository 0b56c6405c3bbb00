// The configurator: one config object, edited from the form or the JSON text, checked by the
// widget's own validator, previewed live, and turned into the snippet for the shop.
import { h, t2 } from '../shared/dom.js';
import { buildForm, kinds, newOffer } from './form.js';
import { getPath, setPath, prune } from './paths.js';
import { mountHelper } from './helper.js';
import { PLATFORMS, applyHosting, applyPlatform, postsToShop, scriptBase, snippets } from './install.js';
import { applyShopifyIds, detectPlatform, importCatalog, mergeProducts, shopifyIdSnippet } from './catalog-import.js';
import { pickerCode } from './picker-code.js';
import { apply as showLang, currentLang } from '../shared/lang.js';

const $ = (id) => document.getElementById(id);
const form = $('form');
const json = $('json');
const frames = [$('preview-desktop'), $('preview-mobile')];
const CU = /** @type {any} */ (window).CartUpsell;

let config = {};
let previewTimer;

const templates = {
  empty: () =>
    Promise.resolve({
      cart: { selectors: { item: '.cart-item', name: '.name', price: '.price', quantity: '.qty', subtotal: '.subtotal' } },
      locale: 'ja',
      freeShipping: { threshold: 5000 },
      products: [],
      offers: [],
    }),
  shop: (name) => fetch(`/demo/site/shops/${name}/cart-upsell.json`).then((r) => r.json()),
};

async function loadTemplate(name) {
  config = await (name === 'empty' ? templates.empty() : templates.shop(name));
  // The platform list follows the sample's cart reading; the sample keeps its own "yes" (the demo's).
  setup.platform = PLATFORMS[config.cart?.preset] ? config.cart.preset : 'handmade';
  $('platform').value = setup.platform;
  // A new sample brings its own endpoint: the hosting's applies to it afresh.
  setup.autoEndpoint = setup.ownEndpoint = undefined;
  if (setup.host === 'service') {
    setup.ownEndpoint = config.events?.endpoint;
    config = applyHosting(config, { host: 'service', base: scriptBase({ ...setup, origin: location.origin }) });
    setup.autoEndpoint = config.events.endpoint;
  }
  buildForm(form, config);
  writeJson();
  changed();
}

function writeJson() {
  json.value = JSON.stringify(config, null, 2);
  $('json-error').textContent = '';
  json.removeAttribute('aria-invalid');
}

/** The configurator speaks the config's language: Japanese for "locale": "ja", English otherwise. */
const configLang = () => (config.locale === 'ja' ? 'ja' : 'en');

/** Validation next to each field and in the list at the top; the preview follows a valid config. */
function changed() {
  if (currentLang() !== configLang()) showLang(configLang());
  if (Object.keys(setup.handles).length) $('shopify-id-snippet').textContent = shopifyIdSnippet(Object.values(setup.handles), configLang());
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
        // A warning (e.g. an offer turned off by a missing product) is read out with its field too;
        // only an error marks the field invalid.
        if (input) {
          if (cls === 'field-error') input.setAttribute('aria-invalid', 'true');
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
      ? h(
          'ul',
          {},
          errors.map((e) => h('li', { class: 'err' }, `${e.path}: ${e.message}`)),
          warnings.map((w) => h('li', { class: 'warn' }, `${w.path}: ${w.message}`)),
        )
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

/** Where the merchant's shop is and where the files will be served from (not part of the config). */
const setup = { platform: 'handmade', shopUrl: '', host: 'demo', hostUrl: '', handles: {}, autoEndpoint: undefined, ownEndpoint: undefined };

/** Events go where the widget is served when that is the results service; the merchant's own endpoint comes back otherwise. */
function followHosting() {
  const base = scriptBase({ ...setup, origin: location.origin });
  const before = config.events?.endpoint;
  if (setup.host === 'service' && setup.autoEndpoint === undefined) setup.ownEndpoint = before;
  config = applyHosting(config, { host: setup.host, base, previous: setup.autoEndpoint, own: setup.ownEndpoint });
  if (setup.host === 'service') setup.autoEndpoint = config.events.endpoint;
  else setup.autoEndpoint = setup.ownEndpoint = undefined;
  if (config.events?.endpoint === before) return writeSnippets();
  writeJson();
  changed();
}

function writeSnippets() {
  const c = prune(config);
  const sn = snippets({ ...setup, origin: location.origin, config: c });
  $('snippet-file').textContent = sn.file;
  $('snippet-inline').textContent = sn.inline;
  $('host-url').placeholder = sn.base;
  writeHostSteps(sn.base);
}

/** What to upload where, in the merchant's words, for this platform and hosting. */
function writeHostSteps(base) {
  const p = setup.platform;
  const name = PLATFORMS[p]?.ja ?? p;
  // A platform with a cart API has its cart actions in a third file, loaded beside the prompt file.
  const actions = ['shopify', 'woocommerce', 'eccube', 'magento'].includes(p) ? `cart-upsell-actions-${p}.js` : '';
  const dl = $('dl-actions');
  dl.hidden = !actions;
  if (actions) Object.assign(dl, { href: `/dist/${actions}`, download: actions, textContent: actions });
  const files = (sep, and) =>
    ['cart-upsell.js', 'cart-upsell-ui.js', actions]
      .filter(Boolean)
      .join(sep)
      .replace(new RegExp(`${sep}(?!.*${sep})`), and);
  const steps = {
    demo: ['このデモのサーバーから読み込みます。試すためだけのもので、ショップには使えません。', 'Served by this demo server: for trying it only, not for a shop.'],
    service: [
      `結果サービス（npm start のサーバー）が ${base} で ${files('・', '・')} と設定を配信し、イベントも ${base}events で受け取ります（設定の events.endpoint に入れました）。ダウンロードした cart-upsell.json をサーバーに置き、CONFIG_FILE=その場所、ALLOWED_ORIGINS=ショップのURL（例 https://shop.example.jp）で起動します。ショップには下のタグ A を貼るだけです。`,
      `The results service (npm start's server) serves ${files(', ', ', ')} and the config from ${base}, and receives the events at ${base}events (now the config's events.endpoint). Put the downloaded cart-upsell.json on the server and start it with CONFIG_FILE=<its path> and ALLOWED_ORIGINS=<your shop's origin, e.g. https://shop.example.jp>; the shop only gets tag A.`,
    ],
    shop:
      p === 'eccube'
        ? [
            `コンテンツ管理 → ファイル管理 で user_data に cart-upsell フォルダを作り（${base}）、${files('・', '・')} をアップロードします。ファイル管理は .json を受け付けないので、設定は B（インライン版）ごとブロックに貼ります（ブロック管理 → 新規作成 → B を貼る → レイアウト管理でカートページなどに置く）。FTP で cart-upsell.json も置けるなら A でも動きます。`,
            `In Content → File management, make a cart-upsell folder in user_data (${base}) and upload ${files(', ', ' and ')}. File management does not take .json, so paste B (inline, config included) into a block (Block management → new → paste B → place it in the cart page's layout). With FTP you can upload cart-upsell.json too and use A.`,
          ]
        : p === 'shopify'
          ? [
              `テーマの「コードを編集」→ assets に ${files('・', '・')} を追加し、B（インライン版）を theme.liquid の </body> の前に貼ります（設定はページに含めます）。`,
              `Add ${files(', ', ' and ')} to the theme's assets (Edit code), and paste B (inline) before </body> in theme.liquid.`,
            ]
          : [
              `${name}のファイル置き場の ${base} に ${files('・', '・')}・cart-upsell.json（ダウンロード）を同じフォルダに置き、A のタグを全ページの </body> の前に貼ります。`,
              `Upload ${files(', ', ', ')} and cart-upsell.json (download) to ${base}, in one folder, and paste tag A before </body> on every page.`,
            ],
  }[setup.host];
  const c = prune(config);
  $('host-steps').replaceChildren(
    h('p', {}, ...t2(steps[0], steps[1])),
    setup.host === 'shop' && postsToShop(c)
      ? h(
          'p',
          { class: 'warn' },
          ...t2(
            `events.endpoint が「${c.events.endpoint}」なので、イベントはショップ自身に送られ、どこにも保存されません。結果サービスのURL（例 https://results.example.jp/events）に変えてください。`,
            `events.endpoint is "${c.events.endpoint}": events would go to the shop itself and be stored nowhere. Set it to your results service (e.g. https://results.example.jp/events).`,
          ),
        )
      : '',
    h('p', {}, ...t2('手順書（画面つき）: ', 'Step-by-step guide (Japanese): '), h('a', { href: `/docs/ja/${p}.md` }, `docs/ja/${p}.md`)),
  );
}

const platformNotes = {
  eccube: [
    'カートは EC-CUBE 4 の標準テーマの形で読み取り、「はい」は商品ページのカート追加と同じ送信で行います（商品規格IDと商品IDが必要）。',
    'The cart is read as EC-CUBE 4\'s default theme draws it; "yes" posts the add-cart form (needs product class id and product id).',
  ],
  shopify: [
    'カートは Dawn 系テーマの形で読み取り、「はい」は Shopify のカートAPI（バリアントIDが必要）で行います。',
    'The cart is read as Dawn-based themes draw it; "yes" uses Shopify\'s cart API (needs the variant id).',
  ],
  woocommerce: [
    'カートは WooCommerce の標準カート（クラシック／ブロック）から読み取り、「はい」は Store API（商品IDが必要）で行います。',
    'The cart is read from WooCommerce\'s cart page (classic or block); "yes" uses the Store API (needs the product id).',
  ],
  colorme: [
    'カラーミーショップのかごの中身は、カラーミーが各ページに出力するデータ（Colorme.basket）から自動で読み取ります。カート画面はカラーミーのものなので、プロンプトはショップのページ（商品・一覧・トップ）に出ます。「はい」は商品ページを開きます（商品の url が必要）。',
    "Color Me's basket is read from the data Color Me prints on every shop page (Colorme.basket). The cart page is Color Me's own, so prompts show on the shop's pages (product, list, top). \"Yes\" opens the product page (needs the url).",
  ],
  makeshop: [
    'MakeShop の標準テンプレートのカートは自動で読み取ります。読めないテーマは下の「カートの読み取り設定」で作ります。「はい」は商品ページを開きます（商品の url が必要）。',
    'MakeShop\'s standard cart template is read by its preset; for other themes make the selectors below. "Yes" opens the product page (needs the url).',
  ],
  handmade: [
    'カートの読み取り方は下の「カートの読み取り設定」で作ります。「はい」は商品ページを開くか、あなたのコード（onAccept）で行います。',
    'Make the selectors below. "Yes" opens the product page, or runs your own code (onAccept).',
  ],
};

function setPlatform(platform) {
  setup.platform = platform;
  $('platform').value = platform;
  config = applyPlatform(config, platform);
  $('platform-note').replaceChildren(...t2(...platformNotes[platform]));
  buildForm(form, config);
  writeJson();
  changed();
}

/** The CSV as text: UTF-8, or Shift_JIS (what EC-CUBE writes by default and Excel often saves). */
function decode(buffer) {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('shift_jis').decode(buffer);
  }
}

/** Why a CSV row was left out, in the merchant's words. */
const REASON_JA = {
  'not public': '非公開・廃止',
  'not published': '非公開',
  'no name': '商品名なし',
  'no price': '価格なし',
  variable: '可変商品の親（バリエーションを読み込みます）',
  grouped: 'グループ商品',
  external: '外部商品',
};

async function importFile(file) {
  const out = $('import-result');
  const text = decode(await file.arrayBuffer());
  const parsed = window.Papa.parse(text, { header: true, skipEmptyLines: true });
  const detected = detectPlatform(parsed.meta.fields ?? []);
  if (!detected) {
    out.replaceChildren(
      h(
        'p',
        { class: 'err' },
        ...t2(
          'この CSV は Shopify・EC-CUBE 4・WooCommerce の商品CSVとして読めませんでした（見出しの行を確認してください）。',
          'This CSV is not a Shopify, EC-CUBE 4 or WooCommerce product export (check its header row).',
        ),
      ),
    );
    return;
  }
  // Importing the shop's own catalogue means this is the real shop: its platform changes the cart on "yes".
  setPlatform(detected);
  const tax = $('csv-tax').value;
  const res = importCatalog(parsed.data, {
    platform: detected,
    shopUrl: setup.shopUrl,
    taxIncluded: tax === 'auto' ? undefined : tax === 'included',
    taxRate: Number($('csv-rate').value),
    rounding: $('csv-rounding').value,
  });
  setup.handles = res.handles;
  const merged = mergeProducts(config.products, res.products);
  config.products = merged.products;
  buildForm(form, config);
  writeJson();
  changed();
  const name = PLATFORMS[detected].ja;
  out.replaceChildren(
    h(
      'p',
      { class: 'ok' },
      ...t2(
        `${name}の商品CSVから ${res.products.length} 件を読み込みました（更新 ${merged.updated}・追加 ${merged.added}）。`,
        `Read ${res.products.length} products from the ${name} CSV (${merged.updated} updated, ${merged.added} added).`,
      ),
    ),
    res.skipped.length
      ? h(
          'p',
          { class: 'small muted' },
          ...t2(
            `読み込まなかった行: ${res.skipped.map((s) => `${s.row}行目（${REASON_JA[s.reason] ?? s.reason}）`).join('、')}`,
            `Rows left out: ${res.skipped.map((s) => `row ${s.row} (${s.reason})`).join(', ')}`,
          ),
        )
      : '',
    detected === 'eccube'
      ? h(
          'p',
          { class: 'small warn' },
          ...t2(
            'EC-CUBE の商品CSVの「販売価格」は税抜です。選んだ税率で税込にしました。軽減税率（8%）の商品は価格を確認してください（カートの価格と違うとウィジェットがコンソールで知らせます）。',
            "EC-CUBE's 販売価格 is tax-excluded: converted with the chosen rate. Check reduced-rate (8 %) products (the widget tells you in the console when a cart shows another price).",
          ),
        )
      : '',
  );
  $('shopify-ids').hidden = detected !== 'shopify';
  if (detected === 'shopify') $('shopify-id-snippet').textContent = shopifyIdSnippet(Object.values(res.handles), configLang());
}

// Form → config → JSON.// Form → config → JSON.
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

$('platform').addEventListener('change', (e) => setPlatform(e.target.value));
$('shop-url').addEventListener('input', (e) => {
  setup.shopUrl = e.target.value.trim();
  writeSnippets();
});
$('host-url').addEventListener('input', (e) => {
  setup.hostUrl = e.target.value.trim();
  followHosting();
});
$('host').addEventListener('change', (e) => {
  setup.host = e.target.value;
  followHosting();
});
$('csv-file').addEventListener('change', (e) => {
  const f = e.target.files?.[0];
  if (f) void importFile(f);
});
$('shopify-id-apply').addEventListener('click', () => {
  const out = $('import-result');
  let found;
  try {
    found = JSON.parse($('shopify-id-paste').value);
    if (!Array.isArray(found)) throw new Error('not a list');
  } catch {
    out.replaceChildren(
      h(
        'p',
        { class: 'err' },
        ...t2('貼り付けた内容が読めませんでした。コンソールがコピーした1行をそのまま貼ってください。', 'Could not read what was pasted: paste the one line the console copied.'),
      ),
    );
    return;
  }
  const res = applyShopifyIds(config.products ?? [], setup.handles, found);
  config.products = res.products;
  buildForm(form, config);
  writeJson();
  changed();
  out.replaceChildren(
    h('p', { class: 'ok' }, ...t2(`${res.matched} 件の商品にバリアントIDを入れました。`, `Variant ids set on ${res.matched} products.`)),
    res.drift.length
      ? h(
          'p',
          { class: 'warn' },
          ...t2(
            `ストアの今日の価格に合わせました: ${res.drift.map((d) => `${d.sku} ${d.csv}→${d.shop}円`).join('、')}`,
            `Prices updated to the store's: ${res.drift.map((d) => `${d.sku} ${d.csv}→${d.shop}`).join(', ')}`,
          ),
        )
      : '',
  );
});

// The selector picker for the merchant's own cart page: a bookmarklet, or the same code for the console.
const code = pickerCode(location.origin);
$('picker-code').textContent = code;
$('bookmarklet').setAttribute('href', `javascript:${encodeURIComponent(code)}`);
$('bookmarklet').addEventListener('click', (e) => {
  e.preventDefault();
  $('picker-status').replaceChildren(
    ...t2('このボタンはブックマークバーにドラッグして、自分のショップのカートページで押します。', 'Drag this button to your bookmarks bar and press it on your own cart page.'),
  );
});
$('picker-apply').addEventListener('click', () => {
  let found;
  try {
    found = JSON.parse($('picker-paste').value);
  } catch {
    $('picker-status').replaceChildren(
      h('span', { class: 'err' }, ...t2('貼り付けた内容が読めませんでした。「コピー」した内容をそのまま貼ってください。', 'Could not read it: paste exactly what was copied.')),
    );
    return;
  }
  const selectors = found?.cart?.selectors ?? found?.selectors;
  if (!selectors?.item) {
    $('picker-status').replaceChildren(h('span', { class: 'err' }, ...t2('読み取り設定（cart.selectors）が見つかりません。', 'No cart.selectors in what was pasted.')));
    return;
  }
  config.cart = { ...(config.cart ?? {}), selectors };
  delete config.cart.preset;
  if (found?.cart?.currency) config.cart.currency = found.cart.currency;
  buildForm(form, config);
  writeJson();
  changed();
  $('picker-status').replaceChildren(...t2('読み取り設定を反映しました。', 'The selectors are in the config.'));
});

// The page's language toggle is the config's language here: one choice, not two that disagree.
document.addEventListener('demo:lang', (e) => {
  const lang = /** @type {CustomEvent} */ (e).detail;
  if (lang === configLang()) return;
  config.locale = lang;
  buildForm(form, config);
  writeJson();
  changed();
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
