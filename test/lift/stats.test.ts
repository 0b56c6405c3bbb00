import { describe, expect, it } from 'vitest';
import { wilson, wilsonCC, shapeOf, t975, rateDifference, rateLift, mean, meanDifference, meanLift, verdict, compare, compareRates, normalCdf } from '../../server/lift/stats';

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

  it("Wilson with continuity correction: Newcombe's published values (1998, method 4)", () => {
    // 81/263: 0.2535 to 0.3682 (Wilson's: 0.2553 to 0.3662); 15/148: 0.0598 to 0.1644; 0/20: 0 to 0.2005.
    expect(wilsonCC(81, 263).low).toBeCloseTo(0.2535, 4);
    expect(wilsonCC(81, 263).high).toBeCloseTo(0.3682, 4);
    expect(wilson(81, 263).low).toBeCloseTo(0.2553, 4);
    expect(wilsonCC(15, 148).low).toBeCloseTo(0.0598, 4);
    expect(wilsonCC(15, 148).high).toBeCloseTo(0.1644, 4);
    expect(wilsonCC(0, 20)).toMatchObject({ low: 0 });
    expect(wilsonCC(0, 20).high).toBeCloseTo(0.2005, 3);
    // Wider than Wilson's on both sides: it errs towards covering.
    expect(wilsonCC(10, 100).low).toBeLessThan(wilson(10, 100).low);
    expect(wilsonCC(10, 100).high).toBeGreaterThan(wilson(10, 100).high);
  });

  it("Newcombe's difference of rates with continuity correction: his worked example (56/70 − 48/80, method 11)", () => {
    const d = rateDifference(56, 70, 48, 80);
    expect(d.estimate).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0428, 3);
    expect(d.high).toBeCloseTo(0.3422, 3);
  });

  it('relative lift of rates (MOVER-R from the two intervals) is asymmetric, contains the estimate, and agrees with the difference', () => {
    const l = rateLift(330, 1000, 300, 1000)!;
    expect(l.estimate).toBeCloseTo(0.1, 10);
    // Close to Katz's log interval, log(1.1) ± 1.96·sqrt(1/330 − 1/1000 + 1/300 − 1/1000), a little wider.
    const se = Math.sqrt(1 / 330 - 1 / 1000 + 1 / 300 - 1 / 1000);
    expect(l.low).toBeLessThan(1.1 * Math.exp(-1.959964 * se) - 1);
    expect(l.low).toBeGreaterThan(1.1 * Math.exp(-1.959964 * se) - 1 - 0.01);
    expect(l.high).toBeGreaterThan(1.1 * Math.exp(1.959964 * se) - 1);
    expect(l.high).toBeLessThan(1.1 * Math.exp(1.959964 * se) - 1 + 0.01);
    expect(l.high - l.estimate).toBeGreaterThan(l.estimate - l.low);
    // At the ratio 1 MOVER-R's bounds are the difference's: the same verdict either way.
    for (const [k1, k0] of [
      [330, 300],
      [345, 300],
      [300, 345],
      [352, 300],
    ]) {
      const d = rateDifference(k1, 1000, k0, 1000);
      const r = rateLift(k1, 1000, k0, 1000)!;
      expect(r.low > 0, `${k1}/${k0}`).toBe(d.low > 0);
      expect(r.high < 0, `${k1}/${k0}`).toBe(d.high < 0);
    }
    expect(rateLift(0, 0, 1, 1)).toBeNull();
    expect(rateLift(3, 10, 0, 10)).toBeNull();
    expect(rateLift(0, 10, 3, 10)).toMatchObject({ estimate: -1, low: -1 });
  });

  it("Welch's interval for a difference of means, with Satterthwaite's degrees of freedom", () => {
    const d = meanDifference(mean(10, 200, 4), mean(20, 360, 9));
    expect(d.estimate).toBe(2);
    expect(d.df).toBeCloseTo(25.41, 1);
    expect(d.low).toBeCloseTo(0.103, 2);
    expect(d.high).toBeCloseTo(3.897, 2);
  });

  it("relative lift of means: Fieller's ratio of the same test, significant exactly when the difference is", () => {
    const a = mean(1000, 1_050_000, 1_000_000);
    const b = mean(1000, 1_000_000, 1_000_000);
    const l = meanLift(a, b)!;
    expect(l.estimate).toBeCloseTo(0.05, 10);
    // Fieller's bounds solve (m1 − ρ·m0)² = t²·(v1/n1 + ρ²·v0/n0): check them by substitution.
    for (const x of [l.low, l.high]) {
      const rho = 1 + x;
      // Welch–Satterthwaite degrees of freedom at ρ.
      const q = t975((1 + rho * rho) ** 2 / ((1 + rho ** 4) / 999));
      expect((1050 - rho * 1000) ** 2 / (1000 + rho * rho * 1000)).toBeCloseTo(q * q, 6);
    }
    const skewed = { skew: 3.7, kurtosis: 34 };
    for (const m1 of [1030, 1060, 1090, 1120, 1150]) {
      for (const shape of [undefined, skewed]) {
        const d = meanDifference(mean(1000, m1 * 1000, 1_000_000), b, shape);
        const r = meanLift(mean(1000, m1 * 1000, 1_000_000), b, shape)!;
        expect(r.low > 0, `${m1}`).toBe(d.low > 0);
      }
    }
    expect(meanLift(mean(10, 0, 0), mean(10, 100, 1))).toBeNull();
  });

  it('skewed revenue: the interval leans towards the long tail and widens with the kurtosis', () => {
    // Power sums of a small skewed sample: 1, 1, 1, 1, 10.
    const xs = [1, 1, 1, 1, 10];
    const sum = (k: number) => xs.reduce((s, x) => s + x ** k, 0);
    const sh = shapeOf(5, sum(1), sum(2), sum(3), sum(4));
    // Mean 2.8; central moments 12.96, 69.984, 545.8752: skewness 69.984 / 12.96^1.5 = 1.5, kurtosis 545.8752 / 12.96² = 3.25.
    expect(sh.skew).toBeCloseTo(1.5, 9);
    expect(sh.kurtosis).toBeCloseTo(3.25, 9);
    const a = mean(400, 400 * 110, 100 ** 2);
    const b = mean(400, 400 * 100, 90 ** 2);
    const plain = meanDifference(a, b);
    const leaning = meanDifference(a, b, { skew: 3, kurtosis: 3 + 9 });
    const heavy = meanDifference(a, b, { skew: 0, kurtosis: 30 });
    // Right-skewed revenue: a sample mean falls short of the truth (the rare large orders missing)
    // more often than it overshoots, so the interval reaches further up than down.
    expect(leaning.high - leaning.estimate).toBeGreaterThan(leaning.estimate - leaning.low);
    expect(plain.high - plain.estimate).toBeCloseTo(plain.estimate - plain.low, 9);
    expect(heavy.high - heavy.low).toBeGreaterThan(plain.high - plain.low);
    expect(heavy.df!).toBeLessThan(plain.df!);
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

  it('compareRates(): acceptance of two copy variants, a winner only when the interval excludes 0', () => {
    // 60 of 200 page views accepted against 30 of 200: 30 % vs 15 %, twice the rate.
    const clear = compareRates(60, 200, 30, 200);
    expect(clear.difference.estimate).toBeCloseTo(0.15, 10);
    expect(clear.lift!.estimate).toBeCloseTo(1, 10);
    expect(clear.lift!.low).toBeGreaterThan(0);
    expect(clear.verdict).toEqual({ kind: 'significant', winner: 'a', moreVisitors: 0 });
    expect(compareRates(30, 200, 60, 200).verdict.winner).toBe('b');
    // 32 vs 30 of 200: not yet, and the visitors needed are those `verdict` asks for the same rates.
    const close = compareRates(32, 200, 30, 200);
    expect(close.verdict.kind).toBe('not-yet');
    expect(close.verdict).toEqual(verdict({ difference: rateDifference(32, 200, 30, 200), lift: rateLift(32, 200, 30, 200), baseline: 0.15, sd1: rate(0.16), sd0: rate(0.15), n1: 200, n0: 200 }));
    // compare() judges conversion the same way.
    const g = (visitors: number, converters: number) => ({ visitors, converters, orders: converters, revenue: converters * 4000, revenueVar: 1e6, orderVar: 1e6 });
    expect(compare(g(200, 60), g(200, 30)).conversion).toEqual(clear);
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
