import { describe, expect, it } from 'vitest';
import { decide } from '../../src/offers/decide';
import { bandDistance } from '../../src/offers/cross-sell';
import type { BundleOffer, CrossSellOffer, VolumeOffer } from '../../src/config/types';
import type { BundlePrompt, CrossSellPrompt } from '../../src/offers/types';
import { cartOf, line } from './helpers';
import { input } from './fixtures';

describe('cross-sell', () => {
  const x: CrossSellOffer = { id: 'x-1', type: 'cross-sell', for: ['KB-01'], items: ['CT-01', 'CH-01', 'HG-01', 'PZ-01', 'TN-0123'] };

  it("ranks by closeness to 10–20 % of the bag's price, far-off prices last, at most 3", () => {
    // Bag ¥12,000 → band ¥1,200–¥2,400: ハンカチ ¥1,800 and ポーチ ¥2,200 inside, キーホルダー ¥600 below, コート ¥30,000 far off.
    const d = decide(input(cartOf([line('KB-01', 12000)]), { offers: [x] }, { trigger: 'cart-view' }));
    const p = d.panels[0] as CrossSellPrompt;
    expect(p.kind).toBe('cross-sell');
    expect(p.items.map((i) => i.sku)).toEqual(['HG-01', 'PZ-01', 'TN-0123']);
    expect(p.anchor.sku).toBe('KB-01');
    expect(p.value).toBe(1800);
  });

  it('drops what is already in the cart and honours max', () => {
    const d = decide(input(cartOf([line('KB-01', 12000), line('HG-01', 1800)]), { offers: [{ ...x, max: 2 }] }));
    expect((d.panels[0] as CrossSellPrompt).items.map((i) => i.sku)).toEqual(['PZ-01', 'TN-0123']);
  });

  it('needs its triggering item in the cart, and the dearest one anchors the band', () => {
    expect(decide(input(cartOf([line('HG-01', 1800)]), { offers: [x] })).panels).toEqual([]);
    const two = decide(input(cartOf([line('CH-01', 600), line('KB-01', 12000)]), { offers: [{ ...x, for: ['CH-01', 'KB-01'], items: ['HG-01'] }] }));
    expect((two.panels[0] as CrossSellPrompt).anchor.sku).toBe('KB-01');
  });

  it('measures band distance from the nearest edge', () => {
    expect(bandDistance(1500, 10000)).toBe(0);
    expect(bandDistance(500, 10000)).toBe(500);
    expect(bandDistance(2600, 10000)).toBe(600);
  });
});

describe('bundle', () => {
  const b: BundleOffer = { id: 'b-1', type: 'bundle', items: ['TN-0456', 'TOTE-01'], price: 3000, discountCode: 'SET' };

  it('shows set price, parts struck through and the saving when the cart holds part of the set', () => {
    const d = decide(input(cartOf([line('TN-0456', 1650)]), { offers: [b] }, { trigger: 'cart-view' }));
    const p = d.panels[0] as BundlePrompt;
    expect(p).toMatchObject({ kind: 'bundle', setPrice: 3000, partsTotal: 3630, saving: 630, value: 1350, discountCode: 'SET' });
    expect(p.missing.map((m) => m.sku)).toEqual(['TOTE-01']);
    expect(p.items.map((m) => m.sku)).toEqual(['TN-0456', 'TOTE-01']);
  });

  it('counts a part already in the cart at what the cart charges for it', () => {
    const d = decide(input(cartOf([line('TN-0456', 1500)]), { offers: [b] }));
    expect(d.panels[0]).toMatchObject({ partsTotal: 3480, saving: 480, value: 1500 });
    expect((d.panels[0] as BundlePrompt).items[0]).toMatchObject({ sku: 'TN-0456', price: 1500 });
  });

  it('is silent when the cart holds none or all of the set', () => {
    expect(decide(input(cartOf([line('HG-01', 1800)]), { offers: [b] })).panels).toEqual([]);
    expect(decide(input(cartOf([line('TN-0456', 1650), line('TOTE-01', 1980)]), { offers: [b] })).panels).toEqual([]);
  });

  it('never shows a set price the checkout will not charge, nor a "saving" that is none', () => {
    const cart = cartOf([line('TN-0456', 1650)]);
    expect(decide(input(cart, { offers: [{ ...b, discountCode: undefined }] })).panels).toEqual([]);
    expect(decide(input(cart, { offers: [{ ...b, discountCode: undefined, appliedBy: 'code' }] })).panels).toEqual([]);
    expect(decide(input(cart, { offers: [{ ...b, discountCode: undefined, appliedBy: 'platform' }] })).panels).toHaveLength(1);
    expect(decide(input(cart, { offers: [{ ...b, price: 3630 }] })).panels).toEqual([]);
  });
});

describe('volume (まとめ買い)', () => {
  const v: VolumeOffer = {
    id: 'v-1',
    type: 'volume',
    appliedBy: 'platform',
    tiers: [
      { quantity: 3, percentOff: 10, label: '3点で10%オフ' },
      { quantity: 5, percentOff: 15 },
    ],
  };

  it('says how many more items reach the next tier, recomputed as items are added one by one', () => {
    const steps = [1, 2, 3, 4, 5].map((n) => decide(input(cartOf([line('TN-0123', 1320, n)]), { offers: [v] })).volume);
    expect(steps.map((s) => s && [s.itemsToNext, s.nextPercentOff, s.currentPercentOff])).toEqual([[2, 10, 0], [1, 10, 0], [2, 15, 10], [1, 15, 10], null]);
    expect(steps[1]).toMatchObject({ label: '3点で10%オフ', value: 1320 });
  });

  it('counts only the listed products and needs an honoured discount', () => {
    const cart = cartOf([line('TN-0123', 1320, 2), line('KB-01', 12000, 5)]);
    expect(decide(input(cart, { offers: [{ ...v, items: ['TN-0123'] }] })).volume?.itemsToNext).toBe(1);
    expect(decide(input(cart, { offers: [{ ...v, appliedBy: undefined }] })).volume).toBeNull();
  });
});
