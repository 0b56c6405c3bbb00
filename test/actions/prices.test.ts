// The price check before an offer shows, against the platform fakes (demo/site/shared/platforms/*.js,
// modelled on Shopify's Ajax Product API and WooCommerce's Store API ProductsById). Each test ends
// with the fake's final cart: checking prices changes nothing in it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mispriced } from '../../src/actions/prices';
import type { Config } from '../../src/config/types';
import { resetLogOnce } from '../../src/util/log';
import { fetchOf } from '../../demo/site/shared/platforms/http.js';
import { createShopify } from '../../demo/site/shared/platforms/shopify.js';
import { createWooCommerce } from '../../demo/site/shared/platforms/woocommerce.js';
import { createEccube } from '../../demo/site/shared/platforms/eccube.js';
import type { Cart } from '../../src/types';

const catalog = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, id: 4001, url: 'https://shop.test/ja/products/tenugui-seigaiha', handle: 'tenugui-seigaiha' },
  { sku: 'TN-0123-DX', name: '手ぬぐい 青海波 特撰', price: 2420, id: 4002, url: 'https://shop.test/ja/products/tenugui-seigaiha', handle: 'tenugui-seigaiha' },
  { sku: 'HG-01', name: '箸置き 桜', price: 440, id: 77, url: 'https://shop.test/products/hashioki-sakura', handle: 'hashioki-sakura' },
  { sku: 'TOTE-01', name: 'トートバッグ', price: 2200, id: 88, url: 'https://shop.test/products/tote', handle: 'tote' },
];
const config = (locale?: 'ja'): Config => ({
  ...(locale ? { locale } : {}),
  products: catalog.map(({ handle: _h, ...p }) => p),
  offers: [
    { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX' },
    { id: 'x-1', type: 'cross-sell', for: ['TN-0123'], items: ['HG-01'] },
  ],
});

let warn: ReturnType<typeof vi.spyOn>;
const w = window as unknown as Record<string, unknown>;
beforeEach(() => {
  resetLogOnce();
  document.head.innerHTML = '';
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  warn.mockRestore();
  delete w.Shopify;
});

describe('Shopify: /products/{handle}.js, amounts ×100 also for yen', () => {
  const shop = () => {
    const fake = createShopify({ root: '/ja/', products: catalog.map((p) => ({ id: p.id, handle: p.handle, sku: p.sku, title: p.name, price: p.price * 100 })) });
    w.Shopify = { routes: { root: '/ja/' } };
    return { fake, f: fetchOf(fake) as unknown as typeof fetch };
  };

  it('a yen shop answering price 132000 for ¥1,320: the same price, every offer shows', async () => {
    const { fake, f } = shop();
    expect([...(await mispriced(config(), 'shopify', document, undefined, f))]).toEqual([]);
    // Only the products offers show, one request per product page (two variants of one handle: once), under the locale root.
    expect(fake.log.map((l) => `${l.method} ${l.root}${l.path}`).sort()).toEqual(['GET /ja/products/hashioki-sakura.js', 'GET /ja/products/tenugui-seigaiha.js']);
    expect(warn).not.toHaveBeenCalled();
    expect(fake.summary()).toEqual([]);
  });

  it('a price changed in the admin after the export: that offer is not shown, named once in Japanese', async () => {
    const { fake, f } = shop();
    fake.setPrice(4002, 253000);
    expect([...(await mispriced(config('ja'), 'shopify', document, undefined, f))]).toEqual(['up-1']);
    expect(warn.mock.calls.map((c: unknown[]) => c[0])).toEqual([
      '[cart-upsell] オファー「up-1」は表示しません。products[1].price が 2420 ですが、ショップの「手ぬぐい 青海波 特撰」は 2530 です。設定を直してください（商品CSVの読み込み直しなど）。',
    ]);
    expect(fake.summary()).toEqual([]);
  });

  it('a handle the shop no longer has, or a product without a url: not judged, the offer stays', async () => {
    const { fake, f } = shop();
    const cfg = config();
    cfg.products = cfg.products!.map((p) => (p.sku === 'HG-01' ? { ...p, url: 'https://shop.test/products/gone' } : p.sku === 'TN-0123-DX' ? { ...p, url: undefined } : p));
    expect([...(await mispriced(cfg, 'shopify', document, undefined, f))]).toEqual([]);
    expect(fake.log.map((l) => l.path).sort()).toEqual(['products/gone.js', 'products/tenugui-seigaiha.js']);
    expect(fake.summary()).toEqual([]);
  });
});

describe('WooCommerce: Store API products/{id}, prices as strings in minor units', () => {
  const shop = () => {
    const fake = createWooCommerce({ products: catalog.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.price })) });
    return { fake, f: fetchOf(fake) as unknown as typeof fetch };
  };

  it('prices as the shop sells them: nothing left out', async () => {
    const { fake, f } = shop();
    expect([...(await mispriced(config(), 'woocommerce', document, undefined, f))]).toEqual([]);
    expect(fake.log.map((l) => `${l.method} ${l.path}`).sort()).toEqual(['GET products/4001', 'GET products/4002', 'GET products/77']);
    expect(fake.summary()).toEqual([]);
  });

  it('a cheaper price in the shop: the cross-sell showing it is not shown, one English message naming it', async () => {
    const { fake, f } = shop();
    fake.setPrice(77, 396);
    expect([...(await mispriced(config(), 'woocommerce', document, undefined, f))]).toEqual(['x-1']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toBe(
      '[cart-upsell] offer "x-1" is not shown: products[2].price is 440, the shop sells "箸置き 桜" at 396. Update the config (e.g. import the product CSV again).',
    );
    expect(fake.summary()).toEqual([]);
  });

  it('no platform: no request at all', async () => {
    const f = vi.fn();
    expect((await mispriced(config(), 'none', document, undefined, f as unknown as typeof fetch)).size).toBe(0);
    expect(f).not.toHaveBeenCalled();
  });
});

describe('EC-CUBE 4: the product page (Product/detail.twig), eccube.classCategories price02_inc_tax', () => {
  // 手ぬぐい and its 特撰 are two classes of one product (one page); ids as the 商品CSV gives them.
  const classes = [
    { productId: 1, productClassId: 4001 },
    { productId: 1, productClassId: 4002 },
    { productId: 7, productClassId: 77 },
    { productId: 8, productClassId: 88 },
  ];
  const eccubeConfig = (locale?: 'ja'): Config => ({
    ...config(locale),
    products: catalog.map(({ handle: _h, url: _u, ...p }, i) => ({ ...p, id: String(classes[i].productClassId), productId: String(classes[i].productId) })),
  });
  const shop = () => {
    const fake = createEccube({ products: catalog.map((p, i) => ({ ...classes[i], name: p.name, price: p.price, sku: p.sku })) });
    fake.seed([{ productClassId: 4001, quantity: 1 }]);
    return { fake, f: fetchOf(fake) as unknown as typeof fetch };
  };
  const towelInCart: Cart = { currency: 'JPY', items: [{ id: '4001', sku: 'TN-0123', name: '手ぬぐい 青海波', unitPrice: 1320, quantity: 1, lineTotal: 1320 }], subtotal: 1320 };

  it('prices as the shop sells them: every offer shows; one page per product, only for what the offers would add', async () => {
    const { fake, f } = shop();
    expect([...(await mispriced(eccubeConfig(), 'eccube', document, towelInCart, f))]).toEqual([]);
    // The towel is in the cart (its price is checked on the cart page); its 特撰 and the chopstick rest are asked for.
    expect(fake.log.map((l) => `${l.method} ${l.path}`).sort()).toEqual(['GET products/detail/1', 'GET products/detail/7']);
    expect(warn).not.toHaveBeenCalled();
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it('a price raised in the admin after the CSV: the upgrade showing it is not shown, named once in Japanese', async () => {
    const { fake, f } = shop();
    fake.setPrice(4002, 2530);
    expect([...(await mispriced(eccubeConfig('ja'), 'eccube', document, towelInCart, f))]).toEqual(['up-1']);
    expect(warn.mock.calls.map((c: unknown[]) => c[0])).toEqual([
      '[cart-upsell] オファー「up-1」は表示しません。products[1].price が 2420 ですが、ショップの「手ぬぐい 青海波 特撰」は 2530 です。設定を直してください（商品CSVの読み込み直しなど）。',
    ]);
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it('without the cart: two classes of one product cost one page view of it', async () => {
    const { fake, f } = shop();
    expect([...(await mispriced(eccubeConfig(), 'eccube', document, undefined, f))]).toEqual([]);
    expect(fake.log.map((l) => `${l.method} ${l.path}`).sort()).toEqual(['GET products/detail/1', 'GET products/detail/7']);
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it('many products to show: at most six pages per page view; an offer whose trigger is not in the cart asks for nothing', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ sku: `P-${i}`, name: `商品${i}`, price: 500 + i, id: String(500 + i), productId: String(100 + i) }));
    const fake = createEccube({
      products: [
        ...catalog.map((p, i) => ({ ...classes[i], name: p.name, price: p.price, sku: p.sku })),
        ...many.map((p) => ({ sku: p.sku, name: p.name, price: p.price, productClassId: Number(p.id), productId: Number(p.productId) })),
      ],
    });
    fake.seed([{ productClassId: 4001, quantity: 1 }]);
    const cfg: Config = {
      products: [...eccubeConfig().products!, ...many],
      offers: [
        { id: 'x-many', type: 'cross-sell', for: ['TN-0123'], items: many.map((p) => p.sku) },
        { id: 'x-tote', type: 'cross-sell', for: ['TOTE-01'], items: ['HG-01'] },
      ],
    };
    expect([...(await mispriced(cfg, 'eccube', document, towelInCart, fetchOf(fake) as unknown as typeof fetch))]).toEqual([]);
    expect(fake.log.map((l) => l.path)).toEqual(many.slice(0, 6).map((p) => `products/detail/${p.productId}`));
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it('a page without classCategories (a theme that dropped the script) or a 404: not judged, the offer stays', async () => {
    const f = vi.fn(async (url: string) => new Response(url.endsWith('/1') ? '<!doctype html><p class="ec-price__price">￥9,999</p>' : 'not found', { status: url.endsWith('/1') ? 200 : 404 }));
    expect([...(await mispriced(eccubeConfig(), 'eccube', document, towelInCart, f as unknown as typeof fetch))]).toEqual([]);
    expect(f).toHaveBeenCalledTimes(2);
    expect(warn).not.toHaveBeenCalled();
  });
});
