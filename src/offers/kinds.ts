import type { OfferType } from '../config/types';
import type { Prompt, PromptKind, ProductView } from './types';

/**
 * Every offer type, as one list at run time: the config schema, the events' `offerType` and the
 * tailored build take it from here. The types are the `Offer` union in config/types.ts; the line
 * below does not compile while a type of the union is missing from this list.
 *
 * Adding an offer type: its interface in the `Offer` union, its name here, its builder file in
 * this folder — then the compiler names every place that must know it: the default triggers and
 * the builder call in decide.ts, the meaning checks in check.ts, the schema in config/schema.ts,
 * the feature flag of the tailored build, the prompt's component in ui/App.tsx, and `OFFERED`
 * below (what "yes" adds and what its events list).
 */
export const OFFER_TYPES = ['upsell', 'cross-sell', 'bundle', 'volume'] as const satisfies readonly OfferType[];

type Unlisted = Exclude<OfferType, (typeof OFFER_TYPES)[number]>;
/** `true` only when OFFER_TYPES names every offer type (a compile-time check). */
export const EVERY_OFFER_TYPE_LISTED: [Unlisted] extends [never] ? true : never = true;

/** Fails to compile where a switch over offer types misses one. */
export const unreachable = (x: never): void => void x;

/** One product a prompt offers, with the quantity accepting it adds. */
export interface Offered {
  product: ProductView;
  quantity: number;
}

/**
 * What each kind of prompt offers, and so what accepting it adds to the cart and what its events
 * list as items: one entry per kind, so a new kind of prompt does not compile until it says.
 * `one`: the shopper takes one of the products (a cross-sell panel's "追加" per item).
 * Upgrades replace the cart line they carry (`line`), read by the cart actions.
 */
/** The prompt type of one kind ('downsell' shares UpsellPrompt with 'upsell'). */
type PromptOf<K extends PromptKind> = Prompt extends infer P ? (P extends Prompt ? (K extends P['kind'] ? P : never) : never) : never;

export const OFFERED: { [K in PromptKind]: { items(p: PromptOf<K>): Offered[]; one?: true } } = {
  upsell: { items: (p) => [{ product: p.to, quantity: p.quantity }] },
  downsell: { items: (p) => [{ product: p.to, quantity: p.quantity }] },
  'cross-sell': { items: (p) => p.items.map((product) => ({ product, quantity: 1 })), one: true },
  bundle: { items: (p) => p.missing.map((product) => ({ product, quantity: 1 })) },
  // A volume tier is reached by the shopper's own quantities: it adds nothing itself.
  volume: { items: () => [] },
};

/** The products `p` offers (see OFFERED). */
export const offeredBy = (p: Prompt): Offered[] => (OFFERED[p.kind].items as (p: Prompt) => Offered[])(p);
