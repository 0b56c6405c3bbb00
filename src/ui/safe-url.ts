/**
 * Only http(s) links and images reach the page: a `javascript:` or `data:` URL from a config or
 * a scraped cart is dropped (undefined), never rendered.
 */
export function safeUrl(url: unknown, base?: string): string | undefined {
  if (typeof url !== 'string' || !url.trim()) return undefined;
  try {
    const u = new URL(url.trim(), base ?? globalThis.location?.href);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
