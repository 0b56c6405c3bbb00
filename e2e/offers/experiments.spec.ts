import { test, expect, type Page } from '@playwright/test';
import { inHoldout, pickVariant } from '../../src/offers/hash';

// Holdout and copy variants, with visitors whose group is known in advance (same hash as the widget).
const variants = [
  { id: 'A', weight: 1, text: { title: '期間限定アップグレード特典' } },
  { id: 'B', weight: 1, text: { title: 'ワンランク上の手ぬぐいはいかが？' } },
];

async function seedVisitor(page: Page, visitorId: string) {
  await page.addInitScript((id) => {
    if (!localStorage.getItem('cart-upsell:state')) localStorage.setItem('cart-upsell:state', JSON.stringify({ v: 1, visitorId: id, firstSeen: Date.now(), snoozed: {}, impressions: {} }));
  }, visitorId);
}

async function startCart(page: Page, holdout: number) {
  const cfg = await (await page.request.get('/e2e/pages/offers.json')).json();
  cfg.holdout = holdout;
  cfg.offers[0].variants = variants;
  await page.goto('/e2e/pages/foundation-plain.html');
  const events: any[] = [];
  await page.exposeFunction('seen', (e: any) => events.push(e));
  await page.evaluate(() => document.addEventListener('cart-upsell:impression', (e) => (window as any).seen((e as CustomEvent).detail)));
  await page.evaluate((c) => (window as any).CartUpsell.start(c), cfg);
  return events;
}

const ids = (pred: (id: string) => boolean) => Array.from({ length: 400 }, (_, i) => `visitor-${i}`).filter(pred);

test('a holdout visitor sees the free-shipping bar but no offer; the offers they would have seen are counted', async ({ page }) => {
  const [visitor] = ids((id) => inHoldout(id, 0.5));
  await seedVisitor(page, visitor);
  const events = await startCart(page, 0.5);
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await expect.poll(() => events.length).toBeGreaterThanOrEqual(2);
  expect(events.every((e) => e.holdout === true && e.visitorId === visitor)).toBe(true);
  await expect(page.getByText('セットでお得')).toHaveCount(0);
  await expect(page.getByText(/一緒にどうぞ/)).toHaveCount(0);
  await page.getByRole('link', { name: 'レジに進む' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page).toHaveURL(/#checkout$/);
});

test('a visitor keeps one copy variant, and its events carry it', async ({ page }) => {
  const [visitor] = ids((id) => !inHoldout(id, 0.1) && pickVariant(variants, id, 'up-tenugui')?.id === 'B');
  await seedVisitor(page, visitor);
  const events = await startCart(page, 0.1);
  // The bar is drawn from the widget's first read of the cart: from then on it holds a checkout click.
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await page.getByRole('link', { name: 'レジに進む' }).click();
  await expect(page.getByRole('dialog', { name: 'ワンランク上の手ぬぐいはいかが？' })).toBeVisible();
  await expect.poll(() => events.find((e) => e.offerId === 'up-tenugui')?.variant).toBe('B');
  expect(events.every((e) => e.holdout === false)).toBe(true);
});
