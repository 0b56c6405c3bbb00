// "Yes" on each platform against stateful fakes modelled on the platforms' own source
// (demo/site/shared/platforms/*.js cite the files). Every test ends with the fake's final cart.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { performAccept, unchargeable } from '../../src/actions';
import type { Config } from '../../src/config/types';
import type { BundlePrompt, CrossSellPrompt, Prompt, UpsellPrompt, VolumePrompt } from '../../src/offers/types';
import type { Cart, CartItem } from '../../src/types';
import { fetchOf } from '../../demo/site/shared/platforms/http.js';
import { createShopify } from '../../demo/site/shared/platforms/shopify.js';
import { createWooCommerce } from '../../demo/site/shared/platforms/woocommerce.js';
import { createEccube } from '../../demo/site/shared/platforms/eccube.js';
import { createMagento } from '../../demo/site/shared/platforms/magento.js';

const catalog = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, id: 4001, productId: 40 },
  { sku: 'TN-0123-DX', name: '手ぬぐい 青海波 特撰', price: 2420, id: 4002, productId: 40 },
  { sku: 'HG-01', name: '箸置き 桜', price: 440, id: 77, productId: 45 },
  { sku: 'TOTE-01', name: 'トートバッグ', price: 2200, id: 88, productId: 46 },
];
const config: Config = { products: catalog };
const view = (sku: string) => {
  const p = catalog.find((c) => c.sku === sku)!;
  return { sku: p.sku, name: p.name, price: p.price };
};
const base = { variant: null, currency: 'JPY', text: {}, proof: {} };
const pageLine = (id: string | null, quantity = 2): CartItem => ({ id, sku: 'TN-0123', name: '手ぬぐい 青海波', unitPrice: 1320, quantity, lineTotal: 1320 * quantity });
const upsell = (line: CartItem): UpsellPrompt => ({
  ...base,
  kind: 'upsell',
  offerId: 'up-1',
  value: 2200,
  line,
  quantity: line.quantity,
  difference: 1100,
  benefits: [],
  from: view('TN-0123'),
  to: view('TN-0123-DX'),
});
const cross = (line: CartItem): CrossSellPrompt => ({ ...base, kind: 'cross-sell', offerId: 'x-1', value: 440, anchor: line, items: [view('HG-01')] });
const set = (code?: string): BundlePrompt => ({
  ...base,
  kind: 'bundle',
  offerId: 'b-1',
  value: 2300,
  items: [view('TN-0123'), view('HG-01'), view('TOTE-01')],
  missing: [view('HG-01'), view('TOTE-01')],
  setPrice: 3620,
  partsTotal: 3960,
  saving: 340,
  ...(code ? { discountCode: code } : {}),
});
const volume = (code: string): VolumePrompt => ({ ...base, kind: 'volume', offerId: 'v-1', value: 0, itemsToNext: 0, nextPercentOff: 10, currentPercentOff: 10, discountCode: code });
const cartOf = (line: CartItem): Cart => ({ currency: 'JPY', items: [line], subtotal: line.lineTotal });
const accept = (prompt: Prompt, fetchImpl: typeof fetch, line: CartItem, platform: 'shopify' | 'woocommerce' | 'eccube', en = false) =>
  performAccept({ prompt, config: en ? { ...config, locale: 'en' } : config, cart: cartOf(line), platform, fetchImpl });

const w = window as unknown as Record<string, unknown>;
beforeEach(() => {
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});
afterEach(() => {
  for (const k of ['Shopify', 'wcBlocksMiddlewareConfig', 'wcSettings', 'jQuery', 'wc_add_to_cart_params', 'wc_cart_params', 'publish']) delete w[k];
});

describe('Shopify (Ajax Cart API fake, locale root /ja/)', () => {
  const shop = () => {
    const fake = createShopify({
      root: '/ja/',
      products: catalog.map((p) => ({ id: p.id, sku: p.sku, title: p.name, price: p.price * 100, stock: p.sku === 'TOTE-01' ? 1 : undefined })),
      discounts: { SET340: { type: 'set', variants: [4001, 77, 88], price: 362000 }, VOL10: { type: 'percent', percent: 10, minQuantity: 3 } },
    });
    w.Shopify = { routes: { root: '/ja/' } };
    return { fake, f: fetchOf(fake) };
  };

  it('upgrade of a variant on two lines: the plain line is replaced by its key, the gift-wrapped one stays', async () => {
    const { fake, f } = shop();
    fake.seed([
      { id: 4001, quantity: 1, properties: { ギフト包装: 'あり' } },
      { id: 4001, quantity: 2 },
    ]);
    // Dawn's markup gives the variant id, which is on both lines.
    const r = await accept(upsell(pageLine('4001', 2)), f, pageLine('4001', 2), 'shopify');
    expect(r).toEqual({ ok: true });
    expect(fake.log.every((l) => l.root === '/ja/')).toBe(true);
    expect(fake.log.map((l) => `${l.method} ${l.path}`)).toEqual(['GET cart.js', 'POST cart/add.js', 'POST cart/change.js', 'GET cart.js']);
    expect(fake.summary()).toEqual(['TN-0123×1+{"ギフト包装":"あり"}', 'TN-0123-DX×2']);
  });

  it('upgrade named by Dawn’s 1-based data-index', async () => {
    const { fake, f } = shop();
    fake.seed([
      { id: 77, quantity: 1 },
      { id: 4001, quantity: 2 },
    ]);
    const line = { ...pageLine('2', 2) };
    expect((await accept(upsell(line), f, line, 'shopify')).ok).toBe(true);
    expect(fake.summary()).toEqual(['HG-01×1', 'TN-0123-DX×2']);
  });

  it('cross-sell add', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    expect(await accept(cross(pageLine('4001')), f, pageLine('4001'), 'shopify')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×2', 'HG-01×1']);
  });

  it('set with a code: one add.js for both parts, the code applied through update.js and applicable', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 1 }]);
    expect(await accept(set('SET340'), f, pageLine('4001', 1), 'shopify')).toEqual({ ok: true });
    expect(fake.log.filter((l) => l.path === 'cart/add.js')).toHaveLength(1);
    expect(fake.summary()).toEqual(['TN-0123×1', 'HG-01×1', 'TOTE-01×1']);
    // The checkout charges the set price: ¥3,960 − ¥340 = ¥3,620.
    expect(fake.cart()).toMatchObject({ discount_codes: [{ code: 'SET340', applicable: true }], total_price: 362000 });
  });

  it('volume code: applied next to the codes the cart already had', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 3 }], ['WELCOME']);
    expect(await accept(volume('VOL10'), f, pageLine('4001', 3), 'shopify')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×3']);
    expect(fake.cart()).toMatchObject({
      discount_codes: [
        { code: 'WELCOME', applicable: false },
        { code: 'VOL10', applicable: true },
      ],
      total_price: 356400,
    });
  });

  it('volume code the cart does not meet: taken off again, the shopper told', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    const r = await accept(volume('VOL10'), f, pageLine('4001', 2), 'shopify');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('カートの内容は変わっていません');
    expect(fake.cart().discount_codes).toEqual([]);
    expect(fake.summary()).toEqual(['TN-0123×2']);
  });

  it('failure half-way: the set code does not apply (a part sold out) → nothing stays added', async () => {
    const { fake, f } = shop();
    fake.seed([
      { id: 4001, quantity: 1 },
      { id: 88, quantity: 1 },
    ]);
    // TOTE-01 is in the cart with its only unit: the page's prompt still offered HG-01 + TOTE-01.
    const r = await accept(set('SET340'), f, pageLine('4001', 1), 'shopify');
    expect(r.ok).toBe(false);
    expect(fake.summary()).toEqual(['TN-0123×1', 'TOTE-01×1']);
    expect(fake.cart().discount_codes).toEqual([]);
  });

  it('failure half-way: the old line cannot be removed → the upgrade is taken back out', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    fake.fault.add('cart/change.js', 500);
    const r = await accept(upsell(pageLine('4001')), f, pageLine('4001'), 'shopify', true);
    expect(r).toEqual({ ok: false, message: expect.stringMatching(/could not be added.*unchanged/) });
    expect(fake.summary()).toEqual(['TN-0123×2']);
  });

  it('when even the undo fails, the shopper is told exactly what changed', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    fake.fault.add('cart/change.js', 500, 5);
    const r = await accept(upsell(pageLine('4001')), f, pageLine('4001'), 'shopify');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('カートで変わった点：＋ 手ぬぐい 青海波 特撰 ×2');
    expect(fake.summary()).toEqual(['TN-0123×2', 'TN-0123-DX×2']);
  });

  it('Horizon and Dawn hear about the change; the header bubble section is swapped in, nothing opens', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    document.body.innerHTML = '<div id="shopify-section-cart-icon-bubble"><span>2</span></div>';
    const heard: string[] = [];
    document.addEventListener('shopify:cart:lines-update', (e) => heard.push(`horizon ${(e as Event & { action: string }).action}`), { once: true });
    w.publish = (name: string, data: { source: string }) => heard.push(`dawn ${name} ${data.source}`);
    // The Section Rendering API answers ?sections= on any page.
    const withSections: typeof fetch = async (input, init) => {
      const u = new URL(String(input), 'http://shop.test');
      if (u.searchParams.has('sections')) return new Response(JSON.stringify({ 'cart-icon-bubble': '<div id="shopify-section-cart-icon-bubble"><span>3</span></div>' }));
      return f(input, init);
    };
    expect(await accept(cross(pageLine('4001')), withSections, pageLine('4001'), 'shopify')).toEqual({ ok: true });
    expect(heard).toEqual(['horizon add', 'dawn cart-update cart-upsell']);
    expect(document.getElementById('shopify-section-cart-icon-bubble')!.textContent).toBe('3');
    expect(fake.summary()).toEqual(['TN-0123×2', 'HG-01×1']);
  });

  it('a page enforcing Trusted Types (no HTML parsing allowed) is reloaded instead of swapped', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    document.body.innerHTML = '<div id="shopify-section-cart-icon-bubble"><span>2</span></div>';
    const parse = vi.spyOn(DOMParser.prototype, 'parseFromString').mockImplementation(() => {
      throw new TypeError("This document requires 'TrustedHTML' assignment.");
    });
    const reload = vi.spyOn(window.location, 'reload').mockImplementation(() => {});
    const withSections: typeof fetch = async (input, init) => {
      const u = new URL(String(input), 'http://shop.test');
      if (u.searchParams.has('sections')) return new Response(JSON.stringify({ 'cart-icon-bubble': '<div id="shopify-section-cart-icon-bubble"><span>3</span></div>' }));
      return f(input, init);
    };
    try {
      expect(await accept(cross(pageLine('4001')), withSections, pageLine('4001'), 'shopify')).toEqual({ ok: true });
      expect(reload).toHaveBeenCalledTimes(1);
      expect(document.getElementById('shopify-section-cart-icon-bubble')!.textContent).toBe('2');
    } finally {
      parse.mockRestore();
      reload.mockRestore();
    }
    expect(fake.summary()).toEqual(['TN-0123×2', 'HG-01×1']);
  });
});

describe('WooCommerce (Store API + classic fake)', () => {
  const shop = (opts: { base?: string; permalinks?: 'plain' | 'pretty' } = {}) => {
    const fake = createWooCommerce({
      ...opts,
      products: catalog.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.price, stock: p.sku === 'TOTE-01' ? 0 : undefined })),
      coupons: { set340: { type: 'set', products: [4001, 77], price: 1420 }, vol10: { type: 'percent', percent: 10, minQuantity: 3 } },
    });
    const link = document.createElement('link');
    link.rel = 'https://api.w.org/';
    link.href = new URL(fake.restRoot, location.origin).href;
    document.head.append(link);
    return { fake, f: fetchOf(fake, location.origin) };
  };
  // The classic cart preset reads data-product_id as the line's id.
  const wooLine = (quantity = 2) => pageLine('4001', quantity);

  it('upgrade under a sub-directory with plain permalinks (?rest_route=): removed by its cart-item key, nonce from the cart answer', async () => {
    const { fake, f } = shop({ base: '/shop/', permalinks: 'plain' });
    fake.seed([
      { id: 4001, quantity: 2 },
      { id: 77, quantity: 1 },
    ]);
    expect(await accept(upsell(wooLine()), f, wooLine(), 'woocommerce')).toEqual({ ok: true });
    expect(fake.log.every((l) => l.via === 'rest_route')).toBe(true);
    expect(fake.log.map((l) => `${l.method} ${l.path}`)).toEqual(['GET cart', 'GET cart', 'POST cart/add-item', 'POST cart/remove-item', 'GET cart']);
    expect(fake.summary()).toEqual(['HG-01×1', 'TN-0123-DX×2']);
  });

  it('cross-sell add', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    expect(await accept(cross(wooLine()), f, wooLine(), 'woocommerce')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×2', 'HG-01×1']);
  });

  it('set with a code: the missing part added, the coupon applied', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 1 }]);
    const p: BundlePrompt = { ...set('set340'), items: [view('TN-0123'), view('HG-01')], missing: [view('HG-01')] };
    expect(await accept(p, f, wooLine(1), 'woocommerce')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×1', 'HG-01×1', 'coupon:set340']);
    expect(fake.cart().totals.total_price).toBe('1420');
  });

  it('volume code', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 3 }]);
    expect(await accept(volume('vol10'), f, wooLine(3), 'woocommerce')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×3', 'coupon:vol10']);
    expect(fake.cart().totals.total_price).toBe('3564');
  });

  it('failure half-way: one batch for the set, the second part out of stock → the first one removed again', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 1 }]);
    const r = await accept(set(), f, wooLine(1), 'woocommerce');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('カートの内容は変わっていません');
    expect(fake.log.map((l) => l.path)).toContain('batch');
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it('failure half-way: remove-item fails → the upgrade is taken back out by its key', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    fake.fault.add('cart/remove-item', 500);
    expect((await accept(upsell(wooLine()), f, wooLine(), 'woocommerce')).ok).toBe(false);
    expect(fake.summary()).toEqual(['TN-0123×2']);
  });

  it('classic routes where the Store API does not answer: add_to_cart, then the remove link from the cart page', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, quantity: 2 }]);
    const noStore: typeof fetch = (input, init) => (String(input).includes('wc/store') ? Promise.resolve(new Response('', { status: 404 })) : f(input, init));
    w.wc_add_to_cart_params = { wc_ajax_url: '/?wc-ajax=%%endpoint%%', cart_url: '/cart/' };
    w.wc_cart_params = { wc_ajax_url: '/?wc-ajax=%%endpoint%%', apply_coupon_nonce: fake.couponNonce };
    expect(await accept({ ...upsell(wooLine()), discountCode: 'vol10' }, noStore, wooLine(), 'woocommerce')).toEqual({ ok: false, message: expect.any(String) });
    // vol10 needs 3 items: the coupon is refused, so the upgrade is undone (the old line re-added).
    expect(fake.log.map((l) => l.path)).toEqual(expect.arrayContaining(['wc-ajax=add_to_cart', 'remove_item', 'wc-ajax=apply_coupon']));
    expect(fake.summary()).toEqual(['TN-0123×2']);
    fake.log.length = 0;
    expect(await accept(upsell(wooLine()), noStore, wooLine(), 'woocommerce')).toEqual({ ok: true });
    expect(fake.log.map((l) => l.path)).toEqual(expect.arrayContaining(['wc-ajax=add_to_cart', 'remove_item', 'cart page']));
    expect(fake.summary()).toEqual(['TN-0123-DX×2']);
  });
});

describe('EC-CUBE 4 (cart fake, installed under /shop/)', () => {
  const shop = (stock: Record<string, number> = {}) => {
    const fake = createEccube({ root: '/shop/', products: catalog.map((p) => ({ productId: p.productId, productClassId: p.id, name: p.name, price: p.price, sku: p.sku, stock: stock[p.sku] })) });
    // A page of the shop: its header links to the cart, its <meta> carries the `_token` token.
    document.head.innerHTML = `<meta name="eccube-csrf-token" content="${fake.csrf}">`;
    document.body.innerHTML = '<div class="ec-headerRole__cart"><a href="/shop/cart">カート</a></div>';
    return { fake, f: fetchOf(fake, location.origin) };
  };
  const ecLine = (quantity = 2) => pageLine('4001', quantity);

  it('upgrade: the add-cart form’s own token from the product page, then PUT cart/remove/{productClassId}', async () => {
    const { fake, f } = shop();
    fake.seed([{ productClassId: 4001, quantity: 2 }]);
    expect(await accept(upsell(ecLine()), f, ecLine(), 'eccube')).toEqual({ ok: true });
    expect(fake.log.map((l) => `${l.method} ${l.path}`)).toEqual([
      'GET cart',
      'GET products/detail/40',
      'POST products/add_cart/40',
      'POST cart/remove/4001',
      'GET cart',
      'GET cart',
      'GET block/cart',
    ]);
    expect(document.querySelector('.ec-headerRole__cart')!.textContent).toContain('2');
    expect(fake.summary()).toEqual(['TN-0123-DX×2']);
  });

  it('the meta token alone is refused by add_cart (404): nothing changes and the shopper is told', async () => {
    const { fake } = shop();
    fake.seed([{ productClassId: 4001, quantity: 2 }]);
    const f = fetchOf(fake, location.origin);
    // A page whose product page cannot be fetched: the only token left is the meta one.
    const noDetail: typeof fetch = (input, init) =>
      String(input).includes('/products/detail/') ? Promise.resolve(new Response(`<form action="/shop/products/add_cart/45"><input name="_token" value="${fake.csrf}"></form>`)) : f(input, init);
    const r = await accept(cross(ecLine()), noDetail, ecLine(), 'eccube');
    expect(r.message).toContain('カートの内容は変わっていません');
    expect(fake.summary()).toEqual(['TN-0123×2']);
  });

  it('cross-sell add', async () => {
    const { fake, f } = shop();
    fake.seed([{ productClassId: 4001, quantity: 2 }]);
    expect(await accept(cross(ecLine()), f, ecLine(), 'eccube')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×2', 'HG-01×1']);
  });

  it('{done:false} for a warning on another line: the add happened, and it is reported as done', async () => {
    // The cart holds more TN-0123 than is left in stock: the purchase flow warns about that line.
    const { fake, f } = shop({ 'TN-0123': 1 });
    fake.seed([{ productClassId: 4001, quantity: 2 }]);
    expect(await accept(cross(ecLine()), f, ecLine(), 'eccube')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×1', 'HG-01×1']);
  });

  it('a set priced by the shop itself (no code): every part added', async () => {
    const { fake, f } = shop();
    fake.seed([{ productClassId: 4001, quantity: 1 }]);
    expect(await accept(set(), f, ecLine(1), 'eccube')).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×1', 'HG-01×1', 'TOTE-01×1']);
  });

  it('set or volume with a code: EC-CUBE has no codes — not shown (one reason each), and an accept changes nothing', async () => {
    const { fake, f } = shop();
    fake.seed([{ productClassId: 4001, quantity: 3 }]);
    const offers: Config['offers'] = [
      { id: 'b-1', type: 'bundle', items: ['TN-0123', 'HG-01'], price: 1500, discountCode: 'SET' },
      { id: 'v-1', type: 'volume', tiers: [{ quantity: 3, percentOff: 10 }], discountCode: 'VOL10' },
      { id: 'v-2', type: 'volume', tiers: [{ quantity: 3, percentOff: 10 }], appliedBy: 'platform' },
    ];
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect([...unchargeable({ offers }, 'eccube')]).toEqual(['b-1', 'v-1']);
    expect(warn.mock.calls.map((c) => String(c[0]))).toEqual([expect.stringContaining('「b-1」は表示しません'), expect.stringContaining('「v-1」は表示しません')]);
    expect(unchargeable({ offers }, 'shopify').size).toBe(0);
    warn.mockRestore();
    expect((await accept(volume('VOL10'), f, ecLine(3), 'eccube')).ok).toBe(false);
    expect((await accept(set('SET'), f, ecLine(3), 'eccube')).ok).toBe(false);
    expect(fake.log.filter((l) => l.method !== 'GET')).toEqual([]);
    expect(fake.summary()).toEqual(['TN-0123×3']);
  });

  it('failure half-way: the second part of a set is sold out → the first part is removed again', async () => {
    const { fake, f } = shop({ 'TOTE-01': 0 });
    fake.seed([{ productClassId: 4001, quantity: 1 }]);
    const r = await accept(set(), f, ecLine(1), 'eccube');
    expect(r.ok).toBe(false);
    expect(r.message).toContain('カートの内容は変わっていません');
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it('failure half-way: the old line cannot be removed → the upgrade is taken back out', async () => {
    const { fake, f } = shop();
    fake.seed([{ productClassId: 4001, quantity: 2 }]);
    fake.fault.add('cart/remove/4001', 500);
    expect((await accept(upsell(ecLine()), f, ecLine(), 'eccube')).ok).toBe(false);
    expect(fake.summary()).toEqual(['TN-0123×2']);
  });
});

it("a theme's own redraw code throwing does not turn a done change into a failure", async () => {
  const fake = createShopify({ products: catalog.map((p) => ({ id: p.id, sku: p.sku, title: p.name, price: p.price * 100 })) });
  fake.seed([{ id: 4001, quantity: 2 }]);
  w.publish = () => {
    throw new Error('theme bug');
  };
  expect(await accept(cross(pageLine('4001')), fetchOf(fake), pageLine('4001'), 'shopify')).toEqual({ ok: true });
  expect(fake.summary()).toEqual(['TN-0123×2', 'HG-01×1']);
});

describe('Magento 2 (checkout routes fake, form key from the page)', () => {
  const shop = (stock: Record<string, number> = {}) => {
    const fake = createMagento({ products: catalog.map((p) => ({ id: p.id, sku: p.sku, name: p.name, price: p.price, stock: stock[p.sku], url: `/${p.sku.toLowerCase()}.html` })) });
    document.body.innerHTML = `<form id="product_addtocart_form"><input name="form_key" type="hidden" value="${fake.formKey}"></form>`;
    return { fake, f: fetchOf(fake) };
  };
  const mAccept = (prompt: Prompt, f: typeof fetch, line: CartItem) => performAccept({ prompt, config, cart: cartOf(line), platform: 'magento', fetchImpl: f });

  it('upgrade: adds the better product, removes the old line by its quote item id, reads the section again', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, qty: 2 }]);
    // The Luma cart page gives the quote item id (cart[41][qty]).
    expect(await mAccept(upsell(pageLine('41', 2)), f, pageLine('41', 2))).toEqual({ ok: true });
    expect(fake.log.map((l) => `${l.method} ${l.path}`)).toEqual(['GET customer/section/load', 'POST checkout/cart/add', 'POST checkout/sidebar/removeItem', 'GET customer/section/load']);
    expect(fake.summary()).toEqual(['TN-0123-DX×2']);
  });

  it('a set whose second part is out of stock: the first part is taken off again, the shopper is told', async () => {
    const { fake, f } = shop({ 'TOTE-01': 0 });
    fake.seed([{ id: 4001, qty: 1 }]);
    const r = await mAccept(set(), f, pageLine('41', 1));
    expect(r.ok).toBe(false);
    expect(r.message).toContain('カートの内容は変わっていません');
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it("without the page's form key Magento adds nothing: the shopper is told and the cart is unchanged", async () => {
    const { fake, f } = shop();
    document.body.innerHTML = '<input name="form_key" type="hidden" value="stale">';
    fake.seed([{ id: 4001, qty: 1 }]);
    const r = await mAccept(cross(pageLine('41', 1)), f, pageLine('41', 1));
    expect(r.ok).toBe(false);
    expect(fake.summary()).toEqual(['TN-0123×1']);
  });

  it('cross-sell add, and a price that needs a code goes to the product page instead', async () => {
    const { fake, f } = shop();
    fake.seed([{ id: 4001, qty: 1 }]);
    expect(await mAccept(cross(pageLine('41', 1)), f, pageLine('41', 1))).toEqual({ ok: true });
    expect(fake.summary()).toEqual(['TN-0123×1', 'HG-01×1']);
    const assign = vi.fn();
    const loc = window.location;
    Object.defineProperty(window, 'location', { value: { ...loc, assign }, configurable: true });
    try {
      const withUrl = { ...config, products: catalog.map((p) => ({ ...p, url: `https://shop.test/${p.sku.toLowerCase()}.html` })) };
      const r = await performAccept({ prompt: set('SET340'), config: withUrl, cart: cartOf(pageLine('41', 1)), platform: 'magento', fetchImpl: f });
      expect(r).toEqual({ ok: true, navigated: true });
      expect(assign).toHaveBeenCalledWith('https://shop.test/hg-01.html');
    } finally {
      Object.defineProperty(window, 'location', { value: loc, configurable: true });
    }
    expect(fake.summary()).toEqual(['TN-0123×1', 'HG-01×1']);
  });
});
