import type { Variant } from '../config/types';

/** FNV-1a: a tiny, stable string hash, so a visitor's group and variant survive reloads. */
export function hash01(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

/** True for the share `holdout` (0–1) of visitors, always the same visitors. */
export function inHoldout(visitorId: string, holdout: unknown): boolean {
  if (typeof holdout !== 'number' || !(holdout > 0)) return false;
  return hash01(`holdout:${visitorId}`) < Math.min(1, holdout);
}

/** The copy variant this visitor keeps for this offer, by weight (default 1 each); null without variants. */
export function pickVariant(variants: Variant[] | undefined, visitorId: string, offerId: string): Variant | null {
  if (!Array.isArray(variants) || !variants.length) return null;
  const w = (v: Variant) => (typeof v?.weight === 'number' && v.weight > 0 ? v.weight : v?.weight === 0 ? 0 : 1);
  let total = 0;
  for (const v of variants) total += w(v);
  if (!(total > 0)) return variants[0] ?? null;
  let x = hash01(`variant:${visitorId}:${offerId}`) * total;
  for (const v of variants) {
    x -= w(v);
    if (x < 0 && w(v) > 0) return v;
  }
  return variants.filter((v) => w(v) > 0).pop() ?? null;
}
