/**
 * Money for display, without Intl: its first call in Chromium loads locale data (35–60 ms, a
 * long task on the shop's page), and digit grouping is a few lines.
 */

import { minorDigits } from '../util/currency';

const SYMBOLS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£', KRW: '₩', CNY: 'CN¥', TWD: 'NT$', HKD: 'HK$', AUD: 'A$', CAD: 'CA$', INR: '₹' };

/** Decimal places of the currency's minor unit (0 for yen): the same table cart reading uses. */
export const minorUnits = minorDigits;

/**
 * "1100" → "1,100". A loop, not a look-ahead regular expression: on a shop's first page that
 * expression is compiled inside the first drawing of a prompt, 1–8 ms at 4× CPU.
 */
function group(digits: string): string {
  let out = digits;
  for (let i = digits.length - 3; i > 0; i -= 3) out = `${out.slice(0, i)},${out.slice(i)}`;
  return out;
}

/**
 * Formats an amount in minor units: `formatMoney(1100, 'JPY')` → "￥1,100", with `'suffix'` →
 * "1,100円", in English "¥1,100"; `formatMoney(1250, 'USD')` → "$12.50".
 */
export function formatMoney(amount: number, currency: string, style: 'symbol' | 'suffix' = 'symbol', locale: 'ja' | 'en' = 'ja'): string {
  if (!Number.isFinite(amount)) return '';
  const cur = String(currency || 'JPY').toUpperCase();
  const d = minorUnits(cur);
  const abs = Math.abs(Math.round(amount));
  const unit = 10 ** d;
  const whole = group(String(Math.floor(abs / unit)));
  const num = d ? `${whole}.${String(abs % unit).padStart(d, '0')}` : whole;
  const sign = amount < 0 && abs ? '-' : '';
  if (style === 'suffix') return sign + num + (cur === 'JPY' ? '円' : ` ${cur}`);
  const sym = cur === 'JPY' ? (locale === 'en' ? '¥' : '￥') : (SYMBOLS[cur] ?? `${cur} `);
  return sign + sym + num;
}
