import { call, carryOut, form, parseHTML, swapIn, type Adapter, type Driver, type Line } from './common';
import { rootOf } from './eccube-root';

const ADD_FORM = 'form[action*="/products/add_cart/"] input[name="_token"]';

/**
 * EC-CUBE 4.2 / 4.3 (ProductController::addCart, CartController::handleCartItem). The add-cart
 * form checks the token of its own form type, which only a shop-rendered add-cart form carries:
 * taken from one on this page, else from the product's page. `{done:false}` may come back after
 * the item was added (a stock warning on any line), so the cart page is read again afterwards.
 * A line is removed with PUT /cart/remove/{productClassId} and the page's CSRF token; core
 * EC-CUBE has no discount codes. Works under a sub-directory install (the root is read from the
 * page's cart links).
 */
export const eccube: Adapter = ({ change, fetch, doc, en }) => {
  const win = doc.defaultView!;
  const root = rootOf(doc);
  let addToken = doc.querySelector<HTMLInputElement>(ADD_FORM)?.value ?? '';
  let token = doc.querySelector<HTMLMetaElement>('meta[name="eccube-csrf-token"]')?.content ?? '';
  const xhr = { ...form, 'X-Requested-With': 'XMLHttpRequest' };
  const put = (op: string, id: string) =>
    call(fetch, `${root}cart/${op}/${id}`, { method: 'POST', body: new URLSearchParams({ _method: 'PUT', _token: token }), headers: { ...form, 'ECCUBE-CSRF-TOKEN': token } });

  const d: Driver = {
    async read() {
      const page = parseHTML((await call(fetch, root + 'cart')).body);
      token = page.querySelector<HTMLMetaElement>('meta[name="eccube-csrf-token"]')?.content ?? page.querySelector('[token-for-anchor]')?.getAttribute('token-for-anchor') ?? token;
      const lines: Line[] = [];
      for (const row of page.querySelectorAll('.ec-cartRow')) {
        const id = row
          .querySelector('a[href*="/cart/"]')
          ?.getAttribute('href')
          ?.match(/\/cart\/(?:remove|up|down)\/(\d+)/)?.[1];
        if (!id) continue;
        const n = Number((row.querySelector('.ec-cartRow__amount')?.textContent ?? '').replace(/\D/g, ''));
        lines.push({ ref: id, product: id, quantity: n || 1, name: row.querySelector('.ec-cartRow__name a, .ec-cartRow__name')?.textContent?.trim() ?? '' });
      }
      return { lines, codes: [] };
    },
    async add(items) {
      for (const { product, quantity } of items) {
        if (!product.productId || !product.id) throw new Error('no product class');
        if (!addToken) {
          const page = parseHTML((await call(fetch, `${root}products/detail/${encodeURIComponent(String(product.productId))}`)).body);
          addToken = page.querySelector<HTMLInputElement>(ADD_FORM)?.value ?? '';
        }
        const body = new URLSearchParams({ product_id: String(product.productId), ProductClass: String(product.id), quantity: String(quantity), _token: addToken });
        // {done:false} also comes back when the item was added and a warning concerns any line:
        // the cart read afterwards decides.
        await call(fetch, `${root}products/add_cart/${encodeURIComponent(String(product.productId))}`, { method: 'POST', body, headers: xhr });
      }
    },
    async setQuantity(line, quantity) {
      if (quantity <= 0) return void (await put('remove', line.ref));
      for (let n = line.quantity; n > quantity; n--) await put('down', line.ref);
      for (let n = line.quantity; n < quantity; n++) await put('up', line.ref);
    },
    async refresh() {
      // The header cart, as Product/detail.twig redraws it after an add.
      const block = doc.querySelector('.ec-headerRole__cart');
      if (block) swapIn(block, (await call(fetch, root + 'block/cart')).body, win);
      if (doc.querySelector('.ec-cartRole')) win.location.reload();
    },
  };
  return carryOut(d, change, en);
};
