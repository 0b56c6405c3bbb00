import { test, expect } from '@playwright/test';
import { endpoint, hosts, setQty, shownOnLoad, watch } from './helpers';

// What other scripts on a shop page do to the environment the widget runs in.

// A desktop's budget on the cart view: the two cards of highest expected value (the set, then the related items).
const cartViewImpressions = ['impression set-tea', 'impression x-yunomi'];

test('localStorage and sessionStorage throwing (private mode, blocked cookies): works, events delivered', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage'])
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
  });
  const log = watch(page);
  const ep = endpoint(() => 200);
  await page.route('**/events', ep.handler);
  await page.goto('/e2e/pages/hostile-cart.html');
  await shownOnLoad(page);
  await expect.poll(() => ep.received.map((e) => `${e.type} ${e.offerId}`).sort(), { timeout: 10_000 }).toEqual(cartViewImpressions);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test("a theme script that throws before ours: the widget still starts, the error is only the theme's", async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-throws.html');
  await shownOnLoad(page);
  expect(await page.evaluate(() => (window as any).themeScriptRan)).toBe(true);
  expect(log.pageErrors.map((e) => e.message)).toEqual([expect.stringContaining('carousel')]);
  expect(log.ours('error')).toEqual([]);
});

test('Array.prototype.toJSON and JSON.stringify tampered (old Prototype.js): events arrive as valid JSON', async ({ page }) => {
  await page.addInitScript(() => {
    // Prototype.js 1.6: arrays serialise themselves to a JSON *string*.
    (Array.prototype as any).toJSON = function (this: unknown[]) {
      return '[' + this.map((x) => JSON.stringify(x)).join(',') + ']';
    };
    Object.defineProperty(Array.prototype, 'toJSON', { enumerable: false });
    const original = JSON.stringify;
    JSON.stringify = function (value: unknown, ...rest: unknown[]) {
      return (original as any).call(JSON, value, ...rest);
    } as typeof JSON.stringify;
  });
  const log = watch(page);
  const ep = endpoint(() => 200);
  await page.route('**/events', ep.handler);
  await page.goto('/e2e/pages/hostile-cart.html');
  await shownOnLoad(page);
  await expect.poll(() => ep.bodies.length, { timeout: 10_000 }).toBeGreaterThan(0);
  for (const body of ep.bodies) {
    const parsed = JSON.parse(body);
    expect(Array.isArray(parsed.events)).toBe(true);
    for (const e of parsed.events) expect(Array.isArray(e.items)).toBe(true);
  }
  expect(ep.received.map((e) => `${e.type} ${e.offerId}`).sort()).toEqual(cartViewImpressions);
  expect(log.pageErrors).toEqual([]);
});

test('window.fetch wrapped by an analytics script: events go through the wrapper and arrive', async ({ page }) => {
  await page.addInitScript(() => {
    const real = window.fetch;
    (window as any).analyticsSeen = 0;
    window.fetch = function (this: unknown, ...args: Parameters<typeof fetch>) {
      (window as any).analyticsSeen++;
      return real.apply(this, args);
    } as typeof fetch;
  });
  const log = watch(page);
  const ep = endpoint(() => 200);
  await page.route('**/events', ep.handler);
  await page.goto('/e2e/pages/hostile-cart.html');
  await shownOnLoad(page);
  await expect.poll(() => ep.received.length, { timeout: 10_000 }).toBe(2);
  expect(await page.evaluate(() => (window as any).analyticsSeen)).toBeGreaterThan(0);
  expect(log.pageErrors).toEqual([]);
});

test('two copies of the script (another URL, a theme app): one widget, one set of impressions', async ({ page }) => {
  const log = watch(page);
  const impressions: string[] = [];
  await page.exposeFunction('onImpression', (id: string) => impressions.push(id));
  await page.addInitScript(() => document.addEventListener('cart-upsell:impression', (e) => (window as any).onImpression((e as CustomEvent).detail.offerId)));
  await page.goto('/e2e/pages/hostile-two-versions.html');
  await shownOnLoad(page);
  await page.waitForTimeout(500);
  await expect(hosts(page)).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveCount(1);
  expect(impressions.sort()).toEqual(['set-tea', 'x-yunomi']);
  expect(log.ours('error')).toEqual([]);
  expect(log.pageErrors).toEqual([]);
});

test('loaded in <head> without defer: starts once the cart exists', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-head-sync.html');
  await shownOnLoad(page);
  await setQty(page, 0, 3);
  await expect(page.getByRole('status')).toContainText('あと￥1,568で送料無料');
  expect(log.pageErrors).toEqual([]);
});

test('single-page shop: pushState to the cart and back', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-spa.html');
  await expect(page.getByRole('heading', { name: '和雑貨 こもれび' })).toBeVisible();
  await page.getByRole('link', { name: 'カートを見る' }).click();
  await expect(page.getByRole('heading', { name: 'ショッピングカート' })).toBeVisible();
  // The cart view is rendered by the shop's router: the widget follows without a reload.
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await expect(page.getByText('セットでお得')).toBeVisible();
  // Navigating to the cart is a cart view, as a full page load of it is: the upgrade that waits
  // for a cart change does not open.
  await page.waitForTimeout(600);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // A real change on the cart view still counts as one.
  await page.getByRole('spinbutton').first().fill('3');
  await expect(page.getByRole('dialog', { name: /特撰にしませんか/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('link', { name: '買い物を続ける' }).click();
  await expect(page.getByRole('heading', { name: '和雑貨 こもれび' })).toBeVisible();
  // Off the cart: no offer for lines that are gone.
  await expect(page.getByText('セットでお得')).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  // refresh() is there for shops whose router the widget cannot see; it never throws.
  await page.evaluate(() => (window as any).CartUpsell.refresh());
  await expect(hosts(page)).toHaveCount(1);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});
