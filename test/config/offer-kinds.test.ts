// Offer types: one list at run time (src/offers/kinds.ts), checked by the compiler against the
// `Offer` union, and everything that must know every type is keyed by it. The `@ts-expect-error`
// lines are the compile-time half: `tsc` fails if any of them stops being an error.
import { describe, expect, it } from 'vitest';
import { OFFERED, OFFER_TYPES, offeredBy, unreachable } from '../../src/offers/kinds';
import type { Prompt } from '../../src/offers/types';
import { DEFAULT_TRIGGERS } from '../../src/offers/decide';
import { validateConfig } from '../../src/config/validate';
import { validateEvent } from '../../src/events/schema';
import type { Check } from '../../src/config/schema-kit';
import type { Offer, OfferType, Trigger } from '../../src/config/types';

describe('compile-time completeness', () => {
  it('a list, a schema map or a trigger table missing a type does not compile; nor does a switch', () => {
    const short = ['upsell', 'cross-sell', 'bundle'] as const;
    // @ts-expect-error — the check of src/offers/kinds.ts on a list without "volume"
    const list: [Exclude<OfferType, (typeof short)[number]>] extends [never] ? true : never = true;
    const check: Check = () => undefined;
    // @ts-expect-error — a schema per type
    const schemas = { upsell: check, 'cross-sell': check, bundle: check } satisfies Record<OfferType, Check>;
    // @ts-expect-error — default triggers per type
    const triggers: Record<OfferType, Trigger[]> = { upsell: [], 'cross-sell': [], bundle: [] };
    const describeOffer = (o: Offer) => {
      switch (o.type) {
        case 'upsell':
        case 'cross-sell':
        case 'bundle':
          return o.id;
        default:
          // @ts-expect-error — "volume" is not handled
          unreachable(o);
      }
    };
    // @ts-expect-error — what each kind of prompt offers (the cart actions' change, the events' items)
    const offered: typeof OFFERED = { upsell: OFFERED.upsell, downsell: OFFERED.downsell, 'cross-sell': OFFERED['cross-sell'], bundle: OFFERED.bundle };
    expect([list, schemas, triggers, describeOffer, offered]).toHaveLength(5);
  });
});

describe('what each kind of prompt offers', () => {
  const view = (sku: string, price: number) => ({ sku, name: sku, price });
  const base = { offerId: 'o', variant: null, value: 0, text: {}, proof: null } as unknown as Prompt;
  it('is what "yes" adds and what the events list: the upgrade and its quantity, the set\'s missing parts, nothing for a tier', () => {
    const up = { ...base, kind: 'upsell', to: view('B', 200), quantity: 2 } as Prompt;
    const set = { ...base, kind: 'bundle', missing: [view('C', 50), view('D', 60)] } as Prompt;
    const x = { ...base, kind: 'cross-sell', items: [view('E', 10), view('F', 20)] } as Prompt;
    expect(offeredBy(up)).toEqual([{ product: view('B', 200), quantity: 2 }]);
    expect(offeredBy(set).map((o) => o.product.sku)).toEqual(['C', 'D']);
    expect(offeredBy(x).map((o) => o.product.sku)).toEqual(['E', 'F']);
    expect(OFFERED['cross-sell'].one).toBe(true);
    expect(offeredBy({ ...base, kind: 'volume' } as Prompt)).toEqual([]);
  });
});

describe('the run-time list', () => {
  it('names the same types as the default triggers', () => {
    expect([...OFFER_TYPES].sort()).toEqual(Object.keys(DEFAULT_TRIGGERS).sort());
  });

  it('the config accepts each type and names them all on an unknown one', () => {
    const offers: Record<OfferType, unknown> = {
      upsell: { id: 'u', type: 'upsell', from: 'A', to: 'B' },
      'cross-sell': { id: 'x', type: 'cross-sell', for: ['A'], items: ['B'] },
      bundle: { id: 'b', type: 'bundle', items: ['A', 'B'], price: 100, appliedBy: 'platform' },
      volume: { id: 'v', type: 'volume', appliedBy: 'platform', tiers: [{ quantity: 2, percentOff: 10 }] },
    };
    const products = [
      { sku: 'A', name: 'A', price: 100 },
      { sku: 'B', name: 'B', price: 200 },
    ];
    for (const t of OFFER_TYPES) expect(validateConfig({ products, offers: [offers[t]] }).errors, t).toEqual([]);
    const bad = validateConfig({ offers: [{ id: 'z', type: 'giveaway' }] }).errors;
    expect(bad.map((e) => e.path)).toEqual(['offers[0].type']);
    for (const t of OFFER_TYPES) expect(bad[0].message).toContain(t);
  });

  it('events carry every offer type, a downsell and a gap filler as offerType', () => {
    const event = {
      id: 'e',
      type: 'impression',
      offerId: 'o',
      time: new Date(0).toISOString(),
      currency: 'JPY',
      cartSubtotal: 0,
      value: 0,
      visitorId: 'v',
      sessionId: 's',
      variant: null,
      holdout: false,
      items: [],
      page: 'https://s.example/cart',
      version: '0',
    };
    for (const offerType of [...OFFER_TYPES, 'downsell', 'free-shipping']) expect(validateEvent({ ...event, offerType }), offerType).toBeNull();
    expect(validateEvent({ ...event, offerType: 'giveaway' })).toMatch(/^offerType: expected one of upsell, cross-sell, bundle, volume, downsell, free-shipping/);
  });
});
