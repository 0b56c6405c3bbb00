// Every hand-written shop page in test/fixtures, read in Chromium through the script-tag build,
// must give exactly the cart its .expected.json says — with the preset, "auto" and selectors.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/');
interface Expected {
  configs: Record<string, unknown>[] | Record<string, Record<string, unknown>>;
  idsWithSelectors?: boolean;
  cart: { currency: string; subtotal: number; items: { id: string | null }[] };
}
const fixtures = readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => ({ name: f.replace('.expected.json', ''), expected: JSON.parse(readFileSync(dir + f, 'utf8')) as Expected }));

declare const CartUpsell: { readCart(cfg: unknown): unknown; diagnose(cfg: unknown): { fields: { field: string; matches: number }[] } };

for (const { name, expected } of fixtures) {
  Object.values(expected.configs).forEach((config, n) => {
    const mode = (config.preset as string | undefined) ?? 'selectors';
    test(`${name}: reads the exact cart with ${mode} (config ${n + 1})`, async ({ page }) => {
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`/test/fixtures/${name}.html`);
      // The WooCommerce Cart block and other script-drawn carts fill in after load.
      await expect
        .poll(() => page.evaluate((c) => CartUpsell.readCart(c), config))
        .toEqual(mode === 'selectors' && !expected.idsWithSelectors ? { ...expected.cart, items: expected.cart.items.map((i) => ({ ...i, id: null })) } : expected.cart);
      expect(errors).toEqual([]);
    });
  });
}

test('diagnose on a real page counts what each selector matched', async ({ page }) => {
  await page.goto('/test/fixtures/shopify-dawn-cart.html');
  const fields = await page.evaluate(() => CartUpsell.diagnose({ preset: 'auto' }).fields.map((f) => [f.field, f.matches]));
  const items = (await page.evaluate(() => (CartUpsell.readCart({ preset: 'auto' }) as { items: unknown[] }).items.length)) as number;
  expect(Object.fromEntries(fields)).toMatchObject({ item: items, name: items, price: items, quantity: items, subtotal: 1 });
});
