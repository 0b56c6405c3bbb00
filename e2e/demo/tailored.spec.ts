import { test, expect, type Page } from '@playwright/test';
import { asShopper, watchConsole } from './helpers';

// The sample shops on their own tailored scripts (`npm run build` writes dist/shops/<id>/ with
// `cart-upsell build`): the page's tag still names /dist/cart-upsell.js, answered here with the
// shop's file, and the prompt file it loads from beside it with the shop's prompt file.
async function onTailoredBuild(page: Page, shop: string) {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route(/\/dist\/cart-upsell(-ui)?\.js$/, async (route) => {
    const file = new URL(route.request().url()).pathname.endsWith('-ui.js') ? 'cart-upsell-ui.js' : 'cart-upsell.js';
    const res = await route.fetch({ url: new URL(`/dist/shops/${shop}/${file}`, route.request().url()).href });
    expect(res.status()).toBe(200);
    await route.fulfill({ response: res });
  });
  return requested;
}

test('wa on its tailored build: upgrade on the add, bar, set and related items on the cart page, upgrade at checkout; the config is never fetched', async ({ page }) => {
  const c = watchConsole(page);
  const requested = await onTailoredBuild(page, 'wa');
  await asShopper(page);
  await page.goto('/demo/site/shops/wa/index.html');
  // Only what the shop's config uses is in the file: no config check, no diagnose, no preview.
  expect(await page.evaluate(() => Object.keys((window as unknown as { CartUpsell: object }).CartUpsell).sort())).toEqual(['readCart', 'refresh', 'start', 'stop', 'trackOrder', 'version']);
  await page.getByRole('button', { name: '手ぬぐい 青海波をカートに入れる' }).click();
  const up = page.getByRole('dialog', { name: /手ぬぐい 青海波 特撰(にしませんか|はいかがですか)？/ });
  await expect(up).toBeVisible();
  await expect(up).toContainText('+￥1,100');
  await up.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('row', { name: /手ぬぐい 青海波 特撰/ })).toBeVisible();

  await page.getByRole('button', { name: '急須 白磁をカートに入れる' }).click();
  await page.getByRole('link', { name: 'カートを見る' }).click();
  // ￥2,420 + ￥5,500 = ￥7,920: free shipping (￥5,000) reached, ￥2,080 to the gift tier.
  const bar = page.getByRole('status').filter({ hasText: '送料無料' });
  await expect(bar).toContainText('送料無料の対象です');
  await expect(bar).toContainText('￥2,080');
  await expect(page.getByText('セット価格')).toBeVisible();
  // Two cards at most on a desktop: the related teas wait for a later moment.
  await expect(page.getByRole('button', { name: '八女煎茶 100gを追加' })).toHaveCount(0);

  // The checkout trigger is in: one of the shop's offers speaks at checkout.
  await page.getByRole('link', { name: 'レジに進む' }).click();
  const kyusu = page.getByRole('dialog', { name: /急須 常滑焼 朱泥/ });
  await expect(kyusu).toBeVisible();
  await kyusu.getByRole('button', { name: '閉じる' }).click();
  await expect(page.getByRole('heading', { name: 'ご注文ありがとうございました' })).toBeVisible();
  expect(requested.filter((p) => p.endsWith('cart-upsell.json'))).toEqual([]);
  expect(requested.filter((p) => p.endsWith('cart-upsell-ui.js')).length).toBeGreaterThan(0);
  c.expectNone();
});

for (const shop of ['eccube', 'dawn'] as const) {
  test(`${shop} on its tailored build: the cart page shows the free-shipping bar for the cart on the page`, async ({ page }) => {
    const c = watchConsole(page);
    await onTailoredBuild(page, shop);
    await asShopper(page);
    await page.goto(`/demo/site/shops/${shop}/index.html`);
    await page.getByRole('button', { name: /湯呑み 白磁をカートに(入れる|追加)/ }).click();
    await page.goto(`/demo/site/shops/${shop}/cart.html`);
    // ￥2,200 in the cart, free shipping from ￥5,000.
    await expect(page.getByRole('status').filter({ hasText: '送料無料' })).toContainText('あと￥2,800で送料無料');
    expect(await page.evaluate(() => (window as unknown as { CartUpsell: { readCart(): { subtotal: number } } }).CartUpsell.readCart().subtotal)).toBe(2200);
    c.expectNone();
  });
}
