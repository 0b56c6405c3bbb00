import { describe, expect, it } from 'vitest';
import { wilson, t975, rateDifference, rateLift, mean, meanDifference, meanLift, verdict, compare, normalCdf } from '../../server/lift/stats';

describe('intervals', () => {
  it('Wilson: published values and the edges', () => {
    const w = wilson(10, 100);
    expect(w.estimate).toBe(0.1);
    expect(w.low).toBeCloseTo(0.0552, 4);
    expect(w.high).toBeCloseTo(0.1744, 4);
    expect(wilson(0, 20).low).toBe(0);
    expect(wilson(0, 20).high).toBeCloseTo(0.1611, 4);
    expect(wilson(20, 20).high).toBe(1);
    expect(wilson(0, 0)).toEqual({ estimate: 0, low: 0, high: 0 });
  });

  it("Student's t quantile against the tables", () => {
    expect(t975(5)).toBeCloseTo(2.5706, 2);
    expect(t975(10)).toBeCloseTo(2.2281, 3);
    expect(t975(30)).toBeCloseTo(2.0423, 3);
    expect(t975(Infinity)).toBeCloseTo(1.96, 3);
    expect(normalCdf(1.959964)).toBeCloseTo(0.975, 6);
  });

  it("Newcombe's difference of rates: his worked example (56/70 − 48/80)", () => {
    const d = rateDifference(56, 70, 48, 80);
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
  });

  it('relative lift of rates (Katz log interval) is asymmetric and contains the estimate', () => {
    const l = rateLift(330, 1000, 300, 1000)!;
    expect(l.estimate).toBeCloseTo(0.1, 10);
    // log(1.1) ± 1.96·sqrt(1/330 − 1/1000 + 1/300 − 1/1000)
    const se = Math.sqrt(1 / 330 - 1 / 1000 + 1 / 300 - 1 / 1000);
    expect(l.low).toBeCloseTo(1.1 * Math.exp(-1.959964 * se) - 1, 8);
    expect(l.high).toBeCloseTo(1.1 * Math.exp(1.959964 * se) - 1, 8);
    expect(l.high - l.estimate).toBeGreaterThan(l.estimate - l.low);
    expect(rateLift(0, 0, 1, 1)).toBeNull();
  });

  it("Welch's interval for a difference of means, with Satterthwaite's degrees of freedom", () => {
    const d = meanDifference(mean(10, 200, 4), mean(20, 360, 9));
    expect(d.estimate).toBe(2);
    expect(d.df).toBeCloseTo(25.41, 1);
    expect(d.low).toBeCloseTo(0.103, 2);
    expect(d.high).toBeCloseTo(3.897, 2);
  });

  it('relative lift of means on the log scale', () => {
    const l = meanLift(mean(1000, 1_050_000, 1_000_000), mean(1000, 1_000_000, 1_000_000))!;
    expect(l.estimate).toBeCloseTo(0.05, 10);
    expect(l.low).toBeLessThan(0.05);
    expect(l.high).toBeGreaterThan(0.05);
    expect(meanLift(mean(10, 0, 0), mean(10, 100, 1))).toBeNull();
  });
});

describe('verdicts in plain words', () => {
  const rate = (p: number) => Math.sqrt(p * (1 - p));
  it('names a winner only when the interval excludes no difference', () => {
    const sig = verdict({ difference: { estimate: 0.03, low: 0.01, high: 0.05 }, baseline: 0.3, sd1: rate(0.33), sd0: rate(0.3), n1: 5000, n0: 5000 });
    expect(sig).toEqual({ kind: 'significant', winner: 'a', moreVisitors: 0 });
    const worse = verdict({ difference: { estimate: -0.03, low: -0.05, high: -0.01 }, baseline: 0.3, sd1: rate(0.27), sd0: rate(0.3), n1: 5000, n0: 5000 });
    expect(worse.winner).toBe('b');
    const open = verdict({ difference: { estimate: 0.03, low: -0.001, high: 0.061 }, baseline: 0.3, sd1: rate(0.33), sd0: rate(0.3), n1: 500, n0: 500 });
    expect(open.winner).toBeNull();
  });

  it('"not yet": about how many more visitors, at the current split, would show an effect of 5 %', () => {
    // 30 % vs 30 % on 100 + 100 visitors: an effect of 5 % of 30 % needs (1.96 + 0.84)² · 0.21 · (2 + 2) / 0.015² ≈ 29,300 visitors.
    const v = verdict({ difference: rateDifference(30, 100, 30, 100), baseline: 0.3, sd1: rate(0.3), sd0: rate(0.3), n1: 100, n0: 100 });
    expect(v.kind).toBe('not-yet');
    expect(v.moreVisitors).toBe(30_000);
    // A larger effect seen but not yet certain needs fewer.
    const big = verdict({ difference: rateDifference(39, 100, 30, 100), baseline: 0.3, sd1: rate(0.39), sd0: rate(0.3), n1: 100, n0: 100 });
    expect(big.kind).toBe('not-yet');
    expect(big.moreVisitors).toBeLessThan(1000);
    expect(big.moreVisitors).toBeGreaterThan(100);
  });

  it('"no difference" once there were enough visitors to see one', () => {
    const v = verdict({ difference: rateDifference(15_030, 50_000, 15_000, 50_000), baseline: 0.3, sd1: rate(0.3), sd0: rate(0.3), n1: 50_000, n0: 50_000 });
    expect(v).toEqual({ kind: 'no-difference', winner: null, moreVisitors: 0 });
  });

  it('"too few" with an empty group', () => {
    expect(verdict({ difference: rateDifference(0, 0, 3, 10), baseline: 0.3, sd1: 0, sd0: 0.4, n1: 0, n0: 10 }).kind).toBe('too-few');
  });

  it('compare(): conversion, revenue per visitor and order value of two groups', () => {
    const shown = { visitors: 900, converters: 270, orders: 290, revenue: 290 * 5200, revenueVar: 9e6, orderVar: 4e6 };
    const holdout = { visitors: 100, converters: 31, orders: 33, revenue: 33 * 4800, revenueVar: 8e6, orderVar: 3.5e6 };
    const c = compare(shown, holdout);
    expect(c.a.conversion.estimate).toBeCloseTo(0.3, 10);
    expect(c.a.rpv.estimate).toBeCloseTo((290 * 5200) / 900, 6);
    expect(c.a.aov.estimate).toBeCloseTo(5200, 6);
    expect(c.b.aov.estimate).toBeCloseTo(4800, 6);
    for (const m of ['conversion', 'rpv', 'aov'] as const) {
      expect(c[m].difference.low).toBeLessThanOrEqual(c[m].difference.estimate);
      expect(c[m].difference.high).toBeGreaterThanOrEqual(c[m].difference.estimate);
      expect(['significant', 'not-yet', 'no-difference', 'too-few']).toContain(c[m].verdict.kind);
    }
    // Said in visitors, not orders.
    expect(c.aov.verdict.kind).toBe('not-yet');
    expect(c.aov.verdict.moreVisitors).toBeGreaterThan(1000);
  });
});
