import { test, expect, type Page } from '@playwright/test';
import { previewEvents, show } from './helpers';

/** Collects uncaught page errors and CSP violations (the page has a strict CSP). */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes('favicon')) problems.push(m.text());
  });
  return problems;
}

test.describe('prompts render by role and text', () => {
  test('upsell dialog (ja)', async ({ page }) => {
    const problems = watch(page);
    await show(page, (s) => ({ modal: s.upsell }));
    const dialog = page.getByRole('dialog', { name: '手ぬぐい 青海波 特選（注染）にしませんか？' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText('+￥1,100');
    await expect(dialog).toContainText('手ぬぐい 青海波 → 手ぬぐい 青海波 特選（注染）');
    await expect(dialog.getByRole('listitem')).toHaveText(['職人による注染（ちゅうせん）で、裏まで色が通ります', '綿100%・日本製']);
    await expect(dialog.getByRole('button', { name: '変更する' })).toHaveAttribute('data-action', 'accept');
    await expect(dialog.getByRole('button', { name: 'このままにする' })).toHaveAttribute('data-action', 'decline');
    await expect(dialog.getByRole('button', { name: '閉じる' })).toHaveAttribute('data-action', 'dismiss');
    // The image is loaded from the shop (img-src 'self') and sized before it loads.
    const img = dialog.locator('img');
    await expect(img).toHaveJSProperty('complete', true);
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    expect(await page.locator('[data-cart-upsell]').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  test('upsell dialog (en), several items', async ({ page }) => {
    await show(page, (s) => ({ modal: s.upsellTwo }), { lang: 'en' });
    const dialog = page.getByRole('dialog', { name: 'Upgrade to Tenugui towel, Seigaiha — hand-dyed?' });
    await expect(dialog).toContainText('+¥1,100 each');
    await expect(dialog).toContainText('+¥2,200 for 2');
    await expect(dialog.getByRole('button', { name: 'Upgrade' })).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Keep mine' })).toBeVisible();
  });

  test('cross-sell panel, bundle card, volume line and bar together (ja)', async ({ page }) => {
    const problems = watch(page);
    await show(page, (s) => ({ panels: [s.cross, s.bundle], volume: s.volume, bar: s.bar }));
    const cross = page.getByRole('region', { name: '手ぬぐい 青海波と一緒にどうぞ' });
    await expect(cross.getByRole('button', { name: '手ぬぐいハンガーを追加' })).toBeVisible();
    await expect(cross).toContainText('￥880');
    const bundle = page.getByRole('region', { name: 'セットでお得' });
    await expect(bundle).toContainText('セット価格 ￥3,000');
    await expect(bundle.locator('s')).toHaveText('通常 ￥3,600');
    await expect(bundle.getByText('￥600お得')).toBeVisible();
    await expect(page.getByText('あと1点で10%オフ')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('あと￥2,888で送料無料');
    await expect(page.getByRole('button', { name: '風呂敷 綿 中判を追加 ￥2,970' })).toBeVisible();
    expect(problems).toEqual([]);
  });

  test('English panels and bar', async ({ page }) => {
    await show(page, (s) => ({ panels: [s.cross, s.bundle], volume: s.volume, bar: s.bar }), { lang: 'en' });
    await expect(page.getByRole('region', { name: 'Goes well with Tenugui towel, Seigaiha' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add Tenugui hanger' })).toBeVisible();
    await expect(page.getByText('Save ¥600')).toBeVisible();
    await expect(page.getByText('Add 1 more for 10% off')).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('¥2,888 away from free shipping');
  });

  test('free shipping reached, next tier named', async ({ page }) => {
    await show(page, (s) => ({ bar: s.barReached }));
    await expect(page.getByRole('status')).toHaveText('送料無料の対象です · あと￥3,928でギフト包装無料');
  });

  test('the bar and cards can live in the merchant slot, in the page flow', async ({ page }) => {
    await show(page, (s) => ({ panels: [{ ...s.cross, slot: '#upsell-slot' }], bar: s.bar }), { config: { freeShipping: { threshold: 10000, slot: '#upsell-slot' } } });
    const slot = page.locator('#upsell-slot');
    await expect(slot.getByRole('status')).toHaveText('あと￥2,888で送料無料');
    await expect(slot.getByRole('region', { name: '手ぬぐい 青海波と一緒にどうぞ' })).toBeVisible();
    const box = (await slot.boundingBox())!;
    const checkout = (await page.getByRole('button', { name: 'レジに進む' }).boundingBox())!;
    expect(checkout.y).toBeGreaterThanOrEqual(box.y + box.height);
    expect(await page.locator('[data-cart-upsell]').count()).toBe(1);
  });
});

test.describe('behaviour', () => {
  test('keyboard only: focus moves into the dialog, Tab reaches the buttons, Enter accepts, focus returns', async ({ page }) => {
    await page.goto('/e2e/pages/ui-shop.html');
    const checkout = page.getByRole('button', { name: 'レジに進む' });
    for (let i = 0; i < 10 && !(await checkout.evaluate((b) => b === document.activeElement)); i++) await page.keyboard.press('Tab');
    await expect(checkout).toBeFocused();
    await show(page, (s) => ({ modal: s.upsell }));
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByRole('button', { name: '閉じる' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: 'このままにする' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(dialog.getByRole('button', { name: '変更する' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(checkout).toBeFocused();
    // The list is read until it settles (it failed once, read a single time, on a busy machine).
    await expect.poll(async () => (await previewEvents(page)).map((e) => e.action)).toEqual(['impression', 'accept']);
  });

  test('Esc closes the dialog as a dismissal and focus returns', async ({ page }) => {
    await page.goto('/e2e/pages/ui-shop.html');
    const checkout = page.getByRole('button', { name: 'レジに進む' });
    await checkout.focus();
    await show(page, (s) => ({ modal: s.upsell }));
    await expect(page.getByRole('dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(checkout).toBeFocused();
    // The list is read until it settles (it failed once, read a single time, on a busy machine).
    await expect.poll(async () => (await previewEvents(page)).map((e) => e.action)).toEqual(['impression', 'dismiss']);
  });

  test('the cross-sell panel does not take focus, and works from the keyboard', async ({ page }) => {
    await page.goto('/e2e/pages/ui-shop.html');
    const checkout = page.getByRole('button', { name: 'レジに進む' });
    await checkout.focus();
    await show(page, (s) => ({ panels: [s.cross] }));
    await expect(page.getByRole('region')).toBeVisible();
    await expect(checkout).toBeFocused();
    const add = page.getByRole('button', { name: '手ぬぐいハンガーを追加' });
    for (let i = 0; i < 6 && !(await add.evaluate((b) => b === (b.getRootNode() as ShadowRoot).activeElement)); i++) await page.keyboard.press('Tab');
    await expect(add).toBeFocused();
    await page.keyboard.press('Enter');
    const added = page.getByRole('button', { name: '手ぬぐいハンガーを追加しました' });
    await expect(added).toBeDisabled();
    // The keyboard user keeps their place.
    await expect(added).toBeFocused();
    expect(await previewEvents(page)).toEqual([
      { action: 'impression', offerId: 'x-1', kind: 'cross-sell' },
      { action: 'accept', offerId: 'x-1', kind: 'cross-sell', sku: 'HG-01' },
    ]);
  });

  test('a failed accept keeps the dialog open with the reason, buttons disabled meanwhile', async ({ page }) => {
    await show(page, (s) => ({ modal: s.upsell }), { fail: '在庫がなくなりました' });
    const accept = page.getByRole('button', { name: '変更する' });
    await accept.focus();
    await page.keyboard.press('Enter');
    await expect(accept).toBeDisabled();
    await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('在庫がなくなりました');
    await expect(accept).toBeEnabled();
    await expect(accept).toBeFocused();
  });

  test('decline, then a downsell', async ({ page }) => {
    await show(page, (s) => ({ modal: s.upsell }));
    await page.getByRole('button', { name: 'このままにする' }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await show(page, (s) => ({ modal: s.downsell }));
    await expect(page.getByRole('dialog', { name: '手ぬぐい 青海波 上質綿はいかがですか？' })).toContainText('+￥550');
  });
});

test.describe('mobile 390×844', () => {
  // Geometry is measured on the final frame, not mid slide-in.
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, reducedMotion: 'reduce' });

  test('the dialog is a bottom sheet with 44px targets', async ({ page }) => {
    await show(page, (s) => ({ modal: s.upsell }));
    const box = (await page.getByRole('dialog').boundingBox())!;
    expect(box.x).toBe(0);
    expect(box.width).toBe(390);
    expect(Math.round(box.y + box.height)).toBe(844);
    for (const name of ['変更する', 'このままにする', '閉じる']) {
      const b = (await page.getByRole('button', { name }).boundingBox())!;
      expect(b.height, name).toBeGreaterThanOrEqual(44);
      expect(b.width, name).toBeGreaterThanOrEqual(44);
    }
  });

  test('cards and the bar stack at the bottom, full width, inside the screen', async ({ page }) => {
    await show(page, (s) => ({ panels: [s.cross], bar: s.bar }));
    const card = (await page.getByRole('region').boundingBox())!;
    const bar = (await page.locator('[data-cart-upsell] .bar').boundingBox())!;
    expect(card.width).toBe(390);
    expect(Math.round(bar.y + bar.height)).toBe(844);
    expect(card.y + card.height).toBeLessThanOrEqual(bar.y + 1);
    expect(card.y).toBeGreaterThan(0);
    for (const b of await page.getByRole('region').getByRole('button').all()) expect((await b.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  });
});
