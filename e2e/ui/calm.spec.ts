// Calm by construction, measured: on every sample shop page and every platform fixture page, at a
// phone's 390 × 844 and a desktop's 1280 × 800, with the busiest config (every offer type, the
// free-shipping bar, an upgrade with a downsell):
//  - besides the bar, the widget covers at most 30 % of the viewport (the union of its visible
//    boxes, measured in the browser);
//  - none of its boxes overlaps the page's checkout / cart buttons or its cart total, also with
//    each of them scrolled to the bottom edge of the screen, where the dock sits;
//  - a plain page view shows no modal, whether the page draws its cart at load or 800 ms or
//    3,000 ms after it.
// The upgrade dialog is held to the same 30 % where a shopper brings it (an add, a checkout
// click), with both answer buttons on screen. Screenshots and the figures go to test-results/calm/ (COVERAGE=1 prints a table).
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { visitorId } from '../demo/helpers';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../../test/fixtures/');
const out = join(here, '../../test-results/calm/');
mkdirSync(out, { recursive: true });

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const DELAYS = [0, 800, 3000];
const LIMIT = 0.3;

interface Target {
  name: string;
  url: string;
  /** The page's cart total, by the platform's own markup ('' when the page shows none). */
  total: string;
  /** A demo shop's cart, seeded in its storage as the shop keeps it. */
  shop?: string;
  /** A fixture page: the config is put inline in the page (it has only the script tag). */
  config?: Record<string, unknown>;
  /** What a shopper does to bring the upgrade dialog. */
  shopper?: (p: Page) => Promise<void>;
}

// ---- the pages --------------------------------------------------------------------------------

const SHOP_TOTAL: Record<string, string> = { wa: '.wa-subtotal', eccube: '.ec-cartRole__totalAmount', dawn: '.totals__total-value' };
const ADD_NAME: Record<string, string> = { wa: '手ぬぐい 青海波をカートに入れる', eccube: '手ぬぐい 青海波をカートに入れる', dawn: '手ぬぐい 青海波をカートに追加' };
// The busiest cart for the sample config: the tenugui (upgrade + downsell, quantity tiers) and the
// kyusu (related teas, the set, its upgrade at checkout), between the two shipping tiers.
const SHOP_CART = [
  { sku: 'TN-0123', quantity: 1 },
  { sku: 'KY-01', quantity: 1 },
];

const shops: Target[] = (['wa', 'eccube', 'dawn'] as const).flatMap((shop) => [
  {
    name: `${shop} product list`,
    url: `/demo/site/shops/${shop}/index.html`,
    total: SHOP_TOTAL[shop],
    shop,
    shopper: async (p: Page) => p.getByRole('button', { name: ADD_NAME[shop] }).click(),
  },
  {
    name: `${shop} cart`,
    url: `/demo/site/shops/${shop}/cart.html`,
    total: SHOP_TOTAL[shop],
    shop,
    shopper: async (p: Page) => p.getByRole('link', { name: 'レジに進む' }).click(),
  },
]);

const HAND_MADE_CHECKOUT: Record<string, string> = { 'tegaki-shop': '.btn-order' };

interface Expected {
  configs: Record<string, unknown>[] | Record<string, Record<string, unknown>>;
  cart: { currency: string; subtotal: number; items: { id: string | null; sku: string | null; name: string; unitPrice: number; quantity: number }[] };
}

/**
 * The sample config's shape on a fixture's own products: an upgrade of the first line with a
 * downsell, related items for it, a set with it, quantity tiers on the lines, and the bar with
 * gap fillers. Prices follow the sample (upgrade ×1.8, downsell ×1.3, related items at 20–35 %).
 */
function fixtureConfig(name: string, e: Expected): Record<string, unknown> {
  const configs = Object.values(e.configs);
  const found = configs.find((c) => !c.selectors) ?? configs[0];
  // A hand-made shop names its checkout button, as the sample shop's config does: no platform
  // markup says which link that is.
  const read = HAND_MADE_CHECKOUT[name] ? { ...found, checkout: HAND_MADE_CHECKOUT[name] } : found;
  const lines = e.cart.items.filter((l) => l.unitPrice > 0);
  const ref = (l: Expected['cart']['items'][number]) => l.sku ?? l.id ?? l.name;
  const a = lines[0];
  const p = a.unitPrice;
  const cur = e.cart.currency;
  const products = [
    ...lines.map((l) => ({ sku: ref(l), name: l.name, price: l.unitPrice })),
    { sku: 'UP', name: `${a.name} 特撰`, price: Math.round(p * 1.8) },
    { sku: 'DOWN', name: `${a.name} 上`, price: Math.round(p * 1.3) },
    { sku: 'X1', name: '手ぬぐい 麻の葉', price: Math.round(p * 0.2) },
    { sku: 'X2', name: '箸置き 桜', price: Math.round(p * 0.25) },
    { sku: 'X3', name: '蚊帳ふきん', price: Math.round(p * 0.35) },
    { sku: 'PAIR', name: '湯呑み 白磁', price: Math.round(p * 0.4) },
  ];
  const units = lines.reduce((s, l) => s + l.quantity, 0);
  return {
    cart: read,
    locale: 'ja',
    actions: { platform: 'none' },
    freeShipping: { threshold: e.cart.subtotal + Math.round(p * 0.6), taxIncluded: true, tiers: [{ amount: e.cart.subtotal + p * 2, label: 'ギフト包装無料' }], gapFillers: ['X1', 'X2', 'X3'] },
    products,
    offers: [
      { id: 'up', type: 'upsell', from: ref(a), to: 'UP', downsell: 'DOWN', benefits: ['厚手の生地で長く使えます', '国内の工房で作っています'] },
      { id: 'x', type: 'cross-sell', for: [ref(a)], items: ['X1', 'X2', 'X3'], max: 3 },
      { id: 'set', type: 'bundle', items: [ref(a), 'PAIR'], price: Math.round((p + Math.round(p * 0.4)) * 0.9), appliedBy: 'platform' },
      {
        id: 'vol',
        type: 'volume',
        items: lines.map(ref),
        appliedBy: 'platform',
        tiers: [
          { quantity: units + 1, percentOff: 10 },
          { quantity: units + 3, percentOff: 15 },
        ],
      },
    ],
    caps: { modalsPerSession: 2 },
    holdout: 0,
    ...(cur === 'JPY' ? {} : { cart: { ...read, currency: cur } }),
  };
}

const fixturePages: Target[] = readdirSync(fixtures)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => {
    const name = f.replace('.expected.json', '');
    const e = JSON.parse(readFileSync(fixtures + f, 'utf8')) as Expected;
    // A page that keeps its cart in a script object (カラーミー's product list) shows no total.
    const withSelectors = Object.values(e.configs).find((c) => c.selectors) as { selectors: { subtotal?: string } } | undefined;
    return { name, url: `/test/fixtures/${name}.html`, total: withSelectors?.selectors.subtotal ?? '', config: fixtureConfig(name, e) };
  });

const targets = [...shops, ...fixturePages];

// ---- measuring in the page ---------------------------------------------------------------------

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  what: string;
}
interface Look {
  /** The widget's visible boxes: cards, lines, the bar and an open dialog, in viewport pixels. */
  boxes: Box[];
  /** The page's checkout / cart buttons and its total, as the shopper sees them. */
  keep: Box[];
  dialogOpen: boolean;
  barShown: boolean;
}

/**
 * Runs in the page. The widget's boxes are found in its shadow roots (the overlay host and the
 * slot hosts); hidden ones (a dock stepped out of sight) do not count. The checkout / cart buttons
 * are found by what they say, not by the widget's own list, so a button the widget misses fails.
 */
function look(total: string): Look {
  const vw = innerWidth;
  const vh = innerHeight;
  const clip = (r: DOMRect, what: string): Box | null => {
    const x = Math.max(0, r.left);
    const y = Math.max(0, r.top);
    const w = Math.min(vw, r.right) - x;
    const h = Math.min(vh, r.bottom) - y;
    return w > 0 && h > 0 ? { x, y, w, h, what } : null;
  };
  const visible = (el: Element) => {
    const s = getComputedStyle(el);
    return s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0;
  };
  const boxes: Box[] = [];
  let dialogOpen = false;
  let barShown = false;
  const roots = [...document.querySelectorAll('cart-upsell[data-cart-upsell], cart-upsell-slot')].map((h) => h.shadowRoot).filter((r): r is ShadowRoot => !!r);
  for (const root of roots) {
    for (const d of root.querySelectorAll('dialog[open]')) {
      dialogOpen = true;
      const b = clip(d.getBoundingClientRect(), 'dialog');
      if (b) boxes.push(b);
    }
    // The dock's children and the slots' rendered children: one box per card, line or bar.
    const parts = [...root.children].filter((c) => c.matches('.dock, div')).flatMap((c) => [...c.children]);
    for (const el of parts) {
      const bar = !!el.querySelector('.tr') || el.classList.contains('bar');
      // Drawn, though the dock may have stepped out of sight to keep a button clear.
      if (bar) barShown = true;
      if (!visible(el)) continue;
      const b = clip(el.getBoundingClientRect(), bar ? 'bar' : (el.className || el.tagName).toString());
      if (b) boxes.push(b);
    }
  }
  const said = (el: Element) => `${(el as HTMLElement).innerText ?? ''} ${el.getAttribute('aria-label') ?? ''} ${(el as HTMLInputElement).value ?? ''}`;
  const checkout = /レジ|購入手続|注文手続|ご購入|お会計|精算|チェックアウト|カートを見る|checkout|check out|proceed/i;
  const keep: Box[] = [];
  const add = (el: Element, what: string) => {
    if (!visible(el)) return;
    // A button or link is its own box; a total is the text it shows (a <dd> or <td> box may
    // stretch across the page where nothing is drawn).
    const range = document.createRange();
    range.selectNodeContents(el);
    const r = el.matches('a, button, input') ? el.getBoundingClientRect() : range.getBoundingClientRect();
    if (r.width > 0 && r.height > 0) keep.push({ x: r.left, y: r.top, w: r.width, h: r.height, what });
  };
  for (const el of document.querySelectorAll('a, button, input[type=submit], input[type=button], [data-cart-upsell-keep-clear]')) {
    if (el.closest('cart-upsell, cart-upsell-slot, [aria-hidden=true]')) continue;
    if (el.hasAttribute('data-cart-upsell-keep-clear') || (checkout.test(said(el)) && !/入れる|追加|add to/i.test(said(el)))) add(el, `button「${said(el).trim().slice(0, 20)}」`);
  }
  if (total) for (const el of document.querySelectorAll(total)) add(el, `total ${total}`);
  return { boxes, keep, dialogOpen, barShown };
}

/** Exact area of a union of rectangles (coordinate compression: a handful of boxes). */
export function unionArea(boxes: Box[]): number {
  const xs = [...new Set(boxes.flatMap((b) => [b.x, b.x + b.w]))].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    const [x0, x1] = [xs[i], xs[i + 1]];
    const spans = boxes
      .filter((b) => b.x <= x0 && b.x + b.w >= x1)
      .map((b) => [b.y, b.y + b.h])
      .sort((a, b) => a[0] - b[0]);
    let covered = 0;
    let end = -Infinity;
    for (const [y0, y1] of spans) {
      if (y1 <= end) continue;
      covered += y1 - Math.max(y0, end);
      end = y1;
    }
    area += covered * (x1 - x0);
  }
  return area;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const pct = (n: number) => Math.round(n * 1000) / 10;

// ---- one page view -------------------------------------------------------------------------------

/**
 * A fresh shopper (outside the holdout) with the busy cart; with `delay` > 0 the page's content
 * is held back and drawn that long after the load event, as a theme that fetches its cart does.
 */
async function open(
  browser: Browser,
  baseURL: string,
  t: Target,
  vp: (typeof VIEWPORTS)[number],
  delay: number,
): Promise<{ ctx: BrowserContext; page: Page; errors: string[]; modalImpressions: () => Promise<number> }> {
  const ctx = await browser.newContext({ baseURL, viewport: { width: vp.width, height: vp.height } });
  await ctx.addInitScript(
    ({ vid, shop, cart, delay }) => {
      if (sessionStorage.getItem('calm:started')) return;
      sessionStorage.setItem('calm:started', '1');
      localStorage.setItem('cart-upsell:state', JSON.stringify({ v: 1, visitorId: vid, firstSeen: Date.now(), snoozed: {}, impressions: {} }));
      if (shop) localStorage.setItem(`cart-upsell-demo:cart:${shop}`, JSON.stringify(cart));
      (window as unknown as { calmModals: number }).calmModals = 0;
      for (const type of ['impression'])
        document.addEventListener(`cart-upsell:${type}`, (e) => {
          const k = (e as CustomEvent).detail?.offerType;
          if (k === 'upsell' || k === 'downsell') (window as unknown as { calmModals: number }).calmModals++;
        });
      if (!delay) return;
      let held: DocumentFragment | null = null;
      document.addEventListener(
        'DOMContentLoaded',
        () => {
          held = document.createDocumentFragment();
          held.append(...document.body.childNodes);
        },
        { once: true },
      );
      addEventListener(
        'load',
        () =>
          setTimeout(() => {
            if (held) document.body.append(held);
            document.documentElement.dataset.drawn = '1';
          }, delay),
        { once: true },
      );
    },
    { vid: visitorId(false), shop: t.shop ?? null, cart: SHOP_CART, delay },
  );
  if (t.config) {
    const inline = `<script type="application/json" id="cart-upsell-config">${JSON.stringify(t.config)}</script>`;
    await ctx.route(`**${t.url}`, async (route) => {
      const r = await route.fetch();
      await route.fulfill({ response: r, body: (await r.text()).replace('</head>', `${inline}</head>`) });
    });
  }
  // Nothing leaves the machine (the fixtures name their platforms' image hosts), and the checkout
  // pages and the platforms' own endpoints are not part of this look.
  await ctx.route(
    (url) => url.hostname !== new URL(baseURL).hostname,
    (route) => route.abort(),
  );
  await ctx.route(/\/(checkout|cart\/add|api\/)/, (route) => (route.request().resourceType() === 'document' ? route.fulfill({ body: '<!doctype html><title>checkout</title>' }) : route.abort()));
  const page = await ctx.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  await page.goto(t.url);
  return { ctx, page, errors, modalImpressions: () => page.evaluate(() => (window as unknown as { calmModals: number }).calmModals) };
}

const frames = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))));

async function barShown(page: Page, where: string, t: Target, errors: string[]): Promise<void> {
  await expect
    .poll(async () => (await page.evaluate(look, t.total)).barShown, { timeout: 15_000, message: `${where}: the widget shows the free-shipping bar` })
    .toBe(true)
    .catch((e: Error) => {
      throw new Error(`${e.message}\nconsole: ${errors.join('\n')}`);
    });
}

interface Figures {
  page: string;
  viewport: string;
  delay: number;
  cover: number;
  coverAtButton: number;
  dialog?: number;
}

async function plainView(browser: Browser, baseURL: string, t: Target, vp: (typeof VIEWPORTS)[number], delay: number): Promise<Figures> {
  const { ctx, page, errors, modalImpressions } = await open(browser, baseURL, t, vp, delay);
  try {
    if (delay) await page.locator('html[data-drawn]').waitFor({ state: 'attached', timeout: delay + 30_000 });
    const where = `${t.name} at ${vp.name}, cart drawn ${delay} ms after load`;
    // The widget is running and has shown the bar for the drawn cart.
    await barShown(page, where, t, errors);
    // A modal would be up within a few frames of the decision; a second is a wide margin.
    await page.waitForTimeout(1000);
    const at = await page.evaluate(look, t.total);
    expect(at.dialogOpen, `${where}: no modal on a plain page view`).toBe(false);
    expect(await modalImpressions(), `${where}: no upgrade counted as seen`).toBe(0);
    expect(at.keep.length, `${where}: the page's checkout / cart button or total was found`).toBeGreaterThan(0);
    const area = vp.width * vp.height;
    // Saved before the checks, so a failure can be looked at.
    if (delay === 0) writeFileSync(`${out}${t.name.replace(/\W+/g, '-')}-${vp.name}.png`, await page.screenshot());
    const cover = unionArea(at.boxes.filter((b) => b.what !== 'bar')) / area;
    expect(cover, `${where}: coverage besides the bar`).toBeLessThanOrEqual(LIMIT);
    for (const b of at.boxes) for (const k of at.keep) expect(overlaps(b, k), `${where}: ${b.what} overlaps ${k.what}`).toBe(false);

    // Each button and the total at the bottom edge of the screen, where the dock sits.
    let coverAtButton = 0;
    const n = at.keep.length;
    for (let i = 0; i < n; i++) {
      const k = at.keep[i];
      await page.evaluate(({ y, h }) => scrollBy(0, y + h - innerHeight + 4), { y: k.y, h: k.h });
      await frames(page);
      const now = await page.evaluate(look, t.total);
      coverAtButton = Math.max(coverAtButton, unionArea(now.boxes.filter((b) => b.what !== 'bar')) / area);
      for (const b of now.boxes) for (const kk of now.keep) expect(overlaps(b, kk), `${where}, scrolled to ${k.what}: ${b.what} overlaps ${kk.what}`).toBe(false);
      await page.evaluate(() => scrollTo(0, 0));
    }
    expect(coverAtButton, `${where}: coverage besides the bar, scrolled`).toBeLessThanOrEqual(LIMIT);
    expect(errors).toEqual([]);
    return { page: t.name, viewport: vp.name, delay, cover, coverAtButton };
  } finally {
    await ctx.close();
  }
}

/** What the shopper's own step brings: the upgrade dialog, measured. */
async function dialogView(browser: Browser, baseURL: string, t: Target, vp: (typeof VIEWPORTS)[number]): Promise<{ dialog: number; shot: Buffer }> {
  const { ctx, page, errors } = await open(browser, baseURL, t, vp, 0);
  try {
    await barShown(page, `${t.name} at ${vp.name}`, t, errors);
    await t.shopper!(page);
    await expect(page.getByRole('dialog')).toBeVisible();
    await frames(page);
    const at = await page.evaluate(look, t.total);
    const dialog = unionArea(at.boxes.filter((b) => b.what === 'dialog')) / (vp.width * vp.height);
    const shot = await page.screenshot();
    writeFileSync(`${out}${t.name.replace(/\W+/g, '-')}-${vp.name}-dialog.png`, shot);
    expect(dialog, `${t.name} at ${vp.name}: the upgrade dialog's share of the screen`).toBeLessThanOrEqual(LIMIT);
    // However little of it shows at once, both answers stay on screen.
    for (const b of await page.getByRole('dialog').getByRole('button').filter({ hasNotText: '×' }).all()) {
      const box = (await b.boundingBox())!;
      if (box.width > 44) expect(box.y + box.height, `${t.name} at ${vp.name}: an answer button is on screen`).toBeLessThanOrEqual(vp.height);
    }
    expect(errors).toEqual([]);
    return { dialog, shot };
  } finally {
    await ctx.close();
  }
}

test.describe.configure({ mode: 'parallel' });

for (const t of targets) {
  test(`${t.name}: at 390×844 and 1280×800, ≤ 30 % covered besides the bar, checkout and total clear, no modal on a plain view (cart drawn at 0 / 800 / 3,000 ms)`, async ({ browser, baseURL }) => {
    test.setTimeout(150_000);
    // Every view of the page at once, each in its own context: the waits overlap.
    const [views, dialogs] = await Promise.all([
      Promise.all(VIEWPORTS.flatMap((vp) => DELAYS.map((d) => plainView(browser, baseURL!, t, vp, d)))),
      Promise.all(t.shopper ? VIEWPORTS.map((vp) => dialogView(browser, baseURL!, t, vp)) : []),
    ]);
    VIEWPORTS.forEach((vp, i) => {
      const mine = views.filter((v) => v.viewport === vp.name);
      const file = `${t.name.replace(/\W+/g, '-')}-${vp.name}`;
      const figures: Figures = {
        page: t.name,
        viewport: `${vp.width}×${vp.height}`,
        delay: 0,
        cover: Math.max(...mine.map((v) => v.cover)),
        coverAtButton: Math.max(...mine.map((v) => v.coverAtButton)),
      };
      if (dialogs[i]) {
        writeFileSync(`${out}${file}-dialog.png`, dialogs[i].shot);
        figures.dialog = dialogs[i].dialog;
      }
      writeFileSync(`${out}${file}.json`, JSON.stringify(figures));
      if (process.env.COVERAGE)
        console.log(`| ${t.name} | ${figures.viewport} | ${pct(figures.cover)} % | ${pct(figures.coverAtButton)} % | ${figures.dialog == null ? '—' : `${pct(figures.dialog)} %`} |`);
    });
  });
}
