/** ￥1,234 (yen are whole numbers). */
export const yen = (n) => (n < 0 ? '−' : '') + '￥' + Math.round(Math.abs(n)).toLocaleString('ja-JP');
/** 12.3 % */
export const pct = (x, digits = 1) => (x * 100).toFixed(digits) + '%';
export const int = (n) => Math.round(n).toLocaleString('ja-JP');
