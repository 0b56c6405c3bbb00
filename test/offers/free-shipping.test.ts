import { describe, expect, it } from 'vitest';
import { freeShippingView } from '../../src/offers/free-shipping';
import type { Config, Product } from '../../src/config/types';
import { cartOf, line } from './helpers';

const products: Product[] = [
  { sku: 'SOCK-01', name: '靴下', price: 900 },
  { sku: 'TOTE-01', name: 'トートバッグ', price: 1650 },
  { sku: 'CAP-01', name: 'キャップ', price: 780 },
  { sku: 'MUG-01', name: 'マグカップ', price: 5000 },
  { sku: 'PIN-01', name: 'ピンバッジ', price: 880 },
];

describe('freeShippingView', () => {
  it('says exactly how much is missing: ¥9,200 in a ¥10,000 rule leaves ¥800', () => {
    const v = freeShippingView(cartOf([line('TN-01', 4600, 2)]), { freeShipping: { threshold: 10000 } })!;
    expect(v).toMatchObject({ currency: 'JPY', threshold: 10000, subtotal: 9200, remaining: 800, reached: false });
    expect(v.progress).toBeCloseTo(0.92);
  });

  it('is reached at exactly the threshold and stays at progress 1 above it', () => {
    const at = freeShippingView(cartOf([line('A', 10000)]), { freeShipping: { threshold: 10000 } })!;
    expect(at).toMatchObject({ remaining: 0, reached: true, progress: 1, gapFillers: [] });
    const above = freeShippingView(cartOf([line('A', 25000)]), { freeShipping: { threshold: 10000 } })!;
    expect(above).toMatchObject({ remaining: 0, reached: true, progress: 1 });
  });

  it('uses the per-currency threshold of the cart currency', () => {
    const cfg: Config = { freeShipping: { threshold: { JPY: 10000, USD: 7500 } } };
    expect(freeShippingView(cartOf([line('A', 5000)], 'USD'), cfg)).toMatchObject({ currency: 'USD', threshold: 7500, remaining: 2500 });
    expect(freeShippingView(cartOf([line('A', 5000)], 'JPY'), cfg)).toMatchObject({ threshold: 10000, remaining: 5000 });
  });

  it('never compares amounts in different currencies', () => {
    expect(freeShippingView(cartOf([line('A', 5000)], 'EUR'), { freeShipping: { threshold: { JPY: 10000, USD: 7500 } } })).toBeNull();
    // A plain number is in the shop's currency (JPY unless cart.currency says otherwise).
    expect(freeShippingView(cartOf([line('A', 50)], 'USD'), { freeShipping: { threshold: 10000 } })).toBeNull();
    expect(freeShippingView(cartOf([line('A', 5000)], 'USD'), { cart: { currency: 'usd' }, freeShipping: { threshold: 7500 } })).toMatchObject({ remaining: 2500 });
  });

  it('is null without a free-shipping rule', () => {
    expect(freeShippingView(cartOf([line('A', 5000)]), {})).toBeNull();
  });

  it('converts a tax-excluded threshold to the tax-included prices a JPY cart shows', () => {
    const v = freeShippingView(cartOf([line('A', 9900)]), { freeShipping: { threshold: 10000, taxIncluded: false } })!;
    // ¥10,000 before tax is ¥11,000 tax-included at 10 %: no float noise turning it into ¥11,001.
    expect(v).toMatchObject({ threshold: 11000, remaining: 1100 });
    const reduced = freeShippingView(cartOf([line('A', 9900)]), { freeShipping: { threshold: 10000, taxIncluded: false, taxRate: 0.08 } })!;
    expect(reduced).toMatchObject({ threshold: 10800, remaining: 900 });
  });

  it('does not convert for a currency whose cart shows prices on the threshold basis', () => {
    const v = freeShippingView(cartOf([line('A', 5000)], 'USD'), { freeShipping: { threshold: { USD: 7500 }, taxIncluded: false } })!;
    expect(v.remaining).toBe(2500);
  });

  it('lists further tiers in order with their own remaining amounts, and progress toward the last', () => {
    const v = freeShippingView(cartOf([line('A', 12000)]), {
      freeShipping: {
        threshold: 10000,
        tiers: [
          { amount: 20000, label: 'ノベルティプレゼント' },
          { amount: { USD: 100 }, label: 'USD only' },
        ],
      },
    })!;
    expect(v.reached).toBe(true);
    expect(v.tiers).toEqual([{ amount: 20000, label: 'ノベルティプレゼント', reached: false, remaining: 8000 }]);
    expect(v.progress).toBeCloseTo(0.6);
  });

  it('suggests products that close the gap with the least overshoot, at most three, none from the cart', () => {
    const cart = cartOf([line('TN-01', 9200), line('PIN-01', 0, 1, { name: 'おまけ' })]);
    cart.subtotal = 9200;
    const v = freeShippingView(cart, { products, freeShipping: { threshold: 10000 } })!;
    // Gap ¥800: CAP-01 (¥780) does not close it; PIN-01 is in the cart.
    expect(v.gapFillers.map((p) => p.sku)).toEqual(['SOCK-01', 'TOTE-01', 'MUG-01']);
    expect(v.gapFillers[0]).toEqual({ sku: 'SOCK-01', name: '靴下', price: 900 });
  });

  it('recognises a cart line by platform id or exact name as the configured product', () => {
    const cart = cartOf([line(null, 9200, 1, { id: '777', name: 'X' }), line(null, 0, 1, { name: 'トートバッグ' })]);
    cart.subtotal = 9200;
    const v = freeShippingView(cart, { products: [...products, { sku: 'SOCK-02', name: '靴下2', price: 950, id: 777 }], freeShipping: { threshold: 10000 } })!;
    expect(v.gapFillers.map((p) => p.sku)).toEqual(['PIN-01', 'SOCK-01', 'MUG-01']);
  });

  it('takes gap fillers from a product list passed in', () => {
    const v = freeShippingView(cartOf([line('TN-01', 9200)]), { freeShipping: { threshold: 10000 } }, [{ sku: 'X', name: 'x', price: 820 }])!;
    expect(v.gapFillers).toEqual([{ sku: 'X', name: 'x', price: 820 }]);
  });

  it('restricts gap fillers to a merchant list, or none when switched off', () => {
    const cart = cartOf([line('TN-01', 9200)]);
    const listed = freeShippingView(cart, { products, freeShipping: { threshold: 10000, gapFillers: ['MUG-01', 'NOPE', 'CAP-01'] } })!;
    expect(listed.gapFillers.map((p) => p.sku)).toEqual(['MUG-01']);
    const off = freeShippingView(cart, { products, freeShipping: { threshold: 10000, gapFillers: false } })!;
    expect(off.gapFillers).toEqual([]);
  });

  it('survives garbage amounts without showing a wrong figure', () => {
    const cart = { currency: 'JPY', items: [line('A', 3000)], subtotal: Number.NaN };
    expect(freeShippingView(cart, { freeShipping: { threshold: 10000 } })!.remaining).toBe(7000);
    expect(freeShippingView(cartOf([line('A', 1)]), { freeShipping: { threshold: -5 } })).toBeNull();
    expect(freeShippingView(cartOf([line('A', 1)]), { freeShipping: { threshold: { JPY: Number.POSITIVE_INFINITY } } })).toBeNull();
  });
});
