// Which platforms carry out a "yes" through their own cart API, and where each one's code is. The
// loaders (load.module.ts, load.script.ts) fetch only the adapter of the platform a page is on.
import type { Adapter } from './common';
import type { PlatformId } from '../platforms/ids';
import type { PLATFORM_FILES } from '../platforms';

/** The platforms whose file says `actions: "cart-api"`: each needs an adapter. */
export type CartApiPlatform = { [K in PlatformId]: PLATFORM_FILES[K]['actions'] extends 'cart-api' ? K : never }[PlatformId];

/**
 * Every platform with a cart API, each with its adapter file's name: the compiler names any
 * platform that is missing (the loaders and scripts/build-actions.mjs follow this list).
 */
export const ADAPTER_FILES = {
  shopify: 'shopify',
  woocommerce: 'woocommerce',
  eccube: 'eccube',
  magento: 'magento',
} as const satisfies Record<CartApiPlatform, string>;

/** Resolves to the platform's adapter, or to nothing when this build or page has none for it. */
export type LoadAdapter = (platform: PlatformId) => Promise<Adapter | undefined>;
