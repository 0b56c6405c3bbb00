import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { configJson, dist, openConfigurator, serveShop } from './shop';

// A merchant who is not a programmer goes from the demo's start page to a widget running on their
// own shop: platform, product CSV, ids and prices, a tag that works where the files are served,
// selectors for a theme no preset knows — without writing CSS — and messages in Japanese.
// The shops are simulated with Playwright routes on their own https origins, so the tag is tested
// where it will live, not on the demo server.

// Whole merchant journeys with previews, downloads and a second page: longer than the default 30 s.
test.describe.configure({ timeout: 120_000 });

const sample = (f: string) => `demo/site/configurator/samples/${f}`;

test('EC-CUBE: start page → configurator → 商品CSV (Shift_JIS) → ids and tax-included prices → tag A for FTP, and B (the config inline, Twig-safe) in a block with the scripts in user_data, running there', async ({
  page,
  context,
}) => {
  await openConfigurator(page);
  await page.getByLabel('ひな形').selectOption('eccube');
  await expect(page.getByRole('textbox', { name: 'JSON' })).toHaveValue(/"preset": "eccube"/);
  await page.getByLabel('ショップのURL').fill('https://eccube-shop.example');
  await page.getByLabel('プラットフォーム').selectOption('eccube');
  // Choosing the platform makes "yes" real, and the check names every offered product without ids — in Japanese.
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('がありません（eccube の「はい」に商品規格IDが必要）');

  await page.getByLabel('商品CSV').setInputFiles(sample('eccube-product.csv'));
  await expect(page.locator('#import-result')).toContainText('EC-CUBE 4の商品CSVから 11 件を読み込みました（更新 11・追加 0）');
  await expect(page.locator('#import-result')).toContainText('13行目（非公開・廃止）');
  const cfg = await configJson(page);
  expect(cfg.products.find((p: { sku: string }) => p.sku === 'TN-0123')).toMatchObject({
    id: '101',
    productId: '1',
    price: 1320,
    stock: 24,
    image: 'https://eccube-shop.example/html/upload/save_image/tenugui.svg',
  });
  expect(cfg.products.find((p: { sku: string }) => p.sku === 'KY-01-DX')).toMatchObject({ id: '106', productId: '6', price: 8800 });
  expect(cfg.actions.platform).toBe('eccube');
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');

  await page.getByRole('radio', { name: 'ショップのファイル置き場' }).check();
  const tag = await page.locator('#snippet-file').textContent();
  expect(tag).toBe(
    '<script src="https://eccube-shop.example/html/user_data/cart-upsell/cart-upsell.js" data-config="https://eccube-shop.example/html/user_data/cart-upsell/cart-upsell.json" async></script>',
  );
  // EC-CUBE's file manager takes .js but not .json: the config goes into the block with B, which
  // {% verbatim %} keeps from Twig. What the block renders: B without the verbatim tags.
  await expect(page.locator('#host-steps')).toContainText('ファイル管理は .json を受け付けない');
  // EC-CUBE's cart actions are a third script file, named in the steps and offered for download.
  await expect(page.locator('#host-steps')).toContainText('cart-upsell-actions-eccube.js');
  await expect(page.getByRole('link', { name: 'cart-upsell-actions-eccube.js' })).toHaveAttribute('href', '/dist/cart-upsell-actions-eccube.js');
  const inline = (await page.locator('#snippet-inline').textContent())!;
  expect(inline.startsWith('{% verbatim %}<script type="application/json" id="cart-upsell-config">')).toBe(true);
  expect(inline.endsWith('<script src="https://eccube-shop.example/html/user_data/cart-upsell/cart-upsell.js" async></script>{% endverbatim %}')).toBe(true);
  const block = inline.replace('{% verbatim %}', '').replace('{% endverbatim %}', '');
  expect(JSON.parse(block.slice(block.indexOf('{'), block.lastIndexOf('}') + 1)).products).toHaveLength(11);

  // The shop: EC-CUBE 4's cart page with the block before </body>, the widget's three script files (EC-CUBE's cart actions among them) in user_data.
  const cart = readFileSync('test/fixtures/eccube4-cart.html', 'utf8').replace('<script src="/dist/cart-upsell.js"></script>', '').replace('</body>', `${block}</body>`);
  const dir = '/html/user_data/cart-upsell/';
  const requests = await serveShop(
    context,
    'https://eccube-shop.example',
    { '/cart': cart },
    {
      [`${dir}cart-upsell.js`]: dist('cart-upsell.js'),
      [`${dir}cart-upsell-ui.js`]: dist('cart-upsell-ui.js'),
      [`${dir}cart-upsell-actions-eccube.js`]: dist('cart-upsell-actions-eccube.js'),
    },
  );
  const shop = await context.newPage();
  const errors: string[] = [];
  // The fixture's own images are not served here; what matters is the widget's messages and page errors.
  shop.on('console', (m) => m.type() === 'error' && m.text().includes('[cart-upsell]') && errors.push(m.text()));
  shop.on('pageerror', (e) => errors.push(String(e)));
  await shop.goto('https://eccube-shop.example/cart');
  // The fixture's cart is ￥8,580: past the ￥5,000 free shipping, ￥1,420 from the gift tier.
  await expect(shop.getByRole('status').filter({ hasText: '送料無料' })).toContainText('あと￥1,420');
  expect(requests).toEqual(expect.arrayContaining([`${dir}cart-upsell.js`, `${dir}cart-upsell-ui.js`, `${dir}cart-upsell-actions-eccube.js`]));
  expect(errors).toEqual([]);
});

test("Shopify: products_export.csv → variant ids from the storefront's /products/{handle}.js via the console code → a theme-asset tag that runs once Liquid renders it", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openConfigurator(page);
  await page.getByLabel('ひな形').selectOption('dawn');
  await expect(page.getByRole('textbox', { name: 'JSON' })).toHaveValue(/"preset": "shopify"/);
  await page.getByLabel('ショップのURL').fill('https://komorebi.example');
  // The platform follows the file: the CSV's headers say Shopify.
  await page.getByLabel('商品CSV').setInputFiles(sample('shopify-products_export.csv'));
  await expect(page.locator('#import-result')).toContainText('Shopifyの商品CSVから 11 件を読み込みました');
  await expect(page.getByLabel('プラットフォーム')).toHaveValue('shopify');
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('がありません（shopify の「はい」にバリアントIDが必要）');

  // The storefront publishes each product at /products/{handle}.js, prices in cents of the currency
  // (Shopify Ajax API, shopify.dev/docs/api/ajax/reference/product). One price changed since the export.
  const catalog = (await configJson(page)).products as { sku: string; price: number; url: string }[];
  await serveShop(
    context,
    'https://komorebi.example',
    { '/': '<!doctype html><title>こもれび</title><p>shop</p>' },
    Object.fromEntries(
      catalog.map((p, i) => {
        const handle = new URL(p.url).pathname.split('/').pop();
        const price = p.sku === 'YU-02' ? 2420 : p.price;
        return [`/products/${handle}.js`, JSON.stringify({ handle, variants: [{ id: 45000000000 + i, sku: p.sku, title: 'Default Title', price: price * 100 }] })];
      }),
    ),
  );
  const shop = await context.newPage();
  await shop.goto('https://komorebi.example/');
  await shop.evaluate((await page.locator('#shopify-id-snippet').textContent()) as string);
  await expect.poll(() => shop.evaluate(() => navigator.clipboard.readText())).toContain('"id":45000000000');
  const found = await shop.evaluate(() => navigator.clipboard.readText());
  await page.getByLabel('コンソールの結果を貼り付け').fill(found);
  await page.getByRole('button', { name: 'IDを反映' }).click();
  await expect(page.locator('#import-result')).toContainText('11 件の商品にバリアントIDを入れました');
  await expect(page.locator('#import-result')).toContainText('YU-02 2200→2420円');
  const cfg = await configJson(page);
  expect(cfg.products.find((p: { sku: string }) => p.sku === 'TN-0123')).toMatchObject({ id: '45000000000', price: 1320, stock: 24 });
  expect(cfg.products.find((p: { sku: string }) => p.sku === 'YU-02').price).toBe(2420);
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');

  await page.getByRole('radio', { name: 'ショップのファイル置き場' }).check();
  const inline = (await page.locator('#snippet-inline').textContent())!;
  expect(inline).toContain(`<script src="{{ 'cart-upsell.js' | asset_url }}" defer></script>`);
  expect(inline.startsWith('{% raw %}<script type="application/json" id="cart-upsell-config">')).toBe(true);
  // What Liquid renders: raw blocks unwrapped, asset_url → the theme's CDN folder with a version query.
  const cdn = 'https://cdn.komorebi-assets.example/cdn/shop/t/1/assets/';
  const rendered = inline.replace('{% raw %}', '').replace('{% endraw %}', '').replace(`{{ 'cart-upsell.js' | asset_url }}`, `${cdn}cart-upsell.js?v=17`);
  const dawn = readFileSync('test/fixtures/shopify-dawn-cart.html', 'utf8').replace('<script src="/dist/cart-upsell.js"></script>', '').replace('</body>', `${rendered}</body>`);
  await serveShop(context, 'https://komorebi.example', { '/cart': dawn }, {});
  await context.route(`${cdn}**`, (r) => r.fulfill({ status: 200, contentType: 'text/javascript', body: dist(new URL(r.request().url()).pathname.split('/').pop()!) }));
  await shop.goto('https://komorebi.example/cart');
  await expect(shop.getByRole('status').filter({ hasText: '送料無料' })).toBeVisible();
});

test("a theme no preset knows: the picker on the shop's own cart page proposes selectors from three clicks, and they read that cart in the config", async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openConfigurator(page);
  await page.getByLabel('プラットフォーム').selectOption('colorme');
  const code = (await page.locator('#picker-code').textContent())!;
  expect(await page.getByRole('link', { name: 'カートの読み取り設定' }).getAttribute('href')).toBe(`javascript:${encodeURIComponent(code)}`);

  const shop = await context.newPage();
  await shop.goto('/e2e/pages/unknown-theme-cart.html');
  await shop.evaluate(code);
  const panel = shop.getByRole('region', { name: 'カートの読み取り設定' });
  await expect(panel).toContainText('「商品名」をクリック');
  await shop.getByRole('link', { name: '急須 白磁' }).click();
  await expect(panel).toContainText('「価格（単価）」');
  await shop.getByText('5,500円').first().click();
  await shop.getByRole('spinbutton', { name: '急須 白磁の数量' }).click();
  await shop.getByText('型番：KY-01').click();
  await panel.getByRole('button', { name: 'ない' }).click(); // no line total picked: unit price × quantity
  await shop.getByText('7,700円', { exact: true }).click();
  // It reads the cart with them and shows it — the recommendation's price and the header row are not lines.
  const table = panel.getByRole('table', { name: '読み取れたカート' });
  await expect(table).toContainText('急須 白磁KY-01￥5,5001');
  await expect(table).toContainText('湯呑み 白磁YU-02￥2,2001');
  await expect(panel).toContainText('2 行を読み取りました。合計 ￥7,700（JPY）');
  await panel.getByRole('button', { name: 'コピー' }).click();
  await expect(panel.getByRole('status')).toContainText('コピーしました');
  const copied = await shop.evaluate(() => navigator.clipboard.readText());

  await page.getByLabel('読み取り設定を貼り付け').fill(copied);
  await page.getByRole('button', { name: '設定に反映' }).click();
  await expect(page.locator('#picker-status')).toContainText('読み取り設定を反映しました。');
  const cfg = await configJson(page);
  expect(cfg.cart.selectors).toEqual(JSON.parse(copied).cart.selectors);
  expect(cfg.cart.preset).toBeUndefined();
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');

  // The inline tag on that same cart page: the widget reads it with the picked selectors.
  const inline = (await page.locator('#snippet-inline').textContent())!;
  const html = readFileSync('e2e/pages/unknown-theme-cart.html', 'utf8').replace('</body>', `${inline}</body>`);
  await shop.setContent(html);
  // ￥7,700 of ￥5,000: free; ￥2,300 to the gift tier at ￥10,000.
  await expect(shop.getByRole('status').filter({ hasText: '送料無料' })).toContainText('あと￥2,300');
  expect(
    await shop.evaluate(() =>
      (window as any).CartUpsell.readCart(JSON.parse(document.getElementById('cart-upsell-config')!.textContent!).cart).items.map((i: { sku: string; quantity: number }) => `${i.sku}×${i.quantity}`),
    ),
  ).toEqual(['KY-01×1', 'YU-02×1']);
});
