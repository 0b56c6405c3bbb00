import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { asShopper } from './helpers';
import { signIn } from '../admin';

// The dashboard and live events read with the admin token, as after opening the link npm start prints.
test.beforeEach(({ page }) => signIn(page));

// The demo's own pages are for merchants, some of whom use a screen reader or the keyboard.
for (const path of [
  '/',
  '/demo/site/dashboard/',
  '/demo/site/events/',
  '/demo/site/configurator/',
  '/demo/site/shops/wa/cart.html',
  '/demo/site/shops/wa/index.html',
  '/demo/site/shops/eccube/index.html',
  '/demo/site/shops/eccube/cart.html',
  '/demo/site/shops/dawn/index.html',
  '/demo/site/shops/dawn/cart.html',
]) {
  test(`${path}: no axe violations`, async ({ page }) => {
    await asShopper(page, true);
    await page.goto(path);
    await page.waitForLoadState('load');
    await page.waitForTimeout(800);
    const r = await new AxeBuilder({ page }).exclude('iframe').analyze();
    expect(
      r.violations.map(
        (v) =>
          `${v.id}: ${v.nodes
            .map((n) => n.target.join(' '))
            .slice(0, 3)
            .join(' | ')}`,
      ),
    ).toEqual([]);
  });
}
