import { test, expect } from '@playwright/test';
import { hosts, setQty, watch, widgetText } from './helpers';

// Markup in data: product names on the cart page and strings in the config carry <img onerror>,
// <script>, javascript: links. They are shown as text and never run.

test('markup in cart names and config strings is shown as text, never run', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-markup.html');
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await expect(page.getByText(/セットでお得/)).toBeVisible();
  await setQty(page, 0, 3);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  // The config's title and benefits appear literally.
  await expect(dialog).toContainText('<img src=x onerror=window.pwned=1>特撰にしませんか？');
  await expect(dialog).toContainText('<script>window.pwned=1</script>厚手');
  await page.waitForTimeout(300);

  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  const text = await widgetText(page);
  expect(text).toContain('<img src=x onerror=window.pwned=1>');
  // No element was made from the data: no img/script/svg/iframe/b, no javascript: link.
  const made = await page.evaluate(() => {
    const roots = [...document.querySelectorAll('[data-cart-upsell], cart-upsell-slot')].map((h) => h.shadowRoot!).filter(Boolean);
    const all = roots.flatMap((r) => [...r.querySelectorAll('*')]);
    return {
      tags: [...new Set(all.map((e) => e.tagName.toLowerCase()))].filter((t) => ['img', 'script', 'svg', 'iframe', 'b'].includes(t)),
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => a.name)),
      links: all.filter((e) => e.hasAttribute('href')).map((e) => e.getAttribute('href')!),
    };
  });
  expect(made.tags.filter((t) => t !== 'svg')).toEqual([]); // icons may be svg, but none came from data:
  expect(made.handlers).toEqual([]);
  expect(made.links.filter((h) => !/^(https?:|\/)/.test(h))).toEqual([]);
  // And the shop's document gained no element from the data either.
  expect(await page.locator('body img, body iframe').count()).toBe(0);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('javascript: and data: URLs for product links and images: the config is refused, naming each field', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-plain.html');
  const cfg = {
    freeShipping: { threshold: 10000 },
    products: [
      { sku: 'A', name: 'a', price: 100, url: 'javascript:window.pwned=1', image: 'data:image/svg+xml,<svg onload=window.pwned=1>' },
      { sku: 'B', name: 'b', price: 200, url: ' JAVASCRIPT:window.pwned=1', image: 'data:text/html,<script>window.pwned=1</script>' },
    ],
  };
  const result = await page.evaluate((c) => (window as any).CartUpsell.validateConfig(c), cfg);
  expect(result.errors.map((e: { path: string }) => e.path).sort()).toEqual(['products[0].image', 'products[0].url', 'products[1].image', 'products[1].url']);
  const started = await page.evaluate((c) => (window as any).CartUpsell.start(c), cfg);
  expect(started).toBe(false);
  expect(log.ours('error')).toHaveLength(1);
  for (const p of ['products[0].url', 'products[0].image', 'products[1].url', 'products[1].image']) expect(log.ours('error')[0]).toContain(p);
  await expect(hosts(page)).toHaveCount(0);
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
});

test('preview() with hostile names and links renders text and drops unsafe links', async ({ page }) => {
  await page.goto('/e2e/pages/hostile-plain.html');
  // A hand-made decision that skips config validation: the UI itself must still refuse unsafe links.
  const decision = await page.evaluate(async () => {
    const evil = { sku: 'A', name: '<script>window.pwned=1</script>箸置き', price: 440, url: 'javascript:window.pwned=1', image: 'data:image/svg+xml,<svg onload=window.pwned=1>' };
    const line = { id: null, sku: 'YU-02', name: '<img src=x onerror=window.pwned=1>湯呑み', unitPrice: 4472, quantity: 1, lineTotal: 4472 };
    const d = {
      modal: null,
      panels: [
        { kind: 'cross-sell', offerId: 'x', variant: null, currency: 'JPY', value: 440, text: { title: '<img src=x onerror=window.pwned=1>一緒にどうぞ' }, proof: {}, anchor: line, items: [evil] },
      ],
      volume: null,
      bar: null,
      holdout: false,
    };
    const ui = await (window as any).CartUpsell.preview(d, { locale: 'ja', freeShipping: { threshold: 1000 } });
    return !!ui;
  });
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as any).pwned)).toBeUndefined();
  const links = await page.evaluate(() =>
    [...document.querySelectorAll('[data-cart-upsell]')].flatMap((h) => [...h.shadowRoot!.querySelectorAll('[href],[src]')].map((e) => e.getAttribute('href') ?? e.getAttribute('src'))),
  );
  expect(links.filter((l) => /^(javascript|data):/i.test(l ?? ''))).toEqual([]);
  expect(decision).toBe(true);
  await expect(page.getByText('<img src=x onerror=window.pwned=1>一緒にどうぞ')).toBeVisible();
  await expect(page.getByText('<script>window.pwned=1</script>箸置き')).toBeVisible();
});
