// A hand-made shop's cart script: recomputes line totals and the subtotal when a quantity changes,
// re-rendering the cells the way small themes do.
const yen = (n) => '￥' + String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
function recompute() {
  let subtotal = 0;
  for (const row of document.querySelectorAll('#cart .line')) {
    const price = Number(row.dataset.price);
    const qty = Number(row.querySelector('.qty').value);
    row.querySelector('.total').textContent = yen(price * qty);
    subtotal += price * qty;
  }
  document.getElementById('subtotal').textContent = yen(subtotal);
  window.shopScriptRuns = (window.shopScriptRuns || 0) + 1;
}
document.addEventListener('input', (e) => {
  if (e.target.matches('#cart .qty')) recompute();
});
document.getElementById('add-item')?.addEventListener('click', () => {
  const row = document.querySelector('#cart .line').cloneNode(true);
  row.querySelector('.name').dataset.sku = 'HG-01';
  row.dataset.price = '440';
  row.querySelector('.name').textContent = '箸置き';
  row.querySelector('.price').textContent = yen(440);
  row.querySelector('.qty').value = '1';
  document.querySelector('#cart tbody').append(row);
  recompute();
});
