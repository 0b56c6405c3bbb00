import { test, expect, type Page } from '@playwright/test';
import { asShopper } from '../demo/helpers';

// The pictures of docs/ja: the configurator and the sample shops, at 1280×800 and 390×844.
// Only with SCREENSHOTS=1 (they rewrite files in docs/ja/img).
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to regenerate docs/ja/img');
test.describe.configure({ timeout: 120_000 });

const out = (name: string) => `docs/ja/img/${name}.png`;
const desktop = { width: 1280, height: 800 };
const mobile = { width: 390, height: 844 };

async function configurator(page: Page) {
  await page.goto('/demo/site/configurator/');
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');
}

test('configurator: setup, EC-CUBE import and tag, Shopify ids', async ({ page }) => {
  await page.setViewportSize(desktop);
  await configurator(page);
  await page.getByLabel('ひな形').selectOption('eccube');
  await page.getByLabel('プラットフォーム').selectOption('eccube');
  await page.getByLabel('ショップのURL').fill('https://shop.example.jp');
  await page.locator('#setup').screenshot({ path: out('configurator-setup-desktop') });
  await page.getByLabel('商品CSV').setInputFiles('demo/site/configurator/samples/eccube-product.csv');
  await expect(page.locator('#import-result')).toContainText('11 件');
  await page
    .locator('#setup li')
    .nth(1)
    .screenshot({ path: out('configurator-import-eccube') });
  await page.getByRole('radio', { name: 'ショップのファイル置き場' }).check();
  await page
    .locator('#setup li')
    .nth(2)
    .screenshot({ path: out('configurator-snippet-eccube') });
  await page.getByLabel('ひな形').selectOption('dawn');
  await page.getByLabel('商品CSV').setInputFiles('demo/site/configurator/samples/shopify-products_export.csv');
  await expect(page.locator('#shopify-ids')).toBeVisible();
  await page
    .locator('#setup li')
    .nth(1)
    .screenshot({ path: out('configurator-shopify-ids') });
  await page.setViewportSize(mobile);
  await page.reload();
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');
  await page.screenshot({ path: out('configurator-setup-mobile') });
});

test('configurator: WooCommerce export and its wp-content/uploads tag, MakeShop and the results service', async ({ page }) => {
  await page.setViewportSize(desktop);
  await configurator(page);
  await page.getByLabel('ショップのURL').fill('https://woo.example.jp');
  await page.getByLabel('商品CSV').setInputFiles('demo/site/configurator/samples/woocommerce-products.csv');
  await expect(page.getByLabel('プラットフォーム')).toHaveValue('woocommerce');
  await page.getByRole('radio', { name: 'ショップのファイル置き場' }).check();
  await page.locator('#setup').screenshot({ path: out('configurator-woocommerce') });
  await page.getByLabel('ショップのURL').fill('https://makeshop.example.jp');
  await page.getByLabel('プラットフォーム').selectOption('makeshop');
  await page.getByRole('radio', { name: '結果サービス（npm start のサーバー）' }).check();
  await page.getByLabel('ファイルを置くURL（フォルダ）').fill('https://results.example.jp/');
  await expect(page.locator('#snippet-file')).toContainText('https://results.example.jp/cart-upsell.js');
  await page.locator('#setup').screenshot({ path: out('configurator-makeshop-service') });
});

for (const [name, size] of [
  ['picker-desktop', desktop],
  ['picker-mobile', mobile],
] as const) {
  test(`${name}: the picker on a theme no preset knows`, async ({ page }) => {
    await page.setViewportSize(size);
    await configurator(page);
    const code = (await page.locator('#picker-code').textContent())!;
    await page.goto('/e2e/pages/unknown-theme-cart.html');
    await page.evaluate(code);
    const panel = page.getByRole('region', { name: 'カートの読み取り設定' });
    await page.getByRole('link', { name: '急須 白磁' }).click();
    await page.getByText('5,500円').first().click();
    await page.getByRole('spinbutton', { name: '急須 白磁の数量' }).click();
    await page.getByText('型番：KY-01').click();
    await panel.getByRole('button', { name: 'ない' }).click();
    await page.getByText('7,700円', { exact: true }).click();
    await expect(panel).toContainText('2 行を読み取りました');
    await page.screenshot({ path: out(name) });
  });
}

test('sample shops with the widget: EC-CUBE cart on a phone, Dawn cart on a desktop', async ({ page }) => {
  await asShopper(page);
  await page.addInitScript(() => {
    for (const s of ['eccube', 'dawn'])
      localStorage.setItem(
        `cart-upsell-demo:cart:${s}`,
        JSON.stringify([
          { sku: 'TN-0123', quantity: 2 },
          { sku: 'KY-01', quantity: 1 },
        ]),
      );
  });
  await page.setViewportSize(mobile);
  await page.goto('/demo/site/shops/eccube/cart.html');
  await expect(page.getByRole('status').filter({ hasText: '送料無料' })).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: out('eccube-sample-cart-mobile') });
  await page.setViewportSize(desktop);
  await page.goto('/demo/site/shops/dawn/cart.html');
  await expect(page.getByRole('status').filter({ hasText: '送料無料' })).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: out('dawn-sample-cart-desktop') });
});
