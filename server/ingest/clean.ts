/**
 * What is stored of a valid event: only the fields of the event schema (anything else a client
 * adds is dropped), with text that looks like an e-mail address or a phone number removed from the
 * free-text fields. The widget sends no personal data; this keeps a modified or careless client
 * from storing some.
 */
const KEEP = [
  'id',
  'type',
  'offerId',
  'offerType',
  'time',
  'currency',
  'cartSubtotal',
  'value',
  'visitorId',
  'sessionId',
  'variant',
  'holdout',
  'items',
  'page',
  'pageViewId',
  'version',
  'reason',
  'orderId',
  'total',
] as const;
/** Free text: written by the page or the merchant, so it may carry what a shopper typed. */
const FREE_TEXT = ['reason', 'variant', 'page'] as const;
const MAX_TEXT = 2000;
const MAX_ID = 200;

const EMAIL = /[^\s@/:?#"'<>()[\]]+@[^\s@/?#"'<>()[\]]+\.[^\s@/?#"'<>()[\]]+/g;
// Numbers written as phone numbers: groups split by hyphens, dots, spaces or brackets
// (03-1234-5678, +81 90 1234 5678, (03)1234-5678), or a Japanese mobile number in one run.
const PHONE = /\+?\(?\d{1,4}\)?[-\s.()]+\d{1,4}[-\s.()]+\d{3,4}|(?<!\d)0[5789]0\d{8}(?!\d)/g;
export const REMOVED = '[removed]';

export function scrubText(text: string): string {
  return text.normalize('NFKC') === text ? text.replace(EMAIL, REMOVED).replace(PHONE, REMOVED) : scrubNormalized(text);
}

// Full-width digits and ＠ are read as what they are before matching.
function scrubNormalized(text: string): string {
  const n = text.normalize('NFKC');
  const out = n.replace(EMAIL, REMOVED).replace(PHONE, REMOVED);
  return out === n ? text : out;
}

export type StoredEvent = Record<string, unknown> & { id: string; type: string; time: string };

/** Server-side limits the widget's validator leaves open; a message naming the field, or null. */
export function checkLimits(e: Record<string, unknown>): string | null {
  if (typeof e.id === 'string' && e.id.length > MAX_ID) return `id: expected at most ${MAX_ID} characters`;
  const year = new Date(e.time as string).getUTCFullYear();
  if (!(year >= 2000 && year <= 2999)) return 'time: expected a date between the years 2000 and 2999';
  for (const k of ['cartSubtotal', 'value', 'total'] as const) {
    if (typeof e[k] === 'number' && !Number.isSafeInteger(e[k])) return `${k}: expected at most ${Number.MAX_SAFE_INTEGER}`;
  }
  for (const [k, v] of Object.entries(e)) {
    if (typeof v === 'string' && v.length > MAX_TEXT) return `${k}: expected at most ${MAX_TEXT} characters`;
  }
  return null;
}

export function cleanEvent(e: Record<string, unknown>): StoredEvent {
  const out: Record<string, unknown> = {};
  for (const k of KEEP) if (e[k] !== undefined) out[k] = e[k];
  for (const k of FREE_TEXT) if (typeof out[k] === 'string') out[k] = scrubText(out[k] as string);
  if (Array.isArray(out.items)) {
    out.items = (out.items as Record<string, unknown>[]).map((it) => {
      const item: Record<string, unknown> = { sku: it.sku, quantity: it.quantity, price: it.price };
      // An order's line carries the platform's product/variant id too.
      if (typeof it.id === 'string') item.id = it.id;
      return item;
    });
  }
  return out as StoredEvent;
}
