import { test, expect, type Page } from '@playwright/test';
import { startShop, shopPage, type Shop } from './shop-server';
import { createShopify } from '../../demo/site/shared/platforms/shopify.js';
import { createWooCommerce } from '../../demo/site/shared/platforms/woocommerce.js';
import { createEccube } from '../../demo/site/shared/platforms/eccube.js';

// "Yes" in a real browser against stateful platform fakes over loopback HTTP (each fake cites the
// platform source it follows). Every test ends with the fake's final cart.
const products = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, id: 4001, productId: 40 },
  { sku: 'TN-0123-DX', name: '手ぬぐい 青海波 特撰', price: 2420, id: 4002, productId: 40 },
  { sku: 'HG-01', name: '箸置き 桜', price: 440, id: 77, productId: 45 },
  { sku: 'TOTE-01', name: 'トートバッグ', price: 2200, id: 88, productId: 46 },
];
const line = (id: string, quantity = 2) => ({ id, sku: 'TN-0123', name: '手ぬぐい 青海波', unitPrice: 1320, quantity, lineTotal: 1320 * quantity });
const cartOf = (items: ReturnType<typeof line>[]) => ({ currency: 'JPY', items, subtotal: items.reduce((s, l) => s + l.lineTotal, 0) });
const upsell = { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', benefits: ['職人の注染'] };
const cross = { id: 'x-1', type: 'cross-sell', for: ['TN-0123'], items: ['HG-01'] };
const shopifyProducts = products.map((p) => ({ id: p.id, sku: p.sku, title: p.name, price: p.price * 100 }));

let shop: Shop | null = null;
test.afterEach(async () => {
  await shop?.close();
  shop = null;
});

/**
 * Starts the widget and returns once it is watching: it first reads the cart after the page has
 * been still for a moment, and installs its checkout listener in that same task. A click before
 * then is a click on a page without the widget.
 */
async function start(page: Page, platform: string, offers: object[], cart: object) {
  await page.goto(shop!.url + '/page');
  await page.evaluate(
    ([platform, offers, products, cart]) => {
      const w = window as any;
      w.cartReads = 0;
      w.CartUpsell.start({ actions: { platform }, products, offers, readCart: () => (w.cartReads++, cart) });
    },
    [platform, offers, products, cart] as const,
  );
  await expect.poll(() => page.evaluate(() => (window as any).cartReads)).toBeGreaterThan(0);
}
/** The platforms' cart-action files this page fetched (the script-tag build loads its platform's only). */
const actionFiles = (page: Page) =>
  page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.includes('cart-upsell-actions-')),
  );
async function acceptUpsellAtCheckout(page: Page) {
  await page.getByRole('link', { name: 'レジに進む' }).click();
  const dialog = page.getByRole('dialog', { name: /特撰にしませんか/ });
  await dialog.getByRole('button', { name: '変更する' }).click();
  return dialog;
}

test('Shopify, locale root /ja/: the upgrade replaces the plain line of a variant that is on two lines', async ({ page }) => {
  const fake = createShopify({ root: '/ja/', products: shopifyProducts });
  fake.seed([
    { id: 4001, quantity: 2 },
    { id: 4001, quantity: 1, properties: { のし: '御祝' } },
  ]);
  shop = await startShop(fake, shopPage(`<script>window.Shopify = { routes: { root: '/ja/' } };</script>`));
  // Dawn's markup names both lines by the variant id; the prompt is about the first (×2).
  await start(page, 'shopify', [upsell], cartOf([line('4001', 2), line('4001', 1)]));
  await acceptUpsellAtCheckout(page);
  await expect(page).toHaveURL(/#checkout$/);
  expect(fake.log.every((l) => l.root === '/ja/')).toBe(true);
  expect(fake.summary()).toEqual(['TN-0123×1+{"のし":"御祝"}', 'TN-0123-DX×2']);
  expect(await actionFiles(page)).toEqual(['/dist/cart-upsell-actions-shopify.js']);
});

test('Shopify: 「セットにする」 adds the missing parts in one request and the set code applies', async ({ page }) => {
  const fake = createShopify({ products: shopifyProducts, discounts: { SET3620: { type: 'set', variants: [4001, 77, 88], price: 362000 } } });
  fake.seed([{ id: 4001, quantity: 1 }]);
  shop = await startShop(fake, shopPage(`<script>window.Shopify = { routes: { root: '/' } };</script>`));
  await start(page, 'shopify', [{ id: 'b-1', type: 'bundle', items: ['TN-0123', 'HG-01', 'TOTE-01'], price: 3620, discountCode: 'SET3620' }], cartOf([line('4001', 1)]));
  await page.getByRole('button', { name: 'セットにする' }).click();
  await expect.poll(() => fake.summary()).toEqual(['TN-0123×1', 'HG-01×1', 'TOTE-01×1']);
  expect(fake.log.filter((l) => l.path === 'cart/add.js')).toHaveLength(1);
  await expect.poll(() => fake.cart()).toMatchObject({ discount_codes: [{ code: 'SET3620', applicable: true }], total_price: 362000 });
});

test('WooCommerce, plain permalinks under /shop/: a cross-sell add; the upgrade by cart-item key', async ({ page }) => {
  const fake = createWooCommerce({ base: '/shop/', permalinks: 'plain', products: products.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.price })) });
  fake.seed([{ id: 4001, quantity: 2 }]);
  shop = await startShop(fake, shopPage(`<link rel="https://api.w.org/" href="/shop/?rest_route=/">`));
  await start(page, 'woocommerce', [upsell, cross], cartOf([line('4001', 2)]));
  await page.getByRole('button', { name: /箸置き 桜を追加/ }).click();
  await expect.poll(() => fake.summary()).toEqual(['TN-0123×2', 'HG-01×1']);
  // Right after an answer nothing new pops up: the upgrade waits for the next moment, the checkout click.
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await acceptUpsellAtCheckout(page);
  await expect(page).toHaveURL(/#checkout$/);
  await expect.poll(() => fake.summary()).toEqual(['HG-01×1', 'TN-0123-DX×2']);
  expect(fake.log.every((l) => l.via === 'rest_route')).toBe(true);
  expect(await actionFiles(page)).toEqual(['/dist/cart-upsell-actions-woocommerce.js']);
});

test('WooCommerce: when its cart-actions file cannot be loaded, 「追加」 opens the product page, with one console message about it', async ({ page }) => {
  const fake = createWooCommerce({ products: products.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.price })) });
  fake.seed([{ id: 4001, quantity: 2 }]);
  shop = await startShop(fake, shopPage(`<link rel="https://api.w.org/" href="/wp-json/">`));
  const said: string[] = [];
  page.on('console', (m) => m.text().startsWith('[cart-upsell]') && said.push(m.text()));
  await page.route('**/cart-upsell-actions-*.js', (route) => route.abort());
  await page.goto(shop.url + '/page');
  const withUrl = products.map((p) => (p.sku === 'HG-01' ? { ...p, url: '/product/hashioki-sakura' } : p));
  await page.evaluate(([offers, products, cart]) => (window as any).CartUpsell.start({ actions: { platform: 'woocommerce' }, products, offers, readCart: () => cart }), [
    [cross],
    withUrl,
    cartOf([line('4001', 2)]),
  ] as const);
  await page.getByRole('button', { name: /箸置き 桜を追加/ }).click();
  await expect(page).toHaveURL(/\/product\/hashioki-sakura$/);
  // The config names no locale: the console speaks English (the page has no cart markup either, which is said too).
  expect(said.filter((m) => m.includes('actions'))).toEqual(['[cart-upsell] could not load cart-upsell-actions-woocommerce.js: a "yes" opens the product\'s page instead.']);
  expect(fake.summary()).toEqual(['TN-0123×2']);
});

test('WooCommerce: a volume tier with a code gets a button; the coupon is applied, and only then "適用中"', async ({ page }) => {
  const fake = createWooCommerce({ products: products.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.price })), coupons: { vol10: { type: 'percent', percent: 10, minQuantity: 3 } } });
  fake.seed([{ id: 4001, quantity: 3 }]);
  shop = await startShop(fake, shopPage(`<link rel="https://api.w.org/" href="/wp-json/">`));
  await start(
    page,
    'woocommerce',
    [
      {
        id: 'v-1',
        type: 'volume',
        tiers: [
          { quantity: 3, percentOff: 10 },
          { quantity: 5, percentOff: 15 },
        ],
        discountCode: 'vol10',
      },
    ],
    cartOf([line('4001', 3)]),
  );
  await expect(page.getByText('10%オフの対象です')).toBeVisible();
  await expect(page.getByText('10%オフ適用中')).toHaveCount(0);
  await page.getByRole('button', { name: 'クーポンを適用する' }).click();
  await expect(page.getByText('10%オフ適用中')).toBeVisible();
  expect(fake.summary()).toEqual(['TN-0123×3', 'coupon:vol10']);
  expect(fake.cart().totals.total_price).toBe('3564');
});

test('EC-CUBE under /shop/: a set whose part is sold out leaves the cart as it was; an add with the product page’s token', async ({ page }) => {
  const fake = createEccube({
    root: '/shop/',
    products: products.map((p) => ({ productId: p.productId, productClassId: p.id, name: p.name, price: p.price, sku: p.sku, stock: p.sku === 'TOTE-01' ? 0 : undefined })),
  });
  fake.seed([{ productClassId: 4001, quantity: 1 }]);
  shop = await startShop(fake, shopPage(`<meta name="eccube-csrf-token" content="${fake.csrf}">`, '<div class="ec-headerRole__cart"><a href="/shop/cart">カート</a></div>'));
  await start(page, 'eccube', [cross, { id: 'b-1', type: 'bundle', items: ['TN-0123', 'HG-01', 'TOTE-01'], price: 3620, appliedBy: 'platform' }], cartOf([line('4001', 1)]));
  await page.getByRole('button', { name: 'セットにする' }).click();
  await expect(page.getByRole('alert')).toContainText('カートの内容は変わっていません');
  expect(fake.summary()).toEqual(['TN-0123×1']);
  await page.getByRole('button', { name: /箸置き 桜を追加/ }).click();
  await expect.poll(() => fake.summary()).toEqual(['TN-0123×1', 'HG-01×1']);
  // The header cart, redrawn from /block/cart.
  await expect(page.locator('.ec-cartNavi__badge')).toHaveText('2');
});

test('EC-CUBE: an offer whose price needs a code is not shown, with one console message saying why', async ({ page }) => {
  const fake = createEccube({ products: products.map((p) => ({ productId: p.productId, productClassId: p.id, name: p.name, price: p.price, sku: p.sku })) });
  fake.seed([{ productClassId: 4001, quantity: 1 }]);
  shop = await startShop(fake, shopPage(`<meta name="eccube-csrf-token" content="${fake.csrf}">`));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await start(page, 'eccube', [cross, { id: 'b-1', type: 'bundle', items: ['TN-0123', 'HG-01'], price: 1500, discountCode: 'SET' }], cartOf([line('4001', 1)]));
  await expect(page.getByRole('button', { name: /箸置き 桜を追加/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'セットにする' })).toHaveCount(0);
  expect(warnings.filter((w) => w.includes('b-1'))).toEqual([expect.stringContaining('EC-CUBE にはクーポン機能がありません')]);
  expect(fake.summary()).toEqual(['TN-0123×1']);
});

test('a page handler can take over: preventDefault on cart-upsell:accept, and the platform is not called', async ({ page }) => {
  const fake = createShopify({ products: shopifyProducts });
  fake.seed([{ id: 4001, quantity: 2 }]);
  shop = await startShop(fake, shopPage(`<script>window.Shopify = {};document.addEventListener('cart-upsell:accept', (e) => { e.preventDefault(); window.tookOver = e.detail.offerId; });</script>`));
  await start(page, 'shopify', [upsell], cartOf([line('4001', 2)]));
  await acceptUpsellAtCheckout(page);
  await expect.poll(() => page.evaluate(() => (window as any).tookOver)).toBe('up-1');
  expect(fake.log).toEqual([]);
  expect(fake.summary()).toEqual(['TN-0123×2']);
});

test('EC-CUBE: an upgrade that needs a code never holds the checkout click — no dialog, the click goes on', async ({ page }) => {
  const fake = createEccube({ products: products.map((p) => ({ productId: p.productId, productClassId: p.id, name: p.name, price: p.price, sku: p.sku })) });
  fake.seed([{ productClassId: 4001, quantity: 2 }]);
  shop = await startShop(fake, shopPage(`<meta name="eccube-csrf-token" content="${fake.csrf}">`));
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await start(page, 'eccube', [{ ...upsell, triggers: ['checkout'], discountCode: 'UP10' }], cartOf([line('4001', 2)]));
  await page.getByRole('link', { name: 'レジに進む' }).click();
  await expect(page).toHaveURL(/#checkout$/);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // Said once, when the platform's actions are known: that can come after the click went on.
  await expect.poll(() => warnings.filter((w) => w.includes('up-1')).length).toBe(1);
  expect(fake.summary()).toEqual(['TN-0123×2']);
});
