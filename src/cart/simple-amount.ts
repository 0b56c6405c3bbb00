/**
 * The common shapes of a cart cell — "¥1,320", "1,320円", "￥1,320（税込）", "$12.50", "JPY 1320" —
 * read without the full parser: a 500-line cart has a thousand amounts.
 */
export interface SimpleAmount {
  /** A currency mark before or after the number. */
  marked: boolean;
  /** The whole part's digits, without group commas. */
  int: string;
  /** The two decimals, or '' when there are none. */
  frac: string;
}

const SIMPLE = /^\s*([¥￥$€£₩]|JPY|USD|EUR)?\s*(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d\d)?\s*(円|JPY|USD|EUR)?\s*([(（]税込[)）]|税込|\(tax incl\.?\))?\s*$/i;

/** The amount when `t` is one plain amount, else null. */
export function simpleAmount(t: string): SimpleAmount | null {
  const m = SIMPLE.exec(t);
  return m && { marked: !!(m[1] || m[4]), int: m[2].replace(/,/g, ''), frac: m[3] ? m[3].slice(1) : '' };
}
