import { test, expect } from '@playwright/test';
import { asShopper, watchConsole } from './helpers';

// The EC-CUBE-like and Dawn-like sample shops are read by the widget's own platform presets, with
// no selectors in their configs: what the preset reads must be exactly what the shopper sees.
const cases = [
  { shop: 'eccube', preset: 'eccube' },
  { shop: 'dawn', preset: 'shopify' },
] as const;

for (const { shop, preset } of cases) {
  test(`${shop}: the "${preset}" preset reads the cart the page shows, and follows a quantity change`, async ({ page }) => {
    const console = watchConsole(page);
    // A holdout visitor: no dialog covers the cart while the test changes quantities.
    await asShopper(page, true);
    await page.addInitScript((key) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(
          key,
          JSON.stringify([
            { sku: 'KY-01', quantity: 1 },
            { sku: 'CH-02', quantity: 3 },
          ]),
        );
        sessionStorage.setItem('seeded', '1');
      }
    }, `cart-upsell-demo:cart:${shop}`);
    await page.goto(`/demo/site/shops/${shop}/cart.html`);
    await expect(page.getByText('急須 白磁').first()).toBeVisible();
    const config = await (await page.request.get(`/demo/site/shops/${shop}/cart-upsell.json`)).json();
    expect(config.cart).toMatchObject({ preset });
    expect(config.cart.selectors).toBeUndefined();

    await page.waitForFunction(() => 'CartUpsell' in window);
    const read = () => page.evaluate((p) => (window as unknown as { CartUpsell: { readCart(c: unknown): unknown } }).CartUpsell.readCart({ preset: p }), preset);
    expect(await read()).toMatchObject({
      currency: 'JPY',
      items: [
        { name: '急須 白磁', unitPrice: 5500, quantity: 1, lineTotal: 5500 },
        { name: 'ほうじ茶 80g', unitPrice: 864, quantity: 3, lineTotal: 2592 },
      ],
      subtotal: 8092,
    });

    await page.getByRole('button', { name: 'ほうじ茶 80gの数量を減らす' }).click();
    await expect.poll(async () => ((await read()) as { subtotal: number }).subtotal).toBe(5500 + 864 * 2);
    console.expectNone();
  });
}
