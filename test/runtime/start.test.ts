import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start, stop } from '../../src/runtime/start';
import type { Cart } from '../../src/types';
import type { Config } from '../../src/config/types';

const flush = () => new Promise((r) => setTimeout(r, 0));
/** The prompts load on demand (a second file in the script-tag build): wait for the host. */
const shown = () => vi.waitFor(() => expect(document.querySelector('[data-cart-upsell]')).not.toBeNull(), { timeout: 5000 });
const host = () => document.querySelector('[data-cart-upsell]');
const shadowText = () => {
  const h = host();
  return h?.shadowRoot?.textContent ?? '';
};

let cart: Cart;
const selectors = { item: '.line', name: '.name', sku: '.name', skuAttr: 'data-sku', price: '.price', quantity: '.qty', subtotal: '#subtotal' };
const renderCart = (qty: number) => {
  document.querySelector('main')!.innerHTML = `<div class="line"><span class="name" data-sku="TN-0123">手ぬぐい</span>
    <span class="price">￥1,320</span><input class="qty" value="${qty}"></div><p id="subtotal">￥${(1320 * qty).toLocaleString('en')}</p>`;
};
const config = (extra: Partial<Config> = {}): Config => ({
  locale: 'ja',
  freeShipping: { threshold: 10000 },
  products: [
    { sku: 'TN-0123', name: '手ぬぐい', price: 1320 },
    { sku: 'TN-0123-DX', name: '手ぬぐい 特撰', price: 2420 },
    { sku: 'TN-0123-PLUS', name: '手ぬぐい 上', price: 1760 },
  ],
  offers: [{ id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', downsell: 'TN-0123-PLUS', benefits: ['綿100%'] }],
  readCart: () => cart,
  ...extra,
});

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
  document.body.innerHTML = '<main><h1>カート</h1></main>';
  cart = {
    currency: 'JPY',
    items: [{ id: null, sku: 'TN-0123', name: '手ぬぐい', unitPrice: 1320, quantity: 2, lineTotal: 2640 }],
    subtotal: 2640,
  };
});
afterEach(() => stop());

describe('start and stop', () => {
  it('shows the free-shipping bar with the exact remaining amount', async () => {
    expect(await start(config())).toBe(true);
    await shown();
    expect(host()?.shadowRoot).toBeTruthy();
    expect(shadowText()).toContain('あと￥7,360で送料無料');
  });

  it('a bad config logs one error naming the field and stays off', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await start({ freeShipping: { threshold: 'ten thousand' as unknown as number } })).toBe(false);
    expect(error).toHaveBeenCalledTimes(1);
    expect(String(error.mock.calls[0][0])).toContain('freeShipping.threshold: expected a whole number of yen, got "ten thousand"');
    expect(host()).toBeNull();
    error.mockRestore();
  });

  it('starting twice gives one widget', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await Promise.all([start(config()), start(config())]);
    await shown();
    await flush();
    expect(document.querySelectorAll('[data-cart-upsell]')).toHaveLength(1);
    warn.mockRestore();
  });

  it('stop removes the host', async () => {
    await start(config());
    await shown();
    stop();
    expect(host()).toBeNull();
  });
});

describe('prompts and events', () => {
  it('on a page still loading, reads the cart in a task after DOMContentLoaded, not inside the shop\'s own', async () => {
    const read = vi.fn(() => cart);
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    try {
      expect(await start(config({ readCart: read }))).toBe(true);
      await flush();
      expect(read).not.toHaveBeenCalled();
      document.dispatchEvent(new Event('DOMContentLoaded'));
      expect(read).not.toHaveBeenCalled();
    } finally {
      delete (document as { readyState?: unknown }).readyState;
    }
    await flush();
    expect(read).toHaveBeenCalled();
  });

  it('reads the cart in a task of its own after start, and a stop before that leaves nothing', async () => {
    const read = vi.fn(() => cart);
    expect(await start(config({ readCart: read }))).toBe(true);
    expect(read).not.toHaveBeenCalled();
    stop();
    await new Promise((r) => setTimeout(r, 50));
    expect(read).not.toHaveBeenCalled();
    expect(host()).toBeNull();
  });

  it('a cart change shows the upsell; a decline brings the downsell once; every step is an event', async () => {
    const seen: { type: string; offerType: string; value: number }[] = [];
    for (const t of ['impression', 'accept', 'decline', 'dismiss']) {
      document.addEventListener(`cart-upsell:${t}`, (e) => seen.push((e as CustomEvent).detail));
    }
    const onAccept = vi.fn(() => true);
    renderCart(2);
    await start(config({ onAccept, readCart: undefined, cart: { selectors } }));
    await flush();
    // The shopper adds one more; the theme re-renders its cart and the watcher sees it.
    renderCart(3);
    await vi.waitFor(() => expect(host()!.shadowRoot!.querySelector('[data-action="decline"]')).not.toBeNull(), { timeout: 5000 });
    expect(shadowText()).toContain('手ぬぐい 特撰');
    host()!.shadowRoot!.querySelector<HTMLElement>('[data-action="decline"]')!.click();
    await vi.waitFor(() => expect(shadowText()).toContain('手ぬぐい 上'), { timeout: 5000 });
    host()!.shadowRoot!.querySelector<HTMLElement>('[data-action="accept"]')!.click();
    await vi.waitFor(() => expect(onAccept).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(seen.map((e) => `${e.type}:${e.offerType}:${e.value}`)).toEqual([
      'impression:upsell:3300',
      'decline:upsell:3300',
      'impression:downsell:1320',
      'accept:downsell:1320',
    ]);
  });
});
