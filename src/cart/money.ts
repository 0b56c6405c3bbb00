import { minorDigits } from '../util/currency';

export { minorDigits };

const CODES = 'JPY|USD|EUR|GBP|KRW|VND|CNY|TWD|HKD|AUD|CAD|NZD|SGD|CHF|SEK|NOK|DKK|PLN|CZK|HUF|THB|IDR|INR|KWD|BHD';

/** Symbols and words that name a currency on a shop page, checked in this order. */
const SIGNS: [RegExp, string][] = [
  [new RegExp(`\\b(${CODES})\\b`), ''],
  [/[¥円]/, 'JPY'],
  [/[₩원]/, 'KRW'],
  [/€/, 'EUR'],
  [/£/, 'GBP'],
  [/₫/, 'VND'],
  [/A\$|AU\$/, 'AUD'],
  [/C\$|CA\$/, 'CAD'],
  [/NZ\$/, 'NZD'],
  [/HK\$/, 'HKD'],
  [/S\$/, 'SGD'],
  [/NT\$/, 'TWD'],
  [/\$/, 'USD'],
];

/**
 * `fn`, remembered for up to 5,000 texts of up to 200 characters (a 2,000-line cart shows 4,000
 * amounts; past that all are forgotten at once, and a page's odd long texts are never kept): a
 * page shows the same texts at every read of its cart, and normalising and parsing them was most
 * of reading a short one.
 */
export const remember = <T>(fn: (text: string) => T): ((text: string) => T) => {
  const seen = new Map<string, T>();
  return (text) => {
    let v = seen.get(text);
    if (v === undefined) {
      v = fn(text);
      if (seen.size > 5e3) seen.clear();
      if (text.length < 200) seen.set(text, v);
    }
    return v;
  };
};

const named = remember((text): string | null => {
  const t = text.normalize('NFKC');
  for (const [re, code] of SIGNS) {
    const m = t.match(re);
    if (m) return code || m[1];
  }
  return null;
});

/** The currency a price text names ("¥", "円", "€", "EUR" …), or null. A bare "$" reads as USD. */
export const detectCurrency = (text: string | null | undefined): string | null => (typeof text === 'string' && text ? named(text) : null);

/** Locales that write "1.234,56": consulted only where a three-decimal currency makes "1.234" ambiguous. */
const COMMA_DECIMAL = /^(de|fr|es|it|nl|pt|ru|tr|id|pl|cs|sv|da|fi|nb|no|el|ro|hu|uk|ar)\b/i;

/** Sign, currency mark, digits with grouping, currency mark after. */
const AMOUNT = new RegExp(
  `(?<![\\w.,-])(-\\s*)?([¥$€£₩₫]|\\b(?:${CODES})\\b)?\\s*(-\\s*)?(\\d{1,3}(?:[.,' ]\\d{3})+(?:[.,]\\d{1,3})?|\\d+(?:[.,]\\d{1,3})?)(?!\\d)\\s*(円|원|[€₫]|\\b(?:${CODES})\\b)?`,
  'g',
);

/**
 * The last label before an amount decides what it is (group index = kind). Longer words come
 * first so "通常価格" is not read as "価格", and "Regular price … Sale price ¥2,400" ends on a
 * current-price label.
 */
const LABEL =
  /(通常価格|定価|参考価格|希望小売価格|元値|元の価格|\bregular price|\boriginal price|\bcompare at|\bwas\b|\bbefore\b)|(\bsave\b|お得|割引|値引|\bdiscount|\boff\b|ポイント|\bpt\b|×)|(税抜価格|税抜|税別|本体価格|\bexcl)|(内消費税|消費税|税額|送料|\bshipping|\btax\b(?!\s*incl))|(販売価格|セール価格|特価|税込価格|税込|価格|\bsale price|\bnow\b|\bprice\b|\bincl)/gi;
const TAX_EXCLUDED = 3;
const CURRENT = 5;
/** What may follow an amount and make it a note rather than the price. */
const AFTER = /^\s*(\(\s*(?:税抜|税別|excl)[^)\d]*\)|税抜|税別|\+\s*税|\+\s*tax|excl|off\b|お得|引|割引|ポイント|pt\b|points?\b|還元|%|点|個|items?\b)/i;

function labelBefore(gap: string): number {
  let kind = 0;
  // exec, not matchAll: matchAll copies the RegExp on every call (a recompile, ~40 µs).
  LABEL.lastIndex = 0;
  for (let m; (m = LABEL.exec(gap));) kind = m.findIndex((g, i) => i > 0 && g !== undefined);
  return kind;
}

/** A number as printed ("1.234,56", "3,240", "12,50") → minor units, or null. */
function toMinor(num: string, digits: number, locale?: string): number | null {
  const n = num.replace(/[' ]/g, '');
  const lastDot = n.lastIndexOf('.');
  const lastComma = n.lastIndexOf(',');
  let at = -1;
  if (lastDot >= 0 && lastComma >= 0) at = Math.max(lastDot, lastComma);
  else {
    at = Math.max(lastDot, lastComma);
    const sep = n[at];
    const tail = n.length - at - 1;
    // "12,50" / "12.5": fewer than three digits after a single separator is a decimal mark.
    // Three digits ("1.234", "3,240") is grouping, except for three-decimal currencies, where
    // the page's locale decides.
    const decimal = tail < 3 || (tail === 3 && digits === 3 && (sep === ',') === COMMA_DECIMAL.test(locale ?? ''));
    if (at < 0 || n.indexOf(sep) !== at || !decimal) at = -1;
  }
  const whole = (at >= 0 ? n.slice(0, at) : n).replace(/[.,]/g, '');
  const frac = at >= 0 ? n.slice(at + 1) : '';
  if (whole.length > 15) return null;
  const value = Math.round(Number(whole + '.' + (frac || '0')) * 10 ** digits);
  return Number.isSafeInteger(value) ? value : null;
}

function signed(m: RegExpMatchArray, digits: number, locale?: string): number | null {
  const v = toMinor(m[4], digits, locale);
  return v === null ? null : m[1] || m[3] ? -v : v;
}

/**
 * Reads the price from a price element's text, in minor units: "￥３，２４０（税込）" → 3240,
 * "$12.50" → 1250, "12,50 €" → 1250, "通常価格 ¥3,000 ¥2,400" → 2400, "¥3,000 → ¥2,400" → 2400,
 * "−￥500" → -500. Old prices, savings badges, point, shipping and tax notes are skipped; a
 * tax-excluded amount is used only when nothing else is shown. An amount with a currency mark
 * wins over a bare number. `locale` (the page's `lang`) only settles "1.234" in three-decimal
 * currencies. Null when there is no price ("—", "お問い合わせ", "価格未定").
 */
export function parseMoney(text: string, currency = 'JPY', locale?: string): number | null {
  if (typeof text !== 'string' || text.length > 2000) return null;
  let t = text.normalize('NFKC').replace(/[\u2212\ufe63]/g, '-');
  // "old → new": the price is after the last arrow.
  const arrow = Math.max(t.lastIndexOf('→'), t.lastIndexOf('⇒'), t.lastIndexOf('->'));
  if (arrow >= 0 && /\d/.test(t.slice(arrow))) t = t.slice(arrow + 1);
  if (/^\s*(無料|free)\s*$/i.test(t)) return 0;
  const digits = minorDigits(currency);
  let taxExcluded: number | null = null;
  let bare: number | null = null;
  let from = 0;
  AMOUNT.lastIndex = 0;
  for (let m; (m = AMOUNT.exec(t));) {
    const kind = labelBefore(t.slice(from, m.index));
    from = (m.index ?? 0) + m[0].length;
    const after = t.slice(from).match(AFTER);
    // A note after the amount ("(税抜)", "お得", "pt") is not the next amount's label.
    if (after) from += after[0].length + (t.slice(from + after[0].length).match(/^[^\s(¥$€£\d]*\)?/)?.[0].length ?? 0);
    if (after || (kind && kind !== CURRENT)) {
      if (kind === TAX_EXCLUDED || (after && /^\(?\s*(税|\+|excl)/i.test(after[1]))) taxExcluded ??= signed(m, digits, locale);
      continue;
    }
    const value = signed(m, digits, locale);
    if (value === null) continue;
    if (m[2] || m[5]) return value;
    bare ??= value;
  }
  return bare ?? taxExcluded;
}
