import { test, expect } from '@playwright/test';
import { asShopper, lookAt, watchConsole } from './helpers';
import { signIn } from '../admin';

test.beforeEach(({ page }) => signIn(page));

test('events from a scripted shopper appear in the live panel, newest first', async ({ page, context }) => {
  const c = watchConsole(page);
  await page.goto('/demo/site/events/');
  await expect(page.getByRole('status')).toContainText(/件|events/);

  const shop = await context.newPage();
  const visitor = await asShopper(shop);
  await shop.goto('/demo/site/shops/dawn/index.html');
  await lookAt(shop);
  await shop.getByRole('button', { name: '手ぬぐい 青海波をカートに追加' }).click();
  const dialog = shop.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '変更する' }).click();
  await expect(dialog).toHaveCount(0);
  // The widget batches events and sends them within its flush interval while the page stays open
  // (leaving the page is covered by the delivery fault suite).

  const rows = page.getByRole('row').filter({ hasText: visitor });
  await expect(rows.filter({ hasText: '承諾' }).filter({ hasText: 'up-tenugui' })).toHaveCount(1, { timeout: 15_000 });
  await expect(rows.filter({ hasText: '表示' }).filter({ hasText: 'up-tenugui（upsell）' }).first()).toBeVisible();
  // Newest first: the acceptance is listed above its impression.
  const texts = await page.getByRole('row').allTextContents();
  const acceptAt = texts.findIndex((t) => t.includes('承諾') && t.includes('up-tenugui'));
  const shownAt = texts.findIndex((t, i) => i > acceptAt && t.includes('up-tenugui（upsell）') && t.includes('表示'));
  expect(acceptAt).toBeGreaterThan(0);
  expect(shownAt).toBeGreaterThan(acceptAt);
  await expect(rows.filter({ hasText: '承諾' }).first()).toContainText('￥1,100');
  c.expectNone();
  await shop.close();
});
