/**
 * Every platform the widget knows. The one list every
 * platform id is derived from: the config's types and schema, the registry's completeness check.
 * No platform code here, so the config schema can name every platform without loading any.
 */
export const PLATFORM_IDS = ['shopify', 'woocommerce', 'eccube', 'colorme', 'makeshop', 'futureshop', 'magento'] as const;

export type PlatformId = (typeof PLATFORM_IDS)[number];

export const isPlatformId = (v: unknown): v is PlatformId => (PLATFORM_IDS as readonly unknown[]).includes(v);
