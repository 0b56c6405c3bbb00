import { test, expect } from '@playwright/test';
import { asShopper, lookAt, watchConsole } from './helpers';

// The shopper's whole path on a sample shop: add → prompt on the cart change → cart page →
// prompt on the checkout click → thank-you page.
for (const shop of ['wa', 'eccube', 'dawn'] as const) {
  test(`${shop}: product list, cart and checkout pages load without console errors`, async ({ page }) => {
    const c = watchConsole(page);
    await asShopper(page);
    for (const p of ['index.html', 'cart.html', 'checkout.html']) {
      await page.goto(`/demo/site/shops/${shop}/${p}`);
      await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    }
    c.expectNone();
  });
}

test('wa: add → upgrade on the cart change → cart page with the set and the volume step (two cards) → upgrade at checkout → thank-you page', async ({ page }) => {
  const c = watchConsole(page);
  await asShopper(page);
  await page.goto('/demo/site/shops/wa/index.html');
  await lookAt(page);
  await page.getByRole('button', { name: '手ぬぐい 青海波をカートに入れる' }).click();
  const up = page.getByRole('dialog', { name: /手ぬぐい 青海波 特撰(にしませんか|はいかがですか)？/ });
  await expect(up).toBeVisible();
  await expect(up).toContainText('+￥1,100');
  await up.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The fake cart carried the "yes" out: the line is now the upgrade.
  await expect(page.getByRole('row', { name: /手ぬぐい 青海波 特撰/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /手ぬぐい 青海波 2,420円/ })).toHaveCount(0);

  await page.getByRole('button', { name: '急須 白磁をカートに入れる' }).click();
  await page.getByRole('link', { name: 'カートを見る' }).click();
  await expect(page).toHaveURL(/cart\.html$/);
  // ￥2,420 + ￥5,500 = ￥7,920: free shipping (￥5,000) reached, ￥2,080 to the gift tier.
  await expect(page.getByRole('status').filter({ hasText: '送料無料' })).toContainText('送料無料の対象です');
  await expect(page.getByRole('status').filter({ hasText: '送料無料' })).toContainText('￥2,080');
  // A desktop's budget: the two cards of highest expected value; the related teas wait.
  await expect(page.getByText('セット価格')).toBeVisible();
  await expect(page.getByText('あと2点で10%オフ')).toBeVisible();
  await expect(page.getByRole('button', { name: '八女煎茶 100gを追加' })).toHaveCount(0);

  await page.getByRole('link', { name: 'レジに進む' }).click();
  const kyusu = page.getByRole('dialog', { name: /急須 常滑焼 朱泥/ });
  await expect(kyusu).toBeVisible();
  await expect(kyusu).toContainText('+￥3,300');
  await kyusu.getByRole('button', { name: '閉じる' }).click();
  await expect(page).toHaveURL(/checkout\.html$/);
  await expect(page.getByRole('heading', { name: 'ご注文ありがとうございました' })).toBeVisible();
  await expect(page.getByText('急須 白磁 × 1')).toBeVisible();
  c.expectNone();
});

test('eccube: "no" to the upgrade brings the cheaper fallback once; "yes" to it replaces the line', async ({ page }) => {
  const c = watchConsole(page);
  await asShopper(page);
  await page.goto('/demo/site/shops/eccube/index.html');
  await lookAt(page);
  await page.getByRole('button', { name: '手ぬぐい 青海波をカートに入れる' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'このままにする' }).click();
  const down = page.getByRole('dialog', { name: /手ぬぐい 青海波 上/ });
  await expect(down).toBeVisible();
  await expect(down).toContainText('+￥440');
  await down.getByRole('button', { name: '変更する' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('list', { name: '手ぬぐい 青海波 上', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '手ぬぐい 青海波 上の数量を増やす' }).click();
  await page.getByRole('button', { name: '手ぬぐい 青海波 上の数量を増やす' }).click();
  await expect(page.locator('.ec-cartRole .ec-cartRow__amount')).toHaveText('3');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  c.expectNone();
});

test('dawn: quantity buttons and remove re-render the cart and the free-shipping bar follows', async ({ page }) => {
  const c = watchConsole(page);
  await asShopper(page);
  await page.goto('/demo/site/shops/dawn/index.html');
  await page.getByRole('button', { name: '湯呑み 白磁をカートに追加' }).click();
  await page.goto('/demo/site/shops/dawn/cart.html');
  const bar = page.getByRole('status').filter({ hasText: '送料無料' });
  await expect(bar).toContainText('あと￥2,800で送料無料');
  await page.getByRole('button', { name: '湯呑み 白磁の数量を増やす' }).click();
  await expect(bar).toContainText('あと￥600で送料無料');
  await page.getByRole('link', { name: '湯呑み 白磁を削除' }).click();
  await expect(page.getByText('カートは空です')).toBeVisible();
  c.expectNone();
});
