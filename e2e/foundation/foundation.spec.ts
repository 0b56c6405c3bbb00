import { test, expect, type Page, type ConsoleMessage } from '@playwright/test';

/** Collects the widget's console messages and any uncaught page error. */
function watchConsole(page: Page) {
  const messages: ConsoleMessage[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (m) => messages.push(m));
  page.on('pageerror', (e) => pageErrors.push(e));
  return {
    ours: (type: string) => messages.filter((m) => m.type() === type && m.text().startsWith('[cart-upsell]')).map((m) => m.text()),
    pageErrors,
  };
}

const widgetHosts = (page: Page) => page.locator('[data-cart-upsell]');

test('the free-shipping bar shows the exact remaining amount and follows quantity changes', async ({ page }) => {
  const log = watchConsole(page);
  await page.goto('/e2e/pages/foundation-cart.html');
  const bar = page.getByRole('status');
  await expect(bar).toContainText('あと￥2,888で送料無料');

  // 1,320 × 3 + 4,472 = 8,432 → ￥1,568 to go
  await page
    .getByRole('row', { name: /手ぬぐい/ })
    .getByLabel('数量')
    .fill('3');
  await expect(bar).toContainText('あと￥1,568で送料無料');

  // 1,320 × 5 + 4,472 = 11,072 → reached
  await page
    .getByRole('row', { name: /手ぬぐい/ })
    .getByLabel('数量')
    .fill('5');
  await expect(bar).toContainText('送料無料の対象です');
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('a line added by the shop is counted', async ({ page }) => {
  await page.goto('/e2e/pages/foundation-cart.html');
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await page.getByRole('button', { name: '箸置きを追加' }).click();
  await expect(page.getByRole('status')).toContainText('あと￥2,448で送料無料');
});

test('the bar is a fixed overlay: the page does not move', async ({ page }) => {
  await page.goto('/e2e/pages/foundation-plain.html');
  const before = await page.getByRole('heading', { name: 'ショッピングカート' }).boundingBox();
  await page.evaluate(() => (window as any).CartUpsell.start('/e2e/pages/foundation.json'));
  await expect(page.getByRole('status')).toContainText('送料無料');
  const after = await page.getByRole('heading', { name: 'ショッピングカート' }).boundingBox();
  expect(after).toEqual(before);
});

test('an inline JSON config starts it, in English', async ({ page }) => {
  await page.goto('/e2e/pages/foundation-inline.html');
  await expect(page.getByRole('status')).toContainText('¥2,888');
  await expect(page.getByRole('status')).toContainText(/free shipping/i);
});

test('a script in <head> without async or defer still works', async ({ page }) => {
  await page.goto('/e2e/pages/foundation-head-sync.html');
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
});

test("evaluating the script only defines the global: the config is requested in a task of the widget's own", async ({ page }) => {
  // Which script was running when the config was requested: during the tag's evaluation
  // document.currentScript is the tag; in a task of its own there is none.
  await page.addInitScript(() => {
    const calls: (string | null)[] = ((window as any).configRequests = []);
    const orig = window.fetch;
    window.fetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      if (String(input instanceof Request ? input.url : input).includes('foundation.json')) calls.push((document.currentScript as HTMLScriptElement | null)?.src ?? null);
      return orig.call(this, input, init);
    } as typeof fetch;
  });
  await page.goto('/e2e/pages/foundation-head-sync.html');
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  expect(await page.evaluate(() => (window as any).configRequests)).toEqual([null]);
});

test('the plain tag without a config only defines the global', async ({ page }) => {
  const log = watchConsole(page);
  await page.goto('/e2e/pages/foundation-plain.html');
  const api = await page.evaluate(() => Object.keys((window as any).CartUpsell ?? {}).sort());
  expect(api).toEqual(expect.arrayContaining(['diagnose', 'preview', 'readCart', 'start', 'stop', 'validateConfig', 'version']));
  await page.waitForTimeout(300);
  await expect(widgetHosts(page)).toHaveCount(0);
  expect(log.ours('error')).toEqual([]);
  expect(log.ours('warning')).toEqual([]);
});

test('a bad config gives one error naming each field, the widget stays off, the shop keeps working', async ({ page }) => {
  const log = watchConsole(page);
  await page.goto('/e2e/pages/foundation-bad-config.html');
  await expect.poll(() => log.ours('error').length).toBe(1);
  const [error] = log.ours('error');
  expect(error).toContain('freeShipping.threshold: expected a whole number of yen, got "ten thousand"');
  expect(error).toContain('offers[0].to: is required but missing');
  expect(log.ours('warning').join('\n')).toContain('freeShipping.treshold: unknown field, ignored (did you mean "threshold"?)');
  await expect(widgetHosts(page)).toHaveCount(0);
  // The shop's own script still runs.
  await page
    .getByRole('row', { name: /手ぬぐい/ })
    .getByLabel('数量')
    .fill('4');
  await expect(page.locator('#subtotal')).toHaveText('￥9,752');
  expect(log.pageErrors).toEqual([]);
});

test('a config URL that does not load gives one clear error', async ({ page }) => {
  const log = watchConsole(page);
  await page.goto('/e2e/pages/foundation-plain.html');
  const started = await page.evaluate(() => (window as any).CartUpsell.start('/e2e/pages/missing.json'));
  expect(started).toBe(false);
  // Before a config is read, the page's own language (lang="ja") is the merchant's.
  expect(log.ours('error')).toEqual(['[cart-upsell] 設定ファイル /e2e/pages/missing.json を読み込めませんでした（サーバーの応答 404）。ウィジェットは動きません。']);
  await expect(widgetHosts(page)).toHaveCount(0);
});

test('the script included twice, and start called again, give one widget', async ({ page }) => {
  await page.goto('/e2e/pages/foundation-twice.html');
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await page.evaluate(() => (window as any).CartUpsell.start('/e2e/pages/foundation.json'));
  await page.waitForTimeout(200);
  await expect(widgetHosts(page)).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveCount(1);
});

test('stop() removes every trace and stops following the cart', async ({ page }) => {
  await page.goto('/e2e/pages/foundation-cart.html');
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await page.evaluate(() => (window as any).CartUpsell.stop());
  await expect(widgetHosts(page)).toHaveCount(0);
  await page
    .getByRole('row', { name: /手ぬぐい/ })
    .getByLabel('数量')
    .fill('3');
  await page.waitForTimeout(400);
  await expect(widgetHosts(page)).toHaveCount(0);
  // And it can start again afterwards.
  await page.evaluate(() => (window as any).CartUpsell.start('/e2e/pages/foundation.json'));
  await expect(page.getByRole('status')).toContainText('あと￥1,568で送料無料');
  await expect(widgetHosts(page)).toHaveCount(1);
});

test('readCart works without start, on the same page', async ({ page }) => {
  await page.goto('/e2e/pages/foundation-plain.html');
  const cart = await page.evaluate(() =>
    (window as any).CartUpsell.readCart({
      selectors: { item: '#cart .line', name: '.name', sku: '.name', skuAttr: 'data-sku', price: '.price', quantity: '.qty', lineTotal: '.total', subtotal: '#subtotal' },
    }),
  );
  expect(cart).toEqual({
    currency: 'JPY',
    subtotal: 7112,
    items: [
      { id: null, sku: 'TN-0123', name: '手ぬぐい 青海波', unitPrice: 1320, quantity: 2, lineTotal: 2640 },
      { id: null, sku: 'YU-02', name: '湯呑み 白磁', unitPrice: 4472, quantity: 1, lineTotal: 4472 },
    ],
  });
});
