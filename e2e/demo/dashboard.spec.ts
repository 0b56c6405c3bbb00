import { test, expect } from '@playwright/test';
import { watchConsole } from './helpers';
import { ADMIN_TOKEN, signIn } from '../admin';

test.beforeEach(({ page }) => signIn(page));

test('the seed 000 scenario: AOV ￥3,000 → ￥3,500, profit ￥1,200,000 → ￥1,525,000 (+￥325,000)', async ({ page }) => {
  const c = watchConsole(page);
  await page.goto('/demo/site/dashboard/');
  // Change an input first, so the preset has to put the article's figures back.
  await page.getByLabel('アップセル成功率（%）').fill('10');
  await page.getByRole('button', { name: '記事の例（seed 000）を読み込む' }).click();
  await expect(page.getByLabel('月間販売数（個）')).toHaveValue('1000');
  const scenario = page.getByRole('region', { name: '利益シミュレーション（アップセル）' });
  const aov = scenario.getByRole('row', { name: /平均単価/ });
  await expect(aov).toContainText('￥3,000');
  await expect(aov).toContainText('￥3,500');
  await expect(aov).toContainText('+￥500');
  const profit = scenario.getByRole('row', { name: /月間利益/ });
  await expect(profit).toContainText('￥1,200,000');
  await expect(profit).toContainText('￥1,525,000');
  await expect(profit).toContainText('+￥325,000');
  await expect(scenario.getByRole('row', { name: /年間の利益増加/ })).toContainText('+￥3,900,000');
  await expect(scenario.getByRole('img', { name: /月間利益/ })).toBeVisible();
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

// A known set of events under a visitor prefix nobody else uses: the dashboard, filtered to it,
// must show exactly what these events imply.
test('dashboard figures equal those computed from the posted events', async ({ page, request }) => {
  const p = `e2e-dash-${Date.now().toString(36)}`;
  let n = 0;
  const ev = (o: Record<string, unknown>) => ({
    id: `${p}-${n++}`, type: 'impression', offerId: 'up-tenugui', offerType: 'upsell', time: new Date().toISOString(), currency: 'JPY',
    cartSubtotal: 2640, value: 2200, visitorId: `${p}-v1`, sessionId: `${p}-s1`, variant: 'value', holdout: false,
    items: [{ sku: 'TN-0123-DX', quantity: 2, price: 2420 }], page: 'http://127.0.0.1/demo/site/shops/wa/cart.html', version: 'e2e', ...o,
  });
  const events = [
    // Session 1 (variant value): shown, accepted; the next look at the cart is ￥4,840.
    ev({}), ev({ type: 'accept' }), ev({ offerId: 'vol-tenugui', offerType: 'volume', value: 0, cartSubtotal: 4840, variant: null, items: [] }),
    // Session 2 (variant longevity): shown twice, declined; the downsell shown and accepted (+￥880).
    ev({ sessionId: `${p}-s2`, visitorId: `${p}-v2`, variant: 'longevity' }),
    ev({ sessionId: `${p}-s2`, visitorId: `${p}-v2`, variant: 'longevity' }),
    ev({ sessionId: `${p}-s2`, visitorId: `${p}-v2`, variant: 'longevity', type: 'decline' }),
    ev({ sessionId: `${p}-s2`, visitorId: `${p}-v2`, variant: 'longevity', offerType: 'downsell', value: 880 }),
    ev({ sessionId: `${p}-s2`, visitorId: `${p}-v2`, variant: 'longevity', offerType: 'downsell', value: 880, type: 'accept' }),
    ev({ sessionId: `${p}-s2`, visitorId: `${p}-v2`, offerId: 'x-tea', offerType: 'cross-sell', value: 1080, variant: null, cartSubtotal: 3520 }),
    // Holdout session: would have seen the upgrade; its order stays at ￥2,640.
    ev({ sessionId: `${p}-s3`, visitorId: `${p}-v3`, holdout: true }),
  ];
  const res = await request.post('/events', { data: JSON.stringify({ events: [...events, events[1]] }), headers: { 'content-type': 'text/plain' } });
  expect(res.ok()).toBe(true);

  const c = watchConsole(page);
  await page.goto(`/demo/site/dashboard/?visitor=${p}`);
  await expect(page.getByRole('status').filter({ hasText: 'イベント' })).toContainText('10件のイベント');
  const summary = page.getByRole('region', { name: '概要' });
  // Shown prompts (holdout excluded): 1 + 2 + 1 (downsell) + 1 (volume) + 1 (cross-sell) = 6; 2 accepted.
  await expect(summary.getByRole('group', { name: '表示回数' })).toContainText('6');
  await expect(summary.getByRole('group', { name: '承諾数' })).toContainText('2');
  await expect(summary.getByRole('group', { name: '承諾数' })).toContainText('33.3%');
  await expect(summary.getByRole('group', { name: '追加された売上' })).toContainText('￥3,080');
  // Order value: sessions with prompts (￥4,840 + ￥3,520) / 2 = ￥4,180 vs holdout ￥2,640: +￥1,540.
  await expect(summary.getByRole('group', { name: '客単価の差（提案あり − なし）' })).toContainText('￥1,540');
  const aov = page.getByRole('region', { name: /客単価：提案あり/ });
  await expect(aov.getByRole('row', { name: /^提案あり/ })).toContainText('￥4,180');
  await expect(aov.getByRole('row', { name: /holdout/ })).toContainText('￥2,640');

  // Per offer: the upgrade shown 3 times, accepted once (33.3 %), ￥2,200 added.
  const offers = page.getByRole('region', { name: '提案ごとの承諾率' });
  const up = offers.getByRole('row', { name: /^up-tenugui アップセル/ });
  await expect(up).toContainText('33.3%');
  await expect(up).toContainText('￥2,200');
  await expect(offers.getByRole('row', { name: /up-tenugui \(downsell\)/ })).toContainText('100.0%');
  await expect(offers.getByRole('img', { name: /承諾率/ })).toBeVisible();

  // Per variant: value 1/1, longevity 0/2; far too few to judge.
  const variants = page.getByRole('region', { name: '文言（コピー）の A/B テスト' });
  const upVariants = variants.getByRole('table', { name: 'up-tenugui 文言ごと' });
  await expect(upVariants.getByRole('row', { name: /^value/ })).toContainText('100.0%');
  await expect(upVariants.getByRole('row', { name: /^longevity/ })).toContainText('0.0%');
  // The fallback inherits the visitor's copy: longevity 1 of 1 there.
  await expect(variants.getByRole('table', { name: 'up-tenugui (downsell) 文言ごと' }).getByRole('row', { name: /^longevity/ })).toContainText('100.0%');
  await expect(variants.getByText('判定にはデータが足りません').first()).toBeVisible();

  // Profit at 30 %: ￥3,080 × 0.3 = ￥924; per order ￥1,540 × 0.3 = ￥462.
  await page.getByLabel('粗利率（%）').fill('30');
  const profit = page.getByRole('region', { name: '利益への効果（実測）' });
  await expect(profit.getByRole('row', { name: /追加売上 × 粗利率/ })).toContainText('￥924');
  await expect(profit.getByRole('row', { name: /客単価の差 × 粗利率/ })).toContainText('￥462');
  c.expectNone();
});

test('the traffic simulator fills the dashboard, with a significance verdict between the two copies', async ({ page }) => {
  const c = watchConsole(page);
  await page.goto('/demo/site/dashboard/');
  await page.getByLabel('買い物客の数').fill('400');
  await page.getByLabel('承諾率：文言 value（%）').fill('45');
  await page.getByLabel('承諾率：文言 longevity（%）').fill('5');
  await page.getByRole('button', { name: 'シミュレーターを実行' }).click();
  await expect(page.getByRole('status').filter({ hasText: '送信しました' })).toBeVisible({ timeout: 15_000 });
  const prefix = await page.evaluate(async (token) => {
    const r = await fetch('/events?order=desc&limit=1', { headers: { authorization: `Bearer ${token}` } });
    const { events } = await r.json();
    return String(events[0].visitorId).split('-').slice(0, 2).join('-');
  }, ADMIN_TOKEN);
  await page.getByLabel('訪問者IDの先頭で絞り込み').fill(prefix);
  await page.getByRole('button', { name: '更新' }).click();
  await expect(page.getByText('「value」の承諾率が有意に高い')).toBeVisible();
  const aov = page.getByRole('region', { name: /客単価：提案あり/ });
  await expect(aov.getByRole('row', { name: /holdout/ })).not.toContainText(/\s0\s/);
  c.expectNone();
});
