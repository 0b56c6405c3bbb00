// A single-page shop: the cart is a view rendered by the shop's router after history.pushState.
const yen = (n) => '￥' + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const lines = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, qty: 2 },
  { sku: 'YU-02', name: '湯呑み 白磁', price: 4472, qty: 1 },
];
const app = document.getElementById('app');
function el(tag, props = {}, ...kids) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
}
function cartView() {
  const tbody = el('tbody');
  for (const l of lines) {
    const name = el('td', { className: 'name', textContent: l.name });
    name.dataset.sku = l.sku;
    const qty = el('input', { className: 'qty', type: 'number', value: String(l.qty) });
    const row = el(
      'tr',
      { className: 'line' },
      name,
      el('td', { className: 'price', textContent: yen(l.price) }),
      el('td', {}, el('label', {}, '数量 ', qty)),
      el('td', { className: 'total', textContent: yen(l.price * l.qty) }),
    );
    tbody.append(row);
  }
  const subtotal = lines.reduce((s, l) => s + l.price * l.qty, 0);
  return [
    el('h1', { textContent: 'ショッピングカート' }),
    el('table', { id: 'cart' }, tbody),
    el('p', {}, '小計（税込） ', el('span', { id: 'subtotal', textContent: yen(subtotal) })),
    el('a', { href: '?', textContent: '買い物を続ける', className: 'nav' }),
  ];
}
function homeView() {
  return [el('h1', { textContent: '和雑貨 こもれび' }), el('p', { textContent: '新作の手ぬぐいが入荷しました。' }), el('a', { href: '?view=cart', textContent: 'カートを見る', className: 'nav' })];
}
function render() {
  const view = new URLSearchParams(location.search).get('view');
  app.replaceChildren(...(view === 'cart' ? cartView() : homeView()));
  window.spaRenders = (window.spaRenders || 0) + 1;
}
document.addEventListener('click', (e) => {
  const a = e.target.closest && e.target.closest('a.nav');
  if (!a) return;
  e.preventDefault();
  history.pushState(null, '', a.getAttribute('href'));
  render();
});
window.addEventListener('popstate', render);
render();
