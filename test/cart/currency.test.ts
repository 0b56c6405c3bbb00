// Which currency a cart is in: the page's own word first, the config for a bare "$", else JPY.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCart } from '../../src/cart/read';
import { resetLogOnce } from '../../src/util/log';

const selectors = { item: '.line', name: '.name', price: '.price', quantity: '.qty', subtotal: '#sub' };
const page = (price: string, sub: string, attrs = '') => {
  document.body.innerHTML = `<div ${attrs}><div class="line"><span class="name">手ぬぐい</span><span class="price">${price}</span><span class="qty">1</span></div><p id="sub">${sub}</p></div>`;
};

afterEach(() => {
  delete (window as { Shopify?: unknown }).Shopify;
  vi.restoreAllMocks();
  resetLogOnce();
});

describe('cart currency', () => {
  it("uses Shopify's active currency", () => {
    (window as { Shopify?: unknown }).Shopify = { currency: { active: 'EUR' } };
    page('12,50 €', '12,50 €');
    expect(readCart({ selectors })).toMatchObject({ currency: 'EUR', subtotal: 1250, items: [{ unitPrice: 1250 }] });
  });
  it('uses a data-currency attribute', () => {
    page('£5.00', '£5.00', 'data-currency="GBP"');
    expect(readCart({ selectors })).toMatchObject({ currency: 'GBP', subtotal: 500 });
  });
  it("prefers the page's yen mark over a config that says otherwise", () => {
    page('¥1,650', '¥1,650');
    expect(readCart({ selectors, currency: 'USD' })).toMatchObject({ currency: 'JPY', subtotal: 1650 });
  });
  it('a bare "$" is the configured dollar, else USD', () => {
    page('$12.50', '$12.50');
    expect(readCart({ selectors, currency: 'CAD' }).currency).toBe('CAD');
    expect(readCart({ selectors }).currency).toBe('USD');
  });
  it('no mark on the page: the config, else JPY', () => {
    page('12,000', '12,000');
    expect(readCart({ selectors, currency: 'krw' })).toMatchObject({ currency: 'KRW', subtotal: 12000 });
    expect(readCart({ selectors })).toMatchObject({ currency: 'JPY', subtotal: 12000 });
  });
});
