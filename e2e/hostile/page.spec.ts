import { test, expect, type Page } from '@playwright/test';
import { endpoint, setQty, shownOnLoad, watch } from './helpers';

// Hostile pages beyond CSS and markup: a broken JSON.stringify, <body> turned into the box that
// "fixed" things live in, Trusted Types enforced, offer ids that are names on Object.prototype,
// and personal data in the page path.

const base = (page: Page) => page.request.get('/e2e/pages/hostile-cart.html').then((r) => r.text());
const baseConfig = (page: Page) => page.request.get('/e2e/pages/hostile.json').then((r) => r.json());

/** Serves the hostile cart page at `path` with `head` added, its config changed by `edit`, and extra headers. */
async function servePage(page: Page, path: string, opts: { head?: string; body?: string; edit?: (c: any) => void; headers?: Record<string, string> } = {}) {
  const html = (await base(page))
    .replace('</head>', `${opts.head ?? ''}</head>`)
    .replace('</body>', `${opts.body ?? ''}</body>`)
    .replace('data-config="/e2e/pages/hostile.json"', 'data-config="/e2e/pages/hostile-edited.json"');
  const config = await baseConfig(page);
  opts.edit?.(config);
  await page.route('**/e2e/pages/hostile-edited.json', (r) => r.fulfill({ json: config }));
  await page.route(`**${path}`, (r) => r.fulfill({ body: html, contentType: 'text/html; charset=utf-8', headers: opts.headers }));
}

test('JSON.stringify replaced by a function that throws: no uncaught error, at most one message, events still arrive as JSON', async ({ page }) => {
  await page.addInitScript(() => {
    JSON.stringify = () => {
      throw new Error('JSON.stringify is disabled on this page');
    };
  });
  const log = watch(page);
  const ep = endpoint(() => 200);
  await page.route('**/events', ep.handler);
  await page.goto('/e2e/pages/hostile-cart.html');
  await shownOnLoad(page);
  await setQty(page, 0, 3); // a cart change: read, compared, decided again
  const dialog = page.getByRole('dialog', { name: /特撰にしませんか/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'このままにする' }).click();
  await expect.poll(() => ep.received.filter((e) => e.type === 'decline').length, { timeout: 10_000 }).toBe(1);
  for (const body of ep.bodies) expect(Array.isArray(JSON.parse(body).events)).toBe(true);
  expect(log.pageErrors).toEqual([]);
  expect([...log.ours('error'), ...log.ours('warning')].length).toBeLessThanOrEqual(1);
});

test('body { transform | will-change: transform | contain: paint | filter } on a long page: the bar and cards stay on screen, impressions counted', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const log = watch(page);
  const ep = endpoint(() => 200);
  await page.route('**/events', ep.handler);
  const onScreen = async (what: string, box: { y: number; height: number } | null) => {
    expect(box, what).not.toBeNull();
    expect(box!.y, what).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height, what).toBeLessThanOrEqual(844 + 1);
  };
  for (const [i, rule] of ['transform: translateZ(0)', 'will-change: transform', 'contain: paint', 'filter: saturate(1.01)'].entries()) {
    await servePage(page, `/e2e/pages/hostile-long-${i}.html`, { head: `<style>body { ${rule} } .long { height: 3000px }</style>`, body: '<div class="long"></div>' });
    await page.goto(`/e2e/pages/hostile-long-${i}.html`);
    await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
    await onScreen(`bar, ${rule}`, await page.getByRole('status').boundingBox());
    await onScreen(`set card, ${rule}`, await page.getByText('セットでお得').boundingBox());
    await page.mouse.wheel(0, 1500);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(1000);
    await onScreen(`bar after scrolling, ${rule}`, await page.getByRole('status').boundingBox());
    if (i === 0) await page.screenshot({ path: 'test-results/hostile-body-transform-390.png' });
    await page.evaluate(() => localStorage.removeItem('cart-upsell:state'));
  }
  // The prompts were on screen, so each page view counted its impressions.
  await expect.poll(() => new Set(ep.received.filter((e) => e.type === 'impression' && e.offerId === 'set-tea').map((e) => e.id)).size, { timeout: 10_000 }).toBeGreaterThanOrEqual(3);
  expect(log.pageErrors).toEqual([]);
});

test('a card in a slot below the fold counts its impression only once scrolled into view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const ep = endpoint(() => 200);
  await page.route('**/events', ep.handler);
  await servePage(page, '/e2e/pages/hostile-below.html', {
    body: '<div style="height: 2600px"></div><div id="below"></div><div style="height: 400px"></div>',
    edit: (c) => (c.offers.find((o: any) => o.id === 'x-yunomi').slot = '#below'),
  });
  await page.goto('/e2e/pages/hostile-below.html');
  await expect(page.getByText('セットでお得')).toBeVisible();
  await expect
    .poll(
      () =>
        ep.received
          .filter((e) => e.type === 'impression')
          .map((e) => e.offerId)
          .sort(),
      { timeout: 10_000 },
    )
    .toEqual(['set-tea']);
  await page.waitForTimeout(2500); // another send interval: still not counted
  expect(ep.received.some((e) => e.offerId === 'x-yunomi')).toBe(false);
  await page.locator('#below').scrollIntoViewIfNeeded();
  await expect.poll(() => ep.received.filter((e) => e.offerId === 'x-yunomi').map((e) => e.type), { timeout: 10_000 }).toEqual(['impression']);
});

test('CSP require-trusted-types-for \'script\': the widget loads its prompt file through the "cart-upsell" policy and works', async ({ page }) => {
  const log = watch(page);
  await servePage(page, '/e2e/pages/hostile-tt.html', { headers: { 'content-security-policy': "require-trusted-types-for 'script'; trusted-types cart-upsell" } });
  const response = await page.goto('/e2e/pages/hostile-tt.html');
  expect(response?.headers()['content-security-policy']).toContain('require-trusted-types-for');
  await shownOnLoad(page);
  await setQty(page, 0, 3);
  await expect(page.getByRole('dialog', { name: /特撰にしませんか/ })).toBeVisible();
  // The same policy lets through a platform's cart-actions file (loaded beside the prompt file) and nothing else.
  const through = await page.evaluate(() =>
    ['/dist/cart-upsell-actions-shopify.js', '/dist/cart-upsell-actions-woocommerce.js', '/dist/evil.js', '/dist/cart-upsell-actions-shopify.js?x=/cart-upsell-ui.js.evil'].map((p) => {
      try {
        return String((window as any)[Symbol.for('cart-upsell:trusted-types')].createScriptURL(location.origin + p)).endsWith(p);
      } catch {
        return false;
      }
    }),
  );
  expect(through).toEqual([true, true, false, false]);
  expect(await page.evaluate(() => (window as any).hostile.violations)).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('offers named constructor, toString and __proto__ stay snoozed after a dismissal, across a reload', async ({ page }) => {
  const log = watch(page);
  await servePage(page, '/e2e/pages/hostile-names.html', {
    edit: (c) => {
      for (const [from, to] of [
        ['x-yunomi', 'constructor'],
        ['set-tea', 'toString'],
        ['up-tenugui', '__proto__'],
      ])
        c.offers.find((o: any) => o.id === from).id = to;
    },
  });
  await page.goto('/e2e/pages/hostile-names.html');
  await shownOnLoad(page);
  const cross = page.locator('section', { hasText: '一緒にどうぞ' }).first();
  await expect(page.getByText('一緒にどうぞ')).toBeVisible();
  await setQty(page, 0, 3);
  const dialog = page.getByRole('dialog', { name: /特撰にしませんか/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: '閉じる' }).click();
  await expect(dialog).toBeHidden();
  await page
    .getByRole('region', { name: /一緒にどうぞ/ })
    .getByRole('button', { name: '閉じる' })
    .click();
  await page
    .getByRole('region', { name: /セットでお得/ })
    .getByRole('button', { name: '閉じる' })
    .click();
  await expect(page.getByText('セットでお得')).toBeHidden();
  await expect(cross).toBeHidden();
  const snoozed = await page.evaluate(() => Object.keys(JSON.parse(localStorage.getItem('cart-upsell:state')!).snoozed).sort());
  expect(snoozed).toEqual(['__proto__', 'constructor', 'toString']);
  await page.evaluate(() => sessionStorage.clear()); // a new visit: only the snoozes hold them back
  await page.reload();
  await expect(page.getByText('あと1点で10%オフ')).toBeVisible();
  await setQty(page, 0, 3);
  await page.waitForTimeout(1000);
  await expect(page.getByText('セットでお得')).toBeHidden();
  await expect(page.getByText('一緒にどうぞ')).toBeHidden();
  await expect(page.getByRole('dialog')).toBeHidden();
  expect(log.pageErrors).toEqual([]);
});

test('personal data in the page path never reaches the endpoint', async ({ page }) => {
  const ep = endpoint(() => 200);
  await page.route('**/events', ep.handler);
  await servePage(page, '/members/**/cart');
  await page.goto('/members/taro.yamada@example.jp/orders/20261204001/cart');
  await shownOnLoad(page);
  // Two cards at most on a desktop: their two impressions.
  await expect.poll(() => ep.received.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
  const origin = new URL(page.url()).origin;
  for (const e of ep.received) expect((e as any).page).toBe(`${origin}/members/*/orders/*/cart`);
  for (const body of ep.bodies) expect(body).not.toMatch(/taro|yamada|example\.jp|20261204001/);
});
