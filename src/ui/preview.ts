import type { Config } from '../config/types';
import type { Decision, Prompt, ProductView } from '../offers/types';
import { guard } from '../util/log';
import { createUI, type UI } from './mount';

let last: UI | null = null;

/**
 * Renders a hand-made decision without reading a cart or sending events — for the merchant's
 * configurator (live previews) and for tests. One preview at a time: a new call replaces the
 * previous one. What the shopper does is dispatched on `document` as `cart-upsell:preview`
 * (`detail: { action, offerId, kind, sku? }`); accepting calls `config.onAccept` when given
 * (returning false or throwing shows the failure message).
 */
export function renderPreview(decision: Decision, config: Config = {}): UI {
  last?.destroy();
  const doc = document;
  const tell = (action: string, p: Prompt | null, item?: ProductView) =>
    guard('preview', () => doc.dispatchEvent(new CustomEvent('cart-upsell:preview', { detail: { action, offerId: p?.offerId, kind: p?.kind, sku: item?.sku } })))();
  const onAccept = async (p: Prompt | null, item?: ProductView) => {
    tell('accept', p, item);
    try {
      const r = await config.onAccept?.({ prompt: p, item });
      return r === false ? { ok: false } : { ok: true };
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : undefined };
    }
  };
  const ui = createUI(
    config,
    {
      onShow: (p) => tell('impression', p),
      onAccept,
      onDecline: (p) => tell('decline', p),
      onDismiss: (p) => tell('dismiss', p),
      onAddGapFiller: (item) => onAccept(null, item),
    },
    doc,
  );
  ui.update(decision);
  last = ui;
  return ui;
}
