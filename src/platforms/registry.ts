// The platform registry: every platform's file, keyed by its id, in the order "auto" tries them.
//
// How a build selects a subset: everything outside this folder reaches the platforms only through
// `PLATFORMS` (and ./ids.ts for the list of names), never through a platform file, and the files
// have no side effects. A tailored build (`cart-upsell build`) sets `__CART__` / `__ACTIONS__` to
// the shop's platform: each entry below then folds to `{}` or to itself, and the platforms the
// shop does not use (their layouts, detection, request patterns) are not in its bundle. Another
// bundler setup can instead alias this module to a generated one:
//
//   import { eccube } from './eccube';
//   export const PLATFORMS = { eccube };
import type { PlatformId } from './ids';
import type { Platform } from './types';
import { shopify } from './shopify';
import { woocommerce } from './woocommerce';
import { eccube } from './eccube';
import { colorme } from './colorme';
import { makeshop } from './makeshop';
import { futureshop } from './futureshop';
import { magento } from './magento';

/** Every platform: a missing or mistyped one is a compile error here. */
const ALL = { shopify, woocommerce, eccube, colorme, makeshop, futureshop, magento } satisfies Record<PlatformId, Platform>;

/** The platform files' exact types, for compile-time checks elsewhere (every cart API has an adapter). */
export type PLATFORM_FILES = typeof ALL;

/** The registry's type as everything else sees it: any subset of the platforms. */
export type PlatformRegistry = Readonly<Partial<Record<PlatformId, Platform>>>;

// One line per platform: in the generic build ('' = chosen at run time) and "auto", all of them;
// in a tailored build, the shop's cart preset and the platform its "yes" talks to. A tailored
// build for a theme read by its own selectors knows its platform only from `actions.platform`.
const all = __CART__ === '' || __CART__ === 'auto';

/** The platforms of this build. */
export const PLATFORMS: PlatformRegistry = {
  ...(all || __CART__ === 'shopify' || __ACTIONS__ === 'shopify' ? { shopify } : {}),
  ...(all || __CART__ === 'woocommerce' || __ACTIONS__ === 'woocommerce' ? { woocommerce } : {}),
  ...(all || __CART__ === 'eccube' || __ACTIONS__ === 'eccube' ? { eccube } : {}),
  ...(all || __CART__ === 'colorme' || __ACTIONS__ === 'colorme' ? { colorme } : {}),
  ...(all || __CART__ === 'makeshop' || __ACTIONS__ === 'makeshop' ? { makeshop } : {}),
  ...(all || __CART__ === 'futureshop' || __ACTIONS__ === 'futureshop' ? { futureshop } : {}),
  ...(all || __CART__ === 'magento' || __ACTIONS__ === 'magento' ? { magento } : {}),
};
