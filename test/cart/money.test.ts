// Price texts copied from real shop pages (Japanese themes, Shopify, WooCommerce, EC-CUBE, EU/US/KR shops).
import { describe, expect, it } from 'vitest';
import { detectCurrency, minorDigits, parseMoney } from '../../src/cart/money';

const TABLE: [text: string, currency: string, expected: number | null][] = [
  ['￥３，２４０（税込）', 'JPY', 3240],
  ['¥3,240', 'JPY', 3240],
  ['3,240円', 'JPY', 3240],
  ['３，２４０円（税込）', 'JPY', 3240],
  ['¥3,240 JPY', 'JPY', 3240],
  ['JPY 3,240', 'JPY', 3240],
  ['税込 ¥3,240', 'JPY', 3240],
  ['¥3,240 税込', 'JPY', 3240],
  ['価格：1,980円(税込)', 'JPY', 1980],
  ['通常価格 ¥3,000 → ¥2,400', 'JPY', 2400],
  ['通常価格 ¥3,000 セール価格 ¥2,400', 'JPY', 2400],
  ['定価 5,500円 販売価格 4,400円', 'JPY', 4400],
  ['¥2,400 (通常価格 ¥3,000)', 'JPY', 2400],
  ['¥2,400 Save ¥600', 'JPY', 2400],
  ['Save ¥600 ¥2,400', 'JPY', 2400],
  ['¥2,400 20% OFF', 'JPY', 2400],
  ['20%OFF ¥2,400', 'JPY', 2400],
  ['¥3,300 (30ポイント還元)', 'JPY', 3300],
  ['3,300円（税込）30pt', 'JPY', 3300],
  ['¥2,200 (税抜 ¥2,000)', 'JPY', 2200],
  ['2,200円（税抜 2,000円）', 'JPY', 2200],
  ['税抜 ¥2,000 税込 ¥2,200', 'JPY', 2200],
  ['¥2,000(税抜)', 'JPY', 2000],
  ['¥1,100 × 2', 'JPY', 1100],
  ['数量：2 ¥1,100', 'JPY', 1100],
  ['0円', 'JPY', 0],
  ['¥0', 'JPY', 0],
  ['無料', 'JPY', 0],
  ['—', 'JPY', null],
  ['お問い合わせ', 'JPY', null],
  ['', 'JPY', null],
  ['価格未定', 'JPY', null],
  ['-¥500', 'JPY', -500],
  ['−￥500', 'JPY', -500],
  ['¥-500', 'JPY', -500],
  ['割引 -500円', 'JPY', null],
  ['$12.50', 'USD', 1250],
  ['$1,234.56 USD', 'USD', 123456],
  ['$12', 'USD', 1200],
  ['12,50 €', 'EUR', 1250],
  ['1.234,56 €', 'EUR', 123456],
  ['€1,234.56', 'EUR', 123456],
  ['1 234,56 €', 'EUR', 123456],
  ['1\u202f234,56\u00a0€', 'EUR', 123456],
  ["CHF 1'234.50", 'CHF', 123450],
  ['£9.99', 'GBP', 999],
  ['₩12,000', 'KRW', 12000],
  ['12,000원', 'KRW', 12000],
  ['1.500 ₫', 'VND', 1500],
  ['KWD 1.250', 'KWD', 1250],
  ['Price: $19.9', 'USD', 1990],
  ['Was $25.00 Now $19.99', 'USD', 1999],
  ['<b>¥1,000</b>', 'JPY', 1000],
  ['\n      ¥3,240\n    ', 'JPY', 3240],
  ['参考価格：¥5,500 特価：¥4,400', 'JPY', 4400],
  ['Regular price ¥3,000 Sale price ¥2,400', 'JPY', 2400],
  ['Regular price Sale price ¥2,400', 'JPY', 2400],
  ['¥2,400 ¥600 OFF', 'JPY', 2400],
  ['600円お得 2,400円', 'JPY', 2400],
  ['30pt ¥3,300', 'JPY', 3300],
  ['(税抜 ¥2,000) ¥2,200', 'JPY', 2200],
  ['税抜価格 2,000円 税込価格 2,200円', 'JPY', 2200],
  ['2,000円(税抜) 2,200円(税込)', 'JPY', 2200],
  ['2,000円+税', 'JPY', 2000],
  ['税抜価格 2,000円', 'JPY', 2000],
  ['¥4,400 (内消費税 ¥400)', 'JPY', 4400],
  ['送料 ¥500 ¥2,400', 'JPY', 2400],
  ['2点 ¥4,400', 'JPY', 4400],
  ['SKU TN-01 ¥500', 'JPY', 500],
  ['Save ¥600', 'JPY', null],
  ['¥1,234.00', 'JPY', 1234],
  ['-$5.00', 'USD', -500],
  ['£5', 'GBP', 500],
  ['120.000 ₫', 'VND', 120000],
  ['€1.234', 'EUR', 123400],
];

describe('parseMoney reads real price texts in minor units', () => {
  it.each(TABLE)('%j (%s) → %j', (text, currency, expected) => {
    expect(parseMoney(text, currency)).toBe(expected);
  });
  it('has a table of 40+ strings', () => expect(TABLE.length).toBeGreaterThanOrEqual(40));
});

describe('page locale', () => {
  // Only a three-decimal currency makes one separator before three digits ambiguous.
  it.each([
    ['1,250 KWD', 'fr', 1250],
    ['1,250 KWD', 'en', 1250000],
    ['1.250 KWD', 'de', 1250000],
    ['1.234 €', 'en', 123400],
  ] as const)('%j in %s → %j', (text, locale, expected) => expect(parseMoney(text, text.includes('€') ? 'EUR' : 'KWD', locale)).toBe(expected));
});

describe('garbage', () => {
  it('never returns NaN or a non-integer', () => {
    for (const g of ['.,.,', '1..2', '¥,', 'NaN', '∞', '1e9999', '9'.repeat(400), '¥' + '9'.repeat(30), null, undefined, 42, {}]) {
      const v = parseMoney(g as string);
      expect(v === null || Number.isSafeInteger(v)).toBe(true);
    }
  });
});

describe('currencies', () => {
  it('knows the minor units of common currencies', () => {
    expect([minorDigits('JPY'), minorDigits('krw'), minorDigits('USD'), minorDigits('EUR'), minorDigits('KWD'), minorDigits('toString')]).toEqual([0, 0, 2, 2, 3, 2]);
  });
  it.each([
    ['￥1,000', 'JPY'],
    ['1,000円', 'JPY'],
    ['$12.50', 'USD'],
    ['12,50 €', 'EUR'],
    ['₩12,000', 'KRW'],
    ['£9.99', 'GBP'],
    ['A$20.00', 'AUD'],
    ['¥3,000 JPY', 'JPY'],
    ['1,000', null],
  ])('%j names %j', (text, code) => expect(detectCurrency(text)).toBe(code));
});
