import { describe, expect, it } from 'vitest';
import { decide } from '../../src/offers/decide';
import { freeShippingView } from '../../src/offers/free-shipping';
import { inHoldout } from '../../src/offers/hash';
import type { BundleOffer, CrossSellOffer, Offer, UpsellOffer, VolumeOffer } from '../../src/config/types';
import type { Decision } from '../../src/offers/types';
import { cartOf, line } from './helpers';
import { freshState, input, NOW, products } from './fixtures';

// The attention budget: besides the bar, one prompt on a phone, one modal or two cards on a
// desktop; what is on screen keeps its place; the rest is chosen by expected value.
// Expected values with the default rates: upsell ￥2,200 × 10 %, cross-sell ￥1,800 × 5 %, set ￥1,000 × 5 %, volume ￥1,320 × 3 %.
const up: UpsellOffer = { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX' }; // +￥1,100 × 2
const x: CrossSellOffer = { id: 'x-1', type: 'cross-sell', for: ['KB-01'], items: ['HG-01'] }; // ￥1,800
const b: BundleOffer = { id: 'b-1', type: 'bundle', items: ['KB-01', 'PZ-01'], price: 13000, appliedBy: 'platform' }; // +￥1,000
const v: VolumeOffer = { id: 'v-1', type: 'volume', tiers: [{ quantity: 4, percentOff: 10 }], appliedBy: 'platform' }; // 1 × ￥1,320
const all: Offer[] = [up, x, b, v];
const cart = cartOf([line('TN-0123', 1320, 2), line('KB-01', 12000)]);
const shown = (d: Decision) => [d.modal, ...d.panels, d.volume].filter((p) => p).map((p) => p!.offerId);
const phone = { path: '/cart', mobile: true };

describe('attention budget', () => {
  it('a phone gets one prompt besides the bar: the one of highest expected value', () => {
    const d = decide(input(cart, { offers: all, freeShipping: { threshold: 20000 } }, { page: phone }));
    expect(shown(d)).toEqual(['up-1']); // ￥2,200 beats ￥1,800, ￥1,320 and ￥1,000
    expect(d.bar?.remaining).toBe(20000 - 14640);
    const view = decide(input(cart, { offers: all }, { page: phone, trigger: 'cart-view' }));
    expect(shown(view)).toEqual(['x-1']);
  });

  it('a desktop gets two cards, or one modal when it leads', () => {
    // Cart view: the upgrade does not speak; cross-sell and the set are the two best cards.
    expect(shown(decide(input(cart, { offers: all }, { trigger: 'cart-view' })))).toEqual(['x-1', 'b-1']);
    // Cart change: the ￥2,200 upgrade leads (more than any card) and takes the whole budget.
    expect(shown(decide(input(cart, { offers: all })))).toEqual(['up-1']);
    // An upgrade the shop sees taken by 2 % only is worth less than the cards: the two best cards instead.
    expect(shown(decide(input(cart, { offers: [{ ...up, acceptRate: 0.02 }, x, b, v] })))).toEqual(['x-1', 'b-1']);
  });

  it('an offer the platform cannot charge is left out before the budget: its slot goes to the next offer', () => {
    // Cart view on a desktop: cross-sell and the set are the two best cards, the volume line waits.
    expect(shown(decide(input(cart, { offers: all }, { trigger: 'cart-view' })))).toEqual(['x-1', 'b-1']);
    // The set cannot be charged here: the volume line takes its slot instead of leaving it empty.
    expect(shown(decide(input(cart, { offers: all }, { trigger: 'cart-view', unchargeable: ['b-1'] })))).toEqual(['x-1', 'v-1']);
    // On a phone, the upgrade that would lead gives way to the best card.
    expect(shown(decide(input(cart, { offers: all }, { page: phone, unchargeable: ['up-1'] })))).toEqual(['x-1']);
  });

  it('expected value weighs what the merchant measured: a rarely accepted offer yields its place', () => {
    const rare = { ...x, acceptRate: 0.01 };
    expect(shown(decide(input(cart, { offers: [up, rare, b, v] }, { page: phone })))).toEqual(['up-1']);
    expect(shown(decide(input(cart, { offers: [{ ...up, acceptRate: 0.01 }, rare, b, v] }, { page: phone })))).toEqual(['b-1']);
    // An explicit priority still comes first.
    expect(shown(decide(input(cart, { offers: [up, x, { ...b, priority: 1 }, v] }, { page: phone })))).toEqual(['b-1']);
  });

  it('what is on screen keeps its place; a better newcomer waits instead of stacking', () => {
    const view = { trigger: 'cart-view' as const };
    expect(shown(decide(input(cart, { offers: all }, { ...view, page: phone, onScreen: ['b-1'] })))).toEqual(['b-1']);
    expect(shown(decide(input(cart, { offers: all }, { ...view, onScreen: ['b-1'] })))).toEqual(['b-1', 'x-1']);
    // A modal on screen takes the whole budget on a desktop too.
    expect(shown(decide(input(cart, { offers: all }, { onScreen: ['up-1'] })))).toEqual(['up-1']);
  });

  it("the shopper's add may bring the one modal that outranks the cards on screen; the cards step aside", () => {
    expect(shown(decide(input(cart, { offers: all }, { page: phone, onScreen: ['b-1'] })))).toEqual(['up-1']);
    // A modal worth less than the card on screen waits.
    expect(shown(decide(input(cart, { offers: [{ ...up, acceptRate: 0.02 }, x, b, v] }, { page: phone, onScreen: ['x-1'] })))).toEqual(['x-1']);
    // Right after an answer (quiet), the displaced card is back and nothing else comes.
    expect(shown(decide(input(cart, { offers: all }, { page: phone, onScreen: ['b-1'], quiet: true })))).toEqual(['b-1']);
  });

  it('exit intent adds a prompt only when the budget has room, and never removes what is shown', () => {
    const exit = { ...x, id: 'x-exit', items: ['PZ-01'], triggers: ['exit-intent' as const] };
    // Nothing on screen: the exit-intent offer is the only one that speaks.
    expect(shown(decide(input(cart, { offers: [...all, exit] }, { trigger: 'exit-intent' })))).toEqual(['x-exit']);
    // Two cards shown: the budget is full; both stay.
    expect(shown(decide(input(cart, { offers: [...all, exit] }, { trigger: 'exit-intent', onScreen: ['x-1', 'v-1'] })))).toEqual(['x-1', 'v-1']);
    // One card shown: the exit-intent offer joins it — x-1 stays although x-exit ranks above it as a cross-sell.
    const one = decide(input(cart, { offers: [...all, exit] }, { trigger: 'exit-intent', onScreen: ['v-1'] }));
    expect(shown(one)).toEqual(['x-exit', 'v-1']);
    // On a phone the one shown prompt stays, and nothing is added.
    expect(shown(decide(input(cart, { offers: [...all, exit] }, { trigger: 'exit-intent', page: phone, onScreen: ['v-1'] })))).toEqual(['v-1']);
  });

  it('at checkout the one modal is the moment: cards on screen do not hold it back', () => {
    const d = decide(input(cart, { offers: all }, { trigger: 'checkout', onScreen: ['x-1', 'v-1'] }));
    expect(shown(d)).toEqual(['up-1']);
  });

  it('right after an answer nothing new comes on screen, except the fallback that answers a "no"', () => {
    const quiet = decide(input(cart, { offers: all }, { quiet: true, onScreen: ['v-1'] }));
    expect(shown(quiet)).toEqual(['v-1']);
    const withFallback = { ...up, downsell: 'TN-0123-M' };
    const s = { ...freshState(), session: { ...freshState().session, modalsShown: 1, declined: ['up-1'] } };
    const after = decide(input(cart, { offers: [withFallback, x, b, v] }, { quiet: true, state: s }));
    expect(after.modal?.kind).toBe('downsell');
    expect(shown(after)).toEqual(['up-1']);
  });

  it('the holdout gets no prompt; the bar alone', () => {
    let id = 0;
    while (!inHoldout(`v-${id}`, 0.5)) id++;
    const d = decide(input(cart, { offers: all, holdout: 0.5, freeShipping: { threshold: 20000 } }, { state: freshState(`v-${id}`) }));
    expect(d.holdout).toBe(true);
    expect(shown(d)).toEqual([]);
    expect(d.bar?.remaining).toBe(5360);
  });
});

describe('honest offers', () => {
  const soldOut = (sku: string) => products.map((p) => (p.sku === sku ? { ...p, stock: 0 } : p));

  it('a sold-out product (stock 0) is never offered: not as upgrade, related item, set part or gap filler', () => {
    expect(decide(input(cart, { offers: [up], products: soldOut('TN-0123-DX') })).modal).toBeNull();
    const xs = decide(input(cart, { offers: [{ ...x, items: ['HG-01', 'PZ-01'] }], products: soldOut('HG-01') }, { trigger: 'cart-view' }));
    expect(xs.panels[0].kind === 'cross-sell' && xs.panels[0].items.map((i) => i.sku)).toEqual(['PZ-01']);
    expect(decide(input(cart, { offers: [b], products: soldOut('PZ-01') })).panels).toEqual([]);
    const small = cartOf([line('CH-01', 600)]);
    const bar = freeShippingView(small, { freeShipping: { threshold: 2000 }, products: soldOut('HG-01') })!;
    expect(bar.gapFillers.map((p) => p.sku)).not.toContain('HG-01');
    expect(freeShippingView(small, { freeShipping: { threshold: 2000 }, products })!.gapFillers.map((p) => p.sku)).toContain('HG-01');
    // An offer whose own stock count is 0 is sold out as a whole.
    expect(decide(input(cart, { offers: [{ ...up, stock: 0 }] })).modal).toBeNull();
  });

  it('a stock count is shown only with its date, and only while at most a day old', () => {
    const proof = (o: Partial<UpsellOffer>) => decide(input(cart, { offers: [{ ...up, ...o }] })).modal!.proof;
    expect(proof({ stock: 3 })).toEqual({});
    expect(proof({ stock: 3, stockAsOf: '2026-11-20T12:00:00+09:00' })).toEqual({});
    expect(proof({ stock: 3, stockAsOf: '2026-11-22T08:00:00+09:00' })).toEqual({ stock: 3, stockAsOf: '2026-11-22T08:00:00+09:00' });
  });

  it('related items dearer than half the main item are not shown (configurable)', () => {
    // For the ￥12,000 bag: ￥30,000 coat and ￥12,000 bag-priced items are out; ￥1,800 is in.
    const wide = { ...x, items: ['CT-01', 'HG-01', 'PZ-01'] };
    const items = (o: CrossSellOffer) => {
      const p = decide(input(cart, { offers: [o] }, { trigger: 'cart-view' })).panels[0];
      return p?.kind === 'cross-sell' ? p.items.map((i) => i.sku) : [];
    };
    expect(items(wide)).toEqual(['HG-01', 'PZ-01']);
    expect(items({ ...wide, maxPriceRatio: 0.16 })).toEqual(['HG-01']);
    expect(items({ ...wide, maxPriceRatio: 3 })).toEqual(['HG-01', 'PZ-01', 'CT-01']);
    expect(items({ ...wide, items: ['CT-01'] })).toEqual([]);
  });

  it('a dangling reference turns off that offer only', () => {
    const gone = { ...x, id: 'x-gone', items: ['HG-01', 'DISCONTINUED'] };
    const d = decide(input(cart, { offers: [gone, b] }, { trigger: 'cart-view' }));
    expect(shown(d)).toEqual(['b-1']);
    expect(decide(input(cart, { offers: [{ ...up, downsell: 'NOPE' }] })).modal).toBeNull();
  });

  it('a set part that is in the cart but not in "products" is matched by the cart line', () => {
    const c2 = cartOf([line(null, 1500, 1, { id: '4711', name: '手ぬぐい 限定柄' })]);
    const d = decide(input(c2, { offers: [{ id: 'b-2', type: 'bundle', items: ['手ぬぐい 限定柄', 'TOTE-01'], price: 3000, appliedBy: 'platform' }] }, { trigger: 'cart-view' }));
    expect(d.panels[0]).toMatchObject({ kind: 'bundle', setPrice: 3000, partsTotal: 3480, saving: 480, value: 1500 });
  });

  it("a cart in another currency gets the bar, never the shop's products as gap fillers", () => {
    const usd = cartOf([line('X-1', 2500)], 'USD');
    const bar = freeShippingView(usd, { freeShipping: { threshold: { JPY: 5000, USD: 7500 } }, products })!;
    expect(bar.remaining).toBe(5000);
    expect(bar.gapFillers).toEqual([]);
  });
});

describe('after a change, NOW is ' + new Date(NOW).toISOString(), () => {
  it('a held upsell past the session cap stays until answered', () => {
    const s = { ...freshState(), session: { ...freshState().session, modalsShown: 1 } };
    expect(decide(input(cart, { offers: [up] }, { state: s, onScreen: ['up-1'] })).modal?.offerId).toBe('up-1');
    expect(decide(input(cart, { offers: [up] }, { state: s })).modal).toBeNull();
  });
});
