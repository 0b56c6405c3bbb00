import { test, expect, type Page } from '@playwright/test';
import { asShopper, watchConsole } from './helpers';

// The sample shops charge what their prompts show: the set price, the volume discount, the
// gap filler added. Each test ends on what the shop's cart (and its checkout) holds.
async function seed(page: Page, shop: string, lines: { sku: string; quantity: number }[]) {
  await page.addInitScript(
    ([key, lines]) => {
      if (sessionStorage.getItem('seeded')) return;
      localStorage.setItem(key, JSON.stringify(lines));
      sessionStorage.setItem('seeded', '1');
    },
    [`cart-upsell-demo:cart:${shop}`, lines] as const,
  );
}
const stored = (page: Page, shop: string) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]'), `cart-upsell-demo:cart:${shop}`);
const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/charges/${name}-${page.viewportSize()!.width}.png`, fullPage: true });

for (const size of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test.describe(`${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('dawn: 「セットにする」 adds 湯呑み and the cart and checkout charge the ￥6,900 set price', async ({ page }) => {
      const console = watchConsole(page);
      await asShopper(page);
      await seed(page, 'dawn', [{ sku: 'KY-01', quantity: 1 }]);
      await page.goto('/demo/site/shops/dawn/cart.html');
      const card = page.getByRole('region', { name: 'セットでお得' });
      await expect(card).toContainText('￥6,900');
      await card.getByRole('button', { name: 'セットにする' }).click();
      await expect(page.locator('#main-cart-footer .totals__total-value')).toHaveText('￥6,900 JPY');
      await expect(page.locator('.discounts')).toContainText('-￥800');
      expect(await stored(page, 'dawn')).toEqual([
        { sku: 'KY-01', quantity: 1 },
        { sku: 'YU-02', quantity: 1 },
      ]);
      await shot(page, 'dawn-set');
      await page.goto('/demo/site/shops/dawn/checkout.html');
      await expect(page.locator('[data-order]')).toContainText('合計 ￥6,900 JPY');
      console.expectNone();
    });

    test('eccube: 「10%オフ適用中」 only on a cart that has the 10 % off', async ({ page }) => {
      await asShopper(page);
      await seed(page, 'eccube', [{ sku: 'TN-0123', quantity: 3 }]);
      await page.goto('/demo/site/shops/eccube/cart.html');
      await expect(page.getByText('10%オフ適用中')).toBeVisible();
      // ￥3,960 of tenugui, 10 % off: the total the page shows and the widget reads.
      await expect(page.locator('.ec-cartRole__totalAmount')).toHaveText('￥3,564');
      await expect(page.locator('.ec-cartRole__discount')).toContainText('-￥396');
      await shot(page, 'eccube-volume');
      expect(await stored(page, 'eccube')).toEqual([{ sku: 'TN-0123', quantity: 3 }]);
    });

    test('wa: a gap-filler chip adds the item; the accept is reported only because the cart changed', async ({ page }) => {
      await asShopper(page);
      // ￥4,600 of goods: ￥400 short of free shipping, which 蚊帳ふきん (￥880) closes.
      await seed(page, 'wa', [
        { sku: 'TN-0456', quantity: 1 },
        { sku: 'YU-02', quantity: 1 },
        { sku: 'CH-01', quantity: 1 },
      ]);
      const accepts: string[] = [];
      await page.exposeFunction('accepted', (t: string) => accepts.push(t));
      await page.addInitScript(() => document.addEventListener('cart-upsell:accept', (e) => (window as any).accepted((e as CustomEvent).detail.offerType)));
      await page.goto('/demo/site/shops/wa/cart.html');
      await page
        .getByRole('group', { name: 'これを足すと送料無料' })
        .getByRole('button', { name: /蚊帳ふきんを追加/ })
        .click();
      await expect(page.locator('.wa-cart')).toContainText('蚊帳ふきん');
      expect(await stored(page, 'wa')).toEqual([
        { sku: 'TN-0456', quantity: 1 },
        { sku: 'YU-02', quantity: 1 },
        { sku: 'CH-01', quantity: 1 },
        { sku: 'FU-01', quantity: 1 },
      ]);
      await expect(page.getByRole('status').filter({ hasText: '送料無料' }).first()).toContainText('送料無料の対象です');
      expect(accepts).toEqual(['free-shipping']);
      await shot(page, 'wa-filler');
    });
  });
}
