import { describe, it, expect } from 'vitest';
import { simpleAmount } from '../../src/cart/simple-amount';

// The fast path's shapes; read.test.ts holds its amounts to the full parser's.
describe('simpleAmount', () => {
  it('reads the shapes carts print', () => {
    expect(simpleAmount('￥1,320')).toEqual({ marked: true, int: '1320', frac: '' });
    expect(simpleAmount(' 1,320円（税込） ')).toEqual({ marked: true, int: '1320', frac: '' });
    expect(simpleAmount('$12.50')).toEqual({ marked: true, int: '12', frac: '50' });
    expect(simpleAmount('usd 1,234,567.89 (Tax incl.)')).toEqual({ marked: true, int: '1234567', frac: '89' });
    expect(simpleAmount('1320')).toEqual({ marked: false, int: '1320', frac: '' });
  });

  it('anything else goes to the full parser', () => {
    for (const t of ['', '￥', '12,34', '1,2345', '1234,567', '1234567890', '￥800 ￥500', '1.234', '¥1,320 税抜', '(tax incl', '1,320円(税込', '１,３２０円']) expect(simpleAmount(t), t).toBeNull();
  });
});
