import { test, expect } from '@playwright/test';
import { hosts, setQty, watch } from './helpers';

// A merchant's broken config: one console error that names every bad field, the widget stays
// off, the shop's own scripts keep working.

test('every field with the wrong type, missing fields, an unknown offer type: one error naming each, widget off', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-bad-config.html');
  await expect.poll(() => log.ours('error').length).toBe(1);
  await page.waitForTimeout(300);
  expect(log.ours('error')).toHaveLength(1);
  const [error] = log.ours('error');
  expect(error).toContain('so the widget stays off');
  for (const path of [
    'cart.preset',
    'cart.selectors.quantity: is required but missing',
    'cart.selectors.name',
    'cart.selectors.price: "[[[" is not a valid CSS selector',
    'cart.currency',
    'locale',
    'freeShipping.threshold: expected a whole number of yen, got "１万円"',
    'freeShipping.tiers',
    'freeShipping.taxRate',
    'products[0].price',
    'products[1].sku: is required but missing',
    'products[1].price',
    'products[2]',
    'offers[1].for',
    'offers[1].items',
    'offers[2].type',
    'offers[3].id: is required but missing',
    'offers[3].price',
    'events.endpoint',
    'events.batchSize',
    'caps.snoozeDays',
  ])
    expect(error).toContain(`• ${path}`);
  expect(log.ours('warning').join('\n')).toContain('theme.colourScheme: unknown field, ignored (did you mean "colorScheme"?)');
  await expect(hosts(page)).toHaveCount(0);
  // The shop's cart script still recomputes.
  await setQty(page, 0, 3);
  await expect(page.locator('#subtotal')).toHaveText('￥8,432');
  expect(log.pageErrors).toEqual([]);
});

test('references to products that do not exist: each named once, those offers off, the rest of the widget on', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-plain.html');
  const cfg = {
    freeShipping: { threshold: 1000 },
    products: [{ sku: 'A', name: 'a', price: 100 }],
    offers: [
      { id: 'u', type: 'upsell', from: 'A', to: 'NOPE', downsell: 'NOPE2' },
      { id: 'x', type: 'cross-sell', for: ['A'], items: ['GHOST'] },
      { id: 'b', type: 'bundle', items: ['A', 'GHOST2'], price: 50, appliedBy: 'platform' },
    ],
  };
  const { errors, warnings } = await page.evaluate((c) => (window as any).CartUpsell.validateConfig(c), cfg);
  expect(errors).toEqual([]);
  expect(warnings.map((e: { path: string }) => e.path)).toEqual(['offers[0].to', 'offers[0].downsell', 'offers[1].items[0]', 'offers[2].items[1]']);
  expect(warnings[0].message).toContain('"NOPE" is not the sku of any entry in "products"');
  expect(await page.evaluate((c) => (window as any).CartUpsell.start(c), cfg)).toBe(true);
  // One warning naming every dangling reference; no error; the bar still works.
  expect(log.ours('error')).toEqual([]);
  expect(log.ours('warning')).toHaveLength(1);
  for (const p of ['offers[0].to', 'offers[0].downsell', 'offers[1].items[0]', 'offers[2].items[1]']) expect(log.ours('warning')[0]).toContain(p);
  await expect(hosts(page)).toHaveCount(1);
});

test('configs that are not objects at all, through the API: false, one message each, never a throw', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-plain.html');
  const results = await page.evaluate(async () => {
    const api = (window as any).CartUpsell;
    const out: unknown[] = [];
    for (const c of [null, undefined, 42, 'not json at all {', [], [{ freeShipping: { threshold: 1 } }], { offers: {} }]) {
      try {
        out.push(await api.start(c));
      } catch (e) {
        out.push(`threw ${e}`);
      }
    }
    return out;
  });
  expect(results.every((r) => r === false)).toBe(true);
  expect(log.ours('error').length).toBeGreaterThanOrEqual(1);
  await expect(hosts(page)).toHaveCount(0);
  expect(log.pageErrors).toEqual([]);
  // The shop's own button still works.
  await page.getByRole('button', { name: 'お気に入り' }).click();
  expect(await page.evaluate(() => (window as any).shopClicks)).toBe(1);
});

test('field names inherited from Object are not mistaken for known fields', async ({ page }) => {
  await page.goto('/e2e/pages/hostile-plain.html');
  const r = await page.evaluate(() => (window as any).CartUpsell.validateConfig(JSON.parse('{"freeShipping":{"threshold":1000},"cart":{"constructor":1},"offers":[{"id":"x","type":"toString"}]}')));
  expect(r.errors.map((e: { path: string }) => e.path)).toContain('offers[0].type');
  expect(r.warnings.map((w: { path: string }) => w.path)).toContain('cart.constructor');
});
