/**
 * The public API: `CartUpsell` in the script-tag build, the module's exports for bundlers.
 * Every function is safe to call from a shop's page: none throws.
 */
import type { Config } from './config/types';
import type { Decision } from './offers/types';
import type { UI } from './ui/mount';
import { errorOnce } from './util/log';
import { loadPrompts } from '#prompts';

export type { Cart, CartItem } from './types';
export type * from './config/types';
export type * from './offers/types';
export { start, stop, refresh, trackOrder } from './runtime/start';
export type { OrderInput } from './events/order';
export { validateConfig } from './config/validate';
export { diagnose } from './cart/diagnose';

export { readCart } from './cart/public';

/**
 * Renders prompts for a hand-made decision without a cart or events: the configurator's live
 * preview. Resolves to the rendered UI (call `destroy()` to remove it).
 */
export const preview = (decision: Decision, config?: Config): Promise<UI | null> =>
  loadPrompts().then(
    (m) => m.renderPreview(decision, config),
    (err: unknown) => {
      errorOnce(String(err));
      return null;
    },
  );

export const version: string = __VERSION__;

export { validateEvent } from './events/schema';
export type { WidgetEvent, OrderEvent, AnyEvent } from './events/schema';
