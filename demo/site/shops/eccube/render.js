// An EC-CUBE 4 look, after the default theme's Cart/index.twig (.ec-cartRole, .ec-cartRow…), so the
// widget's `eccube` preset reads it as it reads a real EC-CUBE cart; amounts as ￥1,320.
import { esc, yen } from '../../shared/catalog.js';

export const productsHTML = (products) =>
  products
    .map(
      (p) => `<li class="ec-shelfGrid__item" id="${esc(p.sku)}">
  <img src="${esc(p.image)}" alt="" width="160" height="160">
  <p class="ec-productRole__title">${esc(p.name)}</p>
  <p class="ec-productRole__code">商品コード：${esc(p.sku)}</p>
  <p class="ec-productRole__price"><span class="ec-price__price">${yen(p.price)}</span><span class="ec-price__tax">税込</span></p>
  <button type="button" class="ec-blockBtn--cart" data-add="${esc(p.sku)}" aria-label="${esc(p.name)}をカートに入れる">カートに入れる</button>
</li>`,
    )
    .join('');

export const cartHTML = (lines, subtotal, { discounts = [] } = {}) => {
  if (!lines.length) return `<div class="ec-cartRole"><p class="ec-alert-warning">現在カート内に商品はございません。</p></div>`;
  const rows = lines
    .map(
      (l) => `<ul class="ec-cartRow" aria-label="${esc(l.name)}">
  <li class="ec-cartRow__delColumn"><button type="button" class="ec-icon" data-remove="${esc(l.sku)}" aria-label="${esc(l.name)}を削除">×</button></li>
  <li class="ec-cartRow__contentColumn">
    <div class="ec-cartRow__img"><img src="${esc(l.image)}" alt="" width="64" height="64"></div>
    <div class="ec-cartRow__summary">
      <div class="ec-cartRow__name" data-code="${esc(l.sku)}"><a href="index.html#${esc(l.sku)}">${esc(l.name)}</a></div>
      <div class="ec-cartRow__unitPrice">${yen(l.price)}</div>
      <div class="ec-cartRow__sutbtotalSP">小計：${yen(l.lineTotal)}</div>
    </div>
  </li>
  <li class="ec-cartRow__amountColumn">
    <div class="ec-cartRow__amount">${l.quantity}</div>
    <div class="ec-cartRow__amountSP">数量：${l.quantity}</div>
    <div class="ec-cartRow__amountUpDown">
      <button type="button" class="ec-cartRow__amountDownButton" data-dec="${esc(l.sku)}" aria-label="${esc(l.name)}の数量を減らす">−</button>
      <button type="button" class="ec-cartRow__amountUpButton" data-inc="${esc(l.sku)}" aria-label="${esc(l.name)}の数量を増やす">＋</button>
    </div>
  </li>
  <li class="ec-cartRow__subtotalColumn"><div class="ec-cartRow__sutbtotal">${yen(l.lineTotal)}</div></li>
</ul>`,
    )
    .join('');
  // As Cart/index.twig renders it: form.ec-cartRole > .ec-cartRole__cart > .ec-cartTable >
  // ol.ec-cartHeader + one ul.ec-cartRow per line (the theme's own "sutbtotal" spelling kept).
  return `<form name="form" id="form_cart" class="ec-cartRole" action="cart.html">
  <div class="ec-cartRole__cart"><div class="ec-cartTable">
    <ol class="ec-cartHeader"><li class="ec-cartHeader__label">削除</li><li class="ec-cartHeader__label">商品内容</li><li class="ec-cartHeader__label">数量</li><li class="ec-cartHeader__label">小計</li></ol>
    ${rows}
  </div></div>
  ${discounts.map((d) => `<div class="ec-cartRole__discount">${esc(d.label)}：-${yen(d.amount)}</div>`).join('')}
  <div class="ec-cartRole__total">合計：<span class="ec-cartRole__totalAmount">${yen(subtotal)}</span><span class="ec-cartRole__totalTax">（税込）</span></div>
</form>`;
};

export const orderHTML = (lines, subtotal, discounts = []) =>
  `<ul class="ec-orderRole__summary">${lines.map((l) => `<li>${esc(l.name)} × ${l.quantity}　${yen(l.lineTotal)}</li>`).join('')}${discounts.map((d) => `<li>${esc(d.label)}　-${yen(d.amount)}</li>`).join('')}</ul><p>合計 <strong>${yen(subtotal)}</strong>（税込）</p>`;
