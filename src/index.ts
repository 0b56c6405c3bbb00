/**
 * The public API: `CartUpsell` in the script-tag build, the module's exports for bundlers.
 * Every function is safe to call from a shop's page: none throws.
 */
import type { Cart } from './types';
import type { CartConfig } from './config/types';
import { readCart as read } from './cart/read';
import { guard } from './util/log';

export type { Cart, CartItem } from './types';
export type * from './config/types';
export type * from './offers/types';
export { start, stop, refresh } from './runtime/start';
export { validateConfig } from './config/validate';
export { diagnose } from './cart/diagnose';
export { renderPreview as preview } from './ui/preview';

/** Reads the cart on the current page. Synchronous; usable before or without `start`. */
export const readCart: (cfg?: CartConfig) => Cart = (cfg) =>
  guard('readCart', read)(cfg) ?? { currency: cfg?.currency ?? 'JPY', items: [], subtotal: 0 };

export const version: string = __VERSION__;
