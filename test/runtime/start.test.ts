import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start, stop } from '../../src/runtime/start';
import type { Cart } from '../../src/types';
import type { Config } from '../../src/config/types';
import { inHoldout } from '../../src/offers/hash';

const flush = () => new Promise((r) => setTimeout(r, 0));
/**
 * The prompts load on demand (a second file in the script-tag build), and the host is made one
 * task before the prompts are drawn into it: wait for what it shows.
 */
const shown = () => vi.waitFor(() => expect(document.querySelector('[data-cart-upsell]')?.shadowRoot?.textContent).toBeTruthy(), { timeout: 5000 });
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
  it("on a page still loading, reads the cart in a task after DOMContentLoaded, not inside the shop's own", async () => {
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
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
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

  it('reads a long cart a slice at a time: the page gets turns, the bar counts every line, a stop halfway leaves nothing', async () => {
    // 600 lines at ￥10; the clock moves 10 ms each time the reader looks at it (a slice is 100 lines).
    const line = (i: number) => `<div class="line"><span class="name" data-sku="S-${i}">品 ${i}</span><span class="price">￥10</span><input class="qty" value="1"></div>`;
    document.querySelector('main')!.innerHTML = Array.from({ length: 600 }, (_, i) => line(i)).join('') + '<p id="subtotal">￥6,000</p>';
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 10));
    const long = config({ readCart: undefined, cart: { selectors } });
    // The reader's clock as the page's own zero-delay timers see it: turns the page got mid-read.
    const seen = new Set<number>();
    const tick = () => host() || (seen.add(clock), setTimeout(tick));
    expect(await start(long)).toBe(true);
    setTimeout(tick);
    await shown();
    expect(shadowText()).toContain('あと￥4,000で送料無料');
    expect([...seen].filter((c) => c > 0 && c < clock).length).toBeGreaterThan(3);
    stop();
    clock = 0;
    expect(await start(long)).toBe(true);
    await vi.waitFor(() => expect(clock).toBeGreaterThan(60));
    stop();
    const at = clock;
    await new Promise((r) => setTimeout(r, 100));
    expect(clock).toBe(at);
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
    await vi.waitFor(() => expect(shadowText()).toContain('送料無料'));
    // The shopper adds one more; the theme re-renders its cart and the watcher sees it.
    document.querySelector('.qty')!.dispatchEvent(new Event('input', { bubbles: true }));
    renderCart(3);
    await vi.waitFor(() => expect(host()!.shadowRoot!.querySelector('[data-action="decline"]')).not.toBeNull(), { timeout: 5000 });
    expect(shadowText()).toContain('手ぬぐい 特撰');
    host()!.shadowRoot!.querySelector<HTMLElement>('[data-action="decline"]')!.click();
    await vi.waitFor(() => expect(shadowText()).toContain('手ぬぐい 上'), { timeout: 5000 });
    host()!.shadowRoot!.querySelector<HTMLElement>('[data-action="accept"]')!.click();
    await vi.waitFor(() => expect(onAccept).toHaveBeenCalledTimes(1), { timeout: 5000 });
    expect(seen.map((e) => `${e.type}:${e.offerType}:${e.value}`)).toEqual(['impression:upsell:3300', 'decline:upsell:3300', 'impression:downsell:1320', 'accept:downsell:1320']);
  });
});

describe('timing', () => {
  const cfgSel = (extra: Partial<Config> = {}) => config({ readCart: undefined, cart: { selectors }, ...extra });
  const events = () => {
    const seen: string[] = [];
    for (const t of ['impression', 'decline', 'dismiss'])
      document.addEventListener(`cart-upsell:${t}`, (e) => seen.push(`${t}:${(e as CustomEvent).detail.offerType}:${(e as CustomEvent).detail.offerId}`));
    return seen;
  };

  it('a cart the page draws late is a first read (a cart view): no upgrade pops up on a plain page view', async () => {
    const seen = events();
    await start(cfgSel());
    await new Promise((r) => setTimeout(r, 300));
    // The theme fetches the cart and draws it 800 ms after load — nobody touched the page.
    renderCart(2);
    await vi.waitFor(() => expect(shadowText()).toContain('￥7,360'), { timeout: 5000 });
    await new Promise((r) => setTimeout(r, 300));
    expect(host()!.shadowRoot!.querySelector('dialog')).toBeNull();
    expect(seen.filter((s) => s.includes('upsell'))).toEqual([]);
    // The shopper then changes the quantity: that is an add, and the upgrade may speak.
    document.querySelector('.qty')!.dispatchEvent(new Event('input', { bubbles: true }));
    renderCart(3);
    await vi.waitFor(() => expect(host()!.shadowRoot!.querySelector('dialog')).not.toBeNull(), { timeout: 5000 });
  });

  it('the first decision waits until the page stops drawing its cart', async () => {
    const read = vi.fn(() => cart);
    await start(config({ readCart: read }));
    // The page keeps changing for 250 ms (a theme's start-up): nothing is read meanwhile.
    for (let i = 0; i < 5; i++) {
      document.querySelector('main')!.append(document.createElement('p'));
      await new Promise((r) => setTimeout(r, 50));
      expect(read).not.toHaveBeenCalled();
    }
    await vi.waitFor(() => expect(read).toHaveBeenCalled());
  });

  it('a checkout click never chains a second modal, even with room for two in the session', async () => {
    const seen = events();
    document.body.insertAdjacentHTML('beforeend', '<a href="#checkout" class="checkout-button">レジに進む</a>');
    const offers: Config['offers'] = [{ id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', downsell: 'TN-0123-PLUS', triggers: ['checkout'] }];
    renderCart(2);
    await start(cfgSel({ offers, caps: { modalsPerSession: 2 } }));
    await vi.waitFor(() => expect(shadowText()).toContain('送料無料'), { timeout: 5000 });
    const link = document.querySelector<HTMLAnchorElement>('.checkout-button')!;
    let went = 0;
    link.addEventListener('click', (e) => {
      if (!e.defaultPrevented) went++;
      e.preventDefault();
    });
    link.click();
    expect(went).toBe(0);
    await vi.waitFor(() => expect(host()!.shadowRoot!.querySelector('[data-action="decline"]')).not.toBeNull(), { timeout: 5000 });
    host()!.shadowRoot!.querySelector<HTMLElement>('[data-action="decline"]')!.click();
    // The click goes on to the checkout; no fallback dialog in between.
    await vi.waitFor(() => expect(went).toBe(1));
    await new Promise((r) => setTimeout(r, 200));
    expect(host()!.shadowRoot!.querySelector('dialog')).toBeNull();
    expect(seen).toEqual(['impression:upsell:up-1', 'decline:upsell:up-1']);
  });

  it('an impression is one per offer per page view, however often the prompt comes back', async () => {
    const seen = events();
    const offers: Config['offers'] = [{ id: 'v-1', type: 'volume', tiers: [{ quantity: 5, percentOff: 10 }], appliedBy: 'platform' }];
    renderCart(2);
    await start(cfgSel({ offers }));
    await vi.waitFor(() => expect(shadowText()).toContain('あと3点'), { timeout: 5000 });
    for (const q of [6, 2, 6, 3]) {
      document.querySelector('.qty')!.dispatchEvent(new Event('input', { bubbles: true }));
      renderCart(q);
      await vi.waitFor(() => expect(shadowText()).toContain(q >= 5 ? '￥' : `あと${5 - q}点`), { timeout: 5000 });
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(seen).toEqual(['impression:volume:v-1']);
  });
});

describe('holdout', () => {
  it('counts every prompt a holdout visitor would have seen, volume lines included, once each', async () => {
    let id = 0;
    while (!inHoldout(`hv-${id}`, 0.5)) id++;
    localStorage.setItem('cart-upsell:state', JSON.stringify({ v: 2, visitorId: `hv-${id}`, firstSeen: Date.now(), snoozed: {}, impressions: {} }));
    const seen: string[] = [];
    document.addEventListener('cart-upsell:impression', (e) => seen.push(`${(e as CustomEvent).detail.offerType}:${(e as CustomEvent).detail.holdout}`));
    const offers: Config['offers'] = [{ id: 'v-1', type: 'volume', tiers: [{ quantity: 5, percentOff: 10 }], appliedBy: 'platform' }];
    await start(config({ offers, holdout: 0.5 }));
    await vi.waitFor(() => expect(seen).toEqual(['volume:true']), { timeout: 5000 });
    expect(shadowText()).not.toContain('あと3点');
  });
});
