import { test, expect, type Page } from '@playwright/test';
import { hosts, watch, widgetText } from './helpers';

// Carts no test shop would have: huge, empty, re-rendered every 50 ms, replaced wholesale,
// priced in words. The widget reads what it can, skips the rest, never shows NaN, never loops.

type Line = { sku: string; name: string; price: number | string; qty: number };
const base: Line[] = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, qty: 2 },
  { sku: 'YU-02', name: '湯呑み 白磁', price: 4472, qty: 1 },
];

async function config(page: Page) {
  return (await page.request.get('/e2e/pages/hostile.json')).json();
}
const setCart = (page: Page, lines: Line[], subtotal?: string) => page.evaluate(([l, s]) => (window as any).hostileCart.set(l, s), [lines, subtotal] as const);
const start = async (page: Page) => page.evaluate((c) => (window as any).CartUpsell.start(c), await config(page));

/**
 * From now on: the page's long tasks (≥ 50 ms, whoever ran them), and each run of the widget's
 * scripts in a long frame (Long Animation Frame script attribution: one callback, one task). A
 * 2,000-row table costs the page its own style and layout after a change; the widget answers for
 * its own tasks.
 */
const observeLongTasks = (page: Page) =>
  page.evaluate(() => {
    const w = window as any;
    w.longTasks = [];
    w.widgetMs = [];
    for (const o of w.taskObservers ?? []) o.disconnect();
    const tasks = new PerformanceObserver((list) => w.longTasks.push(...list.getEntries().map((e) => Math.round(e.duration))));
    const frames = new PerformanceObserver((list) => {
      for (const f of list.getEntries() as any[]) for (const s of f.scripts) if (/\/dist\/cart-upsell/.test(s.sourceURL)) w.widgetMs.push(Math.round(s.duration));
    });
    tasks.observe({ type: 'longtask' });
    frames.observe({ type: 'long-animation-frame' });
    w.taskObservers = [tasks, frames];
  });
const longTasks = (page: Page): Promise<{ page: number[]; widget: number[] }> => page.evaluate(() => ({ page: (window as any).longTasks, widget: (window as any).widgetMs }));

/** Counts changes inside the widget's shadow roots from now on. */
const countWidgetMutations = (page: Page) =>
  page.evaluate(() => {
    (window as any).widgetMutations = 0;
    const mo = new MutationObserver((r) => ((window as any).widgetMutations += r.length));
    for (const h of document.querySelectorAll('[data-cart-upsell]')) mo.observe(h.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  });

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/pages/hostile-plain.html');
});

test('2,000 lines: the bar is right, and no long task from the widget', async ({ page }) => {
  const log = watch(page);
  const lines: Line[] = Array.from({ length: 2000 }, (_, i) => ({ sku: `SKU-${i}`, name: `商品 ${i}`, price: 1 + (i % 5), qty: 1 })); // ￥6,000
  await setCart(page, lines.slice(0, 60)); // ￥180
  await observeLongTasks(page);
  expect(await start(page)).toBe(true);
  await expect(page.getByRole('status')).toContainText('あと￥9,820で送料無料');
  await page.waitForTimeout(500);
  const atStart = await longTasks(page);

  // Grown to 2,000 lines by the shop; the widget reads it on the next change, a slice at a time.
  await setCart(page, lines);
  await expect(page.getByRole('status')).toContainText('あと￥4,000で送料無料');

  // Quantity changes in the 2,000-line cart, on a phone's CPU (4× slower): the shop re-renders
  // its table, the widget re-reads it and the bar follows, and no task of the widget's reaches
  // 50 ms (its slices measured 6–11 ms here; read at once, 30–32 ms). That the read is cut into
  // slices is tested in test/cart/watch.test.ts. A machine busy with other work can stretch any
  // single task (a run at normal speed on a busy 2-core machine once saw 127 ms), so a change is
  // tried up to three times: a widget whose own work is too long fails all three.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const rounds: { page: number[]; widget: number[] }[] = [];
  for (const qty of [3, 4, 5]) {
    await observeLongTasks(page);
    await setCart(
      page,
      lines.map((l, i) => (i ? l : { ...l, qty })),
    );
    await expect(page.getByRole('status')).toContainText(`あと￥${(4001 - qty).toLocaleString('ja-JP')}で送料無料`, { timeout: 10_000 });
    await page.waitForTimeout(500);
    rounds.push(await longTasks(page));
    if (rounds.at(-1)!.widget.every((ms) => ms < 50)) break;
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  test.info().annotations.push({ type: 'long tasks (ms)', description: JSON.stringify({ atStart, rounds }) });
  expect(rounds.at(-1)!.widget.filter((ms) => ms >= 50)).toEqual([]);

  // Past the threshold, every line counted.
  const dear = lines.map((l, i) => ({ ...l, price: 100 + (i % 7) }));
  await setCart(page, dear);
  await expect(page.getByRole('status')).toContainText('送料無料の対象です');
  const { selectors } = (await config(page)).cart; // the page's config: the widget reads with the same
  const cart = await page.evaluate((s) => (window as any).CartUpsell.readCart({ selectors: s }), selectors);
  expect(cart.items).toHaveLength(2000);
  expect(cart.subtotal).toBe(dear.reduce((s, l) => s + (l.price as number), 0));

  // The whole read of 2,000 lines at once, the fastest of 5 (load on the machine only ever adds
  // time): well under a long task at normal speed.
  const readMs = await page.evaluate((s) => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t = performance.now();
      (window as any).CartUpsell.readCart({ selectors: s });
      best = Math.min(best, performance.now() - t);
    }
    return best;
  }, selectors);
  test.info().annotations.push({ type: 'readCart 2,000 lines (ms)', description: readMs.toFixed(1) });
  expect(readMs).toBeLessThan(50);
  expect(await widgetText(page)).not.toContain('NaN');
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('empty cart: a sensible bar, no other prompt, no NaN', async ({ page }) => {
  const log = watch(page);
  await setCart(page, [], '￥0');
  expect(await start(page)).toBe(true);
  await page.waitForTimeout(800);
  const text = await widgetText(page);
  expect(text).not.toContain('NaN');
  expect(text).not.toContain('undefined');
  // Either no bar, or the whole threshold to go.
  if (await page.getByRole('status').count()) await expect(page.getByRole('status')).toContainText('￥10,000');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('a cart re-rendered every 50 ms: no render loop, no console flood, no repeated impressions', async ({ page }) => {
  const log = watch(page);
  await setCart(page, base);
  const impressions: string[] = [];
  await page.exposeFunction('onImpression', (id: string) => impressions.push(id));
  await page.evaluate(() => document.addEventListener('cart-upsell:impression', (e) => (window as any).onImpression((e as CustomEvent).detail.offerId)));
  expect(await start(page)).toBe(true);
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await expect(page.getByText('セットでお得')).toBeVisible();
  await page.waitForTimeout(300);
  const shown = impressions.length;
  const messages = log.all().length;
  await countWidgetMutations(page);
  await page.evaluate(() => (window as any).hostileCart.churn(50));
  await page.waitForTimeout(2000);
  const renders = await page.evaluate(() => (window as any).hostileCart.renders);
  expect(renders).toBeGreaterThan(30);
  expect(await page.evaluate(() => (window as any).widgetMutations)).toBe(0);
  expect(impressions.length).toBe(shown);
  expect(log.all().length - messages).toBe(0);
  expect(log.pageErrors).toEqual([]);
});

// Bug (src/cart/watch.ts, schedule()): every mutation clears and restarts the 120 ms debounce, so a
// theme re-rendering faster than that postpones the read forever and the bar never follows a real
// change. Fix: before `clearTimeout(timer)`, add `if (timer && why === 'mutation') return;`
// (verified: this test passes with it).
test('a cart re-rendered every 50 ms still follows a real change', async ({ page }) => {
  await setCart(page, base);
  expect(await start(page)).toBe(true);
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await page.evaluate(() => (window as any).hostileCart.churn(50));
  await page.evaluate(() => {
    const kit = (window as any).hostileCart;
    kit.lines = kit.lines.map((l: { qty: number }, i: number) => (i === 0 ? { ...l, qty: 3 } : l));
    kit.subtotal = null;
  });
  // 1,320 × 3 + 4,472 = 8,432 → ￥1,568 to go
  await expect(page.getByRole('status')).toContainText('あと￥1,568で送料無料', { timeout: 3000 });
  await page.evaluate(() => clearInterval((window as any).hostileCart.timer));
});

test('the shop replaces the whole cart table (old nodes detached): the widget follows the new one', async ({ page }) => {
  const log = watch(page);
  await setCart(page, base);
  expect(await start(page)).toBe(true);
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  // Keep a reference to the old table, detach it, put a fresh one in its place.
  await page.evaluate(() => {
    const old = document.getElementById('cart')!;
    (window as any).detachedCart = old;
    const fresh = old.cloneNode(true) as HTMLElement;
    fresh.querySelector<HTMLInputElement>('.qty')!.value = '3';
    fresh.querySelector('.total')!.textContent = '￥3,960';
    old.replaceWith(fresh);
    document.getElementById('subtotal')!.textContent = '￥8,432';
  });
  await expect(page.getByRole('status')).toContainText('あと￥1,568で送料無料');
  // The detached table changing has no effect; removing the cart entirely empties it.
  await page.evaluate(() => {
    (window as any).detachedCart.querySelector('.qty').value = '9';
    document.getElementById('cart')!.remove();
    document.getElementById('subtotal')!.textContent = '';
  });
  await page.waitForTimeout(800);
  const text = await widgetText(page);
  expect(text).not.toContain('NaN');
  expect(text).not.toContain('1,568');
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
  await expect(hosts(page)).toHaveCount(1);
});

test('prices in words, zero, and a negative discount line: read or skipped, never NaN', async ({ page }) => {
  const log = watch(page);
  const lines: Line[] = [
    ...base,
    { sku: 'ASK-01', name: '特注 暖簾', price: 'お問い合わせ', qty: 1 },
    { sku: 'DASH-01', name: '見本品', price: '—', qty: 1 },
    { sku: 'FREE-01', name: 'おまけ 手ぬぐい袋', price: '0円', qty: 1 },
    { sku: 'DISC', name: 'クーポン値引き', price: '-￥500', qty: 1 },
    ...Array.from({ length: 200 }, (_, i) => ({ sku: `ASK-${i}`, name: `受注生産品 ${i}`, price: 'お問い合わせ', qty: 1 })),
  ];
  await setCart(page, lines, '￥6,612');
  const cart = await page.evaluate(() =>
    (window as any).CartUpsell.readCart({
      selectors: { item: '#cart .line', name: '.name', sku: '.name', skuAttr: 'data-sku', price: '.price', quantity: '.qty', lineTotal: '.total', subtotal: '#subtotal' },
    }),
  );
  expect(cart.items.map((i: { sku: string; unitPrice: number }) => `${i.sku} ${i.unitPrice}`)).toEqual(['TN-0123 1320', 'YU-02 4472', 'FREE-01 0', 'DISC -500']);
  expect(cart.subtotal).toBe(6612);
  expect(await start(page)).toBe(true);
  await expect(page.getByRole('status')).toContainText('あと￥3,388で送料無料');
  await page.waitForTimeout(500);
  const text = await widgetText(page);
  expect(text).not.toContain('NaN');
  expect(text).not.toMatch(/￥-|-￥/);
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

// Bug (src/cart/read.ts, readLine's "no readable price" warnOnce): the message includes the line's
// label, so each unreadable line is a distinct message and 200 lines print 200 warnings. Fix: count
// skipped lines in readCart and warn once with the count and the first label.
test('200 lines priced お問い合わせ: skipped without flooding the console', async ({ page }) => {
  const log = watch(page);
  const lines: Line[] = [...base, ...Array.from({ length: 200 }, (_, i) => ({ sku: `ASK-${i}`, name: `受注生産品 ${i}`, price: 'お問い合わせ', qty: 1 }))];
  await setCart(page, lines, '￥7,112');
  expect(await start(page)).toBe(true);
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  await page.waitForTimeout(500);
  // 200 unreadable lines must not mean 200 console lines.
  expect(log.ours('warning').length).toBeLessThanOrEqual(3);
});
