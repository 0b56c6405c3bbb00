import { describe, expect, it } from 'vitest';
import { pageOf, personal, scrubPath } from '../../src/events/page';

describe('page as events carry it', () => {
  it('drops path segments that look like e-mails, long digit runs or tokens', () => {
    expect(scrubPath('/members/taro.yamada@example.jp/cart')).toBe('/members/*/cart');
    expect(scrubPath('/members/taro.yamada%40example.jp/cart')).toBe('/members/*/cart');
    expect(scrubPath('/mypage/order/20261204123/complete')).toBe('/mypage/order/*/complete');
    expect(scrubPath('/tel/09012345678')).toBe('/tel/*');
    expect(scrubPath('/reset/9f8b2c4d1e7a3b5c6d8e9f0a1b2c3d4e')).toBe('/reset/*');
    expect(scrubPath('/invite/3f2b1c4e-9a7d-4e1b-8c2d-5f6a7b8c9d0e')).toBe('/invite/*');
    expect(scrubPath('/s/aZ3kQ9xLm2Pq7RtW')).toBe('/s/*');
  });

  it('keeps ordinary shop paths', () => {
    for (const p of ['/cart', '/products/tenugui-seigaiha', '/products/detail/12', '/collections/spring-sale-2026-collection', '/shop/cart/', '/カート', '/products/tenugui-seigaiha-deluxe-edition']) {
      expect(scrubPath(p)).toBe(p);
    }
    expect(personal('2026')).toBe(false);
  });

  it('is configurable: the whole path, or the origin only', () => {
    const loc = { origin: 'https://shop.example.jp', pathname: '/members/taro@example.jp/cart' };
    expect(pageOf(loc)).toBe('https://shop.example.jp/members/*/cart');
    expect(pageOf(loc, 'path')).toBe('https://shop.example.jp/members/taro@example.jp/cart');
    expect(pageOf(loc, 'origin')).toBe('https://shop.example.jp/');
  });
});
