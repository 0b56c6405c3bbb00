import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTracker } from '../../src/events/tracker';
import { safeStorage } from '../../src/util/storage';

// GA4 reads `value` and `price` in the currency's main unit: $12.50 is 12.5, ￥1,100 is 1100.
type Pushed = { event: string; ecommerce: { currency?: string; value?: number; items: { price: number }[] } };
const w = window as unknown as { dataLayer?: Pushed[] };

beforeEach(() => {
  vi.useFakeTimers();
  localStorage.clear();
  delete w.dataLayer;
});
afterEach(() => vi.useRealTimers());

function pushed(currency: string, price: number) {
  const t = createTracker({ config: { events: { dataLayer: true } }, visitorId: 'v', sessionId: 's', holdout: false, storage: safeStorage('local') });
  const p = { offerId: 'x', offerType: 'free-shipping' as const, value: price, currency, variant: null, items: [{ sku: 'A', name: 'A', price }] };
  t.track('accept', p, { currency, items: [], subtotal: 0 });
  t.destroy();
  return w.dataLayer!.find((e) => e.event === 'add_to_cart')!.ecommerce;
}

describe('GA4 dataLayer amounts', () => {
  it('USD cents become dollars', () => expect(pushed('USD', 1250)).toMatchObject({ currency: 'USD', value: 12.5, items: [{ price: 12.5 }] }));
  it('yen stay yen', () => expect(pushed('JPY', 1100)).toMatchObject({ value: 1100, items: [{ price: 1100 }] }));
  it('three-digit currencies divide by 1,000', () => expect(pushed('KWD', 12345)).toMatchObject({ value: 12.345 }));
});
