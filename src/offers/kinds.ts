import type { OfferType } from '../config/types';

/**
 * Every offer type, as one list at run time: the config schema, the events' `offerType` and the
 * tailored build take it from here. The types are the `Offer` union in config/types.ts; the line
 * below does not compile while a type of the union is missing from this list.
 *
 * Adding an offer type: its interface in the `Offer` union, its name here, its builder file in
 * this folder — then the compiler names every place that must know it: the default triggers and
 * the builder call in decide.ts, the meaning checks in check.ts, the schema in config/schema.ts,
 * the feature flag of the tailored build, and the prompt's component in ui/App.tsx.
 */
export const OFFER_TYPES = ['upsell', 'cross-sell', 'bundle', 'volume'] as const satisfies readonly OfferType[];

type Unlisted = Exclude<OfferType, (typeof OFFER_TYPES)[number]>;
/** `true` only when OFFER_TYPES names every offer type (a compile-time check). */
export const EVERY_OFFER_TYPE_LISTED: [Unlisted] extends [never] ? true : never = true;

/** Fails to compile where a switch over offer types misses one. */
export const unreachable = (x: never): void => void x;
