import { test, expect, type Page } from '@playwright/test';

// "Yes" on each platform, against local fakes of the platform's cart endpoints that check the
// request shape. The cart is given through the config's readCart hook, with platform line ids.
const cart = {
  currency: 'JPY',
  subtotal: 2640,
  items: [{ id: 'LINEKEY-1', sku: 'TN-0123', name: '手ぬぐい 青海波', unitPrice: 1320, quantity: 2, lineTotal: 2640 }],
};
const products = [
  { sku: 'TN-0123', name: '手ぬぐい 青海波', price: 1320, id: 4001, productId: 40 },
  { sku: 'TN-0123-DX', name: '手ぬぐい 青海波 特撰', price: 2420, id: 4002, productId: 40 },
  { sku: 'HG-01', name: '箸置き 桜', price: 440, id: 77, productId: 45, url: '/e2e/pages/foundation-plain.html?product=HG-01' },
];
const upsell = { id: 'up-1', type: 'upsell', from: 'TN-0123', to: 'TN-0123-DX', benefits: ['綿100%'] };
const cross = { id: 'x-1', type: 'cross-sell', for: ['TN-0123'], items: ['HG-01'] };

async function startWith(page: Page, platform: string, offers: object[], extra: object = {}) {
  await page.evaluate(
    ([platform, offers, products, cart, extra]) =>
      (window as any).CartUpsell.start({ actions: { platform }, products, offers, readCart: () => cart, ...extra }),
    [platform, offers, products, cart, extra] as const,
  );
}

async function acceptUpsellAtCheckout(page: Page) {
  await page.getByRole('link', { name: 'レジに進む' }).click();
  const dialog = page.getByRole('dialog', { name: /特撰にしませんか/ });
  await dialog.getByRole('button', { name: '変更する' }).click();
  return dialog;
}

test.beforeEach(async ({ page }) => {
  await page.goto('/e2e/pages/foundation-plain.html');
});

test('Shopify: add the upgrade, then remove the old line, then redraw the cart drawer from the final cart', async ({ page }) => {
  const calls: { url: string; body: any }[] = [];
  await page.evaluate(() => {
    (window as any).Shopify = { routes: { root: '/' } };
    // A Dawn-like drawer: it names the sections it needs and redraws from a cart response.
    customElements.define('cart-drawer', class extends HTMLElement {
      getSectionsToRender() {
        return [{ id: 'cart-drawer' }, { id: 'cart-icon-bubble' }];
      }
      renderContents(state: any) {
        this.innerHTML = new DOMParser().parseFromString(state.sections['cart-drawer'], 'text/html').body.innerHTML;
      }
    });
    document.body.append(document.createElement('cart-drawer'));
  });
  await page.route('**/cart/add.js', async (route) => {
    calls.push({ url: 'add', body: route.request().postDataJSON() });
    await route.fulfill({ json: { items: [{ id: 4002, key: '4002:x', quantity: 2 }] } });
  });
  await page.route('**/cart/change.js', async (route) => {
    calls.push({ url: 'change', body: route.request().postDataJSON() });
    await route.fulfill({ json: { item_count: 2, sections: { 'cart-drawer': '<p>手ぬぐい 青海波 特撰 × 2</p>', 'cart-icon-bubble': '<span>2</span>' } } });
  });
  await page.route('**/discount/**', (route) => {
    calls.push({ url: new URL(route.request().url()).pathname, body: null });
    return route.fulfill({ status: 302, headers: { location: '/e2e/pages/foundation-plain.html' } });
  });
  await startWith(page, 'shopify', [{ ...upsell, discountCode: 'UPGRADE10' }]);
  await acceptUpsellAtCheckout(page);
  await expect.poll(() => calls.map((c) => c.url)).toEqual(['add', 'change', '/discount/UPGRADE10']);
  expect(calls[0].body).toEqual({ items: [{ id: 4002, quantity: 2 }] });
  expect(calls[1].body).toMatchObject({ id: 'LINEKEY-1', quantity: 0, sections: 'cart-drawer,cart-icon-bubble' });
  // What the shopper sees in the theme's own drawer: the cart after the replacement.
  await expect(page.locator('cart-drawer')).toHaveText('手ぬぐい 青海波 特撰 × 2');
  // The held checkout click goes on afterwards.
  await expect(page).toHaveURL(/#checkout$/);
});

test('Shopify: a failed add leaves the cart as it was and says so in plain words', async ({ page }) => {
  const calls: string[] = [];
  const failures: any[] = [];
  await page.exposeFunction('failed', (e: any) => failures.push(e));
  await page.evaluate(() => {
    (window as any).Shopify = { routes: { root: '/' } };
    document.addEventListener('cart-upsell:accept-failed', (e) => (window as any).failed((e as CustomEvent).detail));
  });
  await page.route('**/cart/add.js', (route) => {
    calls.push('add');
    return route.fulfill({ status: 422, json: { status: 422, description: 'sold out' } });
  });
  await page.route('**/cart/change.js', (route) => {
    calls.push('change');
    return route.fulfill({ json: {} });
  });
  await startWith(page, 'shopify', [upsell]);
  const dialog = await acceptUpsellAtCheckout(page);
  await expect(dialog.getByRole('alert')).toContainText('カートの内容は変わっていません');
  expect(calls).toEqual(['add']);
  await expect.poll(() => failures.map((f) => `${f.type} ${f.offerId}`)).toEqual(['accept-failed up-1']);
});

test('WooCommerce: the Store API add-item with the page nonce', async ({ page }) => {
  const requests: { body: any; nonce: string | undefined }[] = [];
  // As WooCommerce prints it on pages with its blocks.
  await page.evaluate(() => ((window as any).wcBlocksMiddlewareConfig = { storeApiNonce: 'n0nce-123', wcStoreApiNonceTimestamp: '1763800000' }));
  await page.route('**/wp-json/wc/store/v1/cart/add-item', async (route) => {
    requests.push({ body: route.request().postDataJSON(), nonce: await route.request().headerValue('nonce') ?? undefined });
    await route.fulfill({ json: { items_count: 3 } });
  });
  await startWith(page, 'woocommerce', [cross]);
  await page.getByRole('button', { name: /箸置き 桜を追加/ }).click();
  await expect.poll(() => requests).toEqual([{ body: { id: 77, quantity: 1 }, nonce: 'n0nce-123' }]);
});

test('EC-CUBE 4: the add-cart form post with product class, quantity and CSRF token', async ({ page }) => {
  const posts: { url: string; form: Record<string, string>; header: string | null }[] = [];
  await page.evaluate(() => {
    const meta = document.createElement('meta');
    meta.name = 'eccube-csrf-token';
    meta.content = 'tok-abc';
    document.head.append(meta);
  });
  await page.route('**/products/add_cart/**', async (route) => {
    const form = Object.fromEntries(new URLSearchParams(route.request().postData() ?? ''));
    posts.push({ url: new URL(route.request().url()).pathname, form, header: await route.request().headerValue('eccube-csrf-token') });
    await route.fulfill({ json: { done: true, messages: ['カートに追加しました。'] } });
  });
  await startWith(page, 'eccube', [cross]);
  await page.getByRole('button', { name: /箸置き 桜を追加/ }).click();
  await expect.poll(() => posts).toEqual([
    { url: '/products/add_cart/45', form: { product_id: '45', ProductClass: '77', quantity: '1', _token: 'tok-abc' }, header: 'tok-abc' },
  ]);
});

test('no platform, a product page: the shopper is taken there', async ({ page }) => {
  await startWith(page, 'none', [cross]);
  await page.getByRole('button', { name: /箸置き 桜を追加/ }).click();
  await expect(page).toHaveURL(/product=HG-01$/);
});

test("a page handler can take over: preventDefault on cart-upsell:accept, and the shop's own code decides", async ({ page }) => {
  let platformCalls = 0;
  await page.route('**/cart/add.js', (route) => {
    platformCalls++;
    return route.fulfill({ json: {} });
  });
  await page.evaluate(() => {
    (window as any).Shopify = {};
    document.addEventListener('cart-upsell:accept', (e) => {
      e.preventDefault();
      (window as any).tookOver = (e as CustomEvent).detail.offerId;
    });
  });
  await startWith(page, 'shopify', [upsell]);
  await acceptUpsellAtCheckout(page);
  await expect.poll(() => page.evaluate(() => (window as any).tookOver)).toBe('up-1');
  expect(platformCalls).toBe(0);
});

test('WooCommerce Store API: an upgrade is added, the old line removed, the coupon applied — in that order', async ({ page }) => {
  const calls: { path: string; body: any; nonce: string | null }[] = [];
  await page.evaluate(() => ((window as any).wcBlocksMiddlewareConfig = { storeApiNonce: 'n0nce-9' }));
  await page.route('**/wp-json/wc/store/v1/cart/*', async (route) => {
    const r = route.request();
    calls.push({ path: new URL(r.url()).pathname.split('/').pop()!, body: r.postDataJSON(), nonce: await r.headerValue('nonce') });
    await route.fulfill({ json: { items_count: 2 } });
  });
  await startWith(page, 'woocommerce', [{ ...upsell, discountCode: 'UPGRADE10' }]);
  await acceptUpsellAtCheckout(page);
  await expect.poll(() => calls.map((c) => c.path)).toEqual(['add-item', 'remove-item', 'apply-coupon']);
  expect(calls.map((c) => c.body)).toEqual([{ id: 4002, quantity: 2 }, { key: 'LINEKEY-1' }, { code: 'UPGRADE10' }]);
  expect(calls.every((c) => c.nonce === 'n0nce-9')).toBe(true);
});

test("WooCommerce classic: ?wc-ajax=add_to_cart, then the theme's mini-cart refreshes its fragments", async ({ page }) => {
  const forms: Record<string, string>[] = [];
  await page.evaluate(() => {
    (window as any).wc_add_to_cart_params = { wc_ajax_url: '/?wc-ajax=%%endpoint%%' };
    const mini = document.createElement('span');
    mini.className = 'cart-contents-count';
    mini.textContent = '2';
    document.body.append(mini);
    // A stand-in for jQuery and WooCommerce's cart-fragments script: on wc_fragment_refresh the
    // theme's mini-cart is redrawn from the server.
    (window as any).jQuery = (el: Element) => ({
      trigger(name: string) {
        if (el === document.body && name === 'wc_fragment_refresh') mini.textContent = '3';
      },
    });
  });
  await page.route('**/?wc-ajax=add_to_cart', async (route) => {
    forms.push(Object.fromEntries(new URLSearchParams(route.request().postData() ?? '')));
    await route.fulfill({ json: { fragments: {}, cart_hash: 'abc' } });
  });
  await startWith(page, 'woocommerce', [cross]);
  await page.getByRole('button', { name: /箸置き 桜を追加/ }).click();
  await expect(page.locator('.cart-contents-count')).toHaveText('3');
  expect(forms).toEqual([{ product_id: '77', quantity: '1' }]);
});

test('EC-CUBE 4: a refused add ("done": false) says so and the cart is as before', async ({ page }) => {
  let posts = 0;
  await page.route('**/products/add_cart/**', (route) => {
    posts++;
    return route.fulfill({ json: { done: false, messages: ['在庫が不足しています。'] } });
  });
  await startWith(page, 'eccube', [upsell]);
  const dialog = await acceptUpsellAtCheckout(page);
  await expect(dialog.getByRole('alert')).toContainText('カートの内容は変わっていません');
  expect(posts).toBe(1);
});
