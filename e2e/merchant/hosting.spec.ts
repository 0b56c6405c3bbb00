import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { configJson, dist, openConfigurator, serveShop } from './shop';

// The rest of the merchant's ten minutes (see ten-minutes.spec.ts): a WooCommerce product export,
// and the messages a Japanese merchant reads on their own shop.

test.describe.configure({ timeout: 150_000 });

/** The widget's messages on the shop page, and any page error. */
function consoleOf(page: Page) {
  const said: { type: string; text: string }[] = [];
  page.on('console', (m) => m.text().startsWith('[cart-upsell]') && said.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => said.push({ type: 'pageerror', text: String(e) }));
  return said;
}

test('WooCommerce: the product export → product ids and prices → a tag for wp-content/uploads that runs on the classic cart page', async ({ page, context }) => {
  await openConfigurator(page, 30_000);
  await page.getByLabel('ショップのURL').fill('https://woo.example.jp');
  await page.getByLabel('商品CSV').setInputFiles('demo/site/configurator/samples/woocommerce-products.csv');
  await expect(page.getByRole('status').filter({ hasText: /WooCommerceの商品CSVから \d+ 件を読み込みました/ })).toBeVisible();
  // The platform follows the file; the export carries WooCommerce's product ids, so "yes" can work.
  await expect(page.getByLabel('プラットフォーム')).toHaveValue('woocommerce');
  const cfg = await configJson(page);
  expect(cfg.products.find((p: { sku: string }) => p.sku === 'TN-0123')).toMatchObject({ id: '201', price: 1320, stock: 24, image: 'https://woo.example.jp/wp-content/uploads/2026/11/tenugui.svg' });
  expect(cfg.cart.preset).toBe('woocommerce');
  expect(cfg.actions.platform).toBe('woocommerce');
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');

  await page.getByRole('radio', { name: 'ショップのファイル置き場' }).check();
  const tag = (await page.locator('#snippet-file').textContent())!;
  expect(tag).toBe(
    '<script src="https://woo.example.jp/wp-content/uploads/cart-upsell/cart-upsell.js" data-config="https://woo.example.jp/wp-content/uploads/cart-upsell/cart-upsell.json" async></script>',
  );
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'cart-upsell.json をダウンロード' }).click();
  const json = readFileSync((await (await download).path())!, 'utf8');

  const dir = '/wp-content/uploads/cart-upsell/';
  const cart = readFileSync('test/fixtures/woocommerce-classic.html', 'utf8').replace('<script src="/dist/cart-upsell.js"></script>', '').replace('</body>', `${tag}</body>`);
  const requests = await serveShop(
    context,
    'https://woo.example.jp',
    { '/cart/': cart },
    {
      [`${dir}cart-upsell.js`]: dist('cart-upsell.js'),
      [`${dir}cart-upsell-ui.js`]: dist('cart-upsell-ui.js'),
      [`${dir}cart-upsell-actions-woocommerce.js`]: dist('cart-upsell-actions-woocommerce.js'),
      [`${dir}cart-upsell.json`]: json,
    },
  );
  const shop = await context.newPage();
  const said = consoleOf(shop);
  await shop.goto('https://woo.example.jp/cart/');
  // The classic cart holds ￥5,390: free shipping reached, ￥4,610 from the gift tier at ￥10,000.
  await expect(shop.getByRole('status').filter({ hasText: '送料無料' })).toContainText('あと￥4,610');
  // The prompt file fetches WooCommerce's cart actions (for a "yes"), and no other platform's.
  expect(requests).toEqual(expect.arrayContaining([`${dir}cart-upsell.js`, `${dir}cart-upsell.json`, `${dir}cart-upsell-ui.js`, `${dir}cart-upsell-actions-woocommerce.js`]));
  expect(requests.filter((r) => r.includes('actions-'))).toEqual([`${dir}cart-upsell-actions-woocommerce.js`]);
  expect(said.filter((m) => m.type === 'error' || m.type === 'pageerror')).toEqual([]);
});

test("Japanese messages: the shop's console says in Japanese which field is wrong, and what is missing", async ({ page, context }) => {
  await openConfigurator(page, 30_000);
  const json = page.getByRole('textbox', { name: 'JSON' });
  const before = await json.inputValue();
  await page.getByLabel('ひな形').selectOption('eccube');
  // The sample loads asynchronously: its config, not the previous one, is what the merchant edits.
  await expect.poll(() => json.inputValue()).not.toBe(before);
  // The config with a mistake a merchant makes when editing the file by hand.
  const cfg = await configJson(page);
  cfg.freeShipping.threshold = '五千円';
  cfg.freeShiping = { threshold: 5000 };

  // The same config on the shop: the widget stays off and says why, once, in Japanese.
  await page.getByRole('radio', { name: 'ショップのファイル置き場' }).check();
  await page.getByLabel('ショップのURL').fill('https://eccube-shop.example');
  const tag = (await page.locator('#snippet-file').textContent())!;
  const cart = readFileSync('test/fixtures/eccube4-cart.html', 'utf8').replace('<script src="/dist/cart-upsell.js"></script>', '').replace('</body>', `${tag}</body>`);
  const dir = '/html/user_data/cart-upsell/';
  const files: Record<string, Buffer | string> = {
    [`${dir}cart-upsell.js`]: dist('cart-upsell.js'),
    [`${dir}cart-upsell-ui.js`]: dist('cart-upsell-ui.js'),
    [`${dir}cart-upsell-actions-eccube.js`]: dist('cart-upsell-actions-eccube.js'),
    [`${dir}cart-upsell.json`]: JSON.stringify(cfg),
  };
  await serveShop(context, 'https://eccube-shop.example', { '/cart': cart, '/mypage': '<!doctype html><html lang="ja"><title>マイページ</title><p>マイページ</p>' + tag }, files);
  const shop = await context.newPage();
  const said = consoleOf(shop);
  await shop.goto('https://eccube-shop.example/cart');
  await expect.poll(() => said.map((m) => m.text)).toContain('[cart-upsell] 設定に1件の問題があるため、ウィジェットは動きません:\n  • freeShipping.threshold: 円の整数にしてください（"五千円"）');
  expect(said.map((m) => m.text)).toContain('[cart-upsell] 設定に注意点があります:\n  • freeShiping: 不明な項目（無視）。"freeShipping" では？');
  await expect(shop.getByRole('status').filter({ hasText: '送料無料' })).toHaveCount(0);

  // Fixed — and the tag also on a page without a cart: the preset says so in Japanese, nothing breaks.
  cfg.freeShipping.threshold = 5000;
  delete cfg.freeShiping;
  files[`${dir}cart-upsell.json`] = JSON.stringify(cfg);
  const other = await context.newPage();
  const said2 = consoleOf(other);
  await other.goto('https://eccube-shop.example/mypage');
  // The EC-CUBE sample reads the cart with its preset, which finds no cart here: said in Japanese.
  await expect
    .poll(() => said2.map((m) => m.text))
    .toContain('[cart-upsell] cart.preset "eccube": このページに EC-CUBE のカートが見つかりません。プリセットを確かめるか cart.selectors を設定してください。カートは空として扱います。');
  expect(said2.filter((m) => m.type === 'error' || m.type === 'pageerror')).toEqual([]);
  // A config file the shop cannot serve: said in Japanese on a Japanese page.
  delete files[`${dir}cart-upsell.json`];
  const third = await context.newPage();
  const said3 = consoleOf(third);
  await third.goto('https://eccube-shop.example/mypage');
  await expect
    .poll(() => said3.map((m) => m.text))
    .toContain(`[cart-upsell] 設定ファイル https://eccube-shop.example${dir}cart-upsell.json を読み込めませんでした（サーバーの応答 404）。ウィジェットは動きません。`);
});
