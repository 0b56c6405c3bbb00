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
    expect([...(await mispriced(config(), 'shopify', document, f))]).toEqual([]);
    // Only the products offers show, one request per product page, under the locale root.
    expect(fake.log.map((l) => `${l.method} ${l.root}${l.path}`).sort()).toEqual([
      'GET /ja/products/hashioki-sakura.js',
      'GET /ja/products/tenugui-seigaiha.js',
      'GET /ja/products/tenugui-seigaiha.js',
    ]);
    expect(warn).not.toHaveBeenCalled();
    expect(fake.summary()).toEqual([]);
  });

  it('a price changed in the admin after the export: that offer is not shown, named once in Japanese', async () => {
    const { fake, f } = shop();
    fake.setPrice(4002, 253000);
    expect([...(await mispriced(config('ja'), 'shopify', document, f))]).toEqual(['up-1']);
    expect(warn.mock.calls.map((c: unknown[]) => c[0])).toEqual([
      '[cart-upsell] オファー「up-1」は表示しません。products[1].price が 2420 ですが、ショップの「手ぬぐい 青海波 特撰」は 2530 です。設定を直してください（商品CSVの読み込み直しなど）。',
    ]);
    expect(fake.summary()).toEqual([]);
  });

  it('a handle the shop no longer has, or a product without a url: not judged, the offer stays', async () => {
    const { fake, f } = shop();
    const cfg = config();
    cfg.products = cfg.products!.map((p) => (p.sku === 'HG-01' ? { ...p, url: 'https://shop.test/products/gone' } : p.sku === 'TN-0123-DX' ? { ...p, url: undefined } : p));
    expect([...(await mispriced(cfg, 'shopify', document, f))]).toEqual([]);
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
    expect([...(await mispriced(config(), 'woocommerce', document, f))]).toEqual([]);
    expect(fake.log.map((l) => `${l.method} ${l.path}`).sort()).toEqual(['GET products/4001', 'GET products/4002', 'GET products/77']);
    expect(fake.summary()).toEqual([]);
  });

  it('a cheaper price in the shop: the cross-sell showing it is not shown, one English message naming it', async () => {
    const { fake, f } = shop();
    fake.setPrice(77, 396);
    expect([...(await mispriced(config(), 'woocommerce', document, f))]).toEqual(['x-1']);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toBe(
      '[cart-upsell] offer "x-1" is not shown: products[2].price is 440, the shop sells "箸置き 桜" at 396. Update the config (e.g. import the product CSV again).',
    );
    expect(fake.summary()).toEqual([]);
  });

  it('a platform without a product API (EC-CUBE) or none: no request at all', async () => {
    const f = vi.fn();
    expect((await mispriced(config(), 'eccube', document, f as unknown as typeof fetch)).size).toBe(0);
    expect((await mispriced(config(), 'none', document, f as unknown as typeof fetch)).size).toBe(0);
    expect(f).not.toHaveBeenCalled();
  });
});
