// A shop's cart renderer for hostile tests: the cart is re-rendered from state with innerHTML, the
// way template-driven themes do (every render replaces every node).
(function () {
  const yen = (n) => '￥' + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
  const kit = {
    lines: [],
    subtotal: null,
    renders: 0,
    timer: null,
    yen,
    /** lines: [{ sku, name, price: number | text, qty }]; price text is shown as is. */
    set(lines, subtotal) {
      kit.lines = lines;
      kit.subtotal = subtotal ?? null;
      kit.render();
    },
    render() {
      const body = document.querySelector('#cart tbody');
      let sum = 0;
      body.innerHTML = kit.lines
        .map((l) => {
          const price = typeof l.price === 'number' ? yen(l.price) : l.price;
          const total = typeof l.price === 'number' ? yen(l.price * l.qty) : l.price;
          if (typeof l.price === 'number') sum += l.price * l.qty;
          return `<tr class="line"><td class="name" data-sku="${esc(l.sku)}">${esc(l.name)}</td><td class="price">${esc(price)}</td><td><label>数量 <input class="qty" type="number" value="${l.qty}"></label></td><td class="total">${esc(total)}</td></tr>`;
        })
        .join('');
      document.getElementById('subtotal').textContent = kit.subtotal ?? yen(sum);
      kit.renders++;
    },
    churn(ms) {
      clearInterval(kit.timer);
      kit.timer = setInterval(kit.render, ms);
    },
  };
  window.hostileCart = kit;
})();
