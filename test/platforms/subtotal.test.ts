// `subtotal` means one thing on every platform: the goods after discounts and coupons, before
// shipping. The free-shipping bar compares it with the threshold, or — a config choice — the goods
// before cart-level discounts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readCart } from '../../src/cart/read';
import { freeShippingView } from '../../src/offers/free-shipping';
import { validateConfig } from '../../src/config/validate';
import { resetLogOnce } from '../../src/util/log';

const fixture = (name: string) => new DOMParser().parseFromString(readFileSync(join(dirname(fileURLToPath(import.meta.url)), `../fixtures/${name}.html`), 'utf8'), 'text/html');

afterEach(() => {
  vi.restoreAllMocks();
  resetLogOnce();
});

describe('a WooCommerce cart with a coupon', () => {
  it('reads the subtotal after the coupon, as on every other platform', () => {
    const cart = readCart({ preset: 'auto' }, fixture('woocommerce-coupon'));
    // 小計 ¥5,390, クーポン −¥500, 配送 ¥660, 合計 ¥5,550: the goods after the coupon are ¥4,890.
    expect(cart).toMatchObject({ platform: 'woocommerce', subtotal: 4890, discount: 500 });
  });

  it('the bar shows what is really left to go: after the coupon by default, before it when the config says so', () => {
    const cart = readCart({ preset: 'auto' }, fixture('woocommerce-coupon'));
    expect(freeShippingView(cart, { freeShipping: { threshold: 10000 } })).toMatchObject({ subtotal: 4890, remaining: 5110 });
    expect(freeShippingView(cart, { freeShipping: { threshold: 10000, basis: 'after-discounts' } })).toMatchObject({ remaining: 5110 });
    expect(freeShippingView(cart, { freeShipping: { threshold: 10000, basis: 'before-discounts' } })).toMatchObject({ subtotal: 5390, remaining: 4610 });
  });

  it('without a coupon there is no discount and both bases agree', () => {
    const cart = readCart({ preset: 'auto' }, fixture('woocommerce-classic'));
    expect(cart.subtotal).toBe(5390);
    expect(cart.discount).toBeUndefined();
    expect(freeShippingView(cart, { freeShipping: { threshold: 10000, basis: 'before-discounts' } })!.remaining).toBe(4610);
  });
});

describe('a Shopify cart with a cart-level discount', () => {
  // Dawn's main-cart-footer.liquid: "Estimated total" is cart.total_price (after the discount), and
  // each cart_level_discount_application is listed as "(-¥500)".
  const page = () => {
    const doc = fixture('shopify-dawn-cart');
    const footer = doc.querySelector('#main-cart-footer .totals')!;
    footer.insertAdjacentHTML(
      'afterend',
      '<div><ul class="discounts list-unstyled" role="list" aria-label="割引"><li class="discounts__discount discounts__discount--position">WELCOME (-¥500)</li></ul></div>',
    );
    const total = doc.querySelector('#main-cart-footer .totals__total-value')!;
    total.textContent = total.textContent!.replace(/[\d,]+/, (n) => (Number(n.replace(/,/g, '')) - 500).toLocaleString('en-US'));
    return doc;
  };

  it('keeps the page total as the subtotal (already after the discount) and reports the discount', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const plain = readCart({ preset: 'shopify' }, fixture('shopify-dawn-cart'));
    const cart = readCart({ preset: 'shopify' }, page());
    expect(cart.subtotal).toBe(plain.subtotal - 500);
    expect(cart.discount).toBe(500);
    expect(freeShippingView(cart, { freeShipping: { threshold: 20000, basis: 'before-discounts' } })!.subtotal).toBe(plain.subtotal);
  });
});

it('the config names a wrong basis', () => {
  const { errors } = validateConfig({ freeShipping: { threshold: 10000, basis: 'gross' } });
  expect(errors.map((e) => e.path)).toEqual(['freeShipping.basis']);
});
