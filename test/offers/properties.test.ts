import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decide, dayKey } from '../../src/offers/decide';
import { bandDistance } from '../../src/offers/cross-sell';
import { recordImpression, recordOutcome } from '../../src/offers/state';
import type { Config, Offer, Product, Trigger } from '../../src/config/types';
import type { Decision, DecideInput, Prompt, VisitorState } from '../../src/offers/types';
import type { Cart, CartItem } from '../../src/types';
import { NOW } from './fixtures';

const POOL = Array.from({ length: 16 }, (_, i) => `P${i}`);
const sku = fc.constantFrom(...POOL);
const skus = fc.uniqueArray(sku, { minLength: 1, maxLength: 5 });
const triggers: Trigger[] = ['cart-view', 'cart-change', 'checkout', 'exit-intent'];

const productsArb: fc.Arbitrary<Product[]> = fc
  .tuple(...POOL.map(() => fc.integer({ min: 0, max: 40000 })))
  .map((prices) => POOL.map((s, i) => ({ sku: s, name: `品${s}`, price: prices[i], id: `id-${s}` })));

/** Cart lines name a product by SKU, by platform id only, or by exact name only, like real pages. */
const cartArb = (products: Product[]): fc.Arbitrary<Cart> =>
  fc
    .uniqueArray(fc.record({ s: sku, q: fc.integer({ min: 1, max: 6 }), how: fc.constantFrom('sku', 'id', 'name'), price: fc.option(fc.integer({ min: 0, max: 40000 })) }), {
      selector: (r) => r.s,
      maxLength: 8,
    })
    .map((lines) => {
      const items: CartItem[] = lines.map(({ s, q, how, price }) => {
        const p = products.find((x) => x.sku === s)!;
        const unit = price ?? p.price;
        return { sku: how === 'sku' ? s : null, id: how === 'id' ? `id-${s}` : null, name: how === 'name' ? p.name : `line ${s}`, unitPrice: unit, quantity: q, lineTotal: unit * q };
      });
      return { currency: 'JPY', items, subtotal: items.reduce((a, l) => a + l.lineTotal, 0) };
    });

const common = {
  priority: fc.option(fc.integer({ min: -3, max: 3 }), { nil: undefined }),
  triggers: fc.option(fc.uniqueArray(fc.constantFrom(...triggers), { minLength: 1 }), { nil: undefined }),
  discountCode: fc.option(fc.constant('CODE'), { nil: undefined }),
  appliedBy: fc.option(fc.constantFrom('platform' as const, 'code' as const), { nil: undefined }),
};
/** Offers whose references lean toward what is in the cart, so every type really gets decided. */
function offersArb(cart: Cart): fc.Arbitrary<Offer[]> {
  // The product's SKU, or the line's own id or exact name (references may name either).
  const held = cart.items.flatMap((l) => [l.sku ?? (l.id ? l.id.slice(3) : l.name.replace('品', '')), l.id ?? l.name]);
  const ref = held.length ? fc.oneof(fc.constantFrom(...held), sku) : sku;
  const refs = fc.uniqueArray(ref, { minLength: 1, maxLength: 5 });
  const offer = fc.oneof(
    fc.record({ type: fc.constant('upsell' as const), from: ref, to: sku, downsell: fc.option(sku, { nil: undefined }), ...common }),
    fc.record({ type: fc.constant('cross-sell' as const), for: refs, items: skus, max: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }), ...common }),
    fc.record({ type: fc.constant('bundle' as const), items: refs, price: fc.integer({ min: 0, max: 60000 }), ...common }),
    fc.record({
      type: fc.constant('volume' as const),
      items: fc.option(refs, { nil: undefined }),
      tiers: fc.array(fc.record({ quantity: fc.integer({ min: 2, max: 10 }), percentOff: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 3 }),
      ...common,
    }),
  );
  return fc.array(offer, { maxLength: 12 }).map((os) => os.map((o, i) => ({ ...o, id: `o${i}` }) as Offer));
}

const capsArb = fc.record({
  modalsPerSession: fc.integer({ min: 0, max: 3 }),
  impressionsPerOfferPerDay: fc.integer({ min: 0, max: 4 }),
  snoozeDays: fc.integer({ min: 0, max: 10 }),
});

const stateArb = (offerCount: number): fc.Arbitrary<VisitorState> => {
  const oid = fc.integer({ min: 0, max: Math.max(0, offerCount - 1) }).map((i) => `o${i}`);
  return fc.record({
    visitorId: fc.string({ minLength: 1, maxLength: 12 }),
    sessionId: fc.constant('s'),
    firstSeen: fc.constant(0),
    returning: fc.boolean(),
    snoozed: fc.dictionary(oid, fc.integer({ min: NOW - 1e9, max: NOW + 1e9 })),
    impressions: fc.dictionary(oid, fc.tuple(fc.constantFrom(dayKey(NOW), '2000-01-01'), fc.integer({ min: 1, max: 5 }))),
    session: fc.record({
      modalsShown: fc.constantFrom(0, 0, 1, 3),
      declined: fc.uniqueArray(oid),
      downsellShown: fc.uniqueArray(oid),
      done: fc.constantFrom(false, false, false, true),
    }),
  });
};

const scenario = productsArb.chain((products) =>
  fc
    .record({
      products: fc.constant(products),
      cart: cartArb(products),
      caps: capsArb,
      trigger: fc.constantFrom(...triggers),
      holdout: fc.constantFrom(0, 0, 0, 0.5),
      threshold: fc.integer({ min: 0, max: 60000 }),
    })
    .chain((b) => offersArb(b.cart).map((offers) => ({ ...b, offers })))
    .chain((s) => fc.record({ s: fc.constant(s), state: stateArb(s.offers.length) })),
);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function toInput({ s, state }: Scenario): DecideInput {
  const config: Config = { products: s.products, offers: s.offers, caps: s.caps, holdout: s.holdout, freeShipping: { threshold: s.threshold } };
  return { cart: s.cart, config, state, trigger: s.trigger, now: NOW, page: { path: '/cart', mobile: false } };
}

const prompts = (d: Decision): Prompt[] => [d.modal, ...d.panels, d.volume].filter((p): p is Prompt => !!p);

/** Is the product with this SKU in the cart, by any of the keys a page may show? */
const held = (cart: Cart, products: Product[], s: string) => {
  const p = products.find((x) => x.sku === s);
  return cart.items.some((l) => l.sku === s || (p && (l.id === p.id || l.name === p.name)));
};

const RUNS = { numRuns: 400 };

describe('offer engine invariants', () => {
  it('never offers an item that is already in the cart', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const input = toInput(sc);
        const d = decide(input);
        const inCart = (s: string) => held(input.cart, sc.s.products, s);
        if (d.modal) expect(inCart(d.modal.to.sku)).toBe(false);
        for (const p of d.panels) for (const it of p.kind === 'cross-sell' ? p.items : p.missing) expect(inCart(it.sku)).toBe(false);
        for (const g of d.bar?.gapFillers ?? []) expect(inCart(g.sku)).toBe(false);
      }),
      RUNS,
    );
  });

  it('amounts are whole, non-negative, and the bar is consistent', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const d = decide(toInput(sc));
        for (const p of prompts(d)) {
          expect(Number.isInteger(p.value) && p.value >= 0).toBe(true);
          if (p.kind === 'upsell' || p.kind === 'downsell') expect(p.difference).toBeGreaterThan(0);
          if (p.kind === 'bundle') expect(p.saving).toBeGreaterThan(0);
        }
        if (d.bar) {
          expect(d.bar.remaining).toBe(Math.max(0, d.bar.threshold - d.bar.subtotal));
          expect(d.bar.progress).toBeGreaterThanOrEqual(0);
          expect(d.bar.progress).toBeLessThanOrEqual(1);
          const prices = d.bar.gapFillers.map((g) => g.price);
          expect(prices).toEqual([...prices].sort((a, b) => a - b));
          for (const p of prices) expect(p).toBeGreaterThanOrEqual(d.bar.remaining);
        }
      }),
      RUNS,
    );
  });

  it('respects caps, snoozes and honesty in a single decision', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const input = toInput(sc);
        const d = decide(input);
        if (d.holdout) expect(prompts(d)).toEqual([]);
        if (input.state.session.done) expect(prompts(d)).toEqual([]);
        for (const p of prompts(d)) {
          if (p.kind === 'downsell') {
            expect(input.state.session.declined).toContain(p.offerId);
            expect(input.state.session.downsellShown).not.toContain(p.offerId);
            continue;
          }
          expect((input.state.snoozed[p.offerId] ?? 0) <= NOW).toBe(true);
          const seen = input.state.impressions[p.offerId];
          expect(seen && seen[0] === dayKey(NOW) ? seen[1] : 0).toBeLessThan(sc.s.caps.impressionsPerOfferPerDay);
          const offer = sc.s.offers.find((o) => o.id === p.offerId)!;
          if (p.kind === 'bundle' || p.kind === 'volume') expect(offer.appliedBy === 'platform' || !!offer.discountCode).toBe(true);
        }
        if (d.modal?.kind === 'upsell') expect(input.state.session.modalsShown).toBeLessThan(sc.s.caps.modalsPerSession);
      }),
      RUNS,
    );
  });

  it('ranks cross-sell items by closeness to 10–20 % of the triggering item, none better left out', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const d = decide(toInput(sc));
        for (const p of d.panels) {
          if (p.kind !== 'cross-sell') continue;
          const dist = p.items.map((i) => bandDistance(i.price, p.anchor.unitPrice));
          expect(dist).toEqual([...dist].sort((a, b) => a - b));
          const offer = sc.s.offers.find((o) => o.id === p.offerId) as Extract<Offer, { type: 'cross-sell' }>;
          const worst = dist[dist.length - 1];
          const shown = new Set(p.items.map((i) => i.sku));
          for (const s of offer.items) {
            const prod = sc.s.products.find((x) => x.sku === s)!;
            if (shown.has(s) || prod.price <= 0 || held(sc.s.cart, sc.s.products, s)) continue;
            expect(bandDistance(prod.price, p.anchor.unitPrice)).toBeGreaterThanOrEqual(worst);
          }
        }
      }),
      RUNS,
    );
  });

  it('same input → same decision', () => {
    fc.assert(
      fc.property(scenario, (sc) => {
        const input = toInput(sc);
        expect(decide(structuredClone(input))).toEqual(decide(input));
      }),
      { numRuns: 200 },
    );
  });

  it('over a whole visit, never more modals than the cap nor more impressions per offer per day', () => {
    const steps = fc.array(fc.record({ trigger: fc.constantFrom(...triggers), answer: fc.constantFrom('accept', 'decline', 'dismiss', 'ignore') }), { maxLength: 15 });
    fc.assert(
      fc.property(scenario, steps, (sc, seq) => {
        const base = toInput(sc);
        let state: VisitorState = { ...base.state, impressions: {}, snoozed: {}, session: { modalsShown: 0, declined: [], downsellShown: [], done: false } };
        let modals = 0;
        let downsells = 0;
        const perOffer = new Map<string, number>();
        seq.forEach((step, i) => {
          const now = NOW + i * 1000;
          const d = decide({ ...base, state, trigger: step.trigger, now });
          for (const p of prompts(d)) {
            if (p.kind === 'upsell') modals++;
            if (p.kind === 'downsell') downsells++;
            else perOffer.set(p.offerId, (perOffer.get(p.offerId) ?? 0) + 1);
            state = recordImpression(state, p, now);
            if (step.answer !== 'ignore') state = recordOutcome(state, p, step.answer as 'accept', now, sc.s.caps);
          }
        });
        expect(modals).toBeLessThanOrEqual(sc.s.caps.modalsPerSession);
        expect(downsells).toBeLessThanOrEqual(1);
        for (const n of perOffer.values()) expect(n).toBeLessThanOrEqual(sc.s.caps.impressionsPerOfferPerDay);
      }),
      { numRuns: 300 },
    );
  });
});
