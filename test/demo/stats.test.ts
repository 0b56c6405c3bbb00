import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ES module of the demo, without types
import { dedupe, wilson, normalCdf, twoProportionTest, summarize, orderValue, profitScenario, SEED_000, profitFromRevenue } from '../../demo/site/dashboard/stats.js';

type Ev = Record<string, unknown>;
let n = 0;
const ev = (o: Ev): Ev => ({ id: `e${n++}`, type: 'impression', offerId: 'up', offerType: 'upsell', time: '2026-11-23T00:00:00Z', currency: 'JPY', cartSubtotal: 1000, value: 0, visitorId: 'v', sessionId: 's', variant: null, holdout: false, items: [], page: 'http://x/', version: 't', ...o });

describe('seed 000 worked example', () => {
  it('reproduces AOV ￥3,500 and monthly profit ￥1,200,000 → ￥1,525,000 exactly', () => {
    const r = profitScenario(SEED_000);
    expect(r.basicUnits).toBe(750);
    expect(r.premiumUnits).toBe(250);
    expect(r.basicProfitEach).toBe(1200);
    expect(r.premiumProfitEach).toBe(2500);
    expect(r.revenueBefore).toBe(3_000_000);
    expect(r.revenueAfter).toBe(3_500_000);
    expect(r.aovBefore).toBe(3000);
    expect(r.aovAfter).toBe(3500);
    expect(r.profitBefore).toBe(1_200_000);
    expect(r.profitAfter).toBe(1_525_000);
    expect(r.profitLift).toBe(325_000);
    expect(r.profitLiftYear).toBe(3_900_000);
  });
  it('other inputs: no take means no change; full take means every unit premium', () => {
    expect(profitScenario({ ...SEED_000, take: 0 }).profitLift).toBe(0);
    const all = profitScenario({ ...SEED_000, take: 1 });
    expect(all.aovAfter).toBe(5000);
    expect(all.profitAfter).toBe(2_500_000);
  });
  it('profit from measured revenue at a margin', () => {
    expect(profitFromRevenue(12_345, 0.3)).toBe(3704);
  });
});

describe('Wilson interval', () => {
  it('matches published values (10 of 100: 5.52 %–17.44 %)', () => {
    const w = wilson(10, 100);
    expect(w.rate).toBe(0.1);
    expect(w.low).toBeCloseTo(0.0552, 4);
    expect(w.high).toBeCloseTo(0.1744, 4);
  });
  it('stays inside 0–1 at the edges and is empty without trials', () => {
    expect(wilson(0, 20).low).toBe(0);
    expect(wilson(0, 20).high).toBeCloseTo(0.1611, 4);
    expect(wilson(20, 20).high).toBe(1);
    expect(wilson(0, 0)).toEqual({ rate: 0, low: 0, high: 0 });
  });
});

describe('two-proportion z-test', () => {
  it('normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
    expect(normalCdf(-1.959964)).toBeCloseTo(0.025, 6);
  });
  it('30 % vs 20 % of 500 each is significant (z ≈ 3.65)', () => {
    const t = twoProportionTest(150, 500, 100, 500);
    expect(t.z).toBeCloseTo(3.6515, 3);
    expect(t.p).toBeLessThan(0.001);
    expect(t.verdict).toBe('a-better');
    expect(twoProportionTest(100, 500, 150, 500).verdict).toBe('b-better');
  });
  it('21 % vs 20 % of 200 each is not; tiny samples say too few', () => {
    const t = twoProportionTest(42, 200, 40, 200);
    expect(t.p).toBeGreaterThan(0.05);
    expect(t.verdict).toBe('no-difference');
    expect(twoProportionTest(1, 3, 0, 3).verdict).toBe('too-few');
    expect(twoProportionTest(0, 0, 1, 2).verdict).toBe('too-few');
  });
});

describe('summarize', () => {
  it('drops duplicate ids (at-least-once delivery)', () => {
    const a = ev({});
    expect(dedupe([a, { ...a }, ev({})]).length).toBe(2);
    expect(summarize([a, { ...a }]).impressions).toBe(1);
  });
  it('acceptance per offer and per variant, revenue from accepts, holdout impressions excluded', () => {
    const events = [
      ev({ variant: 'A' }), ev({ variant: 'A' }), ev({ type: 'accept', variant: 'A', value: 1100 }),
      ev({ variant: 'B' }), ev({ type: 'decline', variant: 'B', value: 1100 }),
      ev({ offerId: 'x', offerType: 'cross-sell' }), ev({ offerId: 'x', offerType: 'cross-sell', type: 'accept', value: 880 }),
      ev({ offerType: 'downsell' }), ev({ offerType: 'downsell', type: 'accept', value: 440 }),
      ev({ holdout: true, sessionId: 'h' }), ev({ holdout: true, sessionId: 'h' }),
    ];
    const s = summarize(events);
    expect(s.impressions).toBe(5);
    expect(s.accepts).toBe(3);
    expect(s.revenue).toBe(1100 + 880 + 440);
    const up = s.offers.find((o: { offerId: string }) => o.offerId === 'up');
    expect(up.impressions).toBe(3);
    expect(up.accepts).toBe(1);
    expect(up.declines).toBe(1);
    expect(up.rate).toBeCloseTo(1 / 3, 10);
    expect(up.variants.find((v: { variant: string }) => v.variant === 'A')).toMatchObject({ impressions: 2, accepts: 1, rate: 0.5 });
    expect(up.test).toMatchObject({ a: 'A', b: 'B', verdict: 'too-few' });
    expect(s.offers.find((o: { offerId: string }) => o.offerId === 'up (downsell)')).toMatchObject({ impressions: 1, accepts: 1, revenue: 440 });
  });
  it('order value: largest subtotal per session, holdout sessions vs the rest', () => {
    const o = orderValue([
      ev({ sessionId: 's1', cartSubtotal: 3000 }), ev({ sessionId: 's1', cartSubtotal: 4100 }), ev({ sessionId: 's1', cartSubtotal: 2000 }),
      ev({ sessionId: 's2', cartSubtotal: 5000 }),
      ev({ sessionId: 'h1', holdout: true, cartSubtotal: 3000 }), ev({ sessionId: 'h2', holdout: true, cartSubtotal: 4000 }),
    ]);
    expect(o.withPrompts).toEqual({ sessions: 2, aov: 4550 });
    expect(o.holdout).toEqual({ sessions: 2, aov: 3500 });
    expect(o.difference).toBe(1050);
    expect(o.lift).toBeCloseTo(0.3, 10);
    expect(orderValue([ev({})]).lift).toBeNull();
  });
  it('ignores garbage without throwing', () => {
    expect(summarize([null, 1, 'x', {}, ev({})] as unknown[]).impressions).toBe(1);
  });
});
