import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../src/cart/money';
import { formatMoney } from '../../src/ui/money';

// What the cart reader takes from a page and what a prompt shows must be the same money:
// "1,234" read in a currency and shown again gives back "1,234" — one digit table for both.
const CODES = 'JPY KRW VND CLP ISK UGX PYG XAF XOF XPF KMF GNF RWF VUV BIF DJF USD EUR GBP TWD HUF IDR BHD KWD OMR JOD TND IQD LYD CLF'.split(' ');

describe('one currency digit table for reading and display', () => {
  for (const cur of CODES)
    it(`${cur}: read and shown with the same minor unit`, () => {
      const read = parseMoney(`${cur} 1,234`, cur);
      expect(read).not.toBeNull();
      const shown = formatMoney(read!, cur, 'suffix', 'en');
      expect(Number(shown.replace(/[^\d.]/g, ''))).toBe(1234);
    });

  it('XAF has no minor unit; IQD and LYD have three', () => {
    expect(parseMoney('XAF 1,500', 'XAF')).toBe(1500);
    expect(formatMoney(1500, 'XAF', 'suffix', 'en')).toBe('1,500 XAF');
    expect(formatMoney(1500, 'IQD', 'suffix', 'en')).toBe('1.500 IQD');
    expect(parseMoney('IQD 1.5', 'IQD')).toBe(1500);
  });
});
