import type { VolumeOffer } from '../config/types';
import type { VolumePrompt } from './types';
import type { Ctx } from './conditions';
import { baseOf, priceHonoured } from './base';
import { lineFor, money } from './catalog';

/**
 * "あと1点で10%オフ": recomputed from the whole cart every time, so adding items one by one
 * moves through the tiers. `value` = the items still needed at the cheapest counted unit price.
 */
export function buildVolume(offer: VolumeOffer, c: Ctx): VolumePrompt | null {
  if (!priceHonoured(offer) || !Array.isArray(offer.tiers)) return null;
  const lines = Array.isArray(offer.items)
    ? [...new Set(offer.items.map((r) => (typeof r === 'string' ? lineFor(r, c.idx, c.catalog) : undefined)).filter((l) => !!l))]
    : c.cart.items.filter((l) => l && l.quantity > 0);
  let count = 0;
  let cheapest = Infinity;
  for (const l of lines) {
    if (!(l.quantity > 0) || !money(l.unitPrice)) continue;
    count += Math.floor(l.quantity);
    if (l.unitPrice > 0) cheapest = Math.min(cheapest, l.unitPrice);
  }
  if (count <= 0 || cheapest === Infinity) return null;
  const tiers = offer.tiers
    .filter((t) => t && Number.isFinite(t.quantity) && t.quantity > 0 && Number.isFinite(t.percentOff) && t.percentOff > 0)
    .sort((a, b) => a.quantity - b.quantity);
  let current = 0;
  for (const t of tiers) if (t.quantity <= count) current = Math.max(current, t.percentOff);
  const next = tiers.find((t) => t.quantity > count && t.percentOff > current);
  if (!next) return null;
  const itemsToNext = Math.ceil(next.quantity - count);
  const prompt: VolumePrompt = {
    ...baseOf(offer, c),
    kind: 'volume',
    value: itemsToNext * cheapest,
    itemsToNext,
    nextPercentOff: next.percentOff,
    currentPercentOff: current,
  };
  if (typeof next.label === 'string' && next.label) prompt.label = next.label;
  return prompt;
}
