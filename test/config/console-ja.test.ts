import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findPageConfig, loadConfig } from '../../src/config/load';
import { readCart } from '../../src/cart/read';
import { start, stop, trackOrder } from '../../src/runtime/start';
import { createTracker } from '../../src/events/tracker';
import { orderEvent } from '../../src/events/order';
import { guard, resetLogOnce, setLang } from '../../src/util/log';
import { safeStorage } from '../../src/util/storage';

// Every console message a merchant can read follows the config's "locale": Japanese for "ja",
// naming the field and the problem; English otherwise.

let warn: ReturnType<typeof vi.spyOn>;
let error: ReturnType<typeof vi.spyOn>;
const said = (spy: ReturnType<typeof vi.spyOn>) => spy.mock.calls.map((c: unknown[]) => String(c[0]));

beforeEach(() => {
  resetLogOnce();
  document.documentElement.lang = '';
  document.body.innerHTML = '';
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  error = vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  stop();
  vi.unstubAllGlobals();
  warn.mockRestore();
  error.mockRestore();
});

const rejection = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: Error) => e.message,
  );

describe('loading the config file', () => {
  it('a config that cannot be fetched, on a Japanese page: said in Japanese with its address', async () => {
    document.documentElement.lang = 'ja';
    findPageConfig(null, document);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('not here', { status: 404 })),
    );
    expect(await rejection(loadConfig('/cart-upsell.json'))).toBe('設定ファイル /cart-upsell.json を読み込めませんでした（サーバーの応答 404）');
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await rejection(loadConfig('/cart-upsell.json'))).toBe('設定ファイル /cart-upsell.json を読み込めませんでした（TypeError: Failed to fetch）');
  });

  it('a file that is not JSON but says "locale": "ja": Japanese, even on a page without lang', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{ "locale": "ja", "freeShipping": { "threshold": 5000, } }')),
    );
    expect(await rejection(loadConfig('/cart-upsell.json'))).toMatch(/^設定ファイル \/cart-upsell\.json は正しい JSON ではありません（.+）$/);
  });

  it('an inline config that is not JSON', () => {
    document.body.innerHTML = '<script type="application/json" id="cart-upsell-config">{ "locale": "ja", }</script>';
    expect(() => findPageConfig(null, document)).toThrow(/^<script id="cart-upsell-config"> の設定は正しい JSON ではありません（.+）$/);
  });

  it('stays English for a config without "locale": "ja" on a page that is not Japanese', async () => {
    findPageConfig(null, document);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('{ "freeShipping": 1, }')),
    );
    expect(await rejection(loadConfig('/c.json'))).toMatch(/^the config at \/c\.json is not valid JSON/);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 500 })),
    );
    expect(await rejection(loadConfig('/c.json'))).toBe('could not load the config from /c.json: the server answered 500');
  });

  it('start() with a config URL that fails: one console error, in Japanese, the widget off', async () => {
    document.documentElement.lang = 'ja-JP';
    findPageConfig(null, document);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 403 })),
    );
    expect(await start('https://shop.example.jp/cart-upsell.json')).toBe(false);
    expect(said(error)).toEqual(['[cart-upsell] 設定ファイル https://shop.example.jp/cart-upsell.json を読み込めませんでした（サーバーの応答 403）。ウィジェットは動きません。']);
  });

  it('unknown fields and problems of a Japanese config: the headline and every line in Japanese', async () => {
    expect(await start({ locale: 'ja', freeShiping: { threshold: 5000 }, offers: 'none' } as never)).toBe(false);
    expect(said(warn)).toEqual(['[cart-upsell] 設定に注意点があります:\n  • freeShiping: 不明な項目（無視）。"freeShipping" では？']);
    expect(said(error)).toEqual(['[cart-upsell] 設定に1件の問題があるため、ウィジェットは動きません:\n  • offers: リストにしてください（"none"）']);
  });

  it('a second start and an order before start, in Japanese', async () => {
    const cfg = { locale: 'ja', freeShipping: { threshold: 5000 } } as never;
    expect(await start(cfg)).toBe(true);
    expect(await start(cfg)).toBe(true);
    expect(said(warn)).toContain('[cart-upsell] このページではすでに動いています（タグが2回入っていませんか）。2回目の開始は無視しました。');
    stop();
    resetLogOnce();
    setLang('ja');
    trackOrder({ orderId: 'A-1', total: 1000 });
    expect(said(warn)).toContain('[cart-upsell] trackOrder: start() を待っています');
  });
});

describe('reading the cart', () => {
  it('start() with "locale": "ja" on a page where "auto" finds no cart: the warning in Japanese, naming cart.preset', async () => {
    document.body.innerHTML = '<main><h1>カート</h1><p>手ぬぐい ￥1,320</p></main>';
    expect(await start({ locale: 'ja', cart: { preset: 'auto' } } as never)).toBe(true);
    await vi.waitFor(() =>
      expect(said(warn).join('\n')).toMatch(
        /^\[cart-upsell\] cart\.preset "auto": このページに Shopify・WooCommerce・.+ のどのカートも見つかりません。このテーマの cart\.selectors を設定してください。カートは空として扱います。$/,
      ),
    );
    expect(said(warn).join('\n')).not.toMatch(/found no/);
  });

  it('a named preset that finds nothing, and selectors that match nothing', () => {
    setLang('ja');
    readCart({ preset: 'shopify' });
    readCart({ selectors: { item: '.cart-line', name: '.n', price: '.p', quantity: '.q' } });
    expect(said(warn)).toEqual([
      '[cart-upsell] cart.preset "shopify": このページに Shopify のカートが見つかりません。プリセットを確かめるか cart.selectors を設定してください。カートは空として扱います。',
      '[cart-upsell] cart.selectors.item ".cart-line" に合うものがこのページにありません。カートは空として扱います。',
    ]);
  });

  it('unreadable lines, a line total and a subtotal that disagree, a subtotal without an amount', () => {
    setLang('ja');
    const s = { item: '.line', name: '.n', price: '.p', quantity: '.q', lineTotal: '.t', subtotal: '#sub' };
    document.body.innerHTML = `
      <div class="line"><span class="n">手ぬぐい</span><span class="p">￥1,320</span><span class="q">2</span><span class="t">￥2,000</span></div>
      <div class="line"><span class="n">急須</span><span class="p">お問い合わせ</span><span class="q">1</span></div>
      <p id="sub">￥9,999</p>`;
    const cart = readCart({ selectors: s });
    expect(cart.items.map((i) => i.name)).toEqual(['手ぬぐい']);
    document.getElementById('sub')!.textContent = '—';
    readCart({ selectors: s });
    expect(said(warn)).toEqual([
      '[cart-upsell] カートの行 "手ぬぐい": 行の合計 2000 が単価 1320 × 2 と違います。ページの行の合計を使います。',
      '[cart-upsell] カートの行 "急須": 価格（cart.selectors.price ".p"）を読み取れません。この1行は読み飛ばしました。',
      '[cart-upsell] カートの小計 9999 が行の合計（2000）と違います。ページの小計を使います。',
      '[cart-upsell] cart.selectors.subtotal "#sub" に金額がありません。行の合計を使います。',
    ]);
  });

  it('stays English without "locale": "ja"', async () => {
    document.body.innerHTML = '<main><p>nothing</p></main>';
    expect(await start({ cart: { preset: 'auto' } } as never)).toBe(true);
    await vi.waitFor(() => expect(said(warn).join('\n')).toMatch(/cart\.preset "auto" found no .+ cart on this page/));
  });
});

describe('events and orders', () => {
  it('an event the endpoint refuses, and an order with a wrong total', async () => {
    setLang('ja');
    vi.useFakeTimers();
    try {
      localStorage.clear();
      const fetchImpl = vi.fn(async () => new Response('{}', { status: 400 })) as unknown as typeof fetch;
      const t = createTracker({ config: { events: { endpoint: 'https://collector.example.jp/events' } }, visitorId: 'v', sessionId: 's', holdout: false, storage: safeStorage('local'), fetchImpl });
      t.track('impression', { offerId: 'fs', offerType: 'free-shipping', value: 440, currency: 'JPY', variant: null }, { currency: 'JPY', items: [], subtotal: 7112 });
      await vi.advanceTimersByTimeAsync(10_000);
      t.destroy();
    } finally {
      vi.useRealTimers();
    }
    expect(said(warn)).toEqual(['[cart-upsell] イベントの送信先が 400 で断ったため、そのイベントは捨てました。']);
    const who = { visitorId: 'v', sessionId: 's', holdout: false };
    expect(orderEvent({ orderId: 'A-1', total: -5 }, who, Date.now(), '', 'JPY')).toBe('total: 0以上の数にしてください');
    expect(orderEvent({ orderId: '', total: 5 }, who, Date.now(), '', 'JPY')).toBe('orderId: 文字か数にしてください');
    expect(orderEvent({ orderId: 'A-1', total: 5, currency: 'yen' }, who, Date.now(), '', 'JPY')).toBe('currency: "JPY" のような通貨コードにしてください');
  });

  it('an internal error behind a guard', () => {
    setLang('ja');
    guard('refresh', () => {
      throw new Error('boom');
    })();
    expect(said(error)).toEqual(['[cart-upsell] 内部エラー（refresh）。ショップには影響ありません。']);
  });
});
