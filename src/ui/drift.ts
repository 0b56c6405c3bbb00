import type { Cart } from '../types';
import type { Config } from '../config/types';
import { warnOnce } from '../util/log';

/**
 * Lives in the prompt file: a price matters once there is a prompt to show it.
 * A prompt must show the shop's price. When a configured product is in the cart, the price the
 * cart page shows is the shop's price today: a config that says otherwise has drifted (a price
 * change not copied into the config), and the merchant is told once per product.
 */
export function checkDrift(config: Config, cart: Cart): void {
  if (cart.currency !== (config.cart?.currency ?? 'JPY')) return;
  (config.products ?? []).forEach((p, i) => {
    const line = cart.items.find((l) => (p.sku && l.sku === p.sku) || (p.id != null && l.id === String(p.id)) || l.name === p.name);
    if (line && line.unitPrice !== p.price)
      warnOnce(
        config.locale === 'ja'
          ? `products[${i}].price: 設定 ${p.price}、カート ${line.unitPrice}（${line.name}）`
          : `products[${i}].price: the config says ${p.price}, the cart shows ${line.unitPrice} for "${line.name}". Update the config (e.g. import the product CSV again) so prompts show the shop's price.`,
      );
  });
}
