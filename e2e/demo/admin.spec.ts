import { test, expect } from '@playwright/test';
import { ADMIN_TOKEN, promptEvent, sendEvents } from '../admin';

// The live events page without the admin token: it asks for it, and with it lists the events.
test('live events: asks for the admin token, then reads with it', async ({ page, request }) => {
  const id = `e2e-admin-${Date.now().toString(36)}`;
  await sendEvents(request, [promptEvent(id, { type: 'accept' })]);
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ]) {
    await page.setViewportSize({ width, height });
    // This test's visitor only: the suite's other tests may send hundreds of events meanwhile.
    await page.goto(`/demo/site/events/?visitor=${id}`);
    await page.evaluate(() => localStorage.removeItem('cart-upsell:admin-token'));
    await page.reload();
    await expect(page.getByRole('status')).toContainText('管理トークンが必要です');
    await expect(page.getByLabel(/管理トークン/)).toBeVisible();
    await page.screenshot({ path: test.info().outputPath(`token-form-${width}.png`) });
  }
  await page.getByLabel(/管理トークン/).fill('wrong-token-0123456789');
  await page.getByRole('button', { name: '保存して読み込む' }).click();
  await expect(page.getByLabel(/管理トークン/)).toBeVisible();
  await page.getByLabel(/管理トークン/).fill(ADMIN_TOKEN);
  await page.getByRole('button', { name: '保存して読み込む' }).click();
  await expect(page.getByRole('row').filter({ hasText: id })).toContainText('承諾');
  await expect(page.getByLabel(/管理トークン/)).toHaveCount(0);
  // A link carrying the token (as npm start prints it) keeps it and takes it out of the address.
  await page.evaluate(() => localStorage.removeItem('cart-upsell:admin-token'));
  await page.goto('about:blank');
  await page.goto(`/demo/site/events/?visitor=${id}#token=${encodeURIComponent(ADMIN_TOKEN)}`);
  await expect(page.getByRole('row').filter({ hasText: id })).toContainText('承諾');
  expect(page.url()).not.toContain('token');
});
