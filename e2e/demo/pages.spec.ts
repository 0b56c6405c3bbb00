import { test, expect } from '@playwright/test';
import { watchConsole } from './helpers';

// `npm start` opens the start page: a merchant's first contact. Every page it leads to must load
// cleanly and every link on it must go somewhere.

const pages = [
  { path: '/', heading: 'script タグ1行で、カートに「ちょうどいい一言」を。' },
  { path: '/demo/site/events/', heading: 'ライブイベント' },
  { path: '/demo/site/dashboard/', heading: '成果ダッシュボード' },
  { path: '/demo/site/configurator/', heading: null },
];

for (const { path, heading } of pages) {
  test(`${path} loads with zero console errors`, async ({ page }) => {
    const console = watchConsole(page);
    const res = await page.goto(path);
    expect(res?.status()).toBe(200);
    if (heading) await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    else await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Let polling pages (events, dashboard) make their first requests.
    await page.waitForLoadState('networkidle');
    console.expectNone();
  });
}

test('start page: every link resolves, and the shops, configurator, live events and dashboard are linked', async ({ page, request }) => {
  await page.goto('/');
  for (const name of ['和雑貨 こもれび', 'EC-CUBE 見本店', 'DAWN 見本ストア', '設定ツール', 'ライブイベント', '成果ダッシュボード']) {
    await expect(page.getByRole('main').getByRole('link', { name, exact: true })).toBeVisible();
  }
  const hrefs = await page.$$eval('a[href]', (as) => [...new Set(as.map((a) => (a as HTMLAnchorElement).href))]);
  expect(hrefs.length).toBeGreaterThanOrEqual(7);
  for (const href of hrefs) {
    const res = await request.get(href);
    expect(res.status(), href).toBe(200);
  }
});

test('start page: the English toggle switches the text, and the choice follows to the next page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('script タグ1行で', { exact: false })).toBeVisible();
  await page.getByRole('button', { name: 'Show this page in English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "One script tag: the right suggestion in your shop's cart." })).toBeVisible();
  await expect(page.getByText('script タグ1行で', { exact: false })).toBeHidden();
  await page.getByRole('main').getByRole('link', { name: 'Results dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results dashboard' })).toBeVisible();
  await page.getByRole('button', { name: '日本語で表示' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '成果ダッシュボード' })).toBeVisible();
});
