import { test, expect } from '@playwright/test';
import { watchConsole } from './helpers';
import { mkdirSync } from 'node:fs';
import { signIn } from '../admin';

test.beforeEach(({ page }) => signIn(page));

test('the seed 000 scenario: AOV ￥3,000 → ￥3,500, profit ￥1,200,000 → ￥1,525,000 (+￥325,000)', async ({ page }) => {
  const c = watchConsole(page);
  await page.goto('/demo/site/dashboard/');
  // Change an input first, so the preset has to put the article's figures back.
  await page.getByLabel('アップセル成功率（%）').fill('10');
  await page.getByRole('button', { name: '記事の例（seed 000）を読み込む' }).click();
  await expect(page.getByLabel('月間販売数（個）')).toHaveValue('1000');
  const scenario = page.getByRole('region', { name: '利益シミュレーション（計画用）' });
  const aov = scenario.getByRole('row', { name: /平均単価/ });
  await expect(aov).toContainText('￥3,000');
  await expect(aov).toContainText('￥3,500');
  await expect(aov).toContainText('+￥500');
  const profit = scenario.getByRole('row', { name: /月間利益/ });
  await expect(profit).toContainText('￥1,200,000');
  await expect(profit).toContainText('￥1,525,000');
  await expect(profit).toContainText('+￥325,000');
  await expect(scenario.getByRole('row', { name: /年間の利益増加/ })).toContainText('+￥3,900,000');
  await expect(scenario.getByText('利益 = 通常 750個 × ￥1,200 + 上位 250個 × ￥2,500')).toBeVisible();
  // The merchant's own numbers: 40 % take moves the average to ￥3,800.
  await page.getByLabel('アップセル成功率（%）').fill('40');
  await expect(aov).toContainText('￥3,800');
  c.expectNone();
});

test('English toggle shows the same figures in English', async ({ page }) => {
  await page.goto('/demo/site/dashboard/');
  await page.getByRole('button', { name: 'Show this page in English' }).click();
  await page.getByRole('button', { name: 'Load the seed 000 example' }).click();
  await expect(page.getByRole('row', { name: /Profit a month/ })).toContainText('+￥325,000');
});

// A known month (March 2025, which no other test writes to): the dashboard must show exactly what
// these events imply, computed by hand below.
test('a known month: conversion, revenue per visitor, order value, the profit formula and revenue confirmed by orders', async ({ page, request }) => {
  const p = `e2e-dash-${Date.now().toString(36)}`;
  let n = 0;
  const at = (day: number, min = 0) => new Date(Date.UTC(2025, 2, day, 1, min)).toISOString();
  const dx = { sku: 'TN-0123-DX', quantity: 2, price: 2420 };
  const ev = (visitor: string, o: Record<string, unknown> = {}) => ({
    id: `${p}-${n++}`,
    type: 'impression',
    offerId: 'up-tenugui',
    offerType: 'upsell',
    time: at(3),
    currency: 'JPY',
    cartSubtotal: 2640,
    value: 2200,
    visitorId: `${p}-${visitor}`,
    sessionId: `${p}-${visitor}-s`,
    variant: 'value',
    holdout: false,
    items: [dx],
    page: 'http://127.0.0.1/demo/site/shops/wa/cart.html',
    version: 'e2e',
    ...o,
  });
  const order = (visitor: string, total: number, items: unknown[], o: Record<string, unknown> = {}) => ({
    id: `order-${p}-${visitor}`,
    type: 'order',
    orderId: `${p}-${visitor}`,
    total,
    time: at(3, 30),
    currency: 'JPY',
    visitorId: `${p}-${visitor}`,
    sessionId: `${p}-${visitor}-s`,
    variant: null,
    holdout: false,
    items,
    page: 'http://127.0.0.1/thanks',
    version: 'e2e',
    ...o,
  });
  const events = [
    // Shown: v1 accepts the upgrade and orders it (￥9,000); v2 declines and orders ￥5,000; v3 buys nothing;
    // v4's card came back three times on one page view (one impression) and buys nothing.
    ev('v1'),
    ev('v1', { type: 'accept', time: at(3, 1) }),
    order('v1', 9000, [dx, { sku: 'OTHER', quantity: 1, price: 4160 }]),
    ev('v2', { variant: 'longevity' }),
    ev('v2', { type: 'decline', variant: 'longevity', time: at(3, 1) }),
    order('v2', 5000, [{ sku: 'TN-0123', quantity: 2, price: 1320 }]),
    ev('v3'),
    ev('v4', { variant: 'longevity' }),
    ev('v4', { variant: 'longevity' }),
    ev('v4', { variant: 'longevity' }),
    // Holdout: h1 would have seen the upgrade and orders ￥4,000; h2 buys nothing.
    ev('h1', { holdout: true }),
    order('h1', 4000, [{ sku: 'TN-0123', quantity: 1, price: 1320 }], { holdout: true }),
    ev('h2', { holdout: true }),
  ];
  const res = await request.post('/events', { data: JSON.stringify({ events: [...events, events[1]] }), headers: { 'content-type': 'text/plain' } });
  expect(res.ok()).toBe(true);

  const c = watchConsole(page);
  await page.goto('/demo/site/dashboard/?from=2025-03-01&to=2025-03-31&margin=40');
  await expect(page.getByRole('status').filter({ hasText: '2025-03-01' })).toContainText('提案に出会った訪問者 6人、注文 3件');

  // Shown: 2 of 4 buy (50.0 %), ￥14,000 ÷ 4 = ￥3,500 per visitor, ￥7,000 an order.
  // Holdout: 1 of 2 (50.0 %), ￥2,000 per visitor, ￥4,000 an order.
  const lift = page.getByRole('region', { name: '提案あり vs 提案なし' });
  const rpv = lift.getByRole('row', { name: /^1訪問者あたり売上/ });
  await expect(rpv.getByRole('cell').nth(0)).toContainText('￥3,500');
  await expect(rpv.getByRole('cell').nth(1)).toContainText('￥2,000');
  await expect(rpv).toContainText('+75.0%');
  await expect(
    lift
      .getByRole('row', { name: /^購入率/ })
      .getByRole('cell')
      .nth(0),
  ).toContainText('50.0%');
  await expect(
    lift
      .getByRole('row', { name: /^平均注文額/ })
      .getByRole('cell')
      .nth(0),
  ).toContainText('￥7,000');
  await expect(
    lift
      .getByRole('row', { name: /^平均注文額/ })
      .getByRole('cell')
      .nth(1),
  ).toContainText('￥4,000');
  // Six visitors decide nothing: no winner is named.
  await expect(lift.getByText(/の方が高い/)).toHaveCount(0);
  await expect(rpv).toContainText(/まだ判断できません：あと約[\d,]+人の訪問者が必要|データが足りません/);

  // One profit figure: (￥3,500 − ￥2,000) × 4 visitors × 40 % = ￥2,400, with its formula.
  const pay = page.getByRole('region', { name: '儲かっていますか？' });
  await expect(pay.getByText('+￥2,400', { exact: true })).toBeVisible();
  await expect(pay.getByText('= （1訪問者あたり売上 提案あり ￥3,500 − 提案なし ￥2,000）× 提案ありの訪問者 4人 × 粗利率 40%')).toBeVisible();
  await page.getByLabel('粗利率（%）').fill('30');
  await expect(pay.getByText('+￥1,800', { exact: true })).toBeVisible();

  // Per offer, by name: 4 page views (v4's three appearances are one), 1 accepted (25.0 %), and the
  // ￥2,200 the upgrade added found in v1's order.
  const offers = page.getByRole('region', { name: '提案ごとの成果' });
  const up = offers.getByRole('row', { name: /手ぬぐい 青海波 → 手ぬぐい 青海波 特撰/ });
  await expect(up.getByRole('cell').nth(1)).toHaveText('4');
  await expect(up.getByRole('cell').nth(2)).toContainText('25.0%');
  await expect(up.getByRole('cell').nth(5)).toContainText('￥2,200');
  await expect(offers.getByText('この期間の注文 3件・￥18,000（うち提案に出会った訪問者から 3件）')).toBeVisible();

  // Copy variants: "value" (v1, v3) against "longevity" (v2, v4).
  const variants = page.getByRole('region', { name: '文言（コピー）の A/B テスト' });
  await expect(variants.getByRole('heading', { name: '手ぬぐい 青海波 → 手ぬぐい 青海波 特撰：「value」vs「longevity」' })).toBeVisible();

  // The trend charts are drawn (uPlot canvases) and named.
  await expect(page.getByRole('img', { name: '1訪問者あたり売上（円）' }).locator('canvas').first()).toBeVisible();
  await expect(page.getByRole('img', { name: '購入率（%）' }).locator('canvas').first()).toBeVisible();
  c.expectNone();
});

test('the simulator of known effect fills the dashboard; screenshots at 1280 × 800 and 390 × 844', async ({ page }) => {
  test.setTimeout(120_000);
  const c = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/demo/site/dashboard/');
  await page.getByLabel('訪問者数').fill('3000');
  await page.getByRole('button', { name: 'シミュレーターを実行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '送信しました' })).toBeVisible({ timeout: 90_000 });
  await expect(page.getByRole('status').filter({ hasText: '提案に出会った訪問者' })).toBeVisible({ timeout: 60_000 });
  const lift = page.getByRole('region', { name: '提案あり vs 提案なし' });
  await expect(lift.getByRole('row', { name: /^1訪問者あたり売上/ })).toContainText(/%（/);
  await expect(page.getByRole('region', { name: '儲かっていますか？' }).getByText(/^= （1訪問者あたり売上/)).toBeVisible();
  await expect(page.getByRole('region', { name: '提案ごとの成果' }).getByRole('row', { name: /八女煎茶/ })).toBeVisible();
  if (process.env.SCREENSHOTS) {
    mkdirSync('docs/screenshots', { recursive: true });
    await page.getByRole('region', { name: '儲かっていますか？' }).scrollIntoViewIfNeeded();
    await page.evaluate(() => window.scrollTo(0, document.getElementById('pay-title')!.getBoundingClientRect().top + window.scrollY - 16));
    await page.screenshot({ path: 'docs/screenshots/dashboard-desktop-ja.png' });
    await page.getByRole('region', { name: '提案ごとの成果' }).screenshot({ path: 'docs/screenshots/dashboard-offers-desktop-ja.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    await page.evaluate(() => window.scrollTo(0, document.getElementById('pay-title')!.getBoundingClientRect().top + window.scrollY - 8));
    await page.screenshot({ path: 'docs/screenshots/dashboard-mobile-ja.png' });
    await page.getByRole('region', { name: '提案あり vs 提案なし' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'docs/screenshots/dashboard-lift-mobile-ja.png' });
  }
  c.expectNone();
});
