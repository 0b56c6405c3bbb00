// The arithmetic behind "does it pay?": 95 % intervals for rates (Wilson, Newcombe, MOVER-R) and
// for means of skewed revenue (Welch with Hall's skew correction, Fieller for the ratio), relative
// lifts, and a verdict in plain words. Pure: it takes
// per-group sums that the SQL computes and returns numbers; nothing here reads a database.

export interface Interval {
  estimate: number;
  low: number;
  high: number;
}
export interface Mean extends Interval {
  n: number;
  variance: number;
}
export interface Difference extends Interval {
  se?: number;
  df?: number;
}
export interface Verdict {
  kind: 'significant' | 'not-yet' | 'no-difference' | 'too-few';
  /** 'a' or 'b': named only when significant. */
  winner: 'a' | 'b' | null;
  /** About how many more visitors a verdict needs (not-yet), 0 when it has one, null when unknown. */
  moreVisitors: number | null;
}
/** One group's sums, as the SQL returns them. */
export interface GroupSums {
  visitors: number;
  converters: number;
  orders: number;
  revenue: number;
  revenueVar: number;
  orderVar: number;
  /** Σr², Σr³, Σr⁴ of revenue per visitor and Σx², Σx³, Σx⁴ of order totals: the shape of the revenue (optional: normal without). */
  revenuePowers?: [number, number, number];
  orderPowers?: [number, number, number];
}
export interface Options {
  /** The smallest change worth finding, as a share of the baseline (default 5 %). */
  minEffect?: number;
  better?: 'higher' | 'lower';
}

const Z95 = 1.959963984540054;
const Z80 = 0.8416212335729143; // one-sided, for 80 % power

/** Standard normal CDF (Zelen & Severo 26.2.17, |error| < 7.5e-8). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

/**
 * Two-sided 97.5 % quantile of Student's t with `df` degrees of freedom (Cornish–Fisher expansion
 * around the normal quantile; within 0.1 % of the exact value from df = 3 on).
 */
export function t975(df: number): number {
  if (!(df > 0) || !Number.isFinite(df)) return Z95;
  const z = Z95;
  const z3 = z ** 3;
  const z5 = z ** 5;
  const z7 = z ** 7;
  return z + (z3 + z) / (4 * df) + (5 * z5 + 16 * z3 + 3 * z) / (96 * df ** 2) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df ** 3);
}

/** 95 % Wilson score interval for k successes in n trials: right at 0 and 1, and for small n. */
export function wilson(k: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { estimate: 0, low: 0, high: 0 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { estimate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Wilson's interval with continuity correction (Newcombe 1998, method 4): a little wider than
 * `wilson`, and it errs on the side of covering. The comparisons of two rates are built from it,
 * so that a verdict on conversion is never claimed on an interval that covers less than it says.
 */
export function wilsonCC(k: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { estimate: 0, low: 0, high: 0 };
  const p = k / n;
  const z2 = z * z;
  const low = k === 0 ? 0 : (2 * n * p + z2 - 1 - z * Math.sqrt(z2 - 2 - 1 / n + 4 * p * (n * (1 - p) + 1))) / (2 * (n + z2));
  const high = k === n ? 1 : (2 * n * p + z2 + 1 + z * Math.sqrt(z2 + 2 - 1 / n + 4 * p * (n * (1 - p) - 1))) / (2 * (n + z2));
  return { estimate: p, low: Math.max(0, low), high: Math.min(1, high) };
}

/** Difference of two rates, p1 − p0, with Newcombe's hybrid score interval built from the two continuity-corrected Wilson intervals (his method 11). */
export function rateDifference(k1: number, n1: number, k0: number, n0: number): Difference {
  const a = wilsonCC(k1, n1);
  const b = wilsonCC(k0, n0);
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    low: d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2),
    high: d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2),
  };
}

/**
 * Relative lift of two rates, p1 / p0 − 1, with the MOVER-R interval of Donner & Zou (2012) built
 * from the two continuity-corrected Wilson intervals: asymmetric like the ratio, and measured (by
 * the simulator's seeded runs) to cover the true lift at least 95 % of the time. Null when the
 * baseline rate is 0 (no ratio to speak of).
 */
export function rateLift(k1: number, n1: number, k0: number, n0: number): Interval | null {
  if (!(n1 > 0 && n0 > 0 && k0 > 0)) return null;
  const p1 = k1 / n1;
  const p0 = k0 / n0;
  const { low: l1, high: u1 } = wilsonCC(k1, n1);
  const { low: l0, high: u0 } = wilsonCC(k0, n0);
  const low = (p1 * p0 - Math.sqrt(Math.max(0, (p1 * p0) ** 2 - l1 * u0 * (2 * p1 - l1) * (2 * p0 - u0)))) / (u0 * (2 * p0 - u0));
  const high = (p1 * p0 + Math.sqrt(Math.max(0, (p1 * p0) ** 2 - u1 * l0 * (2 * p1 - u1) * (2 * p0 - l0)))) / (l0 * (2 * p0 - l0));
  return { estimate: p1 / p0 - 1, low: low - 1, high: high - 1 };
}

/**
 * A mean with its 95 % interval (t), from n, the sum and the sample variance. Each group's own
 * figure; the comparisons below correct for the skew of revenue, this does not.
 */
export function mean(n: number, sum: number, variance: number): Mean {
  if (!(n > 0)) return { estimate: 0, low: 0, high: 0, n: 0, variance: 0 };
  const m = sum / n;
  const v = n > 1 && variance > 0 ? variance : 0;
  const half = t975(n - 1) * Math.sqrt(v / n);
  return { estimate: m, low: m - half, high: m + half, n, variance: v };
}

/**
 * The shape of a distribution, as the intervals of skewed means need it: standardized skewness
 * and kurtosis (3 for a normal distribution).
 */
export interface Shape {
  skew: number;
  kurtosis: number;
}
export const NORMAL: Shape = { skew: 0, kurtosis: 3 };

/** Skewness and kurtosis from power sums: n, Σx, Σx², Σx³, Σx⁴. */
export function shapeOf(n: number, s1: number, s2: number, s3: number, s4: number): Shape & { n: number } {
  if (!(n > 2)) return { ...NORMAL, n: 0 };
  const m = s1 / n;
  const c2 = s2 / n - m * m;
  if (!(c2 > 0)) return { ...NORMAL, n: 0 };
  const c3 = s3 / n - 3 * m * (s2 / n) + 2 * m ** 3;
  const c4 = s4 / n - 4 * m * (s3 / n) + 6 * m * m * (s2 / n) - 3 * m ** 4;
  // Rounding in the power sums can leave a kurtosis a hair below its floor of 1 + skew².
  const skew = c3 / c2 ** 1.5;
  return { skew, kurtosis: Math.max(c4 / (c2 * c2), 1 + skew * skew), n };
}

/**
 * The shape both groups share, weighted by their sizes. A small group's own skewness and kurtosis
 * are biased low precisely in the samples that lack the rare large orders — the samples whose mean
 * is low and whose interval is too narrow — so the larger group's shape is borrowed.
 */
export function pooledShape(a: Shape & { n: number }, b: Shape & { n: number }): Shape {
  const n = a.n + b.n;
  if (!(n > 0)) return NORMAL;
  return { skew: (a.n * a.skew + b.n * b.skew) / n, kurtosis: (a.n * a.kurtosis + b.n * b.kurtosis) / n };
}

/**
 * The test of m1 − ρ·m0 = 0 on which both intervals of two means rest: Welch's statistic, its
 * skew λ (Hall 1992: with skewed data the mean and its estimated spread move together, and the
 * statistic's distribution leans), and Satterthwaite's degrees of freedom with the variance of a
 * sample variance as the data's kurtosis makes it (a long tail makes the spread itself uncertain:
 * 2σ⁴/(n−1) holds for normal data only).
 */
function welchHall(g1: Mean, g0: Mean, rho: number, shape: Shape) {
  const s1 = g1.variance / g1.n;
  const s0 = (rho * rho * g0.variance) / g0.n;
  const tau2 = s1 + s0;
  const tau = Math.sqrt(tau2);
  const lambda = tau > 0 ? (shape.skew * (g1.variance ** 1.5 / g1.n ** 2 - rho ** 3 * (g0.variance ** 1.5 / g0.n ** 2))) / tau ** 3 : 0;
  const spread = (s: number, n: number) => (n > 1 ? (s * s * (shape.kurtosis - (n - 3) / (n - 1))) / n : 0);
  const denom = spread(s1, g1.n) + spread(s0, g0.n);
  const df = denom > 0 ? (2 * tau2 * tau2) / denom : Infinity;
  return { tau, lambda, q: t975(df), df };
}

/** Hall's transformation of the statistic, g(T) = T + λT²/3 + λ²T³/27 + λ/6 (increasing), and its inverse. */
const hall = (t: number, l: number) => t + (l * t * t) / 3 + (l * l * t ** 3) / 27 + l / 6;
const hallInverse = (y: number, l: number) => (Math.abs(l) < 1e-12 ? y - l / 6 : (3 / l) * (Math.cbrt(1 + l * (y - l / 6)) - 1));

/**
 * The difference of two means, m1 − m0: Welch's interval with Hall's correction for skew and
 * kurtosis-aware degrees of freedom (see `welchHall`). With `NORMAL` it is Welch's interval.
 */
export function meanDifference(g1: Mean, g0: Mean, shape: Shape = NORMAL): Difference {
  const d = g1.estimate - g0.estimate;
  const { tau, lambda, q, df } = welchHall(g1, g0, 1, shape);
  if (!(tau > 0)) return { estimate: d, low: d, high: d, se: 0, df };
  return { estimate: d, low: d - tau * hallInverse(q, lambda), high: d - tau * hallInverse(-q, lambda), se: tau, df };
}

/**
 * Relative lift of two means, m1 / m0 − 1: the ratios ρ the same test does not reject (Fieller's
 * construction), so it is significant exactly when the difference is. Null when a mean is 0; with a
 * baseline too uncertain to bound the ratio, the open side is −100 % or Infinity.
 */
export function meanLift(g1: Mean, g0: Mean, shape: Shape = NORMAL): Interval | null {
  if (!(g1.estimate > 0 && g0.estimate > 0 && g1.n > 1 && g0.n > 1)) return null;
  const ratio = g1.estimate / g0.estimate;
  const accepts = (rho: number) => {
    const { tau, lambda, q } = welchHall(g1, g0, rho, shape);
    return !(tau > 0) || Math.abs(hall((g1.estimate - rho * g0.estimate) / tau, lambda)) <= q;
  };
  // Each edge on the log scale: doubling steps out of the region, then bisection.
  const edge = (dir: 1 | -1): number | null => {
    let inside = 0;
    let outside = NaN;
    for (let step = 0.01; step < 40; step *= 2) {
      if (!accepts(ratio * Math.exp(inside + dir * step))) {
        outside = inside + dir * step;
        break;
      }
      inside += dir * step;
    }
    if (Number.isNaN(outside)) return null;
    for (let i = 0; i < 50; i++) {
      const mid = (inside + outside) / 2;
      if (accepts(ratio * Math.exp(mid))) inside = mid;
      else outside = mid;
    }
    return ratio * Math.exp((inside + outside) / 2) - 1;
  };
  // Unbounded (a baseline mean not yet clearly above 0): down to −100 %, up to no limit (null in JSON).
  return { estimate: ratio - 1, low: edge(-1) ?? -1, high: edge(1) ?? Infinity };
}

/**
 * The verdict on a difference, in words a merchant can act on:
 * - `significant`: the 95 % interval of the lift (else of the difference) excludes 0; `winner` is the better group
 *   (named only then).
 * - `not-yet`: it includes 0 and there are too few visitors to see an effect of the size observed
 *   (or `minEffect` of the baseline, whichever is larger) 80 % of the time; `moreVisitors` says
 *   about how many more are needed at the current split.
 * - `no-difference`: it includes 0 although there were enough visitors to see such an effect.
 * - `too-few`: a group is empty or has no variation yet.
 * `sd1`, `sd0` are per-visitor standard deviations, `n1`, `n0` the visitors of each group.
 */
export function verdict(
  { difference, lift = null, baseline, sd1, sd0, n1, n0 }: { difference: Interval | null; lift?: Interval | null; baseline: number; sd1: number; sd0: number; n1: number; n0: number },
  { minEffect = 0.05, better = 'higher' }: Options = {},
): Verdict {
  if (!(n1 > 1 && n0 > 1) || !(sd1 > 0 || sd0 > 0) || !difference) return { kind: 'too-few', winner: null, moreVisitors: null };
  // Decided on the interval the merchant reads beside it: the lift's when there is one.
  const shown = lift ?? difference;
  if (shown.low > 0 || shown.high < 0) {
    const firstBetter = better === 'higher' ? difference.estimate > 0 : difference.estimate < 0;
    return { kind: 'significant', winner: firstBetter ? 'a' : 'b', moreVisitors: 0 };
  }
  const effect = Math.max(Math.abs(difference.estimate), Math.abs(baseline) * minEffect);
  if (!(effect > 0)) return { kind: 'too-few', winner: null, moreVisitors: null };
  const total = n1 + n0;
  const f1 = n1 / total;
  const f0 = n0 / total;
  // Visitors (at this split) for a two-sided 5 % test to see `effect` with 80 % power.
  const needed = Math.ceil(((Z95 + Z80) ** 2 * (sd1 ** 2 / f1 + sd0 ** 2 / f0)) / effect ** 2);
  if (needed > total) return { kind: 'not-yet', winner: null, moreVisitors: roundUp(needed - total) };
  return { kind: 'no-difference', winner: null, moreVisitors: 0 };
}

/** "About N more": two significant figures are all a traffic estimate deserves. */
function roundUp(n: number): number {
  if (n < 100) return Math.ceil(n / 10) * 10;
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.ceil(n / step) * step;
}

/**
 * One group's outcome, from the sums the SQL returns:
 * `visitors`, `converters` (visitors with an order), `orders`, `revenue` (sum of order totals),
 * `revenueVar` (sample variance of revenue per visitor, zeros included), `orderVar` (sample
 * variance of order totals). Each group's own intervals; the shape sums serve the comparisons.
 */
export function groupMetrics(g: GroupSums) {
  const conversion = wilson(g.converters, g.visitors);
  const rpv = mean(g.visitors, g.revenue, g.revenueVar);
  const aov = mean(g.orders, g.revenue, g.orderVar);
  return { visitors: g.visitors, converters: g.converters, orders: g.orders, revenue: g.revenue, conversion, rpv, aov };
}

/** Two rates, k1 of n1 against k0 of n0: the difference and relative lift with their intervals, and a verdict. */
export function compareRates(k1: number, n1: number, k0: number, n0: number, options: Options = {}) {
  const difference = rateDifference(k1, n1, k0, n0);
  const lift = rateLift(k1, n1, k0, n0);
  const p1 = n1 > 0 ? k1 / n1 : 0;
  const p0 = n0 > 0 ? k0 / n0 : 0;
  const sd = (p: number) => Math.sqrt(p * (1 - p));
  return { difference, lift, verdict: verdict({ difference, lift, baseline: p0, sd1: sd(p1), sd0: sd(p0), n1, n0 }, options) };
}

const shapeFrom = (n: number, sum: number, powers?: [number, number, number]) => (powers ? shapeOf(n, sum, ...powers) : { ...NORMAL, n });

/**
 * Group `a` (e.g. shown, or one copy variant) against group `b` (the holdout, or another variant):
 * conversion, revenue per visitor and average order value, each with both groups' 95 % intervals,
 * the difference and the relative lift with their intervals, and a verdict.
 */
export function compare(a: GroupSums, b: GroupSums, options: Options = {}) {
  const A = groupMetrics(a);
  const B = groupMetrics(b);
  const rpvShape = pooledShape(shapeFrom(a.visitors, a.revenue, a.revenuePowers), shapeFrom(b.visitors, b.revenue, b.revenuePowers));
  const aovShape = pooledShape(shapeFrom(a.orders, a.revenue, a.orderPowers), shapeFrom(b.orders, b.revenue, b.orderPowers));
  const rpv = meanDifference(A.rpv, B.rpv, rpvShape);
  const rpvLift = meanLift(A.rpv, B.rpv, rpvShape);
  const aov = meanDifference(A.aov, B.aov, aovShape);
  const aovLift = meanLift(A.aov, B.aov, aovShape);
  return {
    a: A,
    b: B,
    conversion: compareRates(a.converters, a.visitors, b.converters, b.visitors, options),
    rpv: {
      difference: rpv,
      lift: rpvLift,
      verdict: verdict({ difference: rpv, lift: rpvLift, baseline: B.rpv.estimate, sd1: Math.sqrt(A.rpv.variance), sd0: Math.sqrt(B.rpv.variance), n1: a.visitors, n0: b.visitors }, options),
    },
    aov: {
      difference: aov,
      lift: aovLift,
      verdict: perVisitor(
        verdict({ difference: aov, lift: aovLift, baseline: B.aov.estimate, sd1: Math.sqrt(A.aov.variance), sd0: Math.sqrt(B.aov.variance), n1: a.orders, n0: b.orders }, options),
        a.visitors + b.visitors,
        a.orders + b.orders,
      ),
    },
  };
}

/** An order value is measured on orders: more orders needed, said as visitors at the current conversion. */
function perVisitor(v: Verdict, visitors: number, orders: number): Verdict {
  return v.kind === 'not-yet' && orders > 0 ? { ...v, moreVisitors: roundUp(((v.moreVisitors ?? 0) * visitors) / orders) } : v;
}
