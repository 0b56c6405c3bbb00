/**
 * JSON.stringify that survives old libraries: Prototype.js and friends put `toJSON` on
 * Array.prototype, which turns every list into a string inside JSON.
 */
export function stringify(value: unknown): string {
  const proto = Array.prototype as unknown as { toJSON?: unknown };
  const own = Object.getOwnPropertyDescriptor(proto, 'toJSON');
  if (!own) return JSON.stringify(value);
  delete proto.toJSON;
  try {
    return JSON.stringify(value);
  } finally {
    Object.defineProperty(proto, 'toJSON', own);
  }
}
