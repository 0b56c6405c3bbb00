import { test, expect } from '@playwright/test';

// The configurator speaks the config's language: a merchant whose config says "locale": "ja" reads
// Japanese labels, checks and console code whatever the demo's toggle said before; choosing English
// in the config (or with the toggle, which is the same choice here) turns all of it English.

// A busy machine: the configurator loads the widget, a sample config and two previews.
test.describe.configure({ timeout: 120_000 });

test('the configurator follows the config\'s "locale", not a language remembered from another page', async ({ page }) => {
  // The demo was last seen in English…
  await page.goto('/');
  await page
    .getByRole('button', { name: '日本語で表示' })
    .or(page.getByRole('button', { name: 'Show this page in English' }))
    .click();
  await page.evaluate(() => localStorage.setItem('cart-upsell-demo:lang', 'en'));
  await page.goto('/demo/site/configurator/');
  // …but the sample config says "locale": "ja": everything the merchant reads is Japanese.
  await expect(page.getByRole('heading', { name: 'あなたのショップに入れる' })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Set it up for your shop' })).toBeHidden();
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません', { timeout: 20_000 });
  await page.getByLabel('ショップのURL').fill('https://komorebi.example');
  await page.getByLabel('商品CSV').setInputFiles('demo/site/configurator/samples/shopify-products_export.csv');
  await expect(page.getByRole('status').filter({ hasText: 'Shopifyの商品CSVから 11 件を読み込みました' })).toBeVisible();
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('がありません（shopify の「はい」にバリアントIDが必要）');
  // The console code the merchant runs on the storefront talks Japanese too.
  await expect(page.getByLabel('ID取得コード')).toContainText('設定ツールに貼り付けてください');

  // Choosing English in the config: labels, checks and the console code switch together.
  await page.getByRole('combobox', { name: '言語', exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { name: 'Set it up for your shop' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'あなたのショップに入れる' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Validation' })).toContainText('is missing: a "yes" on shopify adds it to the cart by');
  await expect(page.getByRole('region', { name: 'Validation' })).not.toContainText('バリアントIDが必要');
  await expect(page.getByLabel('ID取得コード')).toContainText('Paste it into the configurator');
  await expect(page.getByRole('combobox', { name: 'Language', exact: true })).toHaveValue('en');

  // The page's toggle is the same choice: back to Japanese, and the config says so.
  await page.getByRole('button', { name: '日本語で表示' }).click();
  await expect(page.getByRole('heading', { name: 'あなたのショップに入れる' })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'JSON' })).toHaveValue(/"locale": "ja"/);
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('バリアントIDが必要');
  await expect(page.getByLabel('ID取得コード')).toContainText('設定ツールに貼り付けてください');
});
