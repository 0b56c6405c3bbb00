// The selector picker, run on the merchant's own cart page (loaded by the bookmarklet or the
// console code from the configurator). The merchant clicks the name, the price and the quantity of
// one cart line; the picker proposes CSS selectors, reads the cart with them through
// CartUpsell.readCart / CartUpsell.diagnose, shows what it read, and gives the JSON to paste into
// the configurator. Everything it draws is in a shadow root, so the shop's CSS cannot touch it.
(() => {
  const me = document.currentScript;
  const origin = me?.getAttribute('data-origin') || new URL(me?.src || location.href).origin;
  // The config's language when the configurator gave it, else the cart page's own: Japanese or English.
  const ja = (me?.getAttribute('data-lang') || document.documentElement.lang || '').toLowerCase().startsWith('ja');
  const L = (jaText, en) => (ja ? jaText : en);
  const old = document.querySelector('[data-cart-upsell-picker]');
  if (old) old.remove();

  /** The widget's global, loaded from the configurator's server when the shop does not have it yet. */
  const widget = () =>
    window.CartUpsell
      ? Promise.resolve(window.CartUpsell)
      : new Promise((resolve, reject) => {
          const s = document.createElement('script');
          s.src = `${origin}/dist/cart-upsell.js`;
          s.onload = () => (window.CartUpsell ? resolve(window.CartUpsell) : reject(new Error('no CartUpsell')));
          s.onerror = () => reject(new Error(`could not load ${s.src}`));
          document.head.appendChild(s);
        });

  const STEPS = [
    { field: 'name', text: L('1行目の「商品名」をクリックしてください', "Click the first line's product name"), required: true },
    { field: 'price', text: L('同じ行の「価格（単価）」をクリックしてください', "Click the same line's price (per item)"), required: true },
    { field: 'quantity', text: L('同じ行の「数量」をクリックしてください（入力欄でもかまいません）', "Click the same line's quantity (the input is fine)"), required: true },
    { field: 'sku', text: L('同じ行の「品番・商品コード」をクリック（表示がなければ「ない」）', 'Click the same line\'s SKU / product code (or "None")'), required: false },
    { field: 'lineTotal', text: L('同じ行の「小計」をクリック（表示がなければ「ない」）', 'Click the same line\'s line total (or "None")'), required: false },
    { field: 'subtotal', text: L('カートの「合計（送料を含まない小計）」をクリック（表示がなければ「ない」）', 'Click the cart\'s total before shipping (or "None")'), required: false },
  ];
  const TITLE = L('カートの読み取り設定', 'Cart reading setup');

  const host = document.createElement('div');
  host.setAttribute('data-cart-upsell-picker', '');
  host.style.cssText = 'all:initial;position:fixed;right:12px;bottom:12px;z-index:2147483647;';
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = `<style>
    .p{font:14px/1.5 system-ui,"Hiragino Sans","Noto Sans JP",Meiryo,sans-serif;color:#1d2733;background:#fff;border:2px solid #2f5d8a;border-radius:8px;box-shadow:0 4px 20px #0004;padding:12px;width:min(360px,calc(100vw - 48px));max-height:70vh;overflow:auto}
    h2{font-size:15px;margin:0 0 6px} p{margin:6px 0} button{font:inherit;border:1px solid #2f5d8a;background:#2f5d8a;color:#fff;border-radius:6px;padding:6px 10px;margin:2px 4px 2px 0;cursor:pointer}
    button.s{background:#fff;color:#2f5d8a} table{border-collapse:collapse;width:100%;font-size:12px} td,th{border-bottom:1px solid #ddd;padding:2px 4px;text-align:left}
    textarea{width:100%;box-sizing:border-box;font:12px ui-monospace,monospace} .err{color:#b3261e} .ok{color:#2e7d4f}</style>
    <section class="p" role="region" aria-label="${TITLE}" lang="${ja ? 'ja' : 'en'}"><h2>${TITLE}</h2><div id="body"></div></section>`;
  const body = root.getElementById('body');
  document.documentElement.appendChild(host);

  const picked = {};
  let step = 0;
  let hovered = null;

  const el = (tag, attrs = {}, ...kids) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) k.startsWith('on') ? e.addEventListener(k.slice(2), v) : e.setAttribute(k, v);
    e.append(...kids.filter((k) => k != null));
    return e;
  };

  function render() {
    if (step < STEPS.length) {
      const s = STEPS[step];
      body.replaceChildren(
        el('p', {}, `${step + 1} / ${STEPS.length}: ${s.text}`),
        el(
          'p',
          {},
          s.required ? '' : el('button', { type: 'button', class: 's', onclick: () => next(null) }, L('ない', 'None')),
          el('button', { type: 'button', class: 's', onclick: stop }, L('閉じる', 'Close')),
        ),
      );
    } else void finish();
  }

  function next(target) {
    if (target) picked[STEPS[step].field] = target;
    step++;
    render();
  }

  const inside = (e) => e.composedPath().includes(host);
  const over = (e) => {
    if (inside(e) || step >= STEPS.length) return;
    if (hovered !== e.target) {
      if (hovered) hovered.style.outline = hovered.__cuOutline;
      hovered = e.target;
      hovered.__cuOutline = hovered.style.outline;
      hovered.style.outline = '3px solid #d0342c';
    }
  };
  const click = (e) => {
    if (inside(e) || step >= STEPS.length) return;
    e.preventDefault();
    e.stopPropagation();
    if (hovered) hovered.style.outline = hovered.__cuOutline ?? '';
    hovered = null;
    next(e.target);
  };
  document.addEventListener('mouseover', over, true);
  document.addEventListener('click', click, true);
  function stop() {
    document.removeEventListener('mouseover', over, true);
    document.removeEventListener('click', click, true);
    if (hovered) hovered.style.outline = hovered.__cuOutline ?? '';
    host.remove();
  }

  // ——— selectors ———
  /** Class names worth keeping: not state classes, not generated hashes or numbered ones. */
  const goodClass = (c) => /^[a-zA-Z_][\w-]*$/.test(c) && !/\d{3,}|^(is|has|js)-|active|selected|hover|focus/.test(c);
  const part = (e) => {
    const cls = [...e.classList]
      .filter(goodClass)
      .slice(0, 2)
      .map((c) => `.${CSS.escape(c)}`)
      .join('');
    return e.tagName.toLowerCase() + cls;
  };
  const lca = (els) => {
    let a = els[0];
    while (a && !els.every((x) => a.contains(x))) a = a.parentElement;
    return a;
  };
  /** A selector run on the document that finds `target` (and its kind), shortest first. */
  function pageSelector(target, all = false) {
    if (target.id && !/\d/.test(target.id)) return `#${CSS.escape(target.id)}`;
    const chain = [];
    for (let e = target; e && e !== document.documentElement && chain.length < 5; e = e.parentElement) {
      chain.unshift(e.id && !/\d/.test(e.id) ? `#${CSS.escape(e.id)}` : part(e));
      const sel = chain.join(' ');
      const found = [...document.querySelectorAll(sel)];
      // For the line: every match that looks like it is one of its siblings (the lines of this cart,
      // not a mobile copy elsewhere); look-alikes with other classes are excluded afterwards.
      if (all ? found.includes(target) && found.filter((f) => part(f) === part(target)).length <= siblingsLike(target) : found[0] === target) return sel;
      if (chain[0].startsWith('#')) break;
    }
    return chain.join(' ');
  }
  /** How many elements like `item` its parent holds: the lines of the cart. */
  const siblingsLike = (item) => [...(item.parentElement?.children ?? [])].filter((s) => part(s) === part(item)).length;
  /** A selector run inside the line that finds `target` first. */
  function lineSelector(item, target) {
    const candidates = [part(target), ...[...target.classList].filter(goodClass).map((c) => `.${CSS.escape(c)}`)];
    const chain = [];
    for (let e = target; e && e !== item; e = e.parentElement) chain.unshift(part(e));
    candidates.push(chain.join(' '), chain.join(' > '));
    return (
      candidates.find((c) => {
        try {
          return item.querySelector(c) === target;
        } catch {
          return false;
        }
      }) ?? chain.join(' > ')
    );
  }

  async function finish() {
    document.removeEventListener('mouseover', over, true);
    document.removeEventListener('click', click, true);
    const line = lca([picked.name, picked.price, picked.quantity].filter(Boolean));
    // The line is the smallest element holding all three that repeats in its parent (table rows,
    // list items); on a one-line cart it is that smallest element.
    let item = line;
    for (let e = line; e && e !== document.body; e = e.parentElement)
      if (siblingsLike(e) > 1) {
        item = e;
        break;
      }
    // Rows that look alike but are not lines (a header row with one more class) are left out by name.
    let itemSel = pageSelector(item, true);
    const extras = [...document.querySelectorAll(itemSel)].filter((f) => f !== item && part(f) !== part(item));
    for (const f of extras) {
      const c = [...f.classList].find((x) => goodClass(x) && !item.classList.contains(x));
      if (c && !itemSel.endsWith(`:not(.${CSS.escape(c)})`)) itemSel += `:not(.${CSS.escape(c)})`;
    }
    const selectors = { item: itemSel };
    for (const f of ['name', 'sku', 'price', 'quantity', 'lineTotal']) if (picked[f] && item.contains(picked[f])) selectors[f] = lineSelector(item, picked[f]);
    if (picked.subtotal) selectors.subtotal = pageSelector(picked.subtotal);
    let CU;
    try {
      CU = await widget();
    } catch (err) {
      body.replaceChildren(el('p', { class: 'err' }, L(`ウィジェットを読み込めませんでした（${err.message}）。`, `Could not load the widget (${err.message}).`)));
      return;
    }
    const cart = CU.readCart({ selectors });
    const report = CU.diagnose({ selectors });
    const json = JSON.stringify({ cart: { selectors } }, null, 2);
    const text = el('textarea', { rows: '8', readonly: '', 'aria-label': L('設定ツールに貼る内容', 'What to paste into the configurator') });
    text.value = json;
    const status = el('p', { role: 'status' });
    const yen = (n) => `${cart.currency === 'JPY' ? '￥' : ''}${Number(n).toLocaleString(ja ? 'ja-JP' : 'en-US')}`;
    body.replaceChildren(
      el(
        'p',
        { class: cart.items.length ? 'ok' : 'err' },
        cart.items.length
          ? L(`${cart.items.length} 行を読み取りました。合計 ${yen(cart.subtotal)}（${cart.currency}）`, `Read ${cart.items.length} line(s). Total ${yen(cart.subtotal)} (${cart.currency})`)
          : L('商品を読み取れませんでした。「やり直す」で選び直してください。', 'No line could be read. Press "Start again" and pick again.'),
      ),
      el(
        'table',
        { 'aria-label': L('読み取れたカート', 'The cart as read') },
        el('tr', {}, ...[L('商品名', 'Name'), L('品番', 'SKU'), L('単価', 'Price'), L('数量', 'Qty'), L('小計', 'Line total')].map((t) => el('th', {}, t))),
        ...cart.items.map((i) => el('tr', {}, el('td', {}, i.name), el('td', {}, i.sku ?? '—'), el('td', {}, yen(i.unitPrice)), el('td', {}, String(i.quantity)), el('td', {}, yen(i.lineTotal)))),
      ),
      el('p', {}, `${L('行の数', 'Lines found')}: ${report.fields?.find((f) => f.field === 'item')?.matches ?? '?'}`),
      text,
      el(
        'p',
        {},
        el(
          'button',
          {
            type: 'button',
            onclick: async () => {
              try {
                await navigator.clipboard.writeText(json);
                status.textContent = L('コピーしました。設定ツールの「読み取り設定を貼り付け」に貼ってください。', 'Copied. Paste it into the configurator\'s "Paste the selectors".');
              } catch {
                text.select();
                status.textContent = L('選択しました。Ctrl+C（⌘C）でコピーしてください。', 'Selected: press Ctrl+C (⌘C) to copy.');
              }
            },
          },
          L('コピー', 'Copy'),
        ),
        el(
          'button',
          {
            type: 'button',
            class: 's',
            onclick: () => {
              for (const k of Object.keys(picked)) delete picked[k];
              step = 0;
              document.addEventListener('mouseover', over, true);
              document.addEventListener('click', click, true);
              render();
            },
          },
          L('やり直す', 'Start again'),
        ),
        el('button', { type: 'button', class: 's', onclick: stop }, L('閉じる', 'Close')),
      ),
      status,
    );
  }

  render();
})();
