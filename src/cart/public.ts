import type { Cart } from '../types';
import type { CartConfig } from '../config/types';
import { readCart as read } from './read';
import { guard } from '../util/log';

/** Reads the cart on the current page. Synchronous; usable before or without `start`. Never throws. */
export const readCart: (cfg?: CartConfig) => Cart = (cfg) => guard('readCart', read)(cfg) ?? { currency: cfg?.currency ?? 'JPY', items: [], subtotal: 0 };
