/** Builds an element; strings become text nodes (never HTML). */
export function h(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) e.append(c instanceof Node ? c : String(c));
  return e;
}

/** A text in both languages; the page's data-lang shows one. */
export const t2 = (ja, en) => [h('span', { lang: 'ja' }, ja), h('span', { lang: 'en' }, en)];

/** A table: headers, then rows of cells (first cell is the row header). */
export function table(caption, headers, rows, numeric = []) {
  return h(
    'table',
    {},
    h('caption', { class: 'visually-hidden' }, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((x, i) => h('th', { scope: 'col', class: numeric.includes(i) ? 'num' : null }, x)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c, i) => (i === 0 ? h('th', { scope: 'row' }, c) : h('td', { class: numeric.includes(i) ? 'num' : null }, c))),
        ),
      ),
    ),
  );
}
