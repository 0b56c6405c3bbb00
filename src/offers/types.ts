import type { Cart, CartItem } from '../types';
import type { Config, OfferText, Trigger } from '../config/types';

/** A product as a prompt shows it (from config.products or a cart line). */
export interface ProductView {
  sku: string;
  name: string;
  /** Unit price in minor units. */
  price: number;
  url?: string;
  image?: string;
  stock?: number;
}

/** Real, merchant-supplied data for honest urgency and social proof lines. */
export interface Proof {
  endsAt?: string;
  stock?: number;
  /** When the stock count was taken (ISO 8601): a count is shown only with its date. */
  stockAsOf?: string;
  socialProof?: { text: string; source: string };
}

interface PromptBase {
  offerId: string;
  /** The copy variant this visitor keeps, or null when the offer has none. */
  variant: string | null;
  currency: string;
  /** What accepting adds to the subtotal, in minor units (≥ 0). */
  value: number;
  /** Merchant copy for this offer and variant, merged over the built-in strings by the UI. */
  text: OfferText;
  proof: Proof;
  discountCode?: string;
}

export interface UpsellPrompt extends PromptBase {
  kind: 'upsell' | 'downsell';
  /** The cart line that would be replaced. */
  line: CartItem;
  from: ProductView;
  to: ProductView;
  quantity: number;
  /** Price difference per item (to.price − from.price). */
  difference: number;
  benefits: string[];
}

export interface CrossSellPrompt extends PromptBase {
  kind: 'cross-sell';
  /** The cart line that triggered it. */
  anchor: CartItem;
  items: ProductView[];
  slot?: string;
}

export interface BundlePrompt extends PromptBase {
  kind: 'bundle';
  items: ProductView[];
  /** The parts not yet in the cart (what accepting adds). */
  missing: ProductView[];
  setPrice: number;
  partsTotal: number;
  saving: number;
  slot?: string;
}

export interface VolumePrompt extends PromptBase {
  kind: 'volume';
  /** Items still needed to reach the next tier. */
  itemsToNext: number;
  nextPercentOff: number;
  /** The tier already reached (0 when none). */
  currentPercentOff: number;
  label?: string;
}

export type Prompt = UpsellPrompt | CrossSellPrompt | BundlePrompt | VolumePrompt;
export type PromptKind = Prompt['kind'];

export interface FreeShippingTierView {
  amount: number;
  label: string;
  reached: boolean;
  remaining: number;
}

export interface FreeShippingView {
  currency: string;
  threshold: number;
  subtotal: number;
  /** Amount still missing (0 once reached). */
  remaining: number;
  reached: boolean;
  /** 0–1 toward the last tier (or the threshold when there are no tiers). */
  progress: number;
  tiers: FreeShippingTierView[];
  gapFillers: ProductView[];
}

/** What the page should show now. The UI renders exactly this. */
export interface Decision {
  /** At most one modal (upsell / downsell). */
  modal: UpsellPrompt | null;
  /** Non-modal prompts: cross-sell panel, bundle card. */
  panels: (CrossSellPrompt | BundlePrompt)[];
  /** Cart-level message such as "あと1点で10%オフ". */
  volume: VolumePrompt | null;
  bar: FreeShippingView | null;
  /** True when this visitor is in the holdout group: nothing is shown. */
  holdout: boolean;
}

/** What the engine remembers of a visitor; bounded, serialisable. */
export interface VisitorState {
  visitorId: string;
  sessionId: string;
  /** First visit time (ms). */
  firstSeen: number;
  returning: boolean;
  /** offerId → time (ms) until which it stays hidden. */
  snoozed: Record<string, number>;
  /** offerId → [day "YYYY-MM-DD", count]. */
  impressions: Record<string, [string, number]>;
  session: {
    modalsShown: number;
    /** Upsell offer ids declined this session (their downsell may show once). */
    declined: string[];
    /** Upsell offer ids whose downsell was already shown. */
    downsellShown: string[];
    /** True once a downsell was shown: nothing more this session. */
    done: boolean;
  };
}

export interface DecideInput {
  cart: Cart;
  config: Config;
  state: VisitorState;
  trigger: Trigger;
  now: number;
  page: { path: string; mobile: boolean };
  /**
   * Offer ids whose prompt is on screen now. They keep showing past the per-day impression cap
   * (they are not shown again, just not yanked away mid-look); snoozes still hide them.
   */
  onScreen?: string[];
  /**
   * Right after the shopper answered a prompt: nothing new comes on screen (what did not fit waits
   * for the next real moment), except the one fallback that answers a "no".
   */
  quiet?: boolean;
  /**
   * Offers whose price this shop's platform cannot charge (known once the cart actions are
   * loaded): left out before the attention budget, so they never take a slot another could use.
   */
  unchargeable?: string[];
}
