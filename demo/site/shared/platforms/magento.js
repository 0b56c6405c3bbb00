// A stateful fake of Magento 2's cart routes, after magento/magento2 (app/code/Magento):
// - POST checkout/cart/add (Checkout/Controller/Cart/Add.php): the form key is validated first
//   (Framework\Data\Form\FormKey\Validator) — a wrong or missing `form_key` redirects to the cart
//   and adds nothing; `product` (entity id) and `qty`; a product that cannot be added (unknown,
//   out of stock) adds nothing and answers the Ajax post with `{ backUrl }` to the product page,
//   a good one with `{}`. Same product again: its line's qty grows (one quote item per product).
// - POST checkout/sidebar/updateItemQty (item_id, item_qty) and checkout/sidebar/removeItem
//   (item_id) (Checkout/Controller/Sidebar/*.php, Model/Sidebar.php): `{ success: true }`, or
//   `{ success: false, error_message }` for an unknown item or a quantity over stock.
// - GET customer/section/load/?sections=cart (Customer/Controller/Section/Load.php): the "cart"
//   section of Checkout/CustomerData/Cart.php, items from CustomerData/DefaultItem.php
//   (item_id, product_id, product_sku, product_name, qty, product_price_value), summary_count,
//   subtotalAmount.
import { faults, fields } from './http.js';

/** @param {{ products: { id: number, sku: string, name: string, price: number, stock?: number, url?: string }[], formKey?: string }} shop */
export function createMagento(shop) {
  const formKey = shop.formKey ?? 'k3YfQ2mX9pLr8sT1';
  /** @type {{ itemId: number, productId: number, qty: number }[]} */
  let lines = [];
  let nextItem = 41;
  const log = [];
  const fault = faults();
  const byId = (id) => shop.products.find((p) => String(p.id) === String(id));

  const section = () => ({
    cart: {
      summary_count: lines.reduce((a, l) => a + l.qty, 0),
      subtotalAmount: lines.reduce((a, l) => a + l.qty * byId(l.productId).price, 0),
      items: lines.map((l) => {
        const p = byId(l.productId);
        return { item_id: String(l.itemId), product_id: String(p.id), product_sku: p.sku, product_name: p.name, qty: l.qty, product_price_value: p.price };
      }),
    },
  });

  return {
    log,
    fault,
    formKey,
    /** @param {{ id: number, qty: number }[]} items */
    seed(items) {
      lines = items.map((i) => ({ itemId: nextItem++, productId: i.id, qty: i.qty }));
    },
    summary: () => lines.map((l) => `${byId(l.productId).sku}×${l.qty}`),
    /** @param {import('./http.js').FakeRequest} req */
    handle(req) {
      const path = req.url.pathname.replace(/^\/+/, '').replace(/\/+$/, '');
      if (!/^(checkout\/cart\/add|checkout\/sidebar\/(updateItemQty|removeItem)|customer\/section\/load)$/.test(path)) return null;
      log.push({ method: req.method, path });
      const f = fault.hit(req);
      if (f) return f;
      if (path === 'customer/section/load') return { status: 200, body: req.url.searchParams.get('sections')?.split(',').includes('cart') ? section() : {} };
      if (req.method !== 'POST') return { status: 404, body: '<!doctype html><title>404 Not Found</title>' };
      const body = fields(req) ?? {};
      if (body.form_key !== formKey) return { status: 302, headers: { location: '/checkout/cart/' } };
      if (path === 'checkout/cart/add') {
        const p = byId(body.product);
        const qty = Math.max(1, Number(body.qty) || 1);
        const line = lines.find((l) => String(l.productId) === String(body.product));
        if (!p || (p.stock != null && (line?.qty ?? 0) + qty > p.stock)) return { status: 200, body: { backUrl: p?.url ?? '/' } };
        if (line) line.qty += qty;
        else lines.push({ itemId: nextItem++, productId: p.id, qty });
        return { status: 200, body: {} };
      }
      const line = lines.find((l) => String(l.itemId) === String(body.item_id));
      if (!line) return { status: 200, body: { success: false, error_message: "The quote item isn't found. Verify the item and try again." } };
      if (path === 'checkout/sidebar/removeItem') {
        lines = lines.filter((l) => l !== line);
        return { status: 200, body: { success: true } };
      }
      const qty = Number(body.item_qty);
      const p = byId(line.productId);
      if (!(qty > 0) || (p.stock != null && qty > p.stock)) return { status: 200, body: { success: false, error_message: 'The requested qty is not available' } };
      line.qty = qty;
      return { status: 200, body: { success: true } };
    },
  };
}
