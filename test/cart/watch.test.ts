import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CART_REQUEST, watchCart } from '../../src/cart/watch';
import { resetLogOnce } from '../../src/util/log';

const cfg = { selectors: { item: '.line', name: '.name', price: '.price', quantity: 'input', lineTotal: '.total', subtotal: '#subtotal' } };
const line = (name: string, price: number, qty: number) =>
  `<li class="line"><span class="name">${name}</span><span class="price">¥${price.toLocaleString('en')}</span><input value="${qty}"><span class="total">¥${(price * qty).toLocaleString('en')}</span></li>`;
const render = (lines: string) => {
  document.querySelector('#cart')!.innerHTML = `<ul>${lines}</ul>`;
};

class FakePO {
  static all: FakePO[] = [];
  disconnected = false;
  constructor(public cb: (list: { getEntries(): { name: string }[] }) => void) {
    FakePO.all.push(this);
  }
  observe() {}
  disconnect() {
    this.disconnected = true;
  }
  emit(...names: string[]) {
    this.cb({ getEntries: () => names.map((name) => ({ name })) });
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '<div id="cart"></div><p id="subtotal"></p>';
  render(line('手ぬぐい', 1650, 1));
  FakePO.all = [];
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  delete (window as { jQuery?: unknown }).jQuery;
  resetLogOnce();
});

describe('watchCart', () => {
  it('reports one change for a burst of mutations, with the new cart', async () => {
    const seen: unknown[] = [];
    const stop = watchCart(cfg, (cart, reason) => seen.push([cart.items.map((i) => i.quantity), cart.subtotal, reason]), document);
    for (let q = 2; q <= 5; q++) {
      render(line('手ぬぐい', 1650, q));
      await vi.advanceTimersByTimeAsync(30);
    }
    await vi.advanceTimersByTimeAsync(200);
    expect(seen).toEqual([[[5], 8250, 'mutation']]);
    stop();
  });

  it('stays quiet when a re-render shows the same cart, and ignores the widget host', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange, document);
    render(line('手ぬぐい', 1650, 1));
    const host = document.createElement('div');
    host.setAttribute('data-cart-upsell', '');
    document.body.append(host);
    host.innerHTML = '<span class="line">not a cart line</span>';
    await vi.advanceTimersByTimeAsync(500);
    expect(onChange).not.toHaveBeenCalled();
    stop();
  });

  it('re-reads after a theme cart event', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange, document, { debounce: 50 });
    // A theme that re-renders quietly (e.g. replaces text nodes before observing starts) and then says so.
    render(line('手ぬぐい', 1650, 3));
    document.dispatchEvent(new CustomEvent('cart:updated'));
    await vi.advanceTimersByTimeAsync(60);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][0].subtotal).toBe(4950);
    stop();
  });

  it("listens to WooCommerce's jQuery events and removes the handler on stop", async () => {
    const handlers = new Map<string, () => void>();
    const $ = vi.fn(() => ({
      on: (events: string, fn: () => void) => events.split(' ').forEach((e) => handlers.set(e, fn)),
      off: (events: string) => events.split(' ').forEach((e) => handlers.delete(e)),
    }));
    (window as { jQuery?: unknown }).jQuery = $;
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange, document);
    expect([...handlers.keys()]).toContain('updated_cart_totals');
    expect([...handlers.keys()]).toContain('added_to_cart');
    render(line('茶筅', 2150, 1));
    handlers.get('added_to_cart')!();
    await vi.advanceTimersByTimeAsync(150);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][1]).toBe('platform-event');
    stop();
    expect(handlers.size).toBe(0);
  });

  it('re-reads a while after a shop cart request finishes, ignoring other requests', async () => {
    vi.stubGlobal('PerformanceObserver', FakePO);
    (window as unknown as { PerformanceObserver: unknown }).PerformanceObserver = FakePO;
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange, document, { afterRequest: 300 });
    expect(FakePO.all).toHaveLength(1);
    FakePO.all[0].emit('https://shop.example/cdn/theme.js', 'https://shop.example/analytics?x=1');
    await vi.advanceTimersByTimeAsync(400);
    expect(onChange).not.toHaveBeenCalled();
    // The theme updated the drawer without mutations we saw (observer off in this test's window) — simulate by re-rendering now.
    FakePO.all[0].emit('https://shop.example/cart/add.js');
    render(line('今治タオル', 1760, 2));
    await vi.advanceTimersByTimeAsync(350);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange.mock.calls[0][1]).toBe('request');
    stop();
    expect(FakePO.all[0].disconnected).toBe(true);
  });

  it('stop removes every listener and timer', async () => {
    const onChange = vi.fn();
    const stop = watchCart(cfg, onChange, document);
    render(line('手ぬぐい', 1650, 9));
    stop();
    document.dispatchEvent(new CustomEvent('cart:refresh'));
    document.dispatchEvent(new Event('input'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(onChange).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("a throwing onChange is reported once and the shop's page is unaffected", async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const stop = watchCart(cfg, () => {
      throw new Error('boom');
    }, document);
    render(line('手ぬぐい', 1650, 4));
    await vi.advanceTimersByTimeAsync(200);
    expect(error).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('cart requests', () => {
  it.each([
    ['https://s.example/cart/add.js', true],
    ['https://s.example/cart/change.js', true],
    ['https://s.example/cart/update.js?sections=cart-drawer', true],
    ['https://s.example/cart/add', true],
    ['https://s.example/?wc-ajax=add_to_cart', true],
    ['https://s.example/?wc-ajax=get_refreshed_fragments', true],
    ['https://s.example/wp-json/wc/store/v1/cart/add-item', true],
    ['https://s.example/wp-json/wc/store/v1/batch', true],
    ['https://s.example/products/add_cart/12', true],
    ['https://s.example/cart/up/31', true],
    ['https://s.example/cart/remove/31', true],
    ['https://s.example/cart', false],
    ['https://s.example/cart.js', false],
    ['https://s.example/products/cart-holder', false],
    ['https://s.example/?wc-ajax=update_shipping_method_x', false],
    ['https://cdn.example/cart/add-icon.svg', false],
  ])('%s → %s', (url, yes) => expect(CART_REQUEST.test(url)).toBe(yes));
});
