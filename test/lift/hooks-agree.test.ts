import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { inHoldout } from '../../src/offers/hash';
import { DIGITS } from '../../src/util/currency';
import { loadState, saveState } from '../../src/offers/state';
import { safeStorage } from '../../src/util/storage';
// @ts-expect-error plain ES module of the demo, without types
import { rng } from '../../demo/site/dashboard/simulate.js';

// The order hooks run where the widget's code is not loaded (Shopify's pixel sandbox, the shop's
// PHP), so they carry copies of what they share with it: the holdout rule and share, the storage
// keys and fields of the visitor and visit, the minor units of each currency. A copy that drifts
// puts buyers in the wrong group or counts their money wrongly, silently: these tests fail instead.

const read = (path: string) => readFileSync(join(process.cwd(), path), 'utf8');
const pixelCode = read('hooks/shopify/custom-pixel.js');

/** The pixel's top-level constants and functions, run as Shopify runs it (handlers subscribed, none called). */
function pixel(code = pixelCode) {
  const handlers: Record<string, (e: unknown) => Promise<void>> = {};
  const context = vm.createContext({ analytics: { subscribe: (name: string, fn: (e: unknown) => Promise<void>) => void (handlers[name] = fn) } });
  const exported = vm.runInContext(`${code}\n;({ HOLDOUT, DIGITS, inHoldout })`, context) as { HOLDOUT: number; DIGITS: Record<string, number>; inHoldout: (id: string) => boolean };
  return { ...exported, context, handlers };
}

/** Visitor ids as the widget makes them, older ones, and odd ones a shop may have set itself. */
function visitorIds(n: number): string[] {
  const r = rng(21);
  const ids = ['', 'a', 'ｶｰﾄ-訪問者-1', '😀-visitor'];
  for (let i = 0; i < n; i++) ids.push(`${Math.floor(r() * 36 ** 8).toString(36)}-${Math.floor(r() * 36 ** 7).toString(36)}${Math.floor(r() * 36 ** 7).toString(36)}`);
  return ids;
}

describe('the order hooks agree with the widget', () => {
  it("the Shopify pixel's holdout share is the one the shops' configs use", () => {
    const shares = readdirSync('demo/site/shops', { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => JSON.parse(read(`demo/site/shops/${d.name}/cart-upsell.json`)).holdout);
    expect(shares.length).toBeGreaterThanOrEqual(3);
    for (const share of shares) expect(pixel().HOLDOUT).toBe(share);
  });

  it("the pixel puts exactly the widget's visitors in the holdout, at its own share and at others", () => {
    const ids = visitorIds(5000);
    for (const share of [null, 0.02, 0.37, 0.9]) {
      const code = share === null ? pixelCode : pixelCode.replace(/const HOLDOUT = [\d.]+;/, `const HOLDOUT = ${share};`);
      const px = pixel(code);
      expect(px.HOLDOUT).toBe(share ?? px.HOLDOUT);
      const theirs = ids.map((id) => px.inHoldout(id));
      const ours = ids.map((id) => inHoldout(id, px.HOLDOUT));
      expect(theirs).toEqual(ours);
      // Both sides of the line are exercised.
      expect(ours.filter(Boolean).length / ids.length).toBeCloseTo(px.HOLDOUT, 1);
    }
  });

  it('the pixel reads the visitor and the visit where the widget keeps them', async () => {
    localStorage.clear();
    sessionStorage.clear();
    const state = loadState(safeStorage('local'), safeStorage('session'), Date.now(), rng(5));
    saveState(safeStorage('local'), safeStorage('session'), state);
    const px = pixel();
    // Shopify's browser.localStorage / sessionStorage: the shop's own storage, behind promises.
    const browser = (s: Storage) => ({ getItem: async (k: string) => s.getItem(k) });
    const sent: { events: Record<string, unknown>[] }[] = [];
    Object.assign(px.context, {
      browser: { localStorage: browser(localStorage), sessionStorage: browser(sessionStorage) },
      fetch: async (_url: string, init: { body: string }) => (sent.push(JSON.parse(init.body)), new Response('{}', { status: 200 })),
      Response,
    });
    await px.handlers.checkout_completed({
      clientId: 'c-1',
      timestamp: '2026-12-04T09:30:00.000Z',
      data: { checkout: { currencyCode: 'JPY', order: { id: 'gid://shopify/Order/1' }, subtotalPrice: { amount: 3300, currencyCode: 'JPY' }, lineItems: [] } },
    });
    expect(sent).toHaveLength(1);
    expect(sent[0].events[0]).toMatchObject({ visitorId: state.visitorId, sessionId: state.sessionId, holdout: inHoldout(state.visitorId, px.HOLDOUT), total: 3300 });
  });

  it("the pixel's and the WooCommerce hook's minor units are the widget's", () => {
    expect(pixel().DIGITS).toEqual(DIGITS);
    const php = read('hooks/woocommerce/cart-upsell-order.php');
    const table = /\$digits = array\(([^)]*)\);/.exec(php)?.[1] ?? '';
    const pairs = Object.fromEntries([...table.matchAll(/'([A-Z]{3})' => (\d)/g)].map((m) => [m[1], Number(m[2])]));
    expect(pairs).toEqual(DIGITS);
  });
});
