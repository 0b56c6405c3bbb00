/**
 * JSON text that a hostile page cannot take away. Old libraries (Prototype.js and friends) put
 * `toJSON` on Array.prototype, which turns every list into a string; some pages replace
 * `JSON.stringify` with a wrapper that throws. Plain data (what events and visitor state are)
 * is then written by a small writer of our own.
 */
export function stringify(value: unknown): string {
  const proto = Array.prototype as unknown as { toJSON?: unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  try {
    if (own) delete proto.toJSON;
    return JSON.stringify(value) ?? write(value);
  } catch {
    return write(value);
  } finally {
    if (own) Object.defineProperty(proto, 'toJSON', own);
  }
}

// `"`, `\`, controls and line separators as \uXXXX: valid JSON, read back as the same text.
const quote = (s: string): string => `"${s.replace(/[\0-\x1f"\\\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))}"`;

const write = (v: unknown): string => {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'boolean' || (typeof v === 'number' && isFinite(v))) return String(v);
  if (!v || typeof v !== 'object') return 'null';
  if (Array.isArray(v)) return '[' + v.map(write).join() + ']';
  const o = v as Record<string, unknown>;
  return (
    '{' +
    Object.keys(o)
      .filter((k) => o[k] !== undefined && typeof o[k] !== 'function')
      .map((k) => quote(k) + ':' + write(o[k]))
      .join() +
    '}'
  );
};
