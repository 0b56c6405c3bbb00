import { test, expect, type Page } from '@playwright/test';

// The offers on a hand-made shop's cart page (e2e/pages/offers.json): each appears when it should,
// with the exact amounts, and not when it shouldn't.
const qty = (page: Page, name: RegExp) => page.getByRole('row', { name }).getByLabel('数量');

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/pages/offers-cart.html');
});

test('cart view: two cards on a desktop — the set with its saving, cross-sell ranked by the 10–20 % band; the volume step waits', async ({ page }) => {
  // Cross-sell for the ￥4,472 湯呑み: ￥447–894 fits best, the ￥2,200 小皿 comes last.
  const cross = page.getByRole('complementary').filter({ hasText: '湯呑み 白磁と一緒にどうぞ' });
  await expect(cross).toBeVisible();
  const names = await cross.getByRole('button', { name: /を追加$/ }).allTextContents();
  const labels = await cross.getByRole('button', { name: /を追加$/ }).evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent));
  expect(labels.length || names.length).toBe(3);
  const order = labels.join(' ');
  expect(order.indexOf('蚊帳ふきん')).toBeLessThan(order.indexOf('小皿 藍'));
  expect(order.indexOf('箸置き 桜')).toBeLessThan(order.indexOf('小皿 藍'));

  // The set: ￥9,000 against ￥9,972 for the parts.
  const set = page.getByText('セットでお得').locator('xpath=ancestor::*[.//s][1]');
  await expect(set).toContainText('￥9,000');
  await expect(set.locator('s')).toContainText('￥9,972');
  await expect(set).toContainText('￥972お得');

  // Two 手ぬぐい in the cart, the tier starts at three: worth less than the two cards, it waits.
  await page.waitForTimeout(300);
  await expect(page.getByText('あと1点で10%オフ')).toHaveCount(0);
  // No pop-up on simply viewing the cart, and nothing from an expired offer.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('去年の福袋')).toHaveCount(0);
});

test('a quantity change brings the upgrade with the exact difference; "no" brings the cheaper fallback once', async ({ page }) => {
  await expect(page.getByText('セットでお得')).toBeVisible();
  await qty(page, /手ぬぐい/).fill('3');
  const dialog = page.getByRole('dialog', { name: '手ぬぐい 青海波 特撰にしませんか？' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('+￥1,100');
  await expect(dialog).toContainText('￥3,300');
  await expect(dialog).toContainText('綿100%・職人の注染');
  // The upgrade takes the whole budget while it is open: the cards step aside.
  await expect(page.getByText('セットでお得')).toHaveCount(0);

  await dialog.getByRole('button', { name: 'このままにする' }).click();
  const fallback = page.getByRole('dialog', { name: '手ぬぐい 青海波 上はいかがですか？' });
  await expect(fallback).toBeVisible();
  await expect(fallback).toContainText('+￥440');
  await fallback.getByRole('button', { name: 'このままにする' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // Nothing more this visit, and after a reload the declined upgrade stays away.
  await qty(page, /手ぬぐい/).fill('4');
  await page.waitForTimeout(500);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('status')).toBeVisible();
  await qty(page, /手ぬぐい/).fill('5');
  await page.waitForTimeout(500);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the checkout click is held once for the upgrade, then goes on', async ({ page }) => {
  await expect(page.getByRole('status')).toBeVisible();
  await page.getByRole('link', { name: 'レジに進む' }).click();
  const dialog = page.getByRole('dialog', { name: '手ぬぐい 青海波 特撰にしませんか？' });
  await expect(dialog).toBeVisible();
  expect(new URL(page.url()).hash).toBe('');
  await dialog.getByRole('button', { name: '閉じる' }).click();
  await expect(page).toHaveURL(/#checkout$/);
});

test('no upgrade when the cart lacks the item it upgrades', async ({ page }) => {
  await qty(page, /手ぬぐい/).fill('0');
  await page.evaluate(() => document.querySelector('#cart .line')!.remove());
  await qty(page, /湯呑み/).fill('3');
  await page.waitForTimeout(500);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('status')).toContainText('送料無料の対象です');
});

test('every prompt shown and answered is an event on document with its value', async ({ page }) => {
  const events: { type: string; offerId: string; offerType: string; value: number }[] = [];
  await page.exposeFunction('seen', (e: { type: string; offerId: string; offerType: string; value: number }) => events.push(e));
  await page.addInitScript(() => {
    for (const t of ['impression', 'accept', 'decline', 'dismiss']) document.addEventListener(`cart-upsell:${t}`, (e) => (window as any).seen((e as CustomEvent).detail));
  });
  await page.reload();
  await expect(page.getByText('セットでお得')).toBeVisible();
  await qty(page, /手ぬぐい/).fill('2');
  await qty(page, /手ぬぐい/).fill('3');
  await page.getByRole('dialog').getByRole('button', { name: 'このままにする' }).click();
  await expect(page.getByRole('dialog', { name: /上はいかがですか/ })).toBeVisible();
  await expect
    .poll(() => events.map((e) => `${e.type} ${e.offerType} ${e.offerId} ${e.value}`))
    .toEqual(
      expect.arrayContaining([
        'impression cross-sell x-yunomi 880',
        'impression bundle set-tea 4528',
        'impression upsell up-tenugui 3300',
        'decline upsell up-tenugui 3300',
        'impression downsell up-tenugui 1320',
      ]),
    );
});
