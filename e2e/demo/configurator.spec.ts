import { test, expect, type Page } from '@playwright/test';
import { watchConsole } from './helpers';

/** The merchant pastes a whole config into the JSON box (one input event, as a paste gives). */
async function pasteJson(page: Page, value: string) {
  await page.getByRole('textbox', { name: 'JSON' }).evaluate((el: HTMLTextAreaElement, v) => {
    el.focus();
    el.value = v;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, value);
}

test.beforeEach(async ({ page }) => {
  await page.goto('/demo/site/configurator/');
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');
});

test("loads without console errors; the previews show the sample config's prompts on desktop and mobile", async ({ page }) => {
  const c = watchConsole(page);
  await page.reload();
  for (const title of ['プレビュー PC', 'プレビュー スマホ']) {
    const frame = page.frameLocator(`iframe[title="${title}"]`);
    await expect(frame.getByRole('status').filter({ hasText: '送料無料' })).toBeVisible();
    await expect(frame.getByRole('dialog', { name: /手ぬぐい 青海波 特撰/ })).toBeVisible();
  }
  c.expectNone();
});

test('form edits change the JSON and the preview', async ({ page }) => {
  const desktop = page.frameLocator('iframe[title="プレビュー PC"]');
  await expect(desktop.getByRole('dialog')).toBeVisible();
  await page.getByLabel('送料無料になる金額（円・税込）').fill('20000');
  await expect(page.getByRole('textbox', { name: 'JSON' })).toHaveValue(/"threshold": 20000/);
  // The sample cart: 手ぬぐい ×2 after the preview's quantity change, 急須 — ￥8,140; ￥11,860 to go.
  await expect(desktop.getByRole('status').filter({ hasText: '送料無料' })).toContainText('￥11,860');

  await page.getByLabel('メリット（1行に1つ）').first().fill('一枚ずつ手で染めています');
  await expect(desktop.getByRole('dialog')).toContainText('一枚ずつ手で染めています');

  await page.getByLabel('言語').selectOption('en');
  await expect(desktop.getByRole('dialog', { name: /Upgrade to|手ぬぐい/ })).toBeVisible();
  await expect(desktop.getByRole('status').filter({ hasText: /free shipping/i })).toBeVisible();
});

test('the previews never take the keyboard from the merchant: a field being typed in keeps the focus when a preview opens its dialog', async ({ page }) => {
  const desktop = page.frameLocator('iframe[title="プレビュー PC"]');
  const mobile = page.frameLocator('iframe[title="プレビュー スマホ"]');
  const benefit = page.getByLabel('メリット（1行に1つ）').first();
  await benefit.fill('');
  // Each edit restarts both previews, whose sample cart change then opens the upgrade dialog.
  await benefit.pressSequentially('手染め');
  await expect(desktop.getByRole('dialog')).toContainText('手染め');
  await expect(mobile.getByRole('dialog')).toContainText('手染め');
  await expect(benefit).toBeFocused();
  await page.keyboard.type('です');
  await expect(benefit).toHaveValue('手染めです');
  await expect(desktop.getByRole('dialog')).toContainText('手染めです');
});

test('JSON edits change the form; mistakes are shown next to the field in words', async ({ page }) => {
  const text = page.getByRole('textbox', { name: 'JSON' });
  const json = JSON.parse(await text.inputValue());
  json.offers[0].to = 'NO-SUCH-SKU';
  await pasteJson(page, JSON.stringify(json, null, 2));
  const to = page.getByLabel('上位商品（SKU）').first();
  await expect(to).toHaveValue('NO-SUCH-SKU');
  // A missing product turns off that offer only: a warning next to the field, not an error.
  await expect(to).not.toHaveAttribute('aria-invalid', 'true');
  // The sample config says "locale": "ja", so the merchant reads the messages in Japanese.
  await expect(to).toHaveAccessibleDescription(/"NO-SUCH-SKU" が products にありません.*表示されません/);
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('offers[0].to');

  json.offers[0].to = 'TN-0123-DX';
  json.freeShipping.threshold = 'ten thousand';
  await pasteJson(page, JSON.stringify(json, null, 2));
  const threshold = page.getByLabel('送料無料になる金額（円・税込）');
  await expect(threshold).toHaveValue('ten thousand');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(threshold).toHaveAccessibleDescription('円の整数にしてください（"ten thousand"）');
  await expect(to).not.toHaveAttribute('aria-invalid', 'true');

  // Fixing it in the form clears the message.
  await threshold.fill('8000');
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');
  await expect(text).toHaveValue(/"threshold": 8000/);

  await pasteJson(page, '{ "locale": ');
  await expect(page.getByRole('alert')).toContainText('JSON');
});

test('the selector helper reads a sample shop and outlines what matched', async ({ page }) => {
  await page.getByRole('combobox', { name: /^見本/ }).selectOption('wa');
  const result = page.locator('#helper-result');
  await expect(result.getByRole('table', { name: '読み取れたカート' })).toContainText('手ぬぐい 青海波');
  await expect(result).toContainText('￥8,140');
  await expect(result.getByRole('row', { name: /^item/ })).toContainText('2');
  const frame = page.frameLocator('iframe[title="読み取り対象のカート"]');
  await expect(frame.locator('[data-cu-field~="item"]')).toHaveCount(2);
  await expect(frame.locator('[data-cu-field~="quantity"]')).toHaveCount(2);
  await expect(frame.locator('[data-cu-field~="subtotal"]')).toHaveCount(1);
  // The Dawn-like sample, with selectors instead of its preset.
  await page.getByRole('combobox', { name: /^見本/ }).selectOption('dawn');
  // Both samples hold the same cart: the selector table tells which one was read.
  await expect(result.getByRole('table', { name: 'セレクタごとの一致数' })).toContainText('cart-items .cart-item');
  await expect(result.getByRole('table', { name: '読み取れたカート' })).toContainText('急須 白磁');
  await expect(result).toContainText('￥8,140');

  // Pasted HTML: scripts do not run, and a wrong selector reads nothing.
  await page
    .getByLabel('カートの HTML')
    .fill(
      '<div class="row"><span class="n">箸置き</span><span class="p">￥440</span><input class="q" value="3"><img src=x onerror="window.parent.pwned=1"></div><script>window.parent.pwned=1</script>',
    );
  for (const [f, v] of [
    ['item', '.row'],
    ['name', '.n'],
    ['price', '.p'],
    ['quantity', '.q'],
    ['sku', ''],
    ['skuAttr', ''],
    ['lineTotal', ''],
    ['subtotal', ''],
  ])
    await page.locator(`#sel-${f}`).fill(v);
  await expect(page.locator('#sel-name')).toHaveValue('.n');
  await page.getByRole('button', { name: '読み取る' }).click();
  await expect(result.getByRole('table', { name: '読み取れたカート' })).toContainText('箸置き');
  await expect(result).toContainText('￥1,320');
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
});

test('a sample still loading never overwrites what the merchant typed meanwhile', async ({ page }) => {
  // The sample's config arrives a second late: the merchant has typed a selector by then.
  await page.route('**/demo/site/shops/dawn/cart-upsell.json', async (route) => {
    await new Promise((ok) => setTimeout(ok, 1000));
    await route.continue();
  });
  const config = page.waitForResponse('**/demo/site/shops/dawn/cart-upsell.json');
  await page.getByRole('combobox', { name: /^見本/ }).selectOption('dawn');
  await page.locator('#sel-name').fill('.my-name');
  await config;
  await page.waitForTimeout(300);
  await expect(page.locator('#sel-name')).toHaveValue('.my-name');
  await expect(page.locator('#sel-item')).toHaveValue('');
  // Picked again, untouched: the sample fills the form.
  await page.getByRole('combobox', { name: /^見本/ }).selectOption('wa');
  await expect(page.locator('#sel-name')).toHaveValue('.name');
  await expect(page.locator('#sel-item')).toHaveValue('.wa-cart .line');
});

test('the copied inline snippet, put into a blank page, starts the widget', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.getByRole('button', { name: 'インライン版をコピー' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'コピーしました' })).toBeVisible();
  const snippet = await page.evaluate(() => navigator.clipboard.readText());
  expect(snippet).toContain('id="cart-upsell-config"');

  const blank = await browser.newPage();
  const c = watchConsole(blank);
  await blank.goto(new URL('/demo/site/configurator/blank.html', page.url()).href);
  // A cart in the 和雑貨 markup the config's selectors read: one 手ぬぐい at ￥1,320.
  await blank.setContent(`<!doctype html><html lang="ja"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>my shop</title></head><body>
    <table class="wa-cart"><tbody><tr class="line"><td class="name" data-sku="TN-0123">手ぬぐい 青海波</td><td class="price">1,320円</td>
    <td><input class="qty" value="1" aria-label="数量"></td><td class="total">1,320円</td></tr></tbody></table>
    <p>合計 <strong class="wa-subtotal">1,320円</strong></p>
    ${snippet}</body></html>`);
  await expect(blank.getByRole('status').filter({ hasText: '送料無料' })).toContainText('あと￥3,680で送料無料');
  expect(await blank.evaluate(() => typeof (window as any).CartUpsell?.start)).toBe('function');
  await blank.close();
  c.expectNone();
});

test('the script-tag snippet names the served script and a config file', async ({ page }) => {
  await expect(page.locator('#snippet-file')).toHaveText(/<script src="http:\/\/127\.0\.0\.1:\d+\/dist\/cart-upsell\.js" data-config="\/cart-upsell\.json" async><\/script>/);
});
