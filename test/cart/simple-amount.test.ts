import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { simpleAmount } from '../../src/cart/simple-amount';

// The expression the scanner replaces (it was the largest cost of reading a long cart): both must
// accept the same texts and find the same parts.
const SIMPLE = /^\s*([¥￥$€£₩]|JPY|USD|EUR)?\s*(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d\d)?\s*(円|JPY|USD|EUR)?\s*([(（]税込[)）]|税込|\(tax incl\.?\))?\s*$/i;
const byRegex = (t: string) => {
  const m = SIMPLE.exec(t);
  return m ? { marked: !!(m[1] || m[4]), int: m[2].replace(/,/g, ''), frac: m[3] ? m[3].slice(1) : '' } : null;
};

describe('simpleAmount', () => {
  it('reads the shapes carts print', () => {
    expect(simpleAmount('￥1,320')).toEqual({ marked: true, int: '1320', frac: '' });
    expect(simpleAmount(' 1,320円（税込） ')).toEqual({ marked: true, int: '1320', frac: '' });
    expect(simpleAmount('$12.50')).toEqual({ marked: true, int: '12', frac: '50' });
    expect(simpleAmount('usd 1,234,567.89 (Tax incl.)')).toEqual({ marked: true, int: '1234567', frac: '89' });
    expect(simpleAmount('1320')).toEqual({ marked: false, int: '1320', frac: '' });
    for (const t of ['', '￥', '12,34', '1,2345', '1234,567', '1234567890', '￥800 ￥500', '1.234', '¥1,320 税抜', '(tax incl', '1,320円(税込', '\u00a5１,３２０']) expect(simpleAmount(t), t).toBe(byRegex(t));
  });

  it('agrees with the expression on random cart-like text', () => {
    const part = fc.constantFrom('', ' ', '\u3000', '\u00a0', '\t', '¥', '￥', '$', '€', '₩', 'JPY', 'usd', 'Eur', '円', ',', '.', '0', '1', '2', '9', '12', '345', ',000', '.5', '.50', '税込', '（税込）', '(税込)', '(tax incl)', '(TAX INCL.)', '(', ')', 'x', '税抜', '-');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), (parts) => {
        const t = parts.join('');
        expect(simpleAmount(t)).toEqual(byRegex(t));
      }),
      { numRuns: 5000 },
    );
  });
});
