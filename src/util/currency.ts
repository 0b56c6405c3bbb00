/**
 * Decimal places of each currency's minor unit (ISO 4217), the one table both reading a page's
 * prices and showing them use: an amount read as 12,345 minor units is shown as the same money.
 * Anything not listed has two.
 */
export const DIGITS: Record<string, number> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

export const minorDigits = (currency: string): number => {
  const c = typeof currency === 'string' ? currency.toUpperCase() : '';
  return Object.prototype.hasOwnProperty.call(DIGITS, c) ? DIGITS[c] : 2;
};

/** An amount in minor units as the currency's main unit (12,345 US cents → 123.45). */
export const toMajor = (amount: number, currency: string): number => amount / 10 ** minorDigits(currency);
