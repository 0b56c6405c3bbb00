/**
 * The build-time constants (./defines.mjs is plain JavaScript, so Vite's and Vitest's configs load
 * it as it is): their values for the generic build, and the `define` map for any build.
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
export const GENERIC: Features;

/** The constants as Vite's `define` wants them (JavaScript expressions). */
export function definesOf(f: Features): Record<string, string>;
