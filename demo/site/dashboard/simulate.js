// The traffic simulator: synthetic shoppers on the sample shops, as events the widget would send,
// so the dashboard has something to show on first open. Pure and seeded: the same options give
// the same events.
import { catalog, findProduct } from '../shared/catalog.js';

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

const SHOPS = ['wa', 'eccube', 'dawn'];
const id = (r) => Array.from({ length: 4 }, () => Math.floor(r() * 0x10000).toString(16).padStart(4, '0')).join('');

/**
 * @param {{ shoppers?: number, rates?: Record<string, number>, downsellRate?: number, crossRate?: number,
 *   bundleRate?: number, holdout?: number, seed?: number, now?: number, origin?: string, prefix?: string }} opts
 *   `rates`: acceptance rate of the 手ぬぐい upgrade per copy variant (value, longevity).
 */
export function simulate(opts = {}) {
  const {
    shoppers = 300,
    rates = { value: 0.3, longevity: 0.2 },
    downsellRate = 0.3,
    crossRate = 0.15,
    bundleRate = 0.1,
    holdout = 0.1,
    seed = 1,
    now = Date.now(),
    origin = 'http://localhost',
    prefix = 'sim',
  } = opts;
  const r = rng(seed);
  const variants = Object.keys(rates);
  const events = [];
  for (let i = 0; i < shoppers; i++) {
    const shop = SHOPS[Math.floor(r() * SHOPS.length)];
    const visitorId = `${prefix}-${id(r)}`;
    const sessionId = `${prefix}-s-${id(r)}`;
    const inHoldout = r() < holdout;
    const variant = variants[Math.floor(r() * variants.length)] ?? null;
    let time = now - Math.floor(r() * 7 * 86400_000);
    // A cart: one or two 手ぬぐい, sometimes a teapot, sometimes something small.
    const cart = new Map([['TN-0123', 1 + Math.floor(r() * 2)]]);
    if (r() < 0.4) cart.set('KY-01', 1);
    if (r() < 0.3) cart.set(catalog.filter((p) => p.price < 1500 && !p.upgradeOf)[Math.floor(r() * 4)].sku, 1);
    const subtotal = () => [...cart].reduce((s, [sku, q]) => s + findProduct(sku).price * q, 0);
    const emit = (type, offerId, offerType, value, items, v = null) => {
      time += 5000 + Math.floor(r() * 60000);
      events.push({
        id: `${prefix}-e-${id(r)}`, type, offerId, offerType, time: new Date(time).toISOString(), currency: 'JPY',
        cartSubtotal: subtotal(), value, visitorId, sessionId, variant: v, holdout: inHoldout, items,
        page: `${origin}/demo/site/shops/${shop}/cart.html`, version: 'simulator',
      });
    };
    const upgrade = (to, qty) => {
      cart.delete('TN-0123');
      cart.set(to, qty);
    };

    const qty = cart.get('TN-0123');
    const upValue = (findProduct('TN-0123-DX').price - findProduct('TN-0123').price) * qty;
    emit('impression', 'up-tenugui', 'upsell', upValue, [{ sku: 'TN-0123-DX', quantity: qty, price: 2420 }], variant);
    if (!inHoldout) {
      if (r() < (rates[variant] ?? 0)) {
        emit('accept', 'up-tenugui', 'upsell', upValue, [{ sku: 'TN-0123-DX', quantity: qty, price: 2420 }], variant);
        upgrade('TN-0123-DX', qty);
      } else {
        emit('decline', 'up-tenugui', 'upsell', upValue, [{ sku: 'TN-0123-DX', quantity: qty, price: 2420 }], variant);
        const downValue = (findProduct('TN-0123-PLUS').price - findProduct('TN-0123').price) * qty;
        emit('impression', 'up-tenugui', 'downsell', downValue, [{ sku: 'TN-0123-PLUS', quantity: qty, price: 1760 }], variant);
        if (r() < downsellRate) {
          emit('accept', 'up-tenugui', 'downsell', downValue, [{ sku: 'TN-0123-PLUS', quantity: qty, price: 1760 }], variant);
          upgrade('TN-0123-PLUS', qty);
        } else emit('decline', 'up-tenugui', 'downsell', downValue, [{ sku: 'TN-0123-PLUS', quantity: qty, price: 1760 }], variant);
      }
    }
    if (cart.has('KY-01')) {
      const tea = { sku: 'CH-01', quantity: 1, price: 1080 };
      emit('impression', 'x-tea', 'cross-sell', 1080, [tea]);
      if (!inHoldout && r() < crossRate) {
        emit('accept', 'x-tea', 'cross-sell', 1080, [tea]);
        cart.set('CH-01', (cart.get('CH-01') ?? 0) + 1);
      }
      if (!cart.has('YU-02')) {
        const value = 6900 - 5500;
        emit('impression', 'set-tea', 'bundle', value, [{ sku: 'YU-02', quantity: 1, price: 2200 }]);
        if (!inHoldout && r() < bundleRate) {
          emit('accept', 'set-tea', 'bundle', value, [{ sku: 'YU-02', quantity: 1, price: 2200 }]);
          cart.set('YU-02', 1);
        }
      }
    }
    // The last look at the cart before checkout: the order as it will be placed.
    emit('impression', 'vol-tenugui', 'volume', 0, []);
  }
  return events;
}
