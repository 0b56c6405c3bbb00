// Reading details that fixtures do not pin down: the fast money path, bad DOM, consistency rules.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { money, readCart, cleanSku } from '../../src/cart/read';
import { parseMoney } from '../../src/cart/money';
import { resetLogOnce } from '../../src/util/log';

afterEach(() => {
  vi.restoreAllMocks();
  resetLogOnce();
});
const page = (html: string) => new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
const sel = { item: '.line', name: '.name', sku: '.sku', price: '.price', quantity: '.qty', lineTotal: '.total', subtotal: '#sum' };

describe("the fast money path gives the full parser's answer", () => {
  it('on generated plain amounts', () => {
    const text = fc
      .tuple(
        fc.constantFrom('', '¥', '￥', '$', '€', 'JPY ', ' '),
        fc.integer({ min: 0, max: 99_999_999 }),
        fc.boolean(),
        fc.constantFrom('', '.50', '.05'),
        fc.constantFrom('', '円', ' JPY', ' USD'),
        fc.constantFrom('', '（税込）', '(税込)', ' 税込'),
      )
      .map(([pre, n, group, dec, post, note]) => `${pre}${group ? n.toLocaleString('en-US') : n}${dec}${post}${note}`);
    fc.assert(
      fc.property(text, fc.constantFrom('JPY', 'USD', 'EUR', 'KRW'), (t, cur) => {
        expect(money(t, cur)).toBe(parseMoney(t, cur));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('SKU labels', () => {
  it.each([
    ['品番：TN-01', 'TN-01'],
    ['品番: TN-01', 'TN-01'],
    ['型番 TN-01', 'TN-01'],
    ['商品コード：ＴＮ－０１', 'TN-01'],
    ['SKU: ab-12', 'ab-12'],
    ['TN-01', 'TN-01'],
    ['  ', null],
    // OpenCart prints the model after a dash; other themes use every label below.
    ['- モデル: HON-TB30', 'HON-TB30'],
    ['モデル：HON-TB30', 'HON-TB30'],
    ['モデル番号 HON-TB30', 'HON-TB30'],
    ['型番：ＫＹ－０１', 'KY-01'],
    ['品番 : TN-01', 'TN-01'],
    ['・品番：TN-01', 'TN-01'],
    [': SKU: ab-12', 'ab-12'],
    ['sku#AB-12', 'AB-12'],
    ['Model: HON-TB30', 'HON-TB30'],
    ['- Model: HON-TB30', 'HON-TB30'],
    ['Model No. HON-TB30', 'HON-TB30'],
    ['Art.-Nr.: 4711-B', '4711-B'],
    ['Art.-Nr. 4711-B', '4711-B'],
    ['Art. Nr. 4711-B', '4711-B'],
    ['Artikelnummer: 4711-B', '4711-B'],
    ['Item no. 33-A', '33-A'],
    ['– 商品コード：A-1', 'A-1'],
    // A code that only starts like a label is kept whole.
    ['MODEL-7', 'MODEL-7'],
    ['SKUX-1', 'SKUX-1'],
    ['Modelo 5', 'Modelo 5'],
    ['-TB30', '-TB30'],
  ])('%j → %j', (raw, want) => expect(cleanSku(raw)).toBe(want));
});

describe('consistency and bad DOM', () => {
  it('a missing line total is unit price × quantity; a missing subtotal is the sum', () => {
    const doc = page(`<div class="line"><b class="name">手ぬぐい</b><i class="price">¥1,320</i><input class="qty" value="3"></div>
      <div class="line"><b class="name">箸置き</b><i class="price">1,100円</i><select class="qty"><option>1</option><option selected>2</option></select></div>`);
    expect(readCart({ selectors: { ...sel, subtotal: undefined } }, doc)).toEqual({
      currency: 'JPY',
      subtotal: 3960 + 2200,
      items: [
        { id: null, sku: null, name: '手ぬぐい', unitPrice: 1320, quantity: 3, lineTotal: 3960 },
        { id: null, sku: null, name: '箸置き', unitPrice: 1100, quantity: 2, lineTotal: 2200 },
      ],
    });
  });

  it("keeps the page's figures when they disagree, and warns once naming the line", () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const html = `<div class="line"><b class="name">急須</b><i class="price">¥4,800</i><input class="qty" value="2"><i class="total">¥8,600</i></div><p id="sum">¥8,000</p>`;
    const doc = page(html);
    const cart = readCart({ selectors: sel }, doc);
    readCart({ selectors: sel }, doc);
    expect(cart.items[0]).toMatchObject({ unitPrice: 4800, quantity: 2, lineTotal: 8600 });
    expect(cart.subtotal).toBe(8000);
    const said = warn.mock.calls.map((c) => String(c[0]));
    expect(said).toHaveLength(2);
    expect(said[0]).toMatch(/^\[cart-upsell\] cart line "急須": line total 8600 differs from unit price 4800 × 2/);
    expect(said[1]).toMatch(/subtotal 8000 differs from the sum of the lines \(8600\)/);
  });

  it('an unparsable price skips that line with a warning; never NaN, never a throw', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = page(`<div class="line"><b class="name">名入れ</b><i class="price">お問い合わせ</i><input class="qty" value="1"></div>
      <div class="line"><b class="name">桐箱</b><i class="price">¥2,200</i><input class="qty" value="abc"></div>
      <div class="line"><b class="name">湯呑み</b><i class="price">¥2,750</i><input class="qty" value="1"></div>`);
    const cart = readCart({ selectors: { ...sel, subtotal: undefined } }, doc);
    expect(cart.items.map((i) => i.name)).toEqual(['湯呑み']);
    expect(cart.subtotal).toBe(2750);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/"名入れ": no readable price[\s\S]*"桐箱": no readable quantity/);
  });

  it('a selector that matches nothing: empty cart and one warning naming it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = page('<p>カートは空です</p>');
    expect(readCart({ selectors: { ...sel, item: '.cart-row' } }, doc)).toEqual({ currency: 'JPY', items: [], subtotal: 0 });
    readCart({ selectors: { ...sel, item: '.cart-row' } }, doc);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0][0])).toContain('".cart-row"');
  });

  it('garbage config and invalid selectors never throw', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const doc = page('<div class="line">x</div>');
    for (const cfg of [null, 42, 'shopify', { selectors: { item: '[[', name: '', price: ')', quantity: '' } }, { preset: 'nope' }, { currency: '¥¥¥¥' }])
      expect(() => readCart(cfg as never, doc)).not.toThrow();
  });

  it('a name with markup stays text; struck prices are never the price', () => {
    const doc = page(`<div class="line"><b class="name">&lt;img src=x onerror=alert(1)&gt;</b><span class="price"><del>¥3,000</del> ¥2,400</span><input class="qty" value="1"></div>`);
    expect(readCart({ selectors: { ...sel, subtotal: undefined } }, doc).items[0]).toMatchObject({ name: '<img src=x onerror=alert(1)>', unitPrice: 2400 });
  });

  it('old prices inside the price cell are skipped at any depth; a cell that is only a theme\'s "regular" price is the price', () => {
    const doc = page(
      `<div class="line"><b class="name">A</b><span class="price"><span class="price__sale"><s class="x">￥3,000</s><span><span class="compare-at">￥2,800</span> ￥2,400</span></span></span><input class="qty" value="1"></div>` +
        // Dawn's not-on-sale price: the amount sits in .price__regular, nothing else in the cell.
        `<div class="line"><b class="name">B</b><div class="price"><div class="price__regular"><span class="price-item price-item--regular">￥1,000</span></div></div><input class="qty" value="2"></div>` +
        `<div class="line"><b class="name">C</b><span class="price">￥<span class="old_price">9</span>500 円</span><input class="qty" value="1"></div>`,
    );
    expect(readCart({ selectors: { ...sel, subtotal: undefined } }, doc).items.map((i) => [i.name, i.unitPrice, i.lineTotal])).toEqual([
      ['A', 2400, 2400],
      ['B', 1000, 2000],
      ['C', 500, 500],
    ]);
  });

  it('reads a 500-line cart with every line intact', () => {
    const rows = Array.from(
      { length: 500 },
      (_, i) => `<div class="line"><b class="name">商品${i}</b><span class="sku">品番：TN-${i}</span><i class="price">￥1,${String(i).padStart(3, '0')}（税込）</i><input class="qty" value="2"></div>`,
    );
    const cart = readCart({ selectors: { ...sel, subtotal: undefined } }, page(rows.join('')));
    expect(cart.items).toHaveLength(500);
    expect(cart.items[499]).toEqual({ id: null, sku: 'TN-499', name: '商品499', unitPrice: 1499, quantity: 2, lineTotal: 2998 });
  });
});
