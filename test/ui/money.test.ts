import { describe, expect, it } from 'vitest';
import { formatMoney, minorUnits } from '../../src/ui/money';

describe('formatMoney', () => {
  it('formats yen with the full-width sign in Japanese and ¥ in English', () => {
    expect(formatMoney(1100, 'JPY')).toBe('￥1,100');
    expect(formatMoney(2888, 'JPY', 'symbol', 'en')).toBe('¥2,888');
    expect(formatMoney(1234567, 'jpy')).toBe('￥1,234,567');
  });
  it('formats yen as 1,100円 with the suffix style', () => {
    expect(formatMoney(1100, 'JPY', 'suffix')).toBe('1,100円');
    expect(formatMoney(600, 'JPY', 'suffix', 'en')).toBe('600円');
  });
  it('groups only whole thousands', () => {
    expect(formatMoney(0, 'JPY')).toBe('￥0');
    expect(formatMoney(999, 'JPY')).toBe('￥999');
    expect(formatMoney(1000, 'JPY')).toBe('￥1,000');
    expect(formatMoney(100000, 'JPY')).toBe('￥100,000');
  });
  it('uses the currency minor unit for other currencies', () => {
    expect(formatMoney(1250, 'USD', 'symbol', 'en')).toBe('$12.50');
    expect(formatMoney(123456789, 'EUR')).toBe('€1,234,567.89');
    expect(formatMoney(5, 'GBP')).toBe('£0.05');
    expect(formatMoney(1500, 'KRW')).toBe('₩1,500');
    expect(formatMoney(12345, 'KWD')).toBe('KWD 12.345');
    expect(formatMoney(1250, 'CHF')).toBe('CHF 12.50');
    expect(formatMoney(1250, 'USD', 'suffix')).toBe('12.50 USD');
  });
  it('keeps the sign in front and rounds stray fractions', () => {
    expect(formatMoney(-600, 'JPY')).toBe('-￥600');
    expect(formatMoney(-1250, 'USD')).toBe('-$12.50');
    expect(formatMoney(1099.6, 'JPY')).toBe('￥1,100');
    expect(formatMoney(-0.2, 'JPY')).toBe('￥0');
  });
  it('returns an empty string for a non-number instead of "NaN"', () => {
    expect(formatMoney(Number.NaN, 'JPY')).toBe('');
    expect(formatMoney(Infinity, 'USD')).toBe('');
  });
  it('agrees with Intl for yen and dollars across many amounts', () => {
    const yen = new Intl.NumberFormat('ja-JP');
    const usd = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2 });
    for (const n of [1, 12, 123, 1234, 12345, 123456, 1234567, 98765432, 7112, 2888]) {
      expect(formatMoney(n, 'JPY')).toBe('￥' + yen.format(n));
      expect(formatMoney(n, 'USD')).toBe('$' + usd.format(n / 100));
    }
  });
  it('knows minor units', () => {
    expect([minorUnits('JPY'), minorUnits('usd'), minorUnits('BHD')]).toEqual([0, 2, 3]);
  });
});
