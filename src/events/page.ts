/**
 * The `page` an event carries: origin and path, never the query or hash, and by default without
 * path segments that may identify a person — shops put member e-mails, order numbers, phone
 * numbers and one-time tokens into paths (`/members/taro.yamada@example.jp/cart`).
 */
export type PageDetail = 'scrubbed' | 'path' | 'origin';

const REDACTED = '*';
const DIGITS = /\d{6,}/;

/** A segment that looks like an e-mail, a long digit run or a random token. */
export function personal(segment: string): boolean {
  let s = segment;
  try {
    s = decodeURIComponent(segment);
  } catch {
    /* malformed escapes: judged as written */
  }
  if (s.includes('@') || DIGITS.test(s)) return true;
  if (s.length < 16 || !/\d/.test(s)) return false;
  // Tokens mix digits into long runs of letters of both cases, or are digit-heavy (hex, UUIDs);
  // a readable slug such as "spring-sale-2026-collection" is neither.
  const digits = s.replace(/\D/g, '').length;
  return (/[A-Z]/.test(s) && /[a-z]/.test(s)) || digits / s.length >= 0.25;
}

export function scrubPath(path: string): string {
  return path
    .split('/')
    .map((seg) => (seg && personal(seg) ? REDACTED : seg))
    .join('/');
}

export function pageOf(loc: { origin: string; pathname: string } | undefined, detail: PageDetail = 'scrubbed'): string {
  if (!loc) return '';
  if (detail === 'origin') return loc.origin + '/';
  return loc.origin + (detail === 'path' ? loc.pathname : scrubPath(loc.pathname));
}
