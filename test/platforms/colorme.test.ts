// カラーミーショップ: the cart is the basket Color Me prints on every shop page as `var Colorme`
// (developer-docs.shop-pro.jp/document/script-tag-object/), not markup of the shop's.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCart } from '../../src/cart/read';
import { resetLogOnce } from '../../src/util/log';

const page = (script: string) => new DOMParser().parseFromString(`<html><head><script>${script}</script></head><body><a href="/cart/proxy/basket?shop_id=PA01">カート</a></body></html>`, 'text/html');

afterEach(() => {
  vi.restoreAllMocks();
  resetLogOnce();
  delete (window as unknown as { Colorme?: unknown }).Colorme;
});

describe('カラーミーショップ basket', () => {
  it('reads the live global on a page whose script ran', () => {
    (window as unknown as { Colorme: unknown }).Colorme = { page: 'product', basket: { total_price: 2200, items: [{ id: 7, name: ' 手ぬぐい ', price: 1100, quantity: 2, ng_delivery_ids: [] }] } };
    expect(readCart({ preset: 'auto' }, document)).toEqual({
      currency: 'JPY',
      platform: 'colorme',
      items: [{ id: '7', sku: null, name: '手ぬぐい', unitPrice: 1100, quantity: 2, lineTotal: 2200 }],
      subtotal: 2200,
    });
  });

  it('an empty basket is an empty Color Me cart, not "no cart found"', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = page('var Colorme = {"page":"top","shop":{"account_id":"PA01"},"basket":{"total_price":0,"items":[]},"customer":{"id":null}};');
    expect(readCart({ preset: 'colorme' }, doc)).toEqual({ currency: 'JPY', platform: 'colorme', items: [], subtotal: 0 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('broken data, or lines without a price, never throw: the rest reads', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(readCart({ preset: 'auto' }, page('var Colorme = {"basket": {'))).toMatchObject({ items: [], subtotal: 0 });
    const doc = page('var Colorme = {"basket":{"total_price":500,"items":[{"id":1,"name":"A","price":"x","quantity":1},{"id":2,"name":"B","price":500,"quantity":1}]}};');
    expect(readCart({ preset: 'auto' }, doc).items.map((i) => i.name)).toEqual(['B']);
  });
});
