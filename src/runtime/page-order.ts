// The order-complete page's own order, sent like `trackOrder` where the platform's template prints
// the order number and total (`Platform.order`); elsewhere nothing is sent.
import type { OrderInput } from '../events/order';
import { shownOrder } from '../platforms';
import { detectCurrency } from '../cart/money';
import { money } from '../cart/read';

/** The order this page shows, in minor units, or null (not an order-complete page, or no readable total). */
export function pageOrder(doc: Document, shopCurrency: string | undefined): OrderInput | null {
  const shown = shownOrder(doc);
  if (!shown) return null;
  // The shop's currency where the config names it (a bare "$" is many currencies), else the total's mark.
  const currency = shopCurrency ?? detectCurrency(shown.total) ?? 'JPY';
  const total = money(shown.total, currency);
  return total !== null && total >= 0 ? { orderId: shown.orderId.slice(0, 200), total, currency } : null;
}
