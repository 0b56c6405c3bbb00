// A 500-line cart should read in well under a frame (16 ms). Measured and printed, not
// asserted: the shared test machine's speed varies. Run alone to read the figures.
import { test, expect } from '@playwright/test';

declare const CartUpsell: { readCart(cfg: unknown): { items: unknown[]; subtotal: number } };

// [page, config, the row to copy, the fields' selectors for the bare-DOM floor]
for (const [page_, cfg, row, fields] of [
  ['shopify-dawn-drawer', { preset: 'shopify' }, '#CartDrawer-Item-2', ['.cart-item__name', '.cart-item__details > .product-option', 'input', '.cart-item__totals .price']],
  ['woocommerce-classic', { preset: 'woocommerce' }, '.woocommerce-cart-form__contents tr.cart_item', ['.product-name a', 'a.remove', '.product-price', 'input.qty', '.product-subtotal']],
  [
    'tegaki-shop',
    { selectors: { item: 'table.cart-table tr.cart-line', name: '.c-name a', sku: '.c-code', price: '.c-price', quantity: '.c-qty', lineTotal: '.c-sub', subtotal: '#sum-items' } },
    'table.cart-table tr.cart-line',
    ['.c-name a', '.c-code', '.c-price', '.c-qty', '.c-sub'],
  ],
] as const) {
  test(`500 lines on ${page_} read in well under a frame`, async ({ page }) => {
    await page.goto(`/test/fixtures/${page_}.html`);
    const r = await page.evaluate(
      ({ cfg, row, fields }) => {
        const line = document.querySelector(row)!;
        for (let i = 0; i < 499; i++) line.parentElement!.append(line.cloneNode(true));
        const time = (fn: () => unknown) => {
          const runs: number[] = [];
          for (let i = 0; i < 15; i++) {
            const t = performance.now();
            fn();
            runs.push(performance.now() - t);
          }
          return runs.sort((a, b) => a - b)[7];
        };
        CartUpsell.readCart(cfg);
        const read = time(() => CartUpsell.readCart(cfg));
        // The floor: the same rows and fields found and their text read, with no parsing at all.
        const bare = time(() => {
          let n = 0;
          for (const el of document.querySelectorAll(row)) for (const f of fields) n += (el.querySelector(f)?.textContent ?? '').length;
          return n;
        });
        return { lines: CartUpsell.readCart(cfg).items.length, read, bare };
      },
      { cfg, row, fields: [...fields] },
    );
    console.log(`[speed] ${page_}: ${r.lines} lines read in ${r.read.toFixed(2)} ms (median of 15); bare DOM reads of the same fields ${r.bare.toFixed(2)} ms`);
    expect(r.lines).toBeGreaterThanOrEqual(500);
  });
}
