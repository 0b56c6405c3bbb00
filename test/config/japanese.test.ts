import { afterEach, describe, expect, it, vi } from 'vitest';
import { validateConfig } from '../../src/config/validate';
import { checkDrift } from '../../src/ui/drift';
import { resetLogOnce } from '../../src/util/log';
import { start, stop } from '../../src/runtime/start';

const lines = (cfg: unknown, kind: 'errors' | 'warnings' = 'errors') => validateConfig(cfg)[kind].map((e) => `${e.path}: ${e.message}`);

describe("messages in the merchant's language", () => {
  it('speaks Japanese when the config says "locale": "ja", naming every field', () => {
    expect(
      lines({
        locale: 'ja',
        freeShipping: { threshold: 'ten thousand', position: 'middle' },
        offers: [{ id: 'u', type: 'upsell', from: 'A' }],
        products: [{ sku: 'A', name: 'a', price: 1.5 }],
      }),
    ).toEqual([
      'freeShipping.threshold: 円の整数にしてください（"ten thousand"）',
      'freeShipping.position: "top"・"bottom"のどれかにしてください（"middle"）',
      'offers[0].to: 必須です',
      'products[0].price: 円の整数にしてください（1.5）',
    ]);
    expect(lines({ locale: 'ja', freeShipping: { treshold: 1, threshold: 5000 } }, 'warnings')).toEqual(['freeShipping.treshold: 不明な項目（無視）。"threshold" では？']);
  });

  it('says what the offer check finds in Japanese too', () => {
    const cfg = { locale: 'ja', products: [{ sku: 'A', name: 'a', price: 1000 }], offers: [{ id: 'u', type: 'upsell', from: 'A', to: 'GONE' }] };
    // A discontinued SKU turns off its offer only: a warning, not an error.
    expect(lines(cfg)).toEqual([]);
    expect(lines(cfg, 'warnings')).toEqual(['offers[0].to: "GONE" が products にありません。オファー「u」は表示されません（ほかは動きます）']);
  });

  it('stays English otherwise (no locale, or "en")', () => {
    for (const locale of [undefined, 'en']) {
      expect(lines({ locale, freeShipping: { threshold: 'ten thousand' } })).toEqual(['freeShipping.threshold: expected a whole number of yen, got "ten thousand"']);
    }
  });

  it('writes the console message in Japanese and keeps the widget off', async () => {
    resetLogOnce();
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await start({ locale: 'ja', freeShipping: { threshold: -1 } } as never)).toBe(false);
    expect(err).toHaveBeenCalledTimes(1);
    expect(String(err.mock.calls[0][0])).toBe('[cart-upsell] 設定に1件の問題があるため、ウィジェットは動きません:\n  • freeShipping.threshold: 0以上の円の整数にしてください（-1）');
    err.mockRestore();
    stop();
  });
});

describe('ids a platform needs for "yes"', () => {
  const base = {
    locale: 'ja',
    freeShipping: { threshold: 5000, gapFillers: false },
    products: [
      { sku: 'TN-01', name: '手ぬぐい', price: 1320, id: 11, productId: 1 },
      { sku: 'TN-01-DX', name: '手ぬぐい 特撰', price: 2420 },
      { sku: 'HG-01', name: '箸置き', price: 440, id: 30 },
    ],
    offers: [
      { id: 'up', type: 'upsell', from: 'TN-01', to: 'TN-01-DX' },
      { id: 'x', type: 'cross-sell', for: ['TN-01'], items: ['HG-01'] },
    ],
  };

  it('EC-CUBE: the upgrade needs its product class id and product id; the related item its product id', () => {
    expect(lines({ ...base, cart: { preset: 'eccube' } }, 'warnings')).toEqual([
      'products[1].id: がありません（eccube の「はい」に商品規格IDが必要）',
      'products[1].productId: がありません（eccube の「はい」に商品IDが必要）',
      'products[2].productId: がありません（eccube の「はい」に商品IDが必要）',
    ]);
  });

  it('Shopify (by actions.platform): the variant id; a product only matched in the cart needs none', () => {
    expect(lines({ ...base, locale: 'en', cart: { preset: 'auto' }, actions: { platform: 'shopify' } }, 'warnings')).toEqual([
      'products[1].id: is missing: a "yes" on shopify adds it to the cart by the variant id',
    ]);
  });

  it('every product is a possible gap filler while gap fillers are on', () => {
    const cfg = { ...base, cart: { preset: 'shopify' }, freeShipping: { threshold: 5000 }, offers: [] };
    expect(lines(cfg, 'warnings').map((l) => l.split(':')[0])).toEqual(['products[1].id']);
  });

  it('says nothing when the platform does not change the cart, or every id is there', () => {
    expect(lines({ ...base, cart: { preset: 'eccube' }, actions: { platform: 'none' } }, 'warnings')).toEqual([]);
    const withIds = { ...base, cart: { preset: 'woocommerce' }, products: base.products.map((p, i) => ({ ...p, id: 100 + i })) };
    expect(lines(withIds, 'warnings')).toEqual([]);
  });
});

describe('a config price that drifted from the cart page', () => {
  afterEach(() => resetLogOnce());
  const config = {
    locale: 'ja',
    products: [
      { sku: 'TN-01', name: '手ぬぐい', price: 1320 },
      { sku: 'HG-01', name: '箸置き', price: 440, id: 30 },
    ],
  } as never;

  it('warns once per product, naming the field and both prices', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const cart = {
      currency: 'JPY',
      subtotal: 0,
      items: [
        { id: '30', sku: null, name: '箸置き 白', unitPrice: 484, quantity: 1, lineTotal: 484 },
        { id: null, sku: 'TN-01', name: '手ぬぐい', unitPrice: 1320, quantity: 1, lineTotal: 1320 },
      ],
    };
    checkDrift(config, cart);
    checkDrift(config, cart);
    expect(warn.mock.calls.map((c) => c[0])).toEqual(['[cart-upsell] products[1].price: 設定 440、カート 484（箸置き 白）']);
    warn.mockRestore();
  });

  it('says nothing when prices agree or the cart is in another currency', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    checkDrift(config, { currency: 'JPY', subtotal: 0, items: [{ id: null, sku: 'TN-01', name: 'x', unitPrice: 1320, quantity: 1, lineTotal: 1320 }] });
    checkDrift(config, { currency: 'USD', subtotal: 0, items: [{ id: null, sku: 'TN-01', name: 'x', unitPrice: 999, quantity: 1, lineTotal: 999 }] });
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
