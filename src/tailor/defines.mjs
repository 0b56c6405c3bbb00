// The build-time constants: a tailored build (`cart-upsell build`) replaces each `__NAME__` in
// the source with the value for one shop, and the bundler drops the code behind every constant
// that is false. Plain JavaScript that imports nothing, so Vite's and Vitest's configs and
// lib/build.mjs load it as it is; types in ./defines.d.mts; what one config uses: ./features.ts.

/** @typedef {import('./defines.mjs').Features} Features */

/** The generic build: everything in, every choice made at run time. */
export const GENERIC = {
  tailored: false,
  locale: '',
  cart: '',
  actions: '',
  offers: { upsell: true, 'cross-sell': true, bundle: true, volume: true },
  downsell: true,
  freeShipping: true,
  triggers: { checkout: true, 'exit-intent': true },
};

/** The constants as Vite's `define` wants them (JavaScript expressions). */
export function definesOf(f) {
  const j = JSON.stringify;
  return {
    __TAILORED__: j(f.tailored),
    __LOCALE__: j(f.locale),
    __CART__: j(f.cart),
    __ACTIONS__: j(f.actions),
    __UPSELL__: j(f.offers.upsell),
    __DOWNSELL__: j(f.downsell),
    __CROSS_SELL__: j(f.offers['cross-sell']),
    __BUNDLE__: j(f.offers.bundle),
    __VOLUME__: j(f.offers.volume),
    __FREE_SHIPPING__: j(f.freeShipping),
    __CHECKOUT__: j(f.triggers.checkout),
    __EXIT_INTENT__: j(f.triggers['exit-intent']),
  };
}
