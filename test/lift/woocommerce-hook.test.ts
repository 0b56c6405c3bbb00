// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { orderEvent } from '../../src/events/order';

// The WooCommerce order hook (hooks/woocommerce/cart-upsell-order.php) run by PHP on a stand-in of
// the order-received page (woocommerce/page.php: the WordPress and WooCommerce calls it makes, as
// upstream's behave), and the script it prints run as the browser would.

const php = spawnSync('php', ['--version'], { encoding: 'utf8' });
const hasPhp = php.status === 0;
if (!hasPhp) console.log('WooCommerce hook test skipped: no `php` on this machine (apt-get install php-cli runs it)');

const dir = mkdtempSync(join(tmpdir(), 'cart-upsell-wc-'));
let n = 0;

/** The footer the hook prints for this request and stored order. */
function footer(page: Record<string, unknown>): string {
  const file = join(dir, `page-${n++}.json`);
  writeFileSync(file, JSON.stringify({ orderReceivedPage: true, orderReceived: 4021, key: 'wc_order_Xy12', ...page }));
  const r = spawnSync('php', [join(process.cwd(), 'test/lift/woocommerce/page.php'), file], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return r.stdout;
}

/** Runs the footer's inline script with a widget that records trackOrder; returns what it was given. */
function tracked(html: string): unknown[] {
  const calls: unknown[] = [];
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const CartUpsell = { trackOrder: (o: unknown) => calls.push(o) };
  for (const code of scripts) vm.runInNewContext(code, { window: { CartUpsell }, CartUpsell });
  return calls;
}

// A yen order: the upgraded tenugui twice (a variation) and a teapot (a simple product), a ￥500
// coupon already taken off the lines, shipping ￥800 + ￥80 tax and a ￥300 cash-on-delivery fee.
const ORDER = {
  id: 4021,
  number: 'WA-10023',
  order_key: 'wc_order_Xy12',
  status: 'processing',
  currency: 'JPY',
  total: '8660',
  shipping_total: '800',
  shipping_tax: '80',
  fees: ['300'],
  billing_email: 'taro@example.jp',
  items: [
    { sku: 'TN-0123-DX', product_id: 301, variation_id: 44001, quantity: 2, total: '4400', total_tax: '440' },
    { sku: '', product_id: 501, variation_id: 0, quantity: 1, total: '2400', total_tax: '240' },
  ],
};

describe.skipIf(!hasPhp)('the WooCommerce order hook, run by PHP', () => {
  it('calls CartUpsell.trackOrder once with the order number, the goods total, the currency and the items', () => {
    const html = footer({ order: ORDER });
    expect(html).toContain('<script src="https://your-shop.example.jp/cart-upsell.js" data-config="/cart-upsell.json"></script>');
    const calls = tracked(html);
    expect(calls).toEqual([
      {
        orderId: 'WA-10023',
        // ￥8,660 − shipping ￥800 − its tax ￥80 − the fee ￥300: the goods, tax included.
        total: 7480,
        currency: 'JPY',
        items: [
          { sku: 'TN-0123-DX', id: '44001', quantity: 2, price: 2420 },
          { sku: '', id: '501', quantity: 1, price: 2640 },
        ],
      },
    ]);
    // What the widget makes of it is a valid order event; nothing personal is on the page.
    const event = orderEvent(calls[0] as never, { visitorId: 'v-1', sessionId: 's-1', holdout: false }, Date.now(), 'https://wa.example.jp/checkout/order-received/4021/', 'JPY');
    expect(typeof event).toBe('object');
    expect(event).toMatchObject({ type: 'order', orderId: 'WA-10023', total: 7480 });
    expect(html).not.toContain('taro@');
  });

  it('counts three-decimal currencies in their minor unit, and a product deleted since as no SKU', () => {
    const order = { ...ORDER, currency: 'KWD', total: '12.345', shipping_total: '0', shipping_tax: '0', fees: [], items: [{ product_id: 9, quantity: 1, total: '12.345', total_tax: '0' }] };
    expect(tracked(footer({ order }))).toEqual([{ orderId: 'WA-10023', total: 12345, currency: 'KWD', items: [{ sku: '', id: '9', quantity: 1, price: 12345 }] }]);
  });

  it('prints nothing for a wrong order key, a failed order, an unknown order or another page', () => {
    expect(footer({ order: ORDER, key: 'wc_order_guess' })).toBe('');
    expect(footer({ order: { ...ORDER, status: 'failed' } })).toBe('');
    expect(footer({ order: null })).toBe('');
    expect(footer({ order: ORDER, orderReceivedPage: false })).toBe('');
    // The same request on the right page does print: the cases above fail for their own reason.
    expect(tracked(footer({ order: ORDER }))).toHaveLength(1);
  });

  it('keeps the page safe from what a shop stores: a closing tag in a SKU stays inside the string', () => {
    const order = { ...ORDER, items: [{ sku: '</script><script>alert(1)</script>', product_id: 7, quantity: 1, total: '100', total_tax: '0' }] };
    const html = footer({ order });
    expect(html.match(/<script/g)).toHaveLength(2);
    expect((tracked(html)[0] as { items: { sku: string }[] }).items[0].sku).toBe('</script><script>alert(1)</script>');
  });
});
