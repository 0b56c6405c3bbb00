// Traffic with a known true effect: synthetic visitors on the 和雑貨 sample shop, as the events the
// widget and the order hooks would send (impressions — some repeated the old way, several per page
// view —, answers, failed accepts, orders). The effect of the prompts is set by the options and
// `truth(options)` says exactly what a perfect measurement would find, so tests can check that the
// results' intervals contain it. Pure and seeded: the same options give the same events.

/** Mulberry32: a small seeded generator. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The offers of the sample shop the simulated visitors meet (ids and SKUs of demo/site/shops/wa). */
export const OFFERS = [
  // The upgrade, with two copy variants; what accepting adds is the price difference per item.
  { id: 'up-tenugui', type: 'upsell', shownTo: 1, from: { sku: 'TN-0123', price: 1320 }, to: { sku: 'TN-0123-DX', price: 2420 }, accept: { value: 0.25, longevity: 0.15 } },
  // The related tea, for carts with a teapot.
  { id: 'x-tea', type: 'cross-sell', shownTo: 0.4, to: { sku: 'CH-01', price: 1080 }, accept: { null: 0.15 } },
];

export const DEFAULTS = {
  visitors: 3000,
  holdout: 0.1,
  /** Conversion of the holdout (visitors who see no prompt). */
  conversion: 0.3,
  /** The true effect of showing prompts: relative change in conversion and in revenue per visitor. */
  conversionLift: -0.01,
  rpvLift: 0.05,
  /** Spread of order values (log-normal σ): a few large orders, many small ones. */
  spread: 0.8,
  /** Share of accepts the platform refuses (sold out…): an `accept-failed` follows, nothing is added. */
  failed: 0.1,
  /** Share of accepted items taken out of the cart again before ordering. */
  removed: 0.1,
  /** Share of buyers who come back for a second order a week or two later. */
  secondOrder: 0.1,
  /** Share of first orders placed in a later visit (1–3 days on) instead of the same one. */
  laterVisit: 0.2,
  /** Share of page views that repeat an impression the old way (a card re-shown, 2–3 times in 10 s). */
  repeats: 0.3,
  /** How readily shoppers accept, as a multiple of the offers' acceptance rates (0: nobody accepts, the prompts change nothing). */
  take: 1,
  /** The average first order without the prompts, when they change nothing (else it follows from the effect). */
  order: 4000,
  seed: 1,
  start: Date.UTC(2026, 10, 1),
  days: 28,
  origin: 'https://wa.example.jp',
  prefix: 'sim',
};

/** What accepting an offer adds to an order, on average over the visitors it is shown to (quantity 1 or 2). */
const addedBy = (offer, rate, o) => offer.shownTo * rate * (1 - o.failed) * (1 - o.removed) * (offer.from ? (offer.to.price - offer.from.price) * 1.5 : offer.to.price);
const meanRate = (offer, o) => rate(offer, null, o);
/** An offer's acceptance rate for a copy variant (null: the mean over its variants), scaled by `take`. */
const rate = (offer, variant, o) => {
  const rates = variant === null ? Object.values(offer.accept) : [offer.accept[variant]];
  return Math.min(1, (o.take * rates.reduce((s, r) => s + r, 0)) / rates.length);
};

/**
 * The base order value (what a holdout buyer's first order averages) that makes the prompts' true
 * effect on revenue per visitor exactly `rpvLift`, given the conversion effect and what accepts add.
 */
function baseOrder(o) {
  const added = OFFERS.reduce((s, f) => s + addedBy(f, meanRate(f, o), o), 0);
  // RPV ratio = (1 + conversionLift) · (μ(1+q) + added) / (μ(1+q))  →  solve for μ.
  const ratio = (1 + o.rpvLift) / (1 + o.conversionLift) - 1;
  // Prompts nobody accepts and that change no one's mind: no effect at all, any order value will do.
  if (added === 0 && ratio === 0) return o.order;
  if (!(ratio > 0)) throw new Error('simulate: rpvLift must exceed conversionLift (the prompts add money to orders)');
  return added / ratio / (1 + o.secondOrder);
}

/**
 * The true values a perfect measurement of this traffic finds: conversion, revenue per visitor and
 * average order value of the holdout, of everyone shown prompts and of each copy variant of the
 * upgrade, and the true lifts.
 */
export function truth(options = {}) {
  const o = { ...DEFAULTS, ...options };
  const mu = baseOrder(o);
  const p0 = o.conversion;
  const p1 = o.conversion * (1 + o.conversionLift);
  const group = (p, added) => {
    const revenue = p * (mu * (1 + o.secondOrder) + added);
    return { conversion: p, rpv: revenue, aov: revenue / (p * (1 + o.secondOrder)) };
  };
  const [up, tea] = OFFERS;
  const teaAdded = addedBy(tea, meanRate(tea, o), o);
  const holdout = group(p0, 0);
  const shown = group(
    p1,
    OFFERS.reduce((s, f) => s + addedBy(f, meanRate(f, o), o), 0),
  );
  const variants = Object.fromEntries(Object.keys(up.accept).map((v) => [v, group(p1, addedBy(up, rate(up, v, o), o) + teaAdded)]));
  const lift = (a, b) => ({ conversion: a.conversion / b.conversion - 1, rpv: a.rpv / b.rpv - 1, aov: a.aov / b.aov - 1 });
  return { baseOrder: mu, holdout, shown, variants, lift: lift(shown, holdout), variantLift: lift(variants.value, variants.longevity) };
}

/** A log-normal amount with the given mean (Box–Muller). */
function logNormal(r, mean, sigma) {
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  return Math.max(1, Math.round(Math.exp(Math.log(mean) - (sigma * sigma) / 2 + sigma * z)));
}

/** The events of `visitors` synthetic visitors. */
export function simulate(options = {}) {
  return run({ ...DEFAULTS, ...options }, true).events;
}

/**
 * The same visitors as `simulate` (the same draws), without building their events: per visitor,
 * its group, copy variant, whether it met the tea offer, and its order totals. For measuring the
 * intervals over many large runs quickly.
 */
export function outcomes(options = {}) {
  return run({ ...DEFAULTS, ...options }, false).visitors;
}

function run(o, keep) {
  const r = rng(o.seed);
  const mu = baseOrder(o);
  // Without events, ids are not needed, but their draws are: both paths see the same visitors.
  const hex = keep
    ? () =>
        Math.floor(r() * 0x100000000)
          .toString(16)
          .padStart(8, '0')
    : () => (r(), '');
  const page = `${o.origin}/cart`;
  const events = [];
  const visitors = [];
  let n = 0;
  for (let i = 0; i < o.visitors; i++) {
    const visitorId = `${o.prefix}-${hex()}${hex()}`;
    let sessionId = `${o.prefix}-s-${hex()}`;
    const holdout = r() < o.holdout;
    const variant = r() < 0.5 ? 'value' : 'longevity';
    let time = o.start + Math.floor(r() * o.days * 86400_000);
    const qty = r() < 0.5 ? 1 : 2;
    const hasTeapot = r() < OFFERS[1].shownTo;
    const cart = new Map([['TN-0123', { sku: 'TN-0123', quantity: qty, price: 1320 }]]);
    if (hasTeapot) cart.set('KY-01', { sku: 'KY-01', quantity: 1, price: 5500 });
    const subtotal = () => [...cart.values()].reduce((s, it) => s + it.price * it.quantity, 0);
    let pageViewId = '';
    const emit = (type, offer, value, items, v, extra) => {
      time += 2000 + Math.floor(r() * 20000);
      if (!keep) return void r();
      const id = `${o.prefix}-e-${hex()}${(n++).toString(36)}`;
      events.push({
        id,
        type,
        offerId: offer.id,
        offerType: offer.type,
        time: new Date(time).toISOString(),
        currency: 'JPY',
        cartSubtotal: subtotal(),
        value,
        visitorId,
        sessionId,
        variant: v,
        holdout,
        items,
        page,
        pageViewId,
        version: 'simulator',
        ...extra,
      });
    };
    /** Shows an offer (once per page view, sometimes repeated the old way) and returns what was added. */
    const meet = (offer, v, rate) => {
      const items = [{ sku: offer.to.sku, quantity: offer.from ? qty : 1, price: offer.to.price }];
      const value = offer.from ? (offer.to.price - offer.from.price) * qty : offer.to.price;
      const views = 1 + Math.floor(r() * 2);
      for (let k = 0; k < views; k++) {
        // A page view of its own; ids are made from the events' counter, so no draw changes.
        pageViewId = `${o.prefix}-pv-${n.toString(36)}`;
        emit('impression', offer, value, items, v);
        if (r() < o.repeats) for (let d = 1 + Math.floor(r() * 2); d > 0; d--) emit('impression', offer, value, items, v);
      }
      if (holdout) return 0;
      if (r() >= rate) {
        emit(r() < 0.7 ? 'decline' : 'dismiss', offer, value, items, v);
        return 0;
      }
      emit('accept', offer, value, items, v);
      if (r() < o.failed) {
        emit('accept-failed', offer, value, items, v, { reason: '在庫切れ' });
        return 0;
      }
      if (offer.from) cart.delete(offer.from.sku);
      cart.set(offer.to.sku, { ...items[0] });
      if (r() < o.removed) {
        cart.delete(offer.to.sku);
        if (offer.from) cart.set(offer.from.sku, { ...offer.from, quantity: qty });
        return 0;
      }
      return value;
    };
    const [up, tea] = OFFERS;
    let added = meet(up, variant, rate(up, variant, o));
    if (hasTeapot) added += meet(tea, null, rate(tea, 'null', o));

    const converts = r() < o.conversion * (holdout ? 1 : 1 + o.conversionLift);
    const visitor = { visitorId, holdout, variant, teapot: hasTeapot, orders: [] };
    visitors.push(visitor);
    if (!converts) continue;
    const order = (extra, items) => {
      const total = logNormal(r, mu, o.spread) + extra;
      // What was bought besides the prompts' items: the shop's other goods make up the rest.
      const known = items.reduce((s, it) => s + it.price * it.quantity, 0);
      const lines = known < total ? [...items, { sku: 'OTHER', quantity: 1, price: total - known }] : items;
      const orderId = `${o.prefix}-${hex()}`;
      visitor.orders.push(total);
      if (keep)
        events.push({
          id: `order-${orderId}`,
          type: 'order',
          orderId,
          total,
          time: new Date(time).toISOString(),
          currency: 'JPY',
          visitorId,
          sessionId,
          variant: null,
          holdout,
          items: lines.map((it) => ({ sku: it.sku, quantity: it.quantity, price: it.price })),
          page: `${o.origin}/thanks`,
          version: 'simulator',
        });
    };
    if (r() < o.laterVisit) {
      sessionId = `${o.prefix}-s-${hex()}`;
      time += 86400_000 * (1 + Math.floor(r() * 3));
    } else time += 60_000 + Math.floor(r() * 600_000);
    order(added, [...cart.values()]);
    if (r() < o.secondOrder) {
      sessionId = `${o.prefix}-s-${hex()}`;
      time += 86400_000 * (7 + Math.floor(r() * 14));
      order(0, [{ sku: 'TN-0456', quantity: 1, price: 1320 }]);
    }
  }
  return { events, visitors };
}
