/**
 * JSON text that a hostile page cannot take away. Old libraries (Prototype.js and friends) put
 * `toJSON` on Array.prototype, which turns every list into a string; some pages replace
 * `JSON.stringify` with a wrapper that throws. Plain data (what events and visitor state are)
 * is then written by a small serialiser of our own.
 */
export function stringify(value: unknown): string {
  const proto = Array.prototype as unknown as { toJSON?: unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  try {
    if (own) delete proto.toJSON;
    const text = JSON.stringify(value);
    if (typeof text === 'string') return text;
  } catch {
    /* replaced or broken: written by hand below */
  } finally {
    if (own) Object.defineProperty(proto, 'toJSON', own);
  }
  return write(value);
}

const ESCAPE = /[\u0000-\u001f"\\\u2028\u2029\ud800-\udfff]/g;

const quote = (s: string): string =>
  '"' +
  s.replace(ESCAPE, (c) => {
    // Lone surrogates are escaped; a valid pair is two code units that are both in range, so
    // they are escaped too, which JSON readers join back together.
    if (c === '"' || c === '\\') return '\\' + c;
    return '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
  }) +
  '"';

function write(v: unknown): string {
  if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') return 'null';
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) {
    const parts: string[] = [];
    for (let i = 0; i < v.length; i++) parts.push(write(v[i]));
    return '[' + parts.join(',') + ']';
  }
  const parts: string[] = [];
  for (const k of Object.keys(v as object)) {
    const x = (v as Record<string, unknown>)[k];
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    parts.push(quote(k) + ':' + write(x));
  }
  return '{' + parts.join(',') + '}';
}
