import type { Offer, OfferText } from '../config/types';
import type { Proof } from './types';
import type { Ctx } from './conditions';
import { dateMs } from './conditions';
import { pickVariant } from './hash';

/** How long a stock count stays worth showing. */
export const STOCK_FRESH = 86400000;
/** A count stamped a little ahead of the shopper's clock is still a real count. */
const CLOCK_SKEW = 300000;

export interface Base {
  offerId: string;
  variant: string | null;
  currency: string;
  text: OfferText;
  proof: Proof;
  discountCode?: string;
}

/** Fields every prompt shares: the visitor's variant, merged copy, and only real proof lines. */
export function baseOf(offer: Offer, c: Ctx): Base {
  const v = pickVariant(offer.variants, c.input.state?.visitorId ?? '', offer.id);
  const text: OfferText = { ...(offer.text ?? {}), ...(v?.text ?? {}) };
  const proof: Proof = {};
  if (typeof offer.endsAt === 'string' && Number.isFinite(dateMs(offer.endsAt, true))) proof.endsAt = offer.endsAt;
  // A stock count is a snapshot: shown only with the time it was taken, and only while fresh.
  const asOf = dateMs(offer.stockAsOf);
  if (typeof offer.stock === 'number' && Number.isInteger(offer.stock) && offer.stock > 0 && asOf <= c.now + CLOCK_SKEW && c.now - asOf <= STOCK_FRESH) {
    proof.stock = offer.stock;
    proof.stockAsOf = offer.stockAsOf;
  }
  const sp = offer.socialProof;
  if (sp && typeof sp.text === 'string' && sp.text && typeof sp.source === 'string' && sp.source) proof.socialProof = { text: sp.text, source: sp.source };
  const base: Base = { offerId: offer.id, variant: v ? String(v.id) : null, currency: c.currency, text, proof };
  if (typeof offer.discountCode === 'string' && offer.discountCode) base.discountCode = offer.discountCode;
  return base;
}

/** A set or tier price is shown only when the checkout will charge it. */
export function priceHonoured(offer: Offer): boolean {
  return offer.appliedBy === 'platform' || (typeof offer.discountCode === 'string' && offer.discountCode.trim() !== '');
}
