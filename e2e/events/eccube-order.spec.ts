import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { asShopper, watchConsole } from '../demo/helpers';
import { storedEvents } from '../admin';
import { eccubeOrder, renderComplete } from '../../test/lift/eccube/order';

// EC-CUBE's order-complete page with the order hook (hooks/eccube/complete.twig) pasted in:
// rendered by Twig (twig.js) with an `Order` shaped like EC-CUBE 4's, served as the shop's page,
// with the widget and a config from the shop's user_data folder. The order reaches the results
// service once, however often the page is shown.

test('the EC-CUBE hook on the order-complete page: one order event stored, with the order number, goods total and items', async ({ page, request }) => {
  const c = watchConsole(page);
  const visitorId = await asShopper(page);
  const orderNo = `e2e-ec-${Date.now().toString(36)}`;
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><title>ご注文完了</title></head><body><main><h1>ご注文ありがとうございました</h1>${renderComplete(eccubeOrder(orderNo))}</main></body></html>`;
  await page.route('**/shopping/complete', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  // The widget's files as the merchant uploads them to user_data (the prompt file is loaded from beside the script).
  await page.route(/\/html\/user_data\/(cart-upsell[\w-]*\.js)$/, (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(`dist/${/([\w-]+\.js)$/.exec(route.request().url())![1]}`, 'utf8') }),
  );
  await page.route('**/html/user_data/cart-upsell.json', (route) => route.fulfill({ contentType: 'application/json', body: readFileSync('e2e/pages/events.json', 'utf8') }));

  await page.goto('/shopping/complete');
  await expect(page.getByRole('heading', { name: 'ご注文ありがとうございました' })).toBeVisible();
  const orders = async () => (await storedEvents<Record<string, unknown>>(request, visitorId)).filter((e) => e.type === 'order');
  await expect.poll(async () => (await orders()).length, { timeout: 15_000 }).toBe(1);
  // Shown again (a reload of the thank-you page): still one order.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'ご注文ありがとうございました' })).toBeVisible();
  await page.waitForTimeout(1500);
  const stored = await orders();
  expect(stored.map((e) => e.orderId)).toEqual([orderNo]);
  expect(stored[0]).toMatchObject({
    // ￥7,480 of goods less a ￥500 coupon, tax included.
    total: 6980,
    currency: 'JPY',
    visitorId,
    items: [
      { sku: 'TN-0123-DX', id: '1201', quantity: 2, price: 2420 },
      { sku: 'KY-01', id: '1301', quantity: 1, price: 2640 },
    ],
  });
  expect(JSON.stringify(stored[0])).not.toContain('taro@');
  c.expectNone();
});
