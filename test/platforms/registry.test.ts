// The platform registry: one file per platform, each complete, and what the rest of the widget
// derives from it. The compile-time half (a missing platform or field is an error) is checked by
// `tsc` on this file: every `@ts-expect-error` below must stay an error.
import { describe, expect, it } from 'vitest';
import { PLATFORMS, PLATFORM_IDS, detectPlatform, findLayout, orderCompletePlatform, platforms, type Platform, type PlatformId } from '../../src/platforms';
import { shopify } from '../../src/platforms/shopify';
import { woocommerce } from '../../src/platforms/woocommerce';
import { CART_REQUEST } from '../../src/cart/watch';
import { validateConfig } from '../../src/config/validate';

const page = (html: string, url = 'https://shop.example/') => {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  // A parsed document has no location; the order-complete checks read the page's path.
  Object.defineProperty(doc, 'location', { value: new URL(url) });
  return doc;
};

describe('compile-time completeness', () => {
  it('a platform missing a field, or a registry missing a platform, does not compile', () => {
    // @ts-expect-error — no checkout buttons: not a Platform
    const noCheckout = { ...shopify, checkout: undefined } satisfies Platform;
    // @ts-expect-error — the registry must name every id in PLATFORM_IDS
    const partial = { shopify, woocommerce } satisfies Record<PlatformId, Platform>;
    expect([noCheckout, partial]).toHaveLength(2);
  });
});

describe('the registry', () => {
  it('holds exactly the platforms PLATFORM_IDS names, each with its layouts and signals', () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual([...PLATFORM_IDS].sort());
    for (const [id, p] of platforms()) {
      // カラーミーショップ's cart is Color Me's hosted app, not the shop's template: nothing to read.
      expect(p.layouts.length > 0, id).toBe(id !== 'colorme');
      expect(p.name, id).not.toBe('');
      // Every selector the platform names is valid CSS.
      const doc = page('<p></p>');
      for (const sel of [
        p.checkout,
        ...p.layouts.flatMap((l) => [
          l.scope,
          ...Object.entries(l.selectors)
            .filter(([k]) => k !== 'skuAttr')
            .flatMap(([, s]) => String(s).split(' || ')),
        ]),
      ])
        expect(() => doc.querySelector(sel), `${id}: ${sel}`).not.toThrow();
    }
  });

  it('the config accepts every registered preset and "actions.platform", and names them on a typo', () => {
    for (const id of PLATFORM_IDS) {
      expect(validateConfig({ cart: { preset: id } }).errors).toEqual([]);
      expect(validateConfig({ actions: { platform: id } }).errors).toEqual([]);
    }
    const bad = validateConfig({ cart: { preset: 'shopfiy' } }).errors;
    expect(bad).toHaveLength(1);
    expect(bad[0].path).toBe('cart.preset');
    for (const id of PLATFORM_IDS) expect(bad[0].message).toContain(`"${id}"`);
  });

  it('cart requests of every platform are watched, and nothing else', () => {
    expect(CART_REQUEST.test('https://s.example/cart/add.js')).toBe(true);
    expect(CART_REQUEST.test('https://s.example/?wc-ajax=add_to_cart')).toBe(true);
    expect(CART_REQUEST.test('https://s.example/products/add_cart/3')).toBe(true);
    expect(CART_REQUEST.test('https://s.example/p/cart/add')).toBe(true);
    expect(CART_REQUEST.test('https://s.example/checkout/cart/add/uenc/x/product/12/')).toBe(true);
    expect(CART_REQUEST.test('https://s.example/cart/proxy/basket/items/add')).toBe(true);
    expect(CART_REQUEST.test('https://s.example/shop/basket.html')).toBe(true);
    expect(CART_REQUEST.test('https://s.example/products/detail/3')).toBe(false);
    expect(CART_REQUEST.test('https://s.example/p/cartoon')).toBe(false);
  });
});

describe('detection', () => {
  it.each([
    ['shopify', '<meta name="shopify-digital-wallet" content="/1/digital_wallets/dialog">'],
    ['woocommerce', '<body class="home woocommerce-page"></body>'],
    ['eccube', '<meta name="eccube-csrf-token" content="x"><div class="ec-layoutRole"></div>'],
    ['colorme', '<a href="https://www.example.jp/cart/proxy/basket?shop_id=PA01437442&shop_domain=example.jp">カート</a>'],
    ['makeshop', '<img src="https://gigaplus.makeshop.jp/hidamari/images/logo.png" alt="">'],
    ['futureshop', '<body id="fs_ProductDetails" class="fs-body-product"></body>'],
    ['magento', '<script type="text/x-magento-init">{"*":{}}</script>'],
  ] as [PlatformId, string][])('%s pages say so without a cart on them', (id, html) => {
    expect(detectPlatform(page(html))).toBe(id);
    expect(findLayout(page(html), 'auto')).toBeNull();
  });

  it('a plain page is no platform', () => {
    expect(detectPlatform(page('<h1>手ぬぐい</h1>'))).toBeNull();
  });

  it.each([
    ['shopify', '<p>ご注文ありがとうございます</p>', 'https://s.example/checkouts/c/abc123/thank-you'],
    ['woocommerce', '<body class="woocommerce-checkout woocommerce-page woocommerce-order-received"></body>', 'https://s.example/checkout/order-received/123/?key=wc_order_x'],
    ['eccube', '<body id="page_shopping_complete"></body>', 'https://s.example/shopping/complete'],
    ['magento', '<body class="checkout-onepage-success page-layout-1column"></body>', 'https://s.example/checkout/onepage/success/'],
    ['futureshop', '<body id="fs_CheckoutSuccess" class="fs-body-checkoutSuccess"></body>', 'https://s.example/p/checkout/success'],
  ] as [PlatformId, string, string][])('%s: the order-complete page is recognised', (id, html, url) => {
    expect(orderCompletePlatform(page(html, url))).toBe(id);
    expect(orderCompletePlatform(page(html.replace(/order-received|page_shopping_complete|checkout-onepage-success|CheckoutSuccess/g, 'x'), 'https://s.example/cart'))).toBeNull();
  });
});
