import { test, expect } from '@playwright/test';
import { asShopper, lookAt, watchConsole } from './helpers';
import { promptEvent, sendEvents, signIn } from '../admin';

test.beforeEach(({ page }) => signIn(page));

test('events from a scripted shopper appear in the live panel, newest first', async ({ page, context }) => {
  const c = watchConsole(page);
  await page.goto('/demo/site/events/');
  await expect(page.getByRole('status')).toContainText(/件|events/);

  const shop = await context.newPage();
  const visitor = await asShopper(shop);
  // This shopper's events only: other shoppers (the suite's other tests) may send hundreds meanwhile.
  await page.getByRole('searchbox', { name: '訪問者ID（前方一致）' }).fill(visitor);
  await expect(page).toHaveURL(new RegExp(`visitor=${visitor}`));
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
  // Filtered: every row is this shopper's.
  expect(texts.slice(1).every((t) => t.includes(visitor))).toBe(true);
  await expect(rows.filter({ hasText: '承諾' }).first()).toContainText('￥1,100');
  c.expectNone();
  await shop.close();
});

// A device whose clock runs an hour fast stamps its events ahead of everyone's. With 200 events
// listed (the most the panel shows), later arrivals must still appear, and so must the filter's.
test('the live panel keeps up past an event stamped ahead, and filters by visitor id', async ({ page, request }) => {
  const run = `e2e-ahead-${Date.now().toString(36)}`;
  const event = (n: number, ms: number) => promptEvent(`${run}-${n}`, { time: new Date(Date.now() + ms).toISOString(), visitorId: n === 1 ? `${run}-late` : `${run}-v${n % 2}`, sessionId: run });
  await sendEvents(
    request,
    Array.from({ length: 200 }, (_, i) => event(i + 2, -60_000)),
  );
  await sendEvents(request, [event(0, 3600_000)]);
  await page.goto('/demo/site/events/');
  await expect(page.getByRole('status')).toContainText('新しい順に200件');
  await sendEvents(request, [event(1, 0)]);
  await expect(page.getByRole('row').filter({ hasText: `${run}-late` })).toHaveCount(1, { timeout: 10_000 });

  await page.getByRole('searchbox', { name: '訪問者ID（前方一致）' }).fill(`${run}-v1`);
  await expect(page.getByRole('status')).toContainText('新しい順に100件');
  const visitors = await page.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => r.lastElementChild?.textContent));
  expect(new Set(visitors)).toEqual(new Set([`${run}-v1`]));
  await page.reload();
  await expect(page.getByRole('searchbox', { name: '訪問者ID（前方一致）' })).toHaveValue(`${run}-v1`);
  await page.getByRole('searchbox', { name: '訪問者ID（前方一致）' }).fill(`${run}-none`);
  await expect(page.getByText(`訪問者ID「${run}-none」で始まるイベントはまだありません。`)).toBeVisible();
});
