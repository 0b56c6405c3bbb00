// The adapters for bundlers (the module build: one chunk per platform, imported on first need),
// the tests, and a shop's tailored build (its one platform, inlined in its prompt file).
import type { LoadAdapter } from './adapters';
import type { Adapter } from './common';
import type { PlatformId } from '../platforms/ids';

// Selected like the platform registry (src/platforms/registry.ts): a tailored build keeps only its
// shop's adapter. With hand-written selectors and no `actions.platform`, a tailored build has no
// platform to detect (see the registry), so it needs no adapter.
const any = __ACTIONS__ === '' || (__ACTIONS__ === 'auto' && __CART__ !== 'selectors');
const LOAD: Partial<Record<PlatformId, () => Promise<Adapter>>> = {
  ...(any || __ACTIONS__ === 'shopify' ? { shopify: () => import('./shopify').then((m) => m.shopify) } : {}),
  ...(any || __ACTIONS__ === 'woocommerce' ? { woocommerce: () => import('./woocommerce').then((m) => m.woocommerce) } : {}),
  ...(any || __ACTIONS__ === 'eccube' ? { eccube: () => import('./eccube').then((m) => m.eccube) } : {}),
  ...(any || __ACTIONS__ === 'magento' ? { magento: () => import('./magento').then((m) => m.magento) } : {}),
};

export const loadAdapter: LoadAdapter = async (platform) => LOAD[platform]?.();
