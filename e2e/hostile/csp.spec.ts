import { test, expect } from '@playwright/test';
import { setQty, shownOnLoad, watch } from './helpers';

// A strict Content-Security-Policy: the widget works without inline scripts, inline styles or eval.
const violations = (page: import('@playwright/test').Page) => page.evaluate(() => (window as any).hostile.violations);

test('strict CSP (self only, no unsafe-inline/eval): bar and prompts work, zero violations', async ({ page }) => {
  const log = watch(page);
  const response = await page.goto('/e2e/pages/hostile-csp.html');
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await shownOnLoad(page);
  // A cart change brings the upgrade dialog; the shop's own script recomputes the subtotal.
  await setQty(page, 0, 3);
  await expect(page.locator('#subtotal')).toHaveText('￥8,432');
  const dialog = page.getByRole('dialog', { name: /特撰にしませんか/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'このままにする' })).toBeVisible();
  // The prompt is styled (adopted stylesheet allowed under style-src 'self'): a real box, not raw text.
  const box = await dialog.boundingBox();
  expect(box!.width).toBeGreaterThan(200);
  expect(await violations(page)).toEqual([]);
  expect(log.csp()).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('nonce-only CSP: config.nonce lets the prompt file load, zero violations', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-nonce.html');
  await shownOnLoad(page);
  // The prompt file is added by the widget with the merchant's nonce.
  const nonce = await page.evaluate(() => (document.querySelector('script[data-cart-upsell-ui]') as HTMLScriptElement | null)?.nonce);
  expect(nonce).toBe('abc');
  expect(await violations(page)).toEqual([]);
  expect(log.csp()).toEqual([]);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('nonce-only CSP without config.nonce: one clear message, the shop keeps working', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-nonce-missing.html');
  await expect.poll(() => log.ours('error').length).toBeGreaterThan(0);
  await page.waitForTimeout(500);
  expect(log.ours('error')).toHaveLength(1);
  expect(log.ours('error')[0]).toContain('cart-upsell-ui.js');
  // Only the prompt file was refused, nothing else.
  const blocked = (await violations(page)).map((v: { blocked: string }) => v.blocked);
  expect(blocked.length).toBeGreaterThan(0);
  expect(blocked.every((b: string) => b.includes('cart-upsell-ui.js'))).toBe(true);
  expect(log.pageErrors).toEqual([]);
  await setQty(page, 0, 3);
  await expect(page.locator('#subtotal')).toHaveText('￥8,432');
});
