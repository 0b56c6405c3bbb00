/**
 * The common shapes of a cart cell — "¥1,320", "1,320円", "￥1,320（税込）", "$12.50", "JPY 1320" —
 * recognised by a scanner instead of a regular expression: a 500-line cart has a thousand
 * amounts, and the expression (with its `i` flag and Unicode `\s`) was the largest single cost
 * of reading one. Same language as
 *   /^\s*([¥￥$€£₩]|JPY|USD|EUR)?\s*(\d{1,3}(?:,\d{3})+|\d{1,9})(\.\d\d)?\s*(円|JPY|USD|EUR)?\s*([(（]税込[)）]|税込|\(tax incl\.?\))?\s*$/i
 * (test/cart/simple-amount.test.ts holds the two to the same answers).
 */
export interface SimpleAmount {
  /** A currency mark before or after the number. */
  marked: boolean;
  /** The whole part's digits, without group commas. */
  int: string;
  /** The two decimals, or '' when there are none. */
  frac: string;
}

// What `\s` matches in a JavaScript regular expression.
const space = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x3000 || c === 0xfeff || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
const digit = (c: number): boolean => c >= 48 && c <= 57;
// ¥ ￥ $ € £ ₩
const symbol = (c: number): boolean => c === 0xa5 || c === 0xffe5 || c === 0x24 || c === 0x20ac || c === 0xa3 || c === 0x20a9;

let lastText = '';
let last: SimpleAmount | null = null;

/** The amount when `t` is one plain amount, else null. Remembers the last answer (price cells are tested, then read). */
export function simpleAmount(t: string): SimpleAmount | null {
  if (t === lastText) return last;
  lastText = t;
  return (last = scan(t));
}

// The scanner's position, module-wide: no closures made per cell (they were most of its cost).
let t = '';
let i = 0;
let n = 0;

function ws(): void {
  while (i < n && space(t.charCodeAt(i))) i++;
}

/** JPY, USD or EUR in any case. */
function code(): boolean {
  if (i + 3 > n) return false;
  const a = t.charCodeAt(i) | 32;
  const b = t.charCodeAt(i + 1) | 32;
  const c = t.charCodeAt(i + 2) | 32;
  // j p y · u s d · e u r
  if ((a === 106 && b === 112 && c === 121) || (a === 117 && b === 115 && c === 100) || (a === 101 && b === 117 && c === 114)) {
    i += 3;
    return true;
  }
  return false;
}

function scan(text: string): SimpleAmount | null {
  t = text;
  n = text.length;
  i = 0;
  ws();
  let marked = false;
  if (i < n && symbol(t.charCodeAt(i))) {
    i++;
    marked = true;
  } else if (code()) marked = true;
  ws();
  const start = i;
  while (i < n && digit(t.charCodeAt(i))) i++;
  const lead = i - start;
  if (lead === 0) return null;
  let int = t.slice(start, i);
  if (t.charCodeAt(i) === 44) {
    // Groups of three after one to three digits; any other comma is not a plain amount.
    if (lead > 3) return null;
    while (t.charCodeAt(i) === 44 && digit(t.charCodeAt(i + 1)) && digit(t.charCodeAt(i + 2)) && digit(t.charCodeAt(i + 3))) {
      int += t.slice(i + 1, i + 4);
      i += 4;
    }
    if (int.length === lead) return null;
    if (t.charCodeAt(i) === 44 || digit(t.charCodeAt(i))) return null;
  } else if (lead > 9) return null;
  let frac = '';
  if (t.charCodeAt(i) === 46 && digit(t.charCodeAt(i + 1)) && digit(t.charCodeAt(i + 2))) {
    frac = t.slice(i + 1, i + 3);
    i += 3;
  }
  ws();
  if (t.charCodeAt(i) === 0x5186 /* 円 */) {
    i++;
    marked = true;
  } else if (code()) marked = true;
  ws();
  const c = t.charCodeAt(i);
  const zeikomi = (k: number) => t.charCodeAt(k) === 0x7a0e && t.charCodeAt(k + 1) === 0x8fbc; // 税込
  if (zeikomi(i)) i += 2;
  else if ((c === 40 || c === 0xff08) && zeikomi(i + 1) && (t.charCodeAt(i + 3) === 41 || t.charCodeAt(i + 3) === 0xff09)) i += 4;
  else if (c === 40 && t.slice(i + 1, i + 9).toLowerCase() === 'tax incl') {
    i += 9;
    if (t.charCodeAt(i) === 46) i++;
    if (t.charCodeAt(i) !== 41) return null;
    i++;
  }
  ws();
  return i === n ? { marked, int, frac } : null;
}
