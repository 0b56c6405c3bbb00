import { test, expect } from '@playwright/test';
import { asShopper, watchConsole } from './helpers';
import { signIn } from '../admin';

// The dashboard and live events read with the admin token, as after opening the link npm start prints.
test.beforeEach(({ page }) => signIn(page));

// Every page of the demo opens without a console error (the sample shops' own pages are in shops.spec.ts).
const pages = [
  { path: '/', heading: 'script タグ1行で、カートに「ちょうどいい一言」を。' },
  { path: '/demo/site/dashboard/', heading: '成果ダッシュボード' },
  { path: '/demo/site/events/', heading: 'ライブイベント' },
  { path: '/demo/site/configurator/', heading: '設定ツール' },
  { path: '/demo/site/configurator/preview.html', heading: '見本のカート' },
];

for (const { path, heading } of pages) {
  test(`${path} loads with zero console errors`, async ({ page }) => {
    const c = watchConsole(page);
    await asShopper(page);
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await page.waitForLoadState('load');
    // Errors from module scripts and the widget's own start come shortly after load.
    await page.waitForTimeout(1000);
    c.expectNone();
  });
}

test('start page: links to every part, and an English version', async ({ page }) => {
  await page.goto('/');
  for (const name of ['和雑貨 こもれび', 'EC-CUBE 見本店', 'DAWN 見本ストア']) {
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1 })).toContainText(name);
    await page.goBack();
  }
  const nav = page.getByRole('navigation');
  for (const [name, title] of [
    ['設定ツール', '設定ツール'],
    ['ライブイベント', 'ライブイベント'],
    ['成果ダッシュボード', '成果ダッシュボード'],
  ]) {
    await nav.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await page.goBack();
  }
  await page.getByRole('button', { name: 'Show this page in English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: "One script tag: the right suggestion in your shop's cart." })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // The choice follows to the other pages.
  await page.getByRole('navigation').getByRole('link', { name: 'Results dashboard' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Results dashboard' })).toBeVisible();
});
