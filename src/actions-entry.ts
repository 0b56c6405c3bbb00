// One platform's cart actions as a file of the script-tag build (cart-upsell-actions-<platform>.js,
// see src/actions/load.script.ts): registers its adapter for the prompt file to pick up.
// scripts/build-actions.mjs builds it once per platform, with __ADAPTER__ set to the platform.
import { shopify } from './actions/shopify';
import { woocommerce } from './actions/woocommerce';
import { eccube } from './actions/eccube';
import { magento } from './actions/magento';

const adapter = __ADAPTER__ === 'shopify' ? shopify : __ADAPTER__ === 'woocommerce' ? woocommerce : __ADAPTER__ === 'eccube' ? eccube : magento;
(window as unknown as Record<symbol, unknown>)[Symbol.for(`cart-upsell:actions:${__ADAPTER__}`)] = adapter;
