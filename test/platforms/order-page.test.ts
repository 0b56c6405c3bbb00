// The order-complete page's own order: read from the platform's template where it prints the
// order number and total (WooCommerce's classic and block pages), nothing anywhere else, and sent
// by the running widget once per order id through the same delivery as trackOrder.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pageOrder } from '../../src/runtime/page-order';
import { orderCompletePlatform } from '../../src/platforms';
import { start, stop, trackOrder } from '../../src/runtime/start';
import { validateEvent, type AnyEvent } from '../../src/events/schema';
import { resetLogOnce } from '../../src/util/log';
import { captureBatches } from '../events/sent';

const file = (p: string) => readFileSync(join(__dirname, '../..', p), 'utf8');
const CLASSIC = file('e2e/pages/woocommerce-order-received.html');
const BLOCK = file('test/fixtures/woocommerce-order-block.html');
const page = (html: string, url = 'https://shop.example.jp/checkout/order-received/1042/?key=wc_order_x') => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
};
const PERSONAL = /山田|花子|鈴木|太郎|example\.jp"?$|@|渋谷|梅田|090-|06-1234|〒/;

describe('the order a platform’s order-complete page shows', () => {
  it('WooCommerce classic (thankyou.php): the order number and the order total, nothing about the buyer', () => {
    const doc = page(CLASSIC);
    expect(orderCompletePlatform(doc)).toBe('woocommerce');
    const o = pageOrder(doc, 'JPY');
    expect(o).toEqual({ orderId: '1042', total: 6080, currency: 'JPY' });
    expect(JSON.stringify(o)).not.toMatch(PERSONAL);
  });

  it('WooCommerce block checkout (Order Confirmation Summary): number and total, not the e-mail two rows below', () => {
    const o = pageOrder(page(BLOCK), 'JPY');
    expect(o).toEqual({ orderId: '2077', total: 12870, currency: 'JPY' });
    expect(JSON.stringify(o)).not.toMatch(PERSONAL);
  });

  it('the total is in the currency the config names, else the one its mark names', () => {
    const usd = CLASSIC.replace(/&yen;<\/span>6,080/, '$</span>60.80');
    expect(pageOrder(page(usd), 'CAD')).toEqual({ orderId: '1042', total: 6080, currency: 'CAD' });
    expect(pageOrder(page(usd), undefined)).toEqual({ orderId: '1042', total: 6080, currency: 'USD' });
  });

  it('nothing on a failed payment’s page, a page without the total, or a page that is not an order-complete page', () => {
    // thankyou.php prints the failure notices instead of the overview; the block adds "Try again".
    const failed = CLASSIC.replace(
      /<ul class="woocommerce-order-overview[\s\S]*?<\/ul>/,
      '<p class="woocommerce-notice woocommerce-notice--error woocommerce-thankyou-order-failed">決済が拒否されました。</p>',
    );
    expect(pageOrder(page(failed), 'JPY')).toBeNull();
    const failedBlock = BLOCK.replace(
      '</div>\n<div class="wp-block-woocommerce-order-confirmation-summary',
      '</div><p class="wc-block-order-confirmation-status__actions"><a class="button" href="/pay">再試行</a></p>\n<div class="wp-block-woocommerce-order-confirmation-summary',
    );
    expect(pageOrder(page(failedBlock), 'JPY')).toBeNull();
    // Without permission to see the order, Summary.php prints nothing.
    expect(pageOrder(page(BLOCK.replace(/<ul class="wc-block-order-confirmation-summary-list">[\s\S]*?<\/ul>/, '')), 'JPY')).toBeNull();
    expect(pageOrder(page(CLASSIC.replace(/<li class="woocommerce-order-overview__total[\s\S]*?<\/li>/, '')), 'JPY')).toBeNull();
    // The cart page of the same shop.
    expect(pageOrder(page(file('test/fixtures/woocommerce-classic.html'), 'https://shop.example.jp/cart/'), 'JPY')).toBeNull();
  });

  it('EC-CUBE’s complete page shows the order number but no total: it is an order-complete page, and nothing is read', () => {
    // EC-CUBE/ec-cube src/Eccube/Resource/template/default/Shopping/complete.twig: the message and
    // 「ご注文番号 : {{ Order.orderNo }}」, no amount.
    const doc = page(
      '<meta name="eccube-csrf-token" content="t"><div class="ec-layoutRole"><div class="ec-cartCompleteRole"><div class="ec-reportHeading"><h2>ご注文ありがとうございました</h2></div><p class="ec-reportDescription">ただいま、ご注文の確認メールをお送りさせていただきました。<br><br><strong>ご注文番号 : 12</strong></p></div></div>',
      'https://shop.example.jp/shopping/complete',
    );
    expect(orderCompletePlatform(doc)).toBe('eccube');
    expect(pageOrder(doc, 'JPY')).toBeNull();
  });
});

describe('the running widget on an order-complete page', () => {
  let bodies: AnyEvent[][];
  beforeEach(() => {
    localStorage.clear();
    sessionStorage.clear();
    resetLogOnce();
    localStorage.setItem('cart-upsell:state', JSON.stringify({ v: 1, visitorId: 'v-cart', firstSeen: Date.now() - 60_000, snoozed: {}, impressions: {} }));
    bodies = captureBatches();
  });
  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
    document.body.className = '';
    document.body.innerHTML = '';
  });
  const config = { events: { endpoint: 'https://collector.example.jp/events', flushIntervalMs: 100 }, holdout: 0 };
  const orders = () => bodies.flat().filter((e) => e.type === 'order');
  const open = (html: string) => {
    const body = new DOMParser().parseFromString(html, 'text/html').body;
    document.body.className = body.className;
    document.body.innerHTML = body.innerHTML;
  };

  it('sends the page’s order once, also after a reload, as the visitor of the cart pages', async () => {
    open(CLASSIC);
    expect(await start(config)).toBe(true);
    await vi.waitFor(() => expect(orders()).toHaveLength(1), { timeout: 8000 });
    const [e] = orders();
    expect(validateEvent(e)).toBeNull();
    expect(e).toMatchObject({ id: 'order-1042', orderId: '1042', total: 6080, currency: 'JPY', visitorId: 'v-cart', items: [] });
    expect(JSON.stringify(e)).not.toMatch(/山田|花子|hanako|渋谷|090-/);
    stop();
    await start(config);
    await new Promise((r) => setTimeout(r, 600));
    expect(orders()).toHaveLength(1);
  });

  it('an order the shop’s hook reports (trackOrder) is the one kept: same id, sent first', async () => {
    open(CLASSIC);
    trackOrder({ orderId: '1042', total: 5390 - 500, items: [{ sku: 'SENCHA-100', quantity: 2, price: 1620 }] });
    expect(await start(config)).toBe(true);
    await vi.waitFor(() => expect(orders()).toHaveLength(1), { timeout: 8000 });
    await new Promise((r) => setTimeout(r, 600));
    expect(orders()).toHaveLength(1);
    expect(orders()[0]).toMatchObject({ id: 'order-1042', total: 4890 });
  });

  it('on a page that shows no order, sends none', async () => {
    open(CLASSIC.replace(/<li class="woocommerce-order-overview__total[\s\S]*?<\/li>/, ''));
    await start(config);
    await new Promise((r) => setTimeout(r, 800));
    expect(orders()).toHaveLength(0);
  });
});
