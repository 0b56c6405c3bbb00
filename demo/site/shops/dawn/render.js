// A Shopify Dawn look, after sections/main-cart-items.liquid and main-cart-footer.liquid (cart-items,
// .cart-item, quantity input name="updates[]", #main-cart-footer .totals__total-value), so the
// widget's `shopify` preset reads it as it reads a real Dawn cart. Amounts as ￥1,320 JPY.
import { esc, yen } from '../../shared/catalog.js';

export const productsHTML = (products) =>
  products
    .map(
      (p) => `<li class="grid__item" id="${esc(p.sku)}">
  <div class="card-wrapper product-card-wrapper">
    <div class="card__media"><img src="${esc(p.image)}" alt="" width="160" height="160"></div>
    <h3 class="card__heading">${esc(p.name)}</h3>
    <div class="price"><span class="price-item price-item--regular">${yen(p.price)} JPY</span></div>
    <button type="button" class="button button--full-width" data-add="${esc(p.sku)}" aria-label="${esc(p.name)}をカートに追加">カートに追加</button>
  </div>
</li>`,
    )
    .join('');

export const cartHTML = (lines, subtotal, { discounts = [] } = {}) => {
  if (!lines.length) return `<cart-items class="is-empty"><h3 class="cart__empty-text">カートは空です</h3></cart-items>`;
  const rows = lines
    .map(
      (l, i) => `<tr class="cart-item" id="CartItem-${i + 1}">
  <td class="cart-item__media"><img class="cart-item__image" src="${esc(l.image)}" alt="" width="64" height="64"></td>
  <td class="cart-item__details">
    <a class="cart-item__name h4 break" href="index.html#${esc(l.sku)}" data-sku="${esc(l.sku)}">${esc(l.name)}</a>
    <div class="product-option cart-item__price">${yen(l.price)}</div>
  </td>
  <td class="cart-item__quantity">
    <quantity-input class="quantity cart-quantity">
      <button class="quantity__button" type="button" data-dec="${esc(l.sku)}" aria-label="${esc(l.name)}の数量を減らす">−</button>
      <input class="quantity__input" type="number" name="updates[]" data-qty="${esc(l.sku)}" data-index="${i + 1}" value="${l.quantity}" min="0" aria-label="${esc(l.name)}の数量">
      <button class="quantity__button" type="button" data-inc="${esc(l.sku)}" aria-label="${esc(l.name)}の数量を増やす">＋</button>
    </quantity-input>
    <cart-remove-button><a class="button button--tertiary" href="#" data-remove="${esc(l.sku)}" aria-label="${esc(l.name)}を削除">削除</a></cart-remove-button>
  </td>
  <td class="cart-item__totals right"><div class="cart-item__price-wrapper"><span class="price price--end">${yen(l.lineTotal)}</span></div></td>
</tr>`,
    )
    .join('');
  return `<cart-items>
  <table class="cart-items"><caption class="visually-hidden">カートの中身</caption>
    <thead><tr><th colspan="2">商品</th><th>数量</th><th class="right">合計</th></tr></thead>
    <tbody>${rows}</tbody>
  </table>
</cart-items>
<div id="main-cart-footer" class="cart__footer">${discountsHTML(discounts)}<div class="totals"><h3 class="totals__total">見積もり合計</h3><p class="totals__total-value">${yen(subtotal)} JPY</p></div></div>
<small class="tax-note">税込。配送料はチェックアウト時に計算されます</small>`;
};

// Cart-level discounts as main-cart-footer.liquid lists them (ul.discounts above the totals).
const discountsHTML = (discounts) =>
  discounts.length
    ? `<ul class="discounts list-unstyled" role="list" aria-label="割引">${discounts.map((d) => `<li class="discounts__discount">${esc(d.label)} (-${yen(d.amount)})</li>`).join('')}</ul>`
    : '';

export const orderHTML = (lines, subtotal, discounts = []) =>
  `<ul>${lines.map((l) => `<li>${esc(l.name)} × ${l.quantity} · ${yen(l.lineTotal)}</li>`).join('')}${discounts.map((d) => `<li>${esc(d.label)} · -${yen(d.amount)}</li>`).join('')}</ul><p>合計 <strong>${yen(subtotal)} JPY</strong></p>`;
