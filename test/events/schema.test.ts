import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { validateEvent } from '../../src/events/schema';
import { createTracker } from '../../src/events/tracker';
import { safeStorage } from '../../src/util/storage';

const good = {
  id: 'e1',
  type: 'accept',
  offerId: 'up-1',
  offerType: 'upsell',
  time: '2026-11-22T10:00:00.000Z',
  currency: 'JPY',
  cartSubtotal: 7112,
  value: 2200,
  visitorId: 'v1',
  sessionId: 's1',
  variant: 'B',
  holdout: false,
  items: [{ sku: 'TN-0123-DX', quantity: 2, price: 2420 }],
  page: 'https://shop.example.jp/cart',
  version: '0.1.0',
};

describe('validateEvent', () => {
  it('accepts a well-formed event', () => {
    expect(validateEvent(good)).toBeNull();
    expect(validateEvent({ ...good, variant: null, type: 'accept-failed', reason: 'sold out' })).toBeNull();
    // A page-view id is sent by current widgets; events of older ones, without it, stay valid.
    expect(validateEvent({ ...good, pageViewId: '5f0c2a9e-8a1b-4c3d-9e2f-0a1b2c3d4e5f' })).toBeNull();
    expect('pageViewId' in good).toBe(false);
  });

  it.each([
    [null, 'event:'],
    [[good], 'event:'],
    [{ ...good, id: '' }, 'id:'],
    [{ ...good, type: 'click' }, 'type:'],
    [{ ...good, offerType: 'popup' }, 'offerType:'],
    [{ ...good, time: 'yesterday' }, 'time:'],
    [{ ...good, currency: 'yen' }, 'currency:'],
    [{ ...good, cartSubtotal: 71.12 }, 'cartSubtotal:'],
    [{ ...good, value: -1 }, 'value:'],
    [{ ...good, visitorId: 5 }, 'visitorId:'],
    [{ ...good, variant: 2 }, 'variant:'],
    [{ ...good, holdout: 'no' }, 'holdout:'],
    [{ ...good, items: {} }, 'items:'],
    [{ ...good, items: [{ sku: 'A', quantity: 0, price: 1 }] }, 'items[0].quantity:'],
    [{ ...good, items: [{ sku: 'A', quantity: 1, price: '1' }] }, 'items[0].price:'],
    [{ ...good, page: 'https://shop.example.jp/cart?email=a@b.jp' }, 'page:'],
    [{ ...good, version: undefined }, 'version:'],
    [{ ...good, reason: {} }, 'reason:'],
    [{ ...good, pageViewId: 7 }, 'pageViewId:'],
    [{ ...good, pageViewId: '' }, 'pageViewId:'],
    [{ ...good, pageViewId: 'x'.repeat(201) }, 'pageViewId:'],
  ])('names the field that is wrong: %#', (e, field) => {
    expect(validateEvent(e)).toMatch(new RegExp('^' + field.replace(/[[\]]/g, '\\$&')));
  });

  it('every event the widget builds passes, whatever amounts the page handed over', () => {
    const t = createTracker({ config: {}, visitorId: 'v', sessionId: 's', holdout: true, storage: safeStorage('local') });
    fc.assert(
      fc.property(
        fc.constantFrom('impression', 'accept', 'decline', 'dismiss', 'accept-failed' as const),
        fc.double({ noNaN: false }),
        fc.double(),
        fc.array(fc.record({ sku: fc.string(), name: fc.string(), price: fc.double() }), { maxLength: 4 }),
        (type, subtotal, value, items) => {
          const { event } = t.track(type, { offerId: 'fs', offerType: 'free-shipping', value, currency: 'JPY', items }, { currency: 'JPY', items: [], subtotal });
          expect(validateEvent(JSON.parse(JSON.stringify(event)))).toBeNull();
        },
      ),
      // Found by this property once: an infinite amount stayed infinite.
      {
        examples: [
          ['impression', 0, Number.POSITIVE_INFINITY, []],
          ['accept', Number.NEGATIVE_INFINITY, 1e300, [{ sku: 'x', name: 'x', price: Number.POSITIVE_INFINITY }]],
        ],
      },
    );
    t.destroy();
  });
});
