import { test, expect, type Page } from '@playwright/test';
import { startShop, shopPage, type Shop } from './shop-server';
import { createShopify } from '../../demo/site/shared/platforms/shopify.js';
import { createWooCommerce } from '../../demo/site/shared/platforms/woocommerce.js';
import { createEccube } from '../../demo/site/shared/platforms/eccube.js';

// Before an offer shows a price, the platform's own price (Shopify's /products/{handle}.js,
// WooCommerce's Store API products/{id}, EC-CUBE's product page), in a real browser against the stateful fakes over
// loopback HTTP. An offer whose configured price is not the shop's is not shown, and named once.
// Every test ends with the fake's final cart.
const products = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, id: 4001, url: '/products/tenugui-seigaiha' },
  { sku: 'HG-01', name: '箸置き 桜', price: 440, id: 77, url: '/products/hashioki-sakura' },
  { sku: 'KZ-01', name: '豆皿 藍', price: 550, id: 88, url: '/products/mamezara-ai' },
];
const line = { id: '4001', sku: 'TN-0123', name: '手ぬぐい 青海波', unitPrice: 1320, quantity: 1, lineTotal: 1320 };
const offers = [
  { id: 'x-hashioki', type: 'cross-sell', for: ['TN-0123'], items: ['HG-01'] },
  { id: 'x-mamezara', type: 'cross-sell', for: ['TN-0123'], items: ['KZ-01'] },
];
const handle = (url: string) => url.split('/').pop()!;

// The prompt file, the platform's answers and the decision: room for a busy machine.
test.describe.configure({ timeout: 90_000 });

let shop: Shop | null = null;
test.afterEach(async ({ page }) => {
  // The page first: a connection it keeps open would hold the shop server's close.
  await page.close();
  await shop?.close();
  shop = null;
});

async function start(page: Page, platform: string, catalog: object[] = products) {
  const messages: string[] = [];
  page.on('console', (m) => m.text().startsWith('[cart-upsell]') && messages.push(m.text()));
  await page.goto(shop!.url + '/page');
  await page.evaluate(
    ([platform, offers, products, line]) =>
      (window as any).CartUpsell.start({ locale: 'ja', actions: { platform }, products, offers, readCart: () => ({ currency: 'JPY', items: [line], subtotal: 1320 }) }),
    [platform, offers, catalog, line] as const,
  );
  return messages;
}

const shopifyFake = () => createShopify({ products: products.map((p) => ({ id: p.id, handle: handle(p.url), sku: p.sku, title: p.name, price: p.price * 100 })) });
const wooFake = () => createWooCommerce({ products: products.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.price })) });
const notShown = (name: string, id: string, i: number, config: number, shop: number) =>
  `[cart-upsell] オファー「${id}」は表示しません。products[${i}].price が ${config} ですが、ショップの「${name}」は ${shop} です。設定を直してください（商品CSVの読み込み直しなど）。`;

test('Shopify: a yen shop answers ×100 (¥550 is 55000) — the same price, the offer shows', async ({ page }) => {
  const fake = shopifyFake();
  shop = await startShop(fake, shopPage(`<script>window.Shopify = { routes: { root: '/' } };</script>`));
  const messages = await start(page, 'shopify');
  await expect(page.getByRole('button', { name: /豆皿 藍を追加/ })).toBeVisible({ timeout: 15_000 });
  expect(messages.filter((m) => m.includes('表示しません'))).toEqual([]);
  // The products the offers show, one product page each.
  expect(
    fake.log
      .filter((l) => l.path.startsWith('products/'))
      .map((l) => l.path)
      .sort(),
  ).toEqual(['products/hashioki-sakura.js', 'products/mamezara-ai.js']);
  expect(fake.summary()).toEqual([]);
});

test("Shopify: the small plate's price was raised in the admin — its offer is not shown, named once", async ({ page }) => {
  const fake = shopifyFake();
  // ¥550 → ¥605 after the CSV was exported: Shopify answers 60500.
  fake.setPrice(88, 60500);
  shop = await startShop(fake, shopPage(`<script>window.Shopify = { routes: { root: '/' } };</script>`));
  const messages = await start(page, 'shopify');
  await expect.poll(() => messages, { timeout: 15_000 }).toContain(notShown('豆皿 藍', 'x-mamezara', 2, 550, 605));
  // The prompt file has decided what to draw by the time it speaks: give it a moment, then look.
  await page.waitForTimeout(500);
  await expect(page.getByRole('button', { name: /豆皿 藍を追加/ })).toHaveCount(0);
  expect(messages.filter((m) => m.includes('x-mamezara'))).toHaveLength(1);
  expect(fake.summary()).toEqual([]);
});

test('WooCommerce: Store API prices as the config says — the offer shows', async ({ page }) => {
  const fake = wooFake();
  shop = await startShop(fake, shopPage(`<link rel="https://api.w.org/" href="/wp-json/">`));
  const messages = await start(page, 'woocommerce');
  await expect(page.getByRole('button', { name: /豆皿 藍を追加/ })).toBeVisible({ timeout: 15_000 });
  expect(messages.filter((m) => m.includes('表示しません'))).toEqual([]);
  expect(
    fake.log
      .filter((l) => l.path.startsWith('products/'))
      .map((l) => `${l.method} ${l.path}`)
      .sort(),
  ).toEqual(['GET products/77', 'GET products/88']);
  expect(fake.summary()).toEqual([]);
});

test('WooCommerce: a sale price in the shop — that offer is not shown, named once', async ({ page }) => {
  const fake = wooFake();
  fake.setPrice(88, 495);
  shop = await startShop(fake, shopPage(`<link rel="https://api.w.org/" href="/wp-json/">`));
  const messages = await start(page, 'woocommerce');
  await expect.poll(() => messages, { timeout: 15_000 }).toContain(notShown('豆皿 藍', 'x-mamezara', 2, 550, 495));
  await page.waitForTimeout(500);
  await expect(page.getByRole('button', { name: /豆皿 藍を追加/ })).toHaveCount(0);
  expect(messages.filter((m) => m.includes('x-mamezara'))).toHaveLength(1);
  expect(fake.summary()).toEqual([]);
});

// EC-CUBE 4 publishes no product JSON: the price is read from the product page, as
// Product/detail.twig writes it (eccube.classCategories, price02_inc_tax). Ids as the 商品CSV gives them.
const eccubeProducts = products.map((p, i) => ({ ...p, productId: String(i + 1) }));
const eccubeFake = () => {
  const fake = createEccube({ products: eccubeProducts.map((p) => ({ productId: Number(p.productId), productClassId: p.id, sku: p.sku, name: p.name, price: p.price })) });
  fake.seed([{ productClassId: 4001, quantity: 1 }]);
  return fake;
};

test('EC-CUBE: the product pages show the same 税込 prices — the offers show, one page per product they add', async ({ page }) => {
  const fake = eccubeFake();
  shop = await startShop(fake, shopPage(`<meta name="eccube-csrf-token" content="${fake.csrf}">`));
  const messages = await start(page, 'eccube', eccubeProducts);
  await expect(page.getByRole('button', { name: /豆皿 藍を追加/ })).toBeVisible({ timeout: 15_000 });
  expect(messages.filter((m) => m.includes('表示しません'))).toEqual([]);
  // The towel in the cart is compared on the cart page; the two products the offers add, one page each.
  expect(
    fake.log
      .filter((l) => l.path.startsWith('products/'))
      .map((l) => l.path)
      .sort(),
  ).toEqual(['products/detail/2', 'products/detail/3']);
  expect(fake.summary()).toEqual(['TN-0123×1']);
});

test("EC-CUBE: the small plate's price was raised in the admin — its offer is not shown, named once", async ({ page }) => {
  const fake = eccubeFake();
  fake.setPrice(88, 605);
  shop = await startShop(fake, shopPage(`<meta name="eccube-csrf-token" content="${fake.csrf}">`));
  const messages = await start(page, 'eccube', eccubeProducts);
  await expect.poll(() => messages, { timeout: 15_000 }).toContain(notShown('豆皿 藍', 'x-mamezara', 2, 550, 605));
  await expect(page.getByRole('button', { name: /箸置き 桜を追加/ })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: /豆皿 藍を追加/ })).toHaveCount(0);
  expect(messages.filter((m) => m.includes('x-mamezara'))).toHaveLength(1);
  expect(fake.summary()).toEqual(['TN-0123×1']);
});
