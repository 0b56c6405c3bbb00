import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { performAccept, platformFor } from '../../src/actions';
import type { Config } from '../../src/config/types';
import type { CrossSellPrompt } from '../../src/offers/types';
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
const cross: CrossSellPrompt = {
  ...base,
  kind: 'cross-sell',
  offerId: 'x-1',
  value: 440,
  anchor: line,
  items: [{ sku: 'HG-01', name: '箸置き 桜', price: 440, url: 'https://shop.example.jp/products/hg-01' }],
};

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

// Each platform's cart changes are tested against stateful fakes in platform-fakes.test.ts.

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
  const f = (() => {
    throw new Error('analytics wrapper');
  }) as unknown as typeof fetch;
  for (const platform of ['shopify', 'woocommerce', 'eccube'] as const) {
    const r = await performAccept({ prompt: cross, config, cart, platform, fetchImpl: f });
    expect(r.ok).toBe(false);
    expect(r.message).toBeTruthy();
  }
});
