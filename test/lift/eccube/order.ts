import { readFileSync } from 'node:fs';
import { join } from 'node:path';
// @ts-expect-error twig.js ships no types
import Twig from 'twig';

// EC-CUBE 4's order-complete page as far as the order hook sees it: the `Order` that
// ShoppingController::complete hands to Shopping/complete.twig, with the getters of
// EC-CUBE/ec-cube's src/Eccube/Entity/Order.php (getId, getOrderNo, getSubtotal, getDiscount,
// getCurrencyCode, getProductOrderItems: the product lines only) and OrderItem.php (getProductCode,
// getProductClass, getQuantity, getPriceIncTax). Amounts are Doctrine decimals, so strings
// ("7480.00"), as the entity returns them. Twig reads `Order.orderNo` through `getOrderNo()`.

interface Line {
  code: string | null;
  productClassId: number | null;
  quantity: number;
  price: number;
  tax: number;
}

const decimal = (n: number) => n.toFixed(2);

function orderItem(l: Line) {
  return {
    getProductCode: () => l.code,
    getProductClass: () => (l.productClassId == null ? null : { getId: () => l.productClassId }),
    getQuantity: () => String(l.quantity),
    // Tax-exclusive price plus its tax (OrderItem::getPriceIncTax with TaxDisplayType EXCLUDED).
    getPriceIncTax: () => decimal(l.price + l.tax),
    isProduct: () => true,
  };
}

/** A paid order: the upgraded tenugui twice and a teapot, ￥7,480 of goods (tax included), a ￥500 coupon, shipping and a fee the hook leaves out. */
export function eccubeOrder(orderNo: string, lines?: Line[]) {
  const items = (
    lines ?? [
      { code: 'TN-0123-DX', productClassId: 1201, quantity: 2, price: 2200, tax: 220 },
      { code: 'KY-01', productClassId: 1301, quantity: 1, price: 2400, tax: 240 },
    ]
  ).map(orderItem);
  const subtotal = items.reduce((s, it) => s + Number(it.getPriceIncTax()) * Number(it.getQuantity()), 0);
  return {
    getId: () => 87,
    getOrderNo: () => orderNo,
    getSubtotal: () => decimal(subtotal),
    getDiscount: () => decimal(500),
    getDeliveryFeeTotal: () => decimal(800),
    getCharge: () => decimal(330),
    getPaymentTotal: () => decimal(subtotal - 500 + 800 + 330),
    getCurrencyCode: () => 'JPY',
    getProductOrderItems: () => items,
    // Personal data the page has and the hook must not send.
    getEmail: () => 'taro@example.jp',
    getName01: () => '山田',
    getName02: () => '太郎',
  };
}

// PHP's constant(): twig.js has none, and the template asks for two of PHP's JSON flags. Their
// values are PHP's; twig.js's json_encode ignores flags, so the \u003C escaping they ask of PHP
// is not exercised here (the SKUs below hold no "<").
const PHP_CONSTANTS: Record<string, number> = { JSON_HEX_TAG: 1, JSON_HEX_AMP: 2 };
Twig.extendFunction('constant', (name: string) => {
  if (!(name in PHP_CONSTANTS)) throw new Error(`constant(${name}): not a PHP constant this stand-in knows`);
  return PHP_CONSTANTS[name];
});

/** hooks/eccube/complete.twig rendered with this Order, as EC-CUBE's Twig would (with twig.js). */
export function renderComplete(order: unknown): string {
  const data = readFileSync(join(process.cwd(), 'hooks/eccube/complete.twig'), 'utf8');
  return Twig.twig({ data, rethrow: true }).render({ Order: order });
}
