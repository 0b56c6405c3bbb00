/** Minor-unit digits per currency; anything not listed has two. */
const DIGITS: Record<string, number> = { JPY: 0, KRW: 0, VND: 0, CLP: 0, ISK: 0, HUF: 2, BHD: 3, KWD: 3 };

export const minorDigits = (currency: string): number => DIGITS[currency.toUpperCase()] ?? 2;

/**
 * Reads an amount of money from text, in minor units: "￥３，２４０（税込）" → 3240, "$12.50" → 1250,
 * "12,50 €" → 1250. Null when there is no amount.
 */
export function parseMoney(text: string, currency = 'JPY'): number | null {
  if (typeof text !== 'string') return null;
  const t = text.normalize('NFKC');
  const m = t.match(/-?\d[\d.,'\s]*/);
  if (!m) return null;
  let num = m[0].replace(/[\s']/g, '').replace(/[.,]$/, '');
  const digits = minorDigits(currency);
  const sep = num.match(/[.,](\d+)$/);
  let whole = num;
  let frac = '';
  // A final separator followed by exactly the currency's decimals (or 1–2 digits) is a decimal point.
  if (sep && digits > 0 && sep[1].length <= digits) {
    whole = num.slice(0, sep.index);
    frac = sep[1];
  }
  whole = whole.replace(/[.,]/g, '');
  const value = Number(whole) * 10 ** digits + (frac ? Number(frac.padEnd(digits, '0')) * (whole.startsWith('-') ? -1 : 1) : 0);
  return Number.isFinite(value) ? Math.round(value) : null;
}
