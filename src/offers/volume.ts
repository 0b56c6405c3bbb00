import type { VolumeOffer, VolumeTier } from '../config/types';
import type { CartItem } from '../types';
import type { VolumePrompt } from './types';
import type { Ctx } from './conditions';
import { baseOf, priceHonoured } from './base';
import { lineFor, money } from './catalog';
import { always, type Gate } from './gate';

const validTier = (t: VolumeTier) => !!t && Number.isFinite(t.quantity) && t.quantity > 0 && Number.isFinite(t.percentOff) && t.percentOff > 0;

/**
 * "あと1点で10%オフ": recomputed from the whole cart every time, so adding items one by one
 * moves through the tiers. `value` = the items still needed at the cheapest counted unit price.
 */
export function buildVolume(offer: VolumeOffer, c: Ctx, gate: Gate = always): VolumePrompt | null {
  if (!priceHonoured(offer) || !Array.isArray(offer.tiers)) return null;
  let count = 0;
  let cheapest = Infinity;
  const counted: CartItem[] = [];
  const add = (l: CartItem | undefined) => {
    if (!l || !(l.quantity > 0) || !money(l.unitPrice) || counted.includes(l)) return;
    counted.push(l);
    count += Math.floor(l.quantity);
    if (l.unitPrice > 0) cheapest = Math.min(cheapest, l.unitPrice);
  };
  if (Array.isArray(offer.items)) for (const r of offer.items) add(typeof r === 'string' ? lineFor(r, c.idx, c.catalog) : undefined);
  else for (const l of c.cart.items) add(l);
  if (count <= 0 || cheapest === Infinity) return null;
  let current = 0;
  for (const t of offer.tiers) if (validTier(t) && t.quantity <= count) current = Math.max(current, t.percentOff);
  // The nearest tier that gives more than the shopper already has.
  let next: VolumeTier | null = null;
  for (const t of offer.tiers) if (validTier(t) && t.quantity > count && t.percentOff > current && (!next || t.quantity < next.quantity)) next = t;
  if (!next) return null;
  const itemsToNext = Math.ceil(next.quantity - count);
  const value = itemsToNext * cheapest;
  if (!gate(value)) return null;
  const prompt: VolumePrompt = { ...baseOf(offer, c), kind: 'volume', value, itemsToNext, nextPercentOff: next.percentOff, currentPercentOff: current };
  if (typeof next.label === 'string' && next.label) prompt.label = next.label;
  return prompt;
}
