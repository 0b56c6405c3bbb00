/**
 * The build-time constants and their values for the generic build. Imports nothing, so Vite's
 * and Vitest's configs can use it; what one config uses is worked out in ./features.ts.
 */
import type { OfferType } from '../config/types';
import type { PlatformId } from '../platforms/ids';

export interface Features {
  /** Built for one config (inlined, checked at build time): no validator, no config loading. */
  tailored: boolean;
  /** The prompts' language; '' keeps both (chosen at run time). */
  locale: 'ja' | 'en' | '';
  /** How the cart is read: one platform's layouts, every platform's ('auto'), only the merchant's selectors; '' = decided at run time. */
  cart: PlatformId | 'auto' | 'selectors' | '';
  /** What "yes" talks to: one platform, 'none' (links only), 'auto' (detected); '' = decided at run time. */
  actions: PlatformId | 'none' | 'auto' | '';
  offers: Record<OfferType, boolean>;
  downsell: boolean;
  freeShipping: boolean;
  triggers: Record<'checkout' | 'exit-intent', boolean>;
}

/** The generic build: everything in, every choice made at run time. */
export const GENERIC: Features = {
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
export function definesOf(f: Features): Record<string, string> {
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
