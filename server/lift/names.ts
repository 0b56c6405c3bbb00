// Offers by name, for merchants who think in products, not ids: built from the shop's config.

type Config = {
  products?: { sku?: unknown; name?: unknown }[];
  offers?: {
    id?: unknown;
    type?: unknown;
    name?: unknown;
    from?: unknown;
    to?: unknown;
    for?: unknown;
    items?: unknown;
    downsell?: unknown;
    tiers?: { label?: unknown; quantity?: unknown; percentOff?: unknown }[];
  }[];
};

const text = (x: unknown) => (typeof x === 'string' ? x : '');

/** Offer id → a readable name ("手ぬぐい 青海波 → 手ぬぐい 青海波 特撰"); an offer's own `name` wins. */
export function offerNames(config: Config): Record<string, string> {
  const products = new Map<string, string>();
  for (const p of Array.isArray(config?.products) ? config.products : []) if (text(p?.sku)) products.set(text(p.sku), text(p.name) || text(p.sku));
  const name = (sku: unknown) => products.get(text(sku)) ?? text(sku);
  const list = (x: unknown) => (Array.isArray(x) ? x.map(name).filter(Boolean) : []);
  const out: Record<string, string> = {};
  for (const o of Array.isArray(config?.offers) ? config.offers : []) {
    const id = text(o?.id);
    if (!id) continue;
    const own = text(o.name);
    if (own) {
      out[id] = own;
      continue;
    }
    switch (o.type) {
      case 'upsell':
        out[id] = `${name(o.from)} → ${name(o.to)}`;
        break;
      case 'cross-sell':
        out[id] = `${list(o.for).join('・')}に${list(o.items).slice(0, 3).join('・')}`;
        break;
      case 'bundle':
        out[id] = `セット：${list(o.items).join(' + ')}`;
        break;
      case 'volume': {
        const t = Array.isArray(o.tiers) ? o.tiers[0] : undefined;
        out[id] = `まとめ買い${t ? `：${text(t.label) || `${t.quantity}点で${t.percentOff}%オフ`}` : ''}`;
        break;
      }
      default:
        out[id] = id;
    }
  }
  return out;
}
