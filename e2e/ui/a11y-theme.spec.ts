import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { show, type Shop } from './helpers';
import type { Decision } from '../../src/offers/types';

const cases: [string, (s: Shop) => Partial<Decision>][] = [
  ['upsell', (s) => ({ modal: s.upsellTwo })],
  ['downsell with proof', (s) => ({ modal: { ...s.downsell, proof: { endsAt: new Date(Date.now() + 86_400_000).toISOString(), stock: 3 } } })],
  ['cross-sell', (s) => ({ panels: [s.cross] })],
  ['bundle', (s) => ({ panels: [s.bundle] })],
  ['volume + bar', (s) => ({ volume: s.volume, bar: s.bar })],
  ['bar reached', (s) => ({ bar: s.barReached })],
  ['slot', (s) => ({ panels: [{ ...s.cross, slot: '#upsell-slot' }] })],
];

async function axe(page: Page) {
  // axe-core walks open shadow roots; include the widget host and the slot explicitly as well.
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const [name, build] of cases) {
  for (const lang of ['ja', 'en'] as const) {
    test(`axe: no violations — ${name} (${lang})`, async ({ page }) => {
      await show(page, build, { lang });
      await expect(page.locator('[data-cart-upsell] >> :is(dialog, section, .bar, .c)').or(page.locator('cart-upsell-slot >> section')).first()).toBeVisible();
      await page.waitForTimeout(300); // let the entry animation finish (colour contrast is measured on the final frame)
      expect(await axe(page)).toEqual([]);
    });
  }
}

test('axe: mobile bottom sheet', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await show(page, (s) => ({ modal: s.upsell, bar: s.bar }));
  await page.waitForTimeout(300);
  expect(await axe(page)).toEqual([]);
});

/** Boxes of what a shopper sees, by role and text. */
async function boxes(page: Page) {
  const dialog = page.getByRole('dialog');
  const out: Record<string, unknown> = {};
  const items: [string, ReturnType<Page['getByRole']>][] = [
    ['dialog', dialog],
    ['title', dialog.getByRole('heading')],
    ['accept', dialog.getByRole('button', { name: '変更する' })],
    ['decline', dialog.getByRole('button', { name: 'このままにする' })],
    ['close', dialog.getByRole('button', { name: '閉じる' })],
    ['img', dialog.locator('img')],
    ['status', page.getByRole('status')],
  ];
  for (const [k, l] of items) out[k] = await l.boundingBox();
  const style = await dialog.evaluate((d) => {
    const cs = getComputedStyle(d);
    const b = getComputedStyle(d.querySelector('[data-action=accept]')!);
    return { font: cs.fontSize, lh: cs.lineHeight, ls: cs.letterSpacing, align: cs.textAlign, color: cs.color, bSize: b.boxSizing, bBg: b.backgroundColor };
  });
  return { out, style };
}

test('aggressive theme CSS changes nothing: same boxes, same styles', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await show(page, (s) => ({ modal: s.upsell, bar: s.bar }));
  await page.waitForTimeout(300);
  const plain = await boxes(page);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.addStyleTag({ url: '/e2e/pages/ui-aggressive.css' });
  await expect(page.locator('h1')).toHaveCSS('letter-spacing', /px/); // the theme CSS applied to the page
  expect(await page.locator('body').evaluate((b) => getComputedStyle(b).color)).toBe('rgb(255, 0, 0)');
  const themed = await boxes(page);
  expect(themed).toEqual(plain);
  expect(plain.style.font).toBe('14px');
  expect(plain.style.bSize).toBe('border-box');
  await expect(page.locator('[data-cart-upsell]')).toHaveCSS('display', 'block');
});

test('aggressive theme CSS: cards and slot content keep their size', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const build = (s: Shop) => ({ panels: [s.cross, { ...s.bundle, slot: '#upsell-slot' }] });
  await show(page, build);
  await page.waitForTimeout(300);
  const measure = async () => ({
    cross: await page.getByRole('region', { name: /一緒に/ }).boundingBox(),
    add: await page.getByRole('button', { name: '手ぬぐいハンガーを追加' }).boundingBox(),
    bundleH: (await page.getByRole('region', { name: 'セットでお得' }).boundingBox())!.height,
    setPrice: await page.getByText('￥3,000').evaluate((e) => getComputedStyle(e).fontSize),
  });
  const plain = await measure();
  await page.addStyleTag({ url: '/e2e/pages/ui-aggressive.css' });
  expect(await measure()).toEqual(plain);
});

test('a strict CSP (no inline styles or scripts) reports no violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (m) => m.text().includes('Content Security Policy') && violations.push(m.text()));
  await page.goto('/e2e/pages/ui-shop.html');
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  expect(csp).toContain("style-src 'self'");
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => ((window as any).cspViolations ??= []).push(e.violatedDirective)));
  await show(page, (s) => ({ modal: s.upsell, panels: [s.cross, s.bundle], volume: s.volume, bar: s.bar }));
  await expect(page.getByRole('dialog')).toBeVisible();
  // The progress width is set through CSSOM, which a CSP allows; the bar really is drawn.
  const fill = page.locator('[data-cart-upsell] .fl');
  expect((await fill.boundingBox())!.width).toBeGreaterThan(100);
  expect(await page.evaluate(() => (window as any).cspViolations ?? [])).toEqual([]);
  expect(violations).toEqual([]);
});

test('no transitions under prefers-reduced-motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await show(page, (s) => ({ modal: s.upsell, panels: [s.cross], bar: s.bar }));
  await expect(page.getByRole('dialog')).toHaveCSS('animation-name', 'none');
  await expect(page.getByRole('region')).toHaveCSS('animation-name', 'none');
  await expect(page.locator('[data-cart-upsell] .fl')).toHaveCSS('transition-duration', '0s');
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(page.getByRole('dialog')).toHaveCSS('animation-name', 'cu');
});

test('theme: config colours and radius reach the prompts; "auto" follows dark mode', async ({ page }) => {
  await show(page, (s) => ({ modal: s.upsell }), { config: { theme: { accent: 'rgb(140, 47, 57)', radius: '0px', colorScheme: 'auto' } } });
  const accept = page.getByRole('button', { name: '変更する' });
  await expect(accept).toHaveCSS('background-color', 'rgb(140, 47, 57)');
  await expect(page.getByRole('dialog')).toHaveCSS('border-radius', '0px');
  await expect(page.getByRole('dialog')).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.getByRole('dialog')).toHaveCSS('background-color', 'rgb(31, 31, 31)');
  // The merchant's own accent wins over the dark default.
  await expect(accept).toHaveCSS('background-color', 'rgb(140, 47, 57)');
});

test('merchants can also theme with plain CSS on the host', async ({ page }) => {
  await show(page, (s) => ({ modal: s.upsell }));
  await page.addStyleTag({ url: '/e2e/pages/ui-theme-vars.css' });
  await expect(page.getByRole('button', { name: '変更する' })).toHaveCSS('background-color', 'rgb(0, 100, 0)');
});

test('axe really looks inside the shadow root (a nameless button there is caught)', async ({ page }) => {
  await show(page, (s) => ({ bar: s.bar }));
  await page.locator('[data-cart-upsell]').evaluate((h) => h.shadowRoot!.querySelector('.bar')!.append(document.createElement('button')));
  expect((await axe(page)).join('\n')).toContain('button-name');
});
