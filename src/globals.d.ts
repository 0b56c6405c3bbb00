declare const __VERSION__: string;

// Build-time constants (src/tailor/features.ts): the generic build keeps every feature; a
// tailored build sets them from one shop's config so the code it does not use is dropped.
declare const __TAILORED__: boolean;
declare const __LOCALE__: 'ja' | 'en' | '';
declare const __CART__: import('./platforms/ids').PlatformId | 'auto' | 'selectors' | '';
declare const __ACTIONS__: import('./platforms/ids').PlatformId | 'none' | 'auto' | '';
declare const __UPSELL__: boolean;
declare const __DOWNSELL__: boolean;
declare const __CROSS_SELL__: boolean;
declare const __BUNDLE__: boolean;
declare const __VOLUME__: boolean;
declare const __FREE_SHIPPING__: boolean;
declare const __CHECKOUT__: boolean;
declare const __EXIT_INTENT__: boolean;
/** The platform of one cart-actions file of the script-tag build (src/actions-entry.ts). */
declare const __ADAPTER__: import('./actions/adapters').CartApiPlatform;

/** The shop's config, inlined by a tailored build (checked at build time). */
declare module 'virtual:cart-upsell/config' {
  const config: import('./config/types').Config;
  export default config;
}
