import type { Cart } from '../types';
import type { PlatformId } from '../platforms/ids';
import type { CartSelectors } from '../platforms/types';

export type { CartSelectors, PlatformId };

/** A platform's preset, or "auto": the first platform found on the page. */
export type Preset = PlatformId | 'auto';

export interface CartConfig {
  preset?: Preset;
  selectors?: CartSelectors;
  /** ISO 4217 code when the page does not say (default JPY). */
  currency?: string;
  /** Region watched for changes (default: the cart's items' common ancestor, else body). */
  root?: string;
  /** Extra selector for the shop's checkout button(s), for the checkout trigger. */
  checkout?: string;
}

/** A product the merchant can offer. `price` is in minor units, tax-included for JPY. */
export interface Product {
  sku: string;
  name: string;
  price: number;
  url?: string;
  image?: string;
  /** The platform's id for adding it: Shopify variant id, WooCommerce product/variation id, EC-CUBE product class id. */
  id?: string | number;
  /** EC-CUBE product id (for /products/add_cart/{productId}). */
  productId?: string | number;
  category?: string;
  /** Real stock count, shown only when present. */
  stock?: number;
}

export type Trigger = 'cart-view' | 'cart-change' | 'checkout' | 'exit-intent';

/** Copy a merchant may override, per offer, per variant or globally. */
export interface OfferText {
  title?: string;
  body?: string;
  accept?: string;
  decline?: string;
  dismiss?: string;
}

export interface Variant {
  id: string;
  weight?: number;
  text?: OfferText;
}

export interface Conditions {
  cartHasAny?: string[];
  cartHasAll?: string[];
  cartHasNone?: string[];
  subtotalMin?: number;
  subtotalMax?: number;
  itemCountMin?: number;
  itemCountMax?: number;
  /** Page path pattern: `*` matches any run of characters. */
  path?: string;
  device?: 'mobile' | 'desktop';
  visitor?: 'new' | 'returning';
  startsAt?: string;
  endsAt?: string;
}

interface OfferBase {
  id: string;
  priority?: number;
  triggers?: Trigger[];
  when?: Conditions;
  text?: OfferText;
  variants?: Variant[];
  /** A real end date (ISO 8601); expired offers never show. */
  endsAt?: string;
  /** A real stock count for scarcity lines. */
  stock?: number;
  /** A real statistic, with its source, for a social-proof line. */
  socialProof?: { text: string; source: string };
  /** Coupon applied on accept so the checkout honours the shown price. */
  discountCode?: string;
  /** "platform": the merchant set the discount up in the shop itself. */
  appliedBy?: 'platform' | 'code';
  /** Where a non-modal prompt goes: a slide-in, or inside the merchant's slot element. */
  slot?: string;
}

export interface UpsellOffer extends OfferBase {
  type: 'upsell';
  from: string;
  to: string;
  benefits?: string[];
  /** A cheaper fallback product, offered once after the upsell is declined. */
  downsell?: string;
}

export interface CrossSellOffer extends OfferBase {
  type: 'cross-sell';
  for: string[];
  items: string[];
  /** How many candidates to show at most (default 3). */
  max?: number;
}

export interface BundleOffer extends OfferBase {
  type: 'bundle';
  items: string[];
  /** Set price in minor units. */
  price: number;
}

export interface VolumeTier {
  quantity: number;
  percentOff: number;
  label?: string;
}

export interface VolumeOffer extends OfferBase {
  type: 'volume';
  /** Which products count toward the tiers (default: every line). */
  items?: string[];
  tiers: VolumeTier[];
}

export type Offer = UpsellOffer | CrossSellOffer | BundleOffer | VolumeOffer;
export type OfferType = Offer['type'];

export type AmountByCurrency = number | Record<string, number>;

export interface FreeShippingTier {
  amount: AmountByCurrency;
  label: string;
}

export interface FreeShippingConfig {
  threshold: AmountByCurrency;
  /** Whether the threshold is tax-included (default true: 総額表示 for JPY). */
  taxIncluded?: boolean;
  /**
   * What the threshold is compared with: the goods after discounts and coupons (default, what
   * most shipping rules use), or before cart-level discounts. Shipping is never included.
   */
  basis?: 'after-discounts' | 'before-discounts';
  /**
   * Consumption-tax rate used only when `taxIncluded` is false and the cart shows tax-included
   * prices (JPY carts do): the threshold is converted to the cart's basis (default 0.1).
   */
  taxRate?: number;
  tiers?: FreeShippingTier[];
  /** Offer products that close the gap: true (from products), a list of SKUs, or false. */
  gapFillers?: boolean | string[];
  /** A selector of the merchant's slot element; without it the bar is a fixed overlay. */
  slot?: string;
  /** Fixed overlay position (default "bottom"). */
  position?: 'top' | 'bottom';
  text?: { remaining?: string; reached?: string };
}

export interface Caps {
  /** Modal prompts per session (default 1). */
  modalsPerSession?: number;
  /** Impressions per offer per visitor per day (default 3). */
  impressionsPerOfferPerDay?: number;
  /** Days a declined or dismissed offer stays hidden (default 7). */
  snoozeDays?: number;
}

export interface EventsConfig {
  endpoint?: string;
  /** Push GA4 ecommerce events to window.dataLayer. */
  dataLayer?: boolean;
  batchSize?: number;
  flushIntervalMs?: number;
  /** A request with no answer after this long is abandoned and retried (default 15000). */
  timeoutMs?: number;
  /** First step of the retry schedule, doubled on each failure in a row (default 2000). */
  retryBaseMs?: number;
  /** Longest step of the retry schedule (default 60000). */
  retryMaxMs?: number;
}

export interface PrivacyConfig {
  /**
   * What events carry as `page`: "scrubbed" (default: origin and path, minus path segments that
   * look like e-mails, long digit runs or tokens), "path" (origin and whole path), "origin".
   */
  page?: 'scrubbed' | 'path' | 'origin';
  /** Months after the first visit when the visitor's id, snoozes and counts are forgotten (default 13). */
  visitorMonths?: number;
}

export interface ThemeConfig {
  accent?: string;
  text?: string;
  background?: string;
  radius?: string;
  font?: string;
  /** "auto" follows prefers-color-scheme. */
  colorScheme?: 'light' | 'dark' | 'auto';
}

export interface ActionsConfig {
  platform?: PlatformId | 'none';
}

export interface Config {
  cart?: CartConfig;
  locale?: 'ja' | 'en';
  /** `symbol` → ￥1,100 (default), `suffix` → 1,100円. */
  moneyFormat?: 'symbol' | 'suffix';
  freeShipping?: FreeShippingConfig;
  products?: Product[];
  offers?: Offer[];
  events?: EventsConfig;
  privacy?: PrivacyConfig;
  caps?: Caps;
  /** Share of visitors (0–1) who see no prompt, to measure true lift. */
  holdout?: number;
  theme?: ThemeConfig;
  /** Global copy overrides, keyed by message id. */
  text?: Record<string, string>;
  actions?: ActionsConfig;
  /** CSP nonce, for sites that want one on anything the widget adds. */
  nonce?: string;
  /** Called on acceptance; return false (or a rejected promise) to report failure. */
  onAccept?: (event: unknown) => unknown;
  /** Hook for tests and the demo: the cart to use instead of reading the page. */
  readCart?: () => Cart;
}
