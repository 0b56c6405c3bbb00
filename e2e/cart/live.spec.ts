// The cart as a shopper changes it, and pages that are not what the config expects.
import { test, expect } from '@playwright/test';

declare const CartUpsell: { readCart(cfg?: unknown): { subtotal: number; items: { quantity: number }[] } };

test('a quantity changed in the Dawn drawer reads with the new line total and subtotal', async ({ page }) => {
  await page.goto('/test/fixtures/shopify-dawn-drawer.html');
  const before = await page.evaluate(() => CartUpsell.readCart({ preset: 'auto' }).subtotal);
  await page.locator('#Drawer-quantity-2').fill('3');
  // What the theme renders after /cart/change.js answers.
  await page.evaluate(() => {
    document.querySelector('#CartDrawer-Item-2 .cart-item__totals .price')!.textContent = '¥11,940';
    document.querySelector('#CartDrawer .totals__total-value')!.textContent = '¥15,460 JPY';
  });
  const after = await page.evaluate(() => CartUpsell.readCart({ preset: 'auto' }));
  expect(before).toBe(7500);
  expect(after.subtotal).toBe(15460);
  expect(after.items.map((i) => i.quantity)).toEqual([2, 3]);
});

test('garbage configs and a page without a known cart give an empty cart and a message, never an error', async ({ page }) => {
  const warnings: string[] = [];
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('[cart-upsell]') && warnings.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  // A hand-made shop: no platform's markup, so `auto` finds no cart there.
  await page.goto('/test/fixtures/tegaki-shop.html');
  const carts = await page.evaluate(() => [
    CartUpsell.readCart({ preset: 'auto' }),
    CartUpsell.readCart({ selectors: { item: '.no-such-line', name: 'x', price: 'y', quantity: 'z' } }),
    CartUpsell.readCart({ selectors: { item: 'tr[', name: 'x', price: 'y', quantity: 'z' } }),
    CartUpsell.readCart('nonsense' as never),
    CartUpsell.readCart(),
  ]);
  for (const c of carts) expect(c).toMatchObject({ items: [], subtotal: 0 });
  expect(warnings.some((w) => /auto/.test(w))).toBe(true);
  expect(warnings.some((w) => w.includes('.no-such-line'))).toBe(true);
  expect(errors).toEqual([]);
});
