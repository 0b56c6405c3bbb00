import { test, expect, type Page } from '@playwright/test';
import { asShopper } from '../demo/helpers';

// What a merchant trying the demo on a phone and on a laptop sees: nothing wider than the
// screen, the holdout note readable and its button reachable, the start page's promises equal
// to what the sample shops are set to do.
// Several page loads per test: more than the default 30 s on a busy machine.
test.describe.configure({ timeout: 90_000 });

const sizes = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
];

async function pageWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/** A two-line cart in every sample shop, as the shops keep it. */
async function withCart(page: Page) {
  await page.addInitScript(() => {
    for (const s of ['wa', 'eccube', 'dawn'])
      localStorage.setItem(
        `cart-upsell-demo:cart:${s}`,
        JSON.stringify([
          { sku: 'TN-0123', quantity: 2 },
          { sku: 'KY-01', quantity: 1 },
        ]),
      );
  });
}

for (const size of sizes) {
  test(`${size.width}×${size.height}: the configurator and every EC-CUBE sample page fit the screen`, async ({ page }) => {
    await page.setViewportSize(size);
    await withCart(page);
    await asShopper(page);
    for (const path of ['/demo/site/configurator/', '/demo/site/shops/eccube/index.html', '/demo/site/shops/eccube/cart.html', '/']) {
      await page.goto(path);
      await expect(
        page
          .getByRole('heading', { level: 1 })
          .or(page.getByRole('heading', { level: 2 }))
          .first(),
      ).toBeVisible();
      expect(await pageWidth(page), path).toBeLessThanOrEqual(size.width);
    }
  });

  test(`${size.width}×${size.height}: a holdout visitor sees the note and its button above everything, and starting again works`, async ({ page }) => {
    await page.setViewportSize(size);
    await withCart(page);
    await asShopper(page, true);
    await page.goto('/demo/site/shops/wa/index.html');
    const note = page.getByRole('complementary', { name: '比較グループについて' });
    await expect(note).toBeVisible();
    const again = note.getByRole('button', { name: '別の訪問者としてやり直す' });
    // Visible means on screen and on top: the element at the button's centre is the button.
    const box = (await again.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(size.height);
    const onTop = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.textContent, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(onTop).toBe('別の訪問者としてやり直す');
    // The free-shipping bar (which the holdout still sees) is on screen too, not covered by the note.
    await expect(page.getByRole('status').filter({ hasText: '送料無料' })).toBeInViewport();
    // Starting again forgets this visitor (every stored cart-upsell key) and reloads.
    await page.evaluate(() => localStorage.setItem('cart-upsell:marker', '1'));
    await Promise.all([page.waitForEvent('load'), again.click()]);
    expect(await page.evaluate(() => localStorage.getItem('cart-upsell:marker'))).toBeNull();
  });
}

test('the start page promises what the sample configs set', async ({ page }) => {
  await page.goto('/');
  const configs = await Promise.all(['wa', 'eccube', 'dawn'].map((s) => page.evaluate((u) => fetch(u).then((r) => r.json()), `/demo/site/shops/${s}/cart-upsell.json`)));
  const hero = page.locator('.hero p[lang="ja"]').first();
  for (const c of configs) {
    await expect(hero).toContainText(`ポップアップは最大${c.caps?.modalsPerSession ?? 1}回`);
    await expect(hero).toContainText(`${c.caps?.snoozeDays ?? 7}日間出しません`);
    const t = typeof c.freeShipping.threshold === 'number' ? c.freeShipping.threshold : c.freeShipping.threshold.JPY;
    await expect(page.getByRole('listitem').filter({ hasText: '送料無料バー' }).first()).toContainText(`￥${t.toLocaleString('ja-JP')}で送料無料`);
  }
});
