import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { performAccept, platformFor } from '../../src/actions';
import type { Config } from '../../src/config/types';
import type { CrossSellPrompt, UpsellPrompt } from '../../src/offers/types';
import type { Cart } from '../../src/types';

const line = { id: 'LINE-1', sku: 'TN-0123', name: '手ぬぐい 青海波', unitPrice: 1320, quantity: 2, lineTotal: 2640 };
const cart: Cart = { currency: 'JPY', items: [line], subtotal: 2640 };
const config: Config = {
  products: [
    { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, id: 4001, productId: 40 },
    { sku: 'TN-0123-DX', name: '手ぬぐい 青海波 特撰', price: 2420, id: 4002, productId: 40 },
    { sku: 'HG-01', name: '箸置き 桜', price: 440, id: 77, productId: 45, url: 'https://shop.example.jp/products/hg-01' },
  ],
};
const base = { variant: null, currency: 'JPY', text: {}, proof: {} };
const upsell: UpsellPrompt = {
  ...base, kind: 'upsell', offerId: 'up-1', value: 2200, line, quantity: 2, difference: 1100, benefits: [],
  from: { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320 },
  to: { sku: 'TN-0123-DX', name: '手ぬぐい 青海波 特撰', price: 2420 },
};
const cross: CrossSellPrompt = {
  ...base, kind: 'cross-sell', offerId: 'x-1', value: 440, anchor: line,
  items: [{ sku: 'HG-01', name: '箸置き 桜', price: 440, url: 'https://shop.example.jp/products/hg-01' }],
};

type Call = { url: string; method: string; headers: Record<string, string>; body: string };
/** A fake shop backend: routes by path, records every request. */
function shop(routes: Record<string, (body: string) => Response | Promise<Response>>) {
  const calls: Call[] = [];
  const f = vi.fn(async (input: string, init: RequestInit = {}) => {
    const url = String(input);
    const body = init.body instanceof URLSearchParams ? init.body.toString() : String(init.body ?? '');
    calls.push({ url, method: init.method ?? 'GET', headers: (init.headers ?? {}) as Record<string, string>, body });
    const key = Object.keys(routes).find((k) => url.includes(k));
    return key ? routes[key](body) : new Response('not found', { status: 404 });
  });
  return { fetchImpl: f as unknown as typeof fetch, calls, paths: () => calls.map((c) => new URL(c.url, 'https://shop.example.jp').pathname) };
}
const ok = (json: unknown) => new Response(JSON.stringify(json), { status: 200, headers: { 'content-type': 'application/json' } });

const w = window as unknown as Record<string, unknown>;
beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
afterEach(() => {
  for (const k of ['Shopify', 'wcBlocksMiddlewareConfig', 'wcSettings', 'jQuery', 'wc_add_to_cart_params']) delete w[k];
});

describe('platformFor', () => {
  it('takes actions.platform first, then the platform readCart found, then the cart preset', () => {
    expect(platformFor({ actions: { platform: 'eccube' }, cart: { preset: 'shopify' } }, 'woocommerce')).toBe('eccube');
    expect(platformFor({ cart: { preset: 'shopify' } }, 'woocommerce')).toBe('woocommerce');
    expect(platformFor({ cart: { preset: 'eccube' } })).toBe('eccube');
    expect(platformFor({ cart: { preset: 'auto' } })).toBe('none');
    expect(platformFor({ cart: { preset: 'auto' } }, 'not-a-platform')).toBe('none');
  });

  it('does not look at the page again: a Shopify global alone chooses nothing', () => {
    w.Shopify = { routes: { root: '/' } };
    expect(platformFor({ cart: { preset: 'auto' } })).toBe('none');
  });
});

describe('Shopify', () => {
  it('adds the upgrade, then zeroes the old line, asking the last request for the drawer sections', async () => {
    w.Shopify = { routes: { root: '/' } };
    const rendered: unknown[] = [];
    document.body.innerHTML = '<div id="shopify-section-cart-drawer"></div><span id="cart-icon-bubble"></span>';
    const drawer = Object.assign(document.createElement('cart-drawer'), {
      renderContents: (s: unknown) => rendered.push(s),
      getSectionsToRender: () => [{ id: 'cart-drawer' }, { id: 'cart-icon-bubble' }],
    });
    document.body.append(drawer);
    const s = shop({
      '/cart/add.js': () => ok({ items: [{ key: '4002:abc', id: 4002, quantity: 2 }] }),
      '/cart/change.js': () => ok({ item_count: 2, sections: { 'cart-drawer': '<div>2 items</div>', 'cart-icon-bubble': '<span>2</span>' } }),
    });
    const r = await performAccept({ prompt: { ...upsell, discountCode: 'UP 10' }, config, cart, platform: 'shopify', fetchImpl: s.fetchImpl });
    expect(r).toEqual({ ok: true });
    expect(s.paths()).toEqual(['/cart/add.js', '/cart/change.js', '/discount/UP%2010']);
    expect(JSON.parse(s.calls[0].body)).toEqual({ items: [{ id: 4002, quantity: 2 }] });
    expect(JSON.parse(s.calls[1].body)).toMatchObject({ id: 'LINE-1', quantity: 0, sections: 'cart-drawer,cart-icon-bubble' });
    // The drawer is drawn from the cart after the removal, not the one in between.
    expect(rendered).toHaveLength(1);
    expect(rendered[0]).toMatchObject({ item_count: 2, key: '4002:abc' });
  });

  it('a refused add leaves the old line alone and says so in words', async () => {
    w.Shopify = {};
    const s = shop({ '/cart/add.js': () => new Response('{"status":422}', { status: 422 }) });
    const r = await performAccept({ prompt: upsell, config, cart, platform: 'shopify', fetchImpl: s.fetchImpl });
    expect(r.ok).toBe(false);
    expect(r.message).toContain('カートの内容は変わっていません');
    expect(s.paths()).toEqual(['/cart/add.js']);
    const en = await performAccept({ prompt: upsell, config: { ...config, locale: 'en' }, cart, platform: 'shopify', fetchImpl: s.fetchImpl });
    expect(en.message).toMatch(/could not be added.*unchanged/);
  });

  it('without a variant id nothing is sent', async () => {
    const s = shop({});
    const r = await performAccept({ prompt: upsell, config: { products: [] }, cart, platform: 'shopify', fetchImpl: s.fetchImpl });
    expect(r.ok).toBe(false);
    expect(s.calls).toHaveLength(0);
  });

  it('a theme whose drawer code throws still gets ok: the cart did change', async () => {
    document.body.append(Object.assign(document.createElement('cart-notification'), {
      getSectionsToRender: () => [{ id: 'cart-notification-product' }],
      renderContents: () => { throw new Error('theme bug'); },
    }));
    const s = shop({ '/cart/add.js': () => ok({ items: [{ key: 'k' }], sections: { 'cart-notification-product': '<p>x</p>' } }) });
    const r = await performAccept({ prompt: cross, config, cart, platform: 'shopify', fetchImpl: s.fetchImpl });
    expect(r).toEqual({ ok: true });
    expect(JSON.parse(s.calls[0].body)).toMatchObject({ items: [{ id: 77, quantity: 1 }], sections: 'cart-notification-product' });
  });

  it('a theme without a drawer element gets its sections swapped in place', async () => {
    document.body.innerHTML = '<div id="shopify-section-cart-icon-bubble"><span>1</span></div>';
    const s = shop({ '/cart/add.js': () => ok({ items: [{}], sections: { 'cart-icon-bubble': '<div id="shopify-section-cart-icon-bubble"><span>2</span></div>' } }) });
    await performAccept({ prompt: cross, config, cart, platform: 'shopify', fetchImpl: s.fetchImpl });
    expect(document.getElementById('shopify-section-cart-icon-bubble')!.textContent).toBe('2');
  });
});

describe('WooCommerce', () => {
  it('Store API: add-item, remove-item and apply-coupon with the page nonce, then the fragment refresh', async () => {
    w.wcBlocksMiddlewareConfig = { storeApiNonce: 'n0nce', wcStoreApiNonceTimestamp: '1' };
    const triggered: string[] = [];
    w.jQuery = () => ({ trigger: (name: string) => triggered.push(name) });
    const s = shop({ 'add-item': () => ok({}), 'remove-item': () => ok({}), 'apply-coupon': () => ok({}) });
    const r = await performAccept({ prompt: { ...upsell, discountCode: 'SET10' }, config, cart, platform: 'woocommerce', fetchImpl: s.fetchImpl });
    expect(r).toEqual({ ok: true });
    expect(s.paths()).toEqual(['/wp-json/wc/store/v1/cart/add-item', '/wp-json/wc/store/v1/cart/remove-item', '/wp-json/wc/store/v1/cart/apply-coupon']);
    expect(s.calls.map((c) => c.headers.Nonce)).toEqual(['n0nce', 'n0nce', 'n0nce']);
    expect(s.calls.map((c) => JSON.parse(c.body))).toEqual([{ id: 4002, quantity: 2 }, { key: 'LINE-1' }, { code: 'SET10' }]);
    expect(triggered).toEqual(['wc_fragment_refresh', 'added_to_cart']);
  });

  it('a failed add removes nothing', async () => {
    w.wcBlocksMiddlewareConfig = { storeApiNonce: 'n0nce' };
    const s = shop({ 'add-item': () => new Response('{"code":"woocommerce_rest_product_out_of_stock"}', { status: 400 }) });
    const r = await performAccept({ prompt: upsell, config, cart, platform: 'woocommerce', fetchImpl: s.fetchImpl });
    expect(r.ok).toBe(false);
    expect(s.paths()).toEqual(['/wp-json/wc/store/v1/cart/add-item']);
  });

  it('without the Store API nonce: the classic ?wc-ajax=add_to_cart form post; {error:true} is a failure', async () => {
    w.wc_add_to_cart_params = { wc_ajax_url: '/?wc-ajax=%%endpoint%%' };
    const s = shop({ 'wc-ajax=add_to_cart': () => ok({ fragments: {}, cart_hash: 'h' }) });
    expect(await performAccept({ prompt: cross, config, cart, platform: 'woocommerce', fetchImpl: s.fetchImpl })).toEqual({ ok: true });
    expect(s.calls[0].url).toBe('/?wc-ajax=add_to_cart');
    expect(s.calls[0].headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(s.calls[0].body))).toEqual({ product_id: '77', quantity: '1' });
    const bad = shop({ 'wc-ajax=add_to_cart': () => ok({ error: true, product_url: '/p/77' }) });
    expect((await performAccept({ prompt: cross, config, cart, platform: 'woocommerce', fetchImpl: bad.fetchImpl })).ok).toBe(false);
  });
});

describe('EC-CUBE 4', () => {
  it('posts the add-cart form with ProductClass, quantity and the CSRF token', async () => {
    document.head.innerHTML = '<meta name="eccube-csrf-token" content="tok-1">';
    const s = shop({ '/products/add_cart/': () => ok({ done: true, messages: ['カートに追加しました。'] }) });
    expect(await performAccept({ prompt: cross, config, cart, platform: 'eccube', fetchImpl: s.fetchImpl })).toEqual({ ok: true });
    expect(s.paths()).toEqual(['/products/add_cart/45']);
    expect(s.calls[0].headers['ECCUBE-CSRF-TOKEN']).toBe('tok-1');
    expect(Object.fromEntries(new URLSearchParams(s.calls[0].body))).toEqual({ product_id: '45', ProductClass: '77', quantity: '1', _token: 'tok-1' });
  });

  it('{done:false} (sold out, over the limit) is a failure', async () => {
    const s = shop({ '/products/add_cart/': () => ok({ done: false, messages: ['在庫が不足しています'] }) });
    const r = await performAccept({ prompt: cross, config, cart, platform: 'eccube', fetchImpl: s.fetchImpl });
    expect(r.ok).toBe(false);
  });
});

describe('no platform', () => {
  const fakeDoc = () => {
    const assign = vi.fn();
    return { assign, doc: { baseURI: 'https://shop.example.jp/cart', defaultView: { location: { assign } } } as unknown as Document };
  };
  it('goes to the product page when there is an http(s) url', async () => {
    const { assign, doc } = fakeDoc();
    expect(await performAccept({ prompt: cross, config, cart, platform: 'none', doc })).toEqual({ ok: true, navigated: true });
    expect(assign).toHaveBeenCalledWith('https://shop.example.jp/products/hg-01');
  });
  it('never follows a javascript: url; with nothing to do the event alone is the outcome', async () => {
    const { assign, doc } = fakeDoc();
    const evil = { ...config, products: [{ sku: 'HG-01', name: 'x', price: 440, url: 'javascript:alert(1)' }] };
    const prompt = { ...cross, items: [{ ...cross.items[0], url: 'javascript:alert(1)' }] };
    expect(await performAccept({ prompt, config: evil, cart, platform: 'none', doc })).toEqual({ ok: true });
    expect(assign).not.toHaveBeenCalled();
  });
});

it('never throws, even when the page replaced fetch with something that throws', async () => {
  const f = (() => { throw new Error('analytics wrapper'); }) as unknown as typeof fetch;
  for (const platform of ['shopify', 'woocommerce', 'eccube'] as const) {
    const r = await performAccept({ prompt: cross, config, cart, platform, fetchImpl: f });
    expect(r.ok).toBe(false);
    expect(r.message).toBeTruthy();
  }
});
