// The arithmetic behind "does it pay?": 95 % intervals for rates (Wilson, Newcombe, Katz) and for
// means of skewed revenue (Welch), relative lifts, and a verdict in plain words. Pure: it takes
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

/** Difference of two rates, p1 − p0, with Newcombe's hybrid score interval (built from the two Wilson intervals). */
export function rateDifference(k1: number, n1: number, k0: number, n0: number): Difference {
  const a = wilson(k1, n1);
  const b = wilson(k0, n0);
  const d = a.estimate - b.estimate;
  return {
    estimate: d,
    low: d - Math.sqrt((a.estimate - a.low) ** 2 + (b.high - b.estimate) ** 2),
    high: d + Math.sqrt((a.high - a.estimate) ** 2 + (b.estimate - b.low) ** 2),
  };
}

/** Relative lift of two rates, p1 / p0 − 1, with Katz's log interval (0.5 added to empty cells). */
export function rateLift(k1: number, n1: number, k0: number, n0: number): Interval | null {
  if (!(n1 > 0 && n0 > 0)) return null;
  const [a, b] = k1 > 0 && k0 > 0 ? [k1, k0] : [k1 + 0.5, k0 + 0.5];
  const [m1, m0] = k1 > 0 && k0 > 0 ? [n1, n0] : [n1 + 0.5, n0 + 0.5];
  const ratio = a / m1 / (b / m0);
  const se = Math.sqrt(1 / a - 1 / m1 + 1 / b - 1 / m0);
  return { estimate: k1 / n1 / (k0 / n0 || NaN) - 1, low: ratio * Math.exp(-Z95 * se) - 1, high: ratio * Math.exp(Z95 * se) - 1 };
}

/**
 * A mean with its 95 % interval (t), from n, the sum and the sample variance — revenue per visitor
 * is mostly zeros and a long right tail; at the sample sizes a shop needs for a verdict the t
 * interval's coverage is measured (by the simulator's test) rather than assumed.
 */
export function mean(n: number, sum: number, variance: number): Mean {
  if (!(n > 0)) return { estimate: 0, low: 0, high: 0, n: 0, variance: 0 };
  const m = sum / n;
  const v = n > 1 && variance > 0 ? variance : 0;
  const half = t975(n - 1) * Math.sqrt(v / n);
  return { estimate: m, low: m - half, high: m + half, n, variance: v };
}

/** Welch's interval for the difference of two means (unequal variances), m1 − m0. */
export function meanDifference(g1: Mean, g0: Mean): Difference {
  const s1 = g1.variance / g1.n;
  const s0 = g0.variance / g0.n;
  const se = Math.sqrt(s1 + s0);
  const d = g1.estimate - g0.estimate;
  // Welch–Satterthwaite degrees of freedom.
  const df = se > 0 ? (s1 + s0) ** 2 / ((s1 * s1) / Math.max(1, g1.n - 1) + (s0 * s0) / Math.max(1, g0.n - 1)) : Infinity;
  const half = t975(df) * se;
  return { estimate: d, low: d - half, high: d + half, se, df };
}

/** Relative lift of two means, m1 / m0 − 1, with a delta-method interval on the log of the ratio. */
export function meanLift(g1: Mean, g0: Mean): Interval | null {
  if (!(g1.estimate > 0 && g0.estimate > 0)) return null;
  const ratio = g1.estimate / g0.estimate;
  const se = Math.sqrt(g1.variance / (g1.n * g1.estimate ** 2) + g0.variance / (g0.n * g0.estimate ** 2));
  return { estimate: ratio - 1, low: ratio * Math.exp(-Z95 * se) - 1, high: ratio * Math.exp(Z95 * se) - 1 };
}

/**
 * The verdict on a difference, in words a merchant can act on:
 * - `significant`: the 95 % interval of the difference excludes 0; `winner` is the better group
 *   (named only then).
 * - `not-yet`: it includes 0 and there are too few visitors to see an effect of the size observed
 *   (or `minEffect` of the baseline, whichever is larger) 80 % of the time; `moreVisitors` says
 *   about how many more are needed at the current split.
 * - `no-difference`: it includes 0 although there were enough visitors to see such an effect.
 * - `too-few`: a group is empty or has no variation yet.
 * `sd1`, `sd0` are per-visitor standard deviations, `n1`, `n0` the visitors of each group.
 */
export function verdict(
  { difference, baseline, sd1, sd0, n1, n0 }: { difference: Interval | null; baseline: number; sd1: number; sd0: number; n1: number; n0: number },
  { minEffect = 0.05, better = 'higher' }: Options = {},
): Verdict {
  if (!(n1 > 1 && n0 > 1) || !(sd1 > 0 || sd0 > 0) || !difference) return { kind: 'too-few', winner: null, moreVisitors: null };
  if (difference.low > 0 || difference.high < 0) {
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
 * variance of order totals).
 */
export function groupMetrics(g: GroupSums) {
  const conversion = wilson(g.converters, g.visitors);
  const rpv = mean(g.visitors, g.revenue, g.revenueVar);
  const aov = mean(g.orders, g.revenue, g.orderVar);
  return { visitors: g.visitors, converters: g.converters, orders: g.orders, revenue: g.revenue, conversion, rpv, aov };
}

/**
 * Group `a` (e.g. shown, or one copy variant) against group `b` (the holdout, or another variant):
 * conversion, revenue per visitor and average order value, each with both groups' 95 % intervals,
 * the difference and the relative lift with their intervals, and a verdict.
 */
export function compare(a: GroupSums, b: GroupSums, options: Options = {}) {
  const A = groupMetrics(a);
  const B = groupMetrics(b);
  const conv = rateDifference(a.converters, a.visitors, b.converters, b.visitors);
  const rpv = meanDifference(A.rpv, B.rpv);
  const aov = meanDifference(A.aov, B.aov);
  const sdRate = (p: number) => Math.sqrt(p * (1 - p));
  return {
    a: A,
    b: B,
    conversion: {
      difference: conv,
      lift: rateLift(a.converters, a.visitors, b.converters, b.visitors),
      verdict: verdict({ difference: conv, baseline: B.conversion.estimate, sd1: sdRate(A.conversion.estimate), sd0: sdRate(B.conversion.estimate), n1: a.visitors, n0: b.visitors }, options),
    },
    rpv: {
      difference: rpv,
      lift: meanLift(A.rpv, B.rpv),
      verdict: verdict({ difference: rpv, baseline: B.rpv.estimate, sd1: Math.sqrt(A.rpv.variance), sd0: Math.sqrt(B.rpv.variance), n1: a.visitors, n0: b.visitors }, options),
    },
    aov: {
      difference: aov,
      lift: meanLift(A.aov, B.aov),
      verdict: perVisitor(verdict({ difference: aov, baseline: B.aov.estimate, sd1: Math.sqrt(A.aov.variance), sd0: Math.sqrt(B.aov.variance), n1: a.orders, n0: b.orders }, options), a.visitors + b.visitors, a.orders + b.orders),
    },
  };
}

/** An order value is measured on orders: more orders needed, said as visitors at the current conversion. */
function perVisitor(v: Verdict, visitors: number, orders: number): Verdict {
  return v.kind === 'not-yet' && orders > 0 ? { ...v, moreVisitors: roundUp(((v.moreVisitors ?? 0) * visitors) / orders) } : v;
}
