// 和雑貨 こもれび: a small hand-made shop. Table cart, 税込 prices written as 1,320円.
import { esc } from '../../shared/catalog.js';

const en = (n) => Math.round(n).toLocaleString('ja-JP') + '円';

export const productsHTML = (products) =>
  products
    .map(
      (p) => `<li class="wa-product" id="${esc(p.sku)}">
  <img src="${esc(p.image)}" alt="" width="160" height="160">
  <h3>${esc(p.name)}</h3>
  <p class="wa-note">${esc(p.note)}</p>
  <p class="wa-price">${en(p.price)}<small>（税込）</small></p>
  <button type="button" class="wa-btn" data-add="${esc(p.sku)}" aria-label="${esc(p.name)}をカートに入れる">カートに入れる</button>
</li>`,
    )
    .join('');

export const cartHTML = (lines, subtotal, { compact, discounts = [] }) => {
  if (!lines.length) return `<p class="wa-empty">カートは空です。</p>`;
  const rows = lines
    .map(
      (l) => `<tr class="line">
  <td class="name" data-sku="${esc(l.sku)}">${esc(l.name)}</td>
  <td class="price">${en(l.price)}</td>
  <td><label>数量 <input class="qty" data-qty="${esc(l.sku)}" type="number" min="0" max="99" value="${l.quantity}" inputmode="numeric"></label></td>
  <td class="total">${en(l.lineTotal)}</td>
  <td><button type="button" class="wa-link" data-remove="${esc(l.sku)}" aria-label="${esc(l.name)}を削除">削除</button></td>
</tr>`,
    )
    .join('');
  return `<table class="wa-cart${compact ? ' compact' : ''}">
  <thead><tr><th>商品</th><th>単価</th><th>数量</th><th>小計</th><th><span class="visually-hidden">操作</span></th></tr></thead>
  <tbody>${rows}</tbody>
</table>
${discounts.map((d) => `<p class="wa-discount">${esc(d.label)} −${en(d.amount)}</p>`).join('')}
<p class="wa-sum">合計（税込） <strong class="wa-subtotal">${en(subtotal)}</strong></p>`;
};

export const orderHTML = (lines, subtotal, discounts = []) =>
  `<ul>${lines.map((l) => `<li>${esc(l.name)} × ${l.quantity} — ${en(l.lineTotal)}</li>`).join('')}${discounts.map((d) => `<li>${esc(d.label)} — −${en(d.amount)}</li>`).join('')}</ul><p>お支払い合計（税込） <strong>${en(subtotal)}</strong></p>`;
