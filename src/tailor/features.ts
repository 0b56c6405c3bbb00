/**
 * What a config uses, as build-time constants: a tailored build (`cart-upsell build`) replaces
 * each `__NAME__` in the source with the value for one shop, and the bundler drops the code
 * behind every constant that is false. The generic script-tag build keeps everything.
 * Pure: no DOM, no Node (lib/build.mjs loads it through Vite).
 */
import type { Config, Trigger } from '../config/types';
import { DEFAULT_TRIGGERS } from '../offers/decide';
import type { Features } from './defines.mjs';

export type { Features };

import { isPlatformId as isPlatform } from '../platforms/ids';

/** What one (already checked) config uses. */
export function featuresOf(config: Config): Features {
  const offers = Array.isArray(config.offers) ? config.offers : [];
  const types = { upsell: false, 'cross-sell': false, bundle: false, volume: false };
  const triggers = new Set<Trigger>();
  for (const o of offers) {
    if (!o || !Object.prototype.hasOwnProperty.call(types, o.type)) continue;
    types[o.type] = true;
    for (const t of Array.isArray(o.triggers) && o.triggers.length ? o.triggers : DEFAULT_TRIGGERS[o.type]) triggers.add(t);
  }
  const cartCfg = config.cart ?? {};
  // A preset is tried first and the selectors are its fallback (see cart/read.ts plan()).
  const preset = cartCfg.preset ?? (cartCfg.selectors ? undefined : 'auto');
  const cart: Features['cart'] = preset === 'auto' || isPlatform(preset) ? preset : 'selectors';
  const chosen = config.actions?.platform ?? (isPlatform(preset) ? preset : undefined);
  const actions: Features['actions'] = chosen === 'none' || isPlatform(chosen) ? chosen : 'auto';
  return {
    tailored: true,
    locale: config.locale === 'en' ? 'en' : 'ja',
    cart,
    actions,
    offers: types,
    downsell: offers.some((o) => o?.type === 'upsell' && typeof o.downsell === 'string'),
    freeShipping: config.freeShipping != null,
    triggers: { checkout: triggers.has('checkout'), 'exit-intent': triggers.has('exit-intent') },
  };
}
