// @vitest-environment node
import { describe, expect, it } from 'vitest';
import vm from 'node:vm';
import { eccubeOrder, renderComplete } from './eccube/order';
import { orderEvent } from '../../src/events/order';

// The EC-CUBE order hook (hooks/eccube/complete.twig) rendered by Twig with an Order shaped like
// EC-CUBE 4's (./eccube/order.ts), and the script it prints run as the browser would.

function tracked(html: string): unknown[] {
  const calls: unknown[] = [];
  const CartUpsell = { trackOrder: (o: unknown) => calls.push(o) };
  for (const [, code] of html.matchAll(/<script>([\s\S]*?)<\/script>/g)) vm.runInNewContext(code, { window: { CartUpsell }, CartUpsell });
  return calls;
}

describe('the EC-CUBE order hook, rendered by Twig', () => {
  it('calls CartUpsell.trackOrder with the order number, the goods less the coupon, the currency and the product lines', () => {
    const html = renderComplete(eccubeOrder('10023'));
    expect(html).toContain('<script src="/html/user_data/cart-upsell.js" data-config="/html/user_data/cart-upsell.json"></script>');
    const calls = tracked(html);
    expect(calls).toEqual([
      {
        orderId: '10023',
        // ￥7,480 of goods (2 × ￥2,420 + ￥2,640, tax included) less the ￥500 coupon; shipping and the fee left out.
        total: 6980,
        currency: 'JPY',
        items: [
          { sku: 'TN-0123-DX', id: '1201', quantity: 2, price: 2420 },
          { sku: 'KY-01', id: '1301', quantity: 1, price: 2640 },
        ],
      },
    ]);
    expect(typeof orderEvent(calls[0] as never, { visitorId: 'v-1', sessionId: 's-1', holdout: false }, Date.now(), 'https://shop.example.jp/shopping/complete', 'JPY')).toBe('object');
    for (const personal of ['taro@', '山田', '太郎']) expect(html).not.toContain(personal);
  });

  it('a line without a product code or product class is sent with what it has', () => {
    const order = eccubeOrder('10024', [{ code: null, productClassId: null, quantity: 3, price: 1000, tax: 100 }]);
    expect(tracked(renderComplete(order))).toEqual([{ orderId: '10024', total: 2800, currency: 'JPY', items: [{ sku: '', id: null, quantity: 3, price: 1100 }] }]);
  });

  it('prints nothing on a page without an order', () => {
    expect(renderComplete(undefined).trim()).toBe('');
    expect(renderComplete({ ...eccubeOrder('x'), getId: () => null }).trim()).toBe('');
  });
});
