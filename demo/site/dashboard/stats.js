// The dashboard's arithmetic, apart from the DOM so it can be tested: acceptance rates with
// Wilson intervals, a two-proportion z-test between copy variants, revenue added, order value
// with vs without prompts (holdout), and seed 000's profit calculation.

/** Events as delivered at least once: the first of each id counts. */
export function dedupe(events) {
  const seen = new Set();
  const out = [];
  for (const e of events) {
    if (!e || typeof e.id !== 'string' || seen.has(e.id)) continue;
    seen.add(e.id);
    out.push(e);
  }
  return out;
}

/** 95 % Wilson score interval for k successes in n trials (better than ±1.96·SE for small n). */
export function wilson(k, n, z = 1.959964) {
  if (!(n > 0)) return { rate: 0, low: 0, high: 0 };
  const p = k / n;
  const z2 = z * z;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return { rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/** Standard normal CDF (Zelen & Severo 26.2.17, |error| < 7.5e-8). */
export function normalCdf(x) {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const tail = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - tail : tail;
}

/**
 * Two-proportion z-test (pooled): is variant A's acceptance rate different from B's?
 * Returns z, the two-sided p-value and a verdict at 5 %; "too-few" when either group has fewer
 * than 5 acceptances or refusals, where the normal approximation is not to be trusted.
 */
export function twoProportionTest(k1, n1, k2, n2) {
  if (!(n1 > 0 && n2 > 0)) return { z: 0, p: 1, verdict: 'too-few' };
  const p1 = k1 / n1;
  const p2 = k2 / n2;
  const pool = (k1 + k2) / (n1 + n2);
  const se = Math.sqrt(pool * (1 - pool) * (1 / n1 + 1 / n2));
  const z = se > 0 ? (p1 - p2) / se : 0;
  const p = 2 * (1 - normalCdf(Math.abs(z)));
  const small = Math.min(k1, n1 - k1, k2, n2 - k2) < 5;
  const verdict = small ? 'too-few' : p < 0.05 ? (p1 > p2 ? 'a-better' : 'b-better') : 'no-difference';
  return { z, p, verdict };
}

const rateOf = (k, n) => ({ impressions: n, accepts: k, ...wilson(k, n) });

/**
 * Everything the dashboard shows, from the collected events.
 * Acceptance counts only shown prompts: a holdout visitor's "impression" is what they would have
 * seen, kept for the lift comparison, not a prompt anyone could accept.
 */
export function summarize(rawEvents) {
  const events = dedupe(rawEvents);
  const shown = events.filter((e) => !e.holdout);
  const offers = new Map();
  for (const e of shown) {
    // A downsell carries its upsell's id; its answers are its own, so it gets its own row.
    const id = e.offerType === 'downsell' ? `${e.offerId} (downsell)` : e.offerId;
    const o = offers.get(id) ?? { offerId: id, offerType: e.offerType, impressions: 0, accepts: 0, declines: 0, dismisses: 0, revenue: 0, variants: new Map() };
    offers.set(id, o);
    const key = e.variant ?? null;
    const v = o.variants.get(key) ?? { variant: key, impressions: 0, accepts: 0 };
    o.variants.set(key, v);
    if (e.type === 'impression') {
      o.impressions++;
      v.impressions++;
    } else if (e.type === 'accept') {
      o.accepts++;
      v.accepts++;
      o.revenue += e.value;
    } else if (e.type === 'decline') o.declines++;
    else if (e.type === 'dismiss') o.dismisses++;
  }
  const perOffer = [...offers.values()].map((o) => {
    const variants = [...o.variants.values()].map((v) => ({ ...v, ...rateOf(v.accepts, v.impressions) }));
    const named = variants.filter((v) => v.variant !== null && v.impressions > 0).sort((a, b) => String(a.variant).localeCompare(String(b.variant)));
    const test = named.length >= 2 ? { a: named[0].variant, b: named[1].variant, ...twoProportionTest(named[0].accepts, named[0].impressions, named[1].accepts, named[1].impressions) } : null;
    return { offerId: o.offerId, offerType: o.offerType, declines: o.declines, dismisses: o.dismisses, revenue: o.revenue, ...rateOf(o.accepts, o.impressions), variants, test };
  });
  perOffer.sort((a, b) => b.impressions - a.impressions || a.offerId.localeCompare(b.offerId));

  const impressions = shown.filter((e) => e.type === 'impression').length;
  const accepts = shown.filter((e) => e.type === 'accept').length;
  const revenue = shown.filter((e) => e.type === 'accept').reduce((s, e) => s + e.value, 0);
  return { events: events.length, impressions, accepts, revenue, acceptance: wilson(accepts, impressions), offers: perOffer, aov: orderValue(events) };
}

/**
 * Order value of sessions with prompts vs the holdout: per session the largest cart subtotal
 * its events saw (an accepted prompt raises the subtotal of the events that follow), averaged
 * per group. A session is in the holdout when its
 * events say so (a visitor stays in one group).
 */
export function orderValue(events) {
  const sessions = new Map();
  for (const e of dedupe(events)) {
    if (!e.sessionId || !Number.isFinite(e.cartSubtotal)) continue;
    const s = sessions.get(e.sessionId) ?? { holdout: !!e.holdout, max: 0 };
    s.max = Math.max(s.max, e.cartSubtotal);
    s.holdout = s.holdout || !!e.holdout;
    sessions.set(e.sessionId, s);
  }
  const group = (h) => {
    const list = [...sessions.values()].filter((s) => s.holdout === h);
    const total = list.reduce((t, s) => t + s.max, 0);
    return { sessions: list.length, aov: list.length ? total / list.length : 0 };
  };
  const withPrompts = group(false);
  const holdout = group(true);
  const lift = holdout.aov > 0 && withPrompts.sessions ? withPrompts.aov / holdout.aov - 1 : null;
  return { withPrompts, holdout, lift, difference: withPrompts.sessions && holdout.sessions ? withPrompts.aov - holdout.aov : null };
}

/**
 * Seed 000's profit calculation: `units` sold a month of a basic product, a share `take` upgraded
 * to the premium one; margins as fractions. Amounts in yen, rounded to the yen.
 */
export function profitScenario({ units, basicPrice, premiumPrice, take, basicMargin, premiumMargin }) {
  const premiumUnits = Math.round(units * take);
  const basicUnits = units - premiumUnits;
  const basicProfitEach = Math.round(basicPrice * basicMargin);
  const premiumProfitEach = Math.round(premiumPrice * premiumMargin);
  const revenueBefore = units * basicPrice;
  const revenueAfter = basicUnits * basicPrice + premiumUnits * premiumPrice;
  const profitBefore = units * basicProfitEach;
  const profitAfter = basicUnits * basicProfitEach + premiumUnits * premiumProfitEach;
  return {
    basicUnits,
    premiumUnits,
    basicProfitEach,
    premiumProfitEach,
    revenueBefore,
    revenueAfter,
    aovBefore: units ? Math.round(revenueBefore / units) : 0,
    aovAfter: units ? Math.round(revenueAfter / units) : 0,
    profitBefore,
    profitAfter,
    profitLift: profitAfter - profitBefore,
    profitLiftYear: (profitAfter - profitBefore) * 12,
  };
}

/** Seed 000 (アップセルとは?): the worked example of a supplement shop. */
export const SEED_000 = { units: 1000, basicPrice: 3000, premiumPrice: 5000, take: 0.25, basicMargin: 0.4, premiumMargin: 0.5 };

/** Profit from the measured data: the revenue the prompts added, at the merchant's margin. */
export const profitFromRevenue = (revenue, margin) => Math.round(revenue * margin);
