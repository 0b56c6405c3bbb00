/** Answers by page address and URL: every drawing step renders all prompts, and parsing each image and link again was 3 ms a load at 4× CPU. */
const seen = new Map<string, string | undefined>();

/**
 * Only http(s) links and images reach the page: a `javascript:` or `data:` URL from a config or
 * a scraped cart is dropped (undefined), never rendered.
 */
export function safeUrl(url: unknown, base?: string): string | undefined {
  if (typeof url !== 'string' || !url.trim()) return undefined;
  const from = base ?? globalThis.location?.href;
  const key = `${from} ${url}`;
  if (seen.has(key)) return seen.get(key);
  let out: string | undefined;
  try {
    const u = new URL(url.trim(), from);
    out = u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    out = undefined;
  }
  if (seen.size > 500) seen.clear();
  seen.set(key, out);
  return out;
}
