// The cart watcher: one call per real change, whatever announced it; nothing left after stop.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CART_REQUEST, watchCart } from '../../src/cart/watch';
import type { CartConfig } from '../../src/config/types';

const cfg: CartConfig = { selectors: { item: '.line', name: '.name', price: '.price', quantity: 'input', subtotal: '#sum' } };
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeEach(() => {
  document.body.innerHTML = `
    <div class="line"><span class="name">手ぬぐい</span><span class="price">¥1,320</span><input value="1"></div>
    <p id="sum">¥1,320</p>
    <div data-cart-upsell><span id="ours">0</span></div>`;
});
afterEach(() => {
  vi.restoreAllMocks();
  delete (window as unknown as { jQuery?: unknown }).jQuery;
});

const qty = () => document.querySelector('input') as HTMLInputElement;

describe('watchCart', () => {
  it('a burst of DOM changes gives one call with the new cart', async () => {
    const seen: [number, string][] = [];
    const stop = watchCart(cfg, (c, why) => seen.push([c.subtotal, why]));
    for (let i = 2; i <= 20; i++) {
      qty().setAttribute('value', String(i));
      document.querySelector('#sum')!.textContent = `¥${(1320 * i).toLocaleString('en-US')}`;
    }
    await wait(300);
    expect(seen).toEqual([[26400, 'mutation']]);
    stop();
  });

  it('no call when the page changes but the cart does not', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    document.body.insertAdjacentHTML('beforeend', '<aside class="banner">¥500 OFF クーポン</aside>');
    await wait(250);
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it("the widget's own element changing does not trigger a read", async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    qty().value = '3'; // a property change: no mutation, no event
    document.querySelector('#ours')!.textContent = '1';
    await wait(250);
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it('typing in a quantity box counts', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    qty().value = '4';
    qty().dispatchEvent(new Event('input', { bubbles: true }));
    await wait(250);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0].items[0].quantity).toBe(4);
    stop();
  });

  it("WooCommerce's jQuery cart events count, and are unbound on stop", async () => {
    const handlers = new Map<string, () => void>();
    const off = vi.fn();
    (window as unknown as { jQuery: unknown }).jQuery = () => ({
      on: (evs: string, fn: () => void) => evs.split(' ').forEach((e) => handlers.set(e, fn)),
      off,
    });
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    expect([...handlers.keys()]).toEqual(expect.arrayContaining(['updated_cart_totals', 'added_to_cart', 'removed_from_cart', 'wc_fragments_refreshed']));
    qty().value = '2';
    handlers.get('added_to_cart')!();
    await wait(350);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][1]).toBe('platform-event');
    stop();
    expect(off).toHaveBeenCalled();
  });

  it('a theme\'s "cart:updated" DOM event counts', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    qty().value = '5';
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await wait(350);
    expect(onChange.mock.calls.map((c) => c[1])).toEqual(['platform-event']);
    stop();
  });

  it('after stop nothing is called', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    qty().setAttribute('value', '9');
    stop();
    document.dispatchEvent(new CustomEvent('cart:updated'));
    qty().setAttribute('value', '8');
    await wait(350);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('a long cart', () => {
  // 1,500 lines; the clock moves 5 ms each time the reader looks at it, so a slice is 200 lines.
  beforeEach(() => {
    const line = (i: number) => `<div class="line"><span class="name">商品 ${i}</span><span class="price">¥100</span><input value="1"></div>`;
    document.body.innerHTML = Array.from({ length: 1500 }, (_, i) => line(i)).join('') + '<p id="sum">¥150,000</p>';
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 5));
  });
  /** Counts the turns the page gets (zero-delay timers that run) until `done()` is true. */
  const turns = (done: () => boolean) => {
    let n = 0;
    const tick = () => (done() ? undefined : (n++, setTimeout(tick)));
    setTimeout(tick);
    return () => n;
  };
  const change = (i: number, q: string) => {
    const box = document.querySelectorAll('input')[i];
    box.value = q;
    box.dispatchEvent(new Event('input', { bubbles: true }));
  };

  it('is read a slice at a time, with the page getting turns in between, and told once whole', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    change(1499, '3');
    await wait(130);
    const given = turns(() => onChange.mock.calls.length > 0);
    await wait(200);
    expect(onChange).toHaveBeenCalledTimes(1);
    const cart = onChange.mock.calls[0][0];
    expect(cart.items).toHaveLength(1500);
    expect(cart.items[1499].quantity).toBe(3);
    expect(given()).toBeGreaterThan(3);
    stop();
  });

  it('a change made while it is being read is told too', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    change(0, '2');
    await wait(125);
    change(1499, '5');
    await wait(400);
    const last = onChange.mock.calls.at(-1)![0];
    expect([last.items[0].quantity, last.items[1499].quantity]).toEqual([2, 5]);
    stop();
  });

  it('a page that changes faster than it is read is still read to the end, while it goes on changing', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange, document, { debounce: 2 });
    const boxes = document.querySelectorAll('input');
    let q = 1;
    const churn = setInterval(() => boxes[0].setAttribute('value', String(++q)), 3);
    await wait(400);
    const told = onChange.mock.calls.length;
    clearInterval(churn);
    expect(told).toBeGreaterThan(0);
    expect(onChange.mock.calls[0][0].items).toHaveLength(1500);
    stop();
  });

  it('stopped during a read: nothing is told', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange);
    change(0, '2');
    await wait(125);
    stop();
    await wait(300);
    expect(onChange).not.toHaveBeenCalled();
  });
});

describe('cart requests seen in resource timing', () => {
  it.each([
    'https://shop.example/cart/add.js',
    'https://shop.example/cart/change.js',
    'https://shop.example/cart/update.js',
    'https://shop.example/cart/add',
    'https://shop.example/?wc-ajax=add_to_cart',
    'https://shop.example/?wc-ajax=remove_from_cart&x=1',
    'https://shop.example/?wc-ajax=get_refreshed_fragments',
    'https://shop.example/wp-json/wc/store/v1/cart/add-item',
    'https://shop.example/wp-json/wc/store/v1/batch',
    'https://shop.example/products/add_cart/12',
    'https://shop.example/cart/up/34',
    'https://shop.example/cart/remove/34',
  ])('%s is a cart request', (url) => expect(CART_REQUEST.test(url)).toBe(true));
  it.each([
    'https://shop.example/cart',
    'https://shop.example/products/tenugui.js',
    'https://cdn.example/cart-upsell.js',
    'https://shop.example/collections/cart-items',
    'https://shop.example/?wc-ajax=get_variation',
  ])('%s is not', (url) => expect(CART_REQUEST.test(url)).toBe(false));
});
