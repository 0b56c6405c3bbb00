// A stateful fake of EC-CUBE 4.2 / 4.3's cart, after EC-CUBE/ec-cube:
// - POST products/add_cart/{productId} (src/Eccube/Controller/ProductController.php addCart): the
//   form is unnamed (createNamedBuilder('', AddCartType)), so its CSRF token id is the form class,
//   and only an add-cart form rendered by the shop (Product/detail.twig #form1, Product/list.twig,
//   `form_rest`) carries it. Any other token — e.g. <meta name="eccube-csrf-token"> — makes the
//   form invalid → 404. Fields: product_id, ProductClass, quantity, _token.
// - With X-Requested-With: XMLHttpRequest the answer is {done, messages}. The purchase flow runs on
//   the whole cart after the add: an error removes the added product class's line (all of it);
//   a warning (stock or sale limit cut the quantity) keeps it — both answer done:false.
// - PUT cart/{up|down|remove}/{productClassId} (CartController::handleCartItem; a form may send
//   POST + _method=PUT) checks the `_token` token id (AbstractController::isTokenValid: `_token`
//   field or ECCUBE-CSRF-TOKEN header, the meta / token-for-anchor token) → 403 otherwise, then
//   redirects to the cart.
// - GET cart renders Cart/index.twig (rows with cart/{up|down|remove}/{id} links carrying
//   token-for-anchor); GET block/cart the header cart (Block/cart.twig).
// - GET products/detail/{productId} renders Product/detail.twig (ProductController::detail): the
//   sale price in `.ec-productRole__price .ec-price__price` (a range "￥a ～ ￥b" when its classes
//   differ), and `eccube.classCategories = …;` in the page's script, EccubeExtension::
//   getClassCategoriesAsJson — per class category pair, the class's `product_class_id` and its
//   prices as number_format writes them (`price02_inc_tax: "1,320"`). `setPrice` changes a price in
//   the admin; a product class id unknown here renders the 404 page.
// - Core EC-CUBE has no coupon codes. Amounts are tax-included yen.
import { faults, fields, hash, esc } from './http.js';

/**
 * @param {{ products: { productId: number, productClassId: number, name: string, price: number, stock?: number, saleLimit?: number, sku?: string }[],
 *   root?: string }} shop
 */
export function createEccube(shop) {
  const root = (shop.root ?? '/').replace(/\/?$/, '/');
  const csrf = 'meta-' + hash(root, 20);
  const addCartToken = 'addcart-' + hash(root + 'AddCartType', 20);
  /** @type {{ productClassId: number, quantity: number }[]} */
  let lines = [];
  const log = [];
  const fault = faults();
  const byClass = (id) => shop.products.find((p) => String(p.productClassId) === String(id));
  const yen = (n) => '￥' + n.toLocaleString('ja-JP');

  /** PurchaseFlow after a change: errors and warnings, as the add-cart answer lists them. */
  function validate(addedClassId) {
    const errors = [];
    const warnings = [];
    for (const l of lines) {
      const p = byClass(l.productClassId);
      if (p.stock === 0) errors.push(`「${p.name}」は売り切れました。`);
      else {
        const max = Math.min(p.stock ?? Infinity, p.saleLimit ?? Infinity);
        if (l.quantity > max) {
          l.quantity = max;
          warnings.push(
            p.stock != null && p.stock === max
              ? `「${p.name}」の在庫が不足しております。一度に在庫数を超える購入はできません。`
              : `「${p.name}」は販売制限しております。一度に販売制限数を超える購入はできません。`,
          );
        }
      }
    }
    if (errors.length) lines = lines.filter((l) => l.productClassId !== Number(addedClassId));
    return [...errors, ...warnings];
  }

  function detailPage(productId) {
    const classes = shop.products.filter((p) => p.productId === Number(productId));
    if (!classes.length) return { status: 404, body: '<!doctype html><title>ページがみつかりません</title>' };
    const p = classes[0];
    const n = (v) => v.toLocaleString('en-US');
    // Keyed by class category ids as EC-CUBE does; products without classes use "__unselected2" / "#".
    const categories = { __unselected: { __unselected: { name: '選択してください', product_class_id: '' } } };
    classes.forEach((c, i) => {
      const one = classes.length === 1;
      const key1 = one ? '__unselected2' : String(i + 1);
      categories[key1] = {
        '#': { classcategory_id2: '', name: '選択してください', product_class_id: '' },
        ['#' + (one ? '' : String(i + 1))]: {
          classcategory_id2: one ? '' : String(i + 1),
          name: one ? '' : c.name,
          stock_find: c.stock !== 0,
          price01: '',
          price02: n(Math.round(c.price / 1.1)),
          price01_inc_tax: '',
          price02_inc_tax: n(c.price),
          price01_with_currency: '',
          price02_with_currency: yen(Math.round(c.price / 1.1)),
          price01_inc_tax_with_currency: '',
          price02_inc_tax_with_currency: yen(c.price),
          product_class_id: String(c.productClassId),
          product_code: c.sku ?? '',
          sale_type: '1',
        },
      };
    });
    const prices = classes.map((c) => c.price);
    const [min, max] = [Math.min(...prices), Math.max(...prices)];
    return {
      status: 200,
      body: `<!doctype html><html lang="ja"><head><meta name="eccube-csrf-token" content="${csrf}"></head><body id="page_product_detail">
<div class="ec-productRole__title"><h2 class="ec-headingTitle">${esc(p.name)}</h2></div>
<div class="ec-productRole__price"><div class="ec-price"><span class="ec-price__price price02-default">${min === max ? yen(min) : `${yen(min)} ～ ${yen(max)}`}</span><span class="ec-price__tax">(税込)</span></div></div>
<form action="${root}products/add_cart/${p.productId}" method="post" id="form1" name="form1">
<div class="ec-numberInput"><span>数量</span><input type="number" id="quantity" name="quantity" required="required" min="1" maxlength="9" class="quantity" value="1"></div>
<button type="submit" class="ec-blockBtn--action add-cart">カートに入れる</button>
<input type="hidden" id="product_id" name="product_id" value="${p.productId}"><input type="hidden" id="ProductClass" name="ProductClass" value="${p.productClassId}"><input type="hidden" id="_token" name="_token" value="${addCartToken}">
</form>
<script>
        eccube.classCategories = ${JSON.stringify(categories).replace(/\//g, '\\/')};
</script></body></html>`,
    };
  }

  function cartPage() {
    const rows = lines.map((l) => {
      const p = byClass(l.productClassId);
      const link = (op, label) =>
        `<a href="${root}cart/${op}/${p.productClassId}" token-for-anchor='${csrf}' class="ec-cartRow__amount${op === 'up' ? 'Up' : 'Down'}Button load-overlay" data-method="put" data-confirm="false">${label}</a>`;
      return `<ul class="ec-cartRow">
<li class="ec-cartRow__delColumn"><a href="${root}cart/remove/${p.productClassId}" token-for-anchor='${csrf}' class="ec-icon" data-method="put" data-message="カートから商品を削除してもよろしいですか?">×</a></li>
<li class="ec-cartRow__contentColumn"><div class="ec-cartRow__summary"><div class="ec-cartRow__name"><a href="${root}products/detail/${p.productId}">${esc(p.name)}</a></div><div class="ec-cartRow__unitPrice">${yen(p.price)}</div></div></li>
<li class="ec-cartRow__amountColumn"><div class="ec-cartRow__amount">${l.quantity}</div><div class="ec-cartRow__amountUpDown">${link('down', '−')}${link('up', '＋')}</div></li>
<li class="ec-cartRow__subtotalColumn"><div class="ec-cartRow__sutbtotal">${yen(p.price * l.quantity)}</div></li></ul>`;
    });
    return `<!doctype html><html lang="ja"><head><meta name="eccube-csrf-token" content="${csrf}"></head><body id="page_cart"><div class="ec-cartRole"><form name="form" id="form_cart" class="ec-cartRole" method="post" action="${root}cart/buystep/1_1">
${rows.length ? `<div class="ec-cartTable">${rows.join('')}</div>` : '<div class="ec-role"><p class="ec-para-normal">現在カート内に商品はございません。</p></div>'}
<div class="ec-cartRole__total">合計：<span class="ec-cartRole__totalAmount">${yen(total())}</span></div></form></div></body></html>`;
  }
  const total = () => lines.reduce((s, l) => s + byClass(l.productClassId).price * l.quantity, 0);
  const count = () => lines.reduce((s, l) => s + l.quantity, 0);

  return {
    csrf,
    addCartToken,
    log,
    fault,
    root,
    cart: () => ({ lines: lines.map((l) => ({ ...l })), total: total() }),
    summary: () => lines.map((l) => `${byClass(l.productClassId).sku ?? l.productClassId}×${l.quantity}`),
    /** A price changed in the admin (tax-included yen) after the catalogue was exported. */
    setPrice(productClassId, price) {
      byClass(productClassId).price = price;
    },
    seed(list) {
      for (const it of list) lines.push({ productClassId: it.productClassId, quantity: it.quantity });
    },
    /** @param {import('./http.js').FakeRequest} req */
    handle(req) {
      const p = req.url.pathname;
      if (!p.startsWith(root)) return null;
      const rest = p.slice(root.length);
      let m;
      if ((m = rest.match(/^products\/detail\/(\d+)$/)) && req.method === 'GET') {
        log.push({ method: 'GET', path: 'products/detail/' + m[1] });
        return detailPage(m[1]);
      }
      if (rest === 'cart' && req.method === 'GET') {
        log.push({ method: 'GET', path: 'cart' });
        return { status: 200, body: cartPage() };
      }
      if (rest === 'block/cart' && req.method === 'GET') {
        log.push({ method: 'GET', path: 'block/cart' });
        return {
          status: 200,
          body: `<div class="ec-cartNaviWrap"><div class="ec-cartNavi"><span class="ec-cartNavi__badge">${count()}</span><div class="ec-cartNavi__price">${yen(total())}</div></div></div>`,
        };
      }
      if ((m = rest.match(/^products\/add_cart\/(\d+)$/))) {
        log.push({ method: req.method, path: 'products/add_cart/' + m[1] });
        const hit = fault.hit(req);
        if (hit) return hit;
        if (req.method !== 'POST') return { status: 405, body: 'Method Not Allowed' };
        const f = fields(req) ?? {};
        const pc = byClass(f.ProductClass);
        const q = Number(f.quantity);
        // Form::isValid: the AddCartType token, a product class of this product, a quantity ≥ 1.
        if (f._token !== addCartToken || !pc || pc.productId !== Number(m[1]) || !(Number.isInteger(q) && q >= 1)) return { status: 404, body: '<!doctype html><title>ページがみつかりません</title>' };
        const line = lines.find((l) => l.productClassId === pc.productClassId);
        if (line) line.quantity += q;
        else lines.push({ productClassId: pc.productClassId, quantity: q });
        const messages = validate(pc.productClassId);
        if (req.headers['x-requested-with'] !== 'XMLHttpRequest') return { status: 302, body: '', headers: { location: `${root}cart` } };
        return { status: 200, body: messages.length ? { done: false, messages } : { done: true, messages: ['カートに追加しました。'] } };
      }
      if ((m = rest.match(/^cart\/(up|down|remove)\/(\d+)$/))) {
        log.push({ method: req.method, path: `cart/${m[1]}/${m[2]}` });
        const hit = fault.hit(req);
        if (hit) return hit;
        const f = fields(req) ?? {};
        const method = req.method === 'POST' && f._method ? String(f._method).toUpperCase() : req.method;
        if (method !== 'PUT') return { status: 405, body: 'Method Not Allowed' };
        if ((f._token ?? req.headers['eccube-csrf-token']) !== csrf) return { status: 403, body: '<!doctype html><title>CSRF token is invalid.</title>' };
        const line = lines.find((l) => l.productClassId === Number(m[2]));
        if (line && m[1] === 'remove') lines = lines.filter((l) => l !== line);
        else if (line) {
          line.quantity += m[1] === 'up' ? 1 : -1;
          if (line.quantity <= 0) lines = lines.filter((l) => l !== line);
          validate(0);
        }
        return { status: 302, body: '', headers: { location: `${root}cart` } };
      }
      return null;
    },
  };
}
