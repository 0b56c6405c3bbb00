import { call, carryOut, form, type Adapter, type Driver } from './common';

interface SectionItem {
  item_id: string | number;
  product_id: string | number;
  product_sku?: string;
  product_name?: string;
  qty: number;
}

/**
 * Magento 2 / Adobe Commerce (magento/magento2, Magento_Checkout): the cart is read from the
 * customer-data "cart" section (`customer/section/load/?sections=cart`, CustomerData/Cart.php,
 * one `DefaultItem` per line: item_id, product_id, product_sku, product_name, qty), a product is
 * added with the add-to-cart form's post (`checkout/cart/add`: product, qty, form_key; an Ajax
 * post answers JSON), a line is changed or removed by the minicart's own routes
 * (`checkout/sidebar/updateItemQty` item_id + item_qty, `checkout/sidebar/removeItem` item_id;
 * `{ success, error_message }`). Every post carries the page's `form_key` (the hidden field, else
 * the `form_key` cookie the page cache sets): without it Magento refuses the post. Discount codes
 * go through the cart page's form only, so a price that needs one takes the shopper to the
 * product page instead (see index.ts).
 */
export const magento: Adapter = ({ change, fetch, doc, en }) => {
  const win = doc.defaultView as unknown as Window & { require?: (deps: string[], cb: (m: { reload(s: string[], force: boolean): unknown }) => void) => void };
  const key = doc.querySelector<HTMLInputElement>('input[name="form_key"]')?.value || doc.cookie.match(/(?:^|;\s*)form_key=([^;]+)/)?.[1] || '';
  const xhr = { ...form, 'X-Requested-With': 'XMLHttpRequest' };
  const send = async (path: string, fields: Record<string, string>) => {
    const { body } = await call(fetch, '/' + path, { method: 'POST', body: new URLSearchParams({ ...fields, form_key: key }), headers: xhr });
    if (body && typeof body === 'object' && body.success === false) throw new Error(String(body.error_message ?? 'refused'));
  };

  const d: Driver = {
    async read() {
      const { body } = await call(fetch, '/customer/section/load/?sections=cart&force_new_section_timestamp=true', { headers: { accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } });
      const items: SectionItem[] = body?.cart?.items ?? [];
      return { lines: items.map((i) => ({ ref: String(i.item_id), product: String(i.product_id), quantity: Number(i.qty), name: i.product_name ?? '', sku: i.product_sku })), codes: [] };
    },
    async add(items) {
      for (const { product, quantity } of items) {
        if (product.id == null) throw new Error('no product id');
        await call(fetch, '/checkout/cart/add/', { method: 'POST', body: new URLSearchParams({ product: String(product.id), qty: String(quantity), form_key: key }), headers: xhr });
      }
    },
    async setQuantity(line, quantity) {
      if (quantity <= 0) await send('checkout/sidebar/removeItem/', { item_id: line.ref });
      else await send('checkout/sidebar/updateItemQty/', { item_id: line.ref, item_qty: String(quantity) });
    },
    refresh() {
      // The minicart and every "cart" widget redraw from customer-data (Magento_Customer/js/customer-data).
      win.require?.(['Magento_Customer/js/customer-data'], (data) => data.reload(['cart'], true));
      if (doc.querySelector('#shopping-cart-table')) win.location.reload();
    },
  };
  return carryOut(d, change, en);
};
