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
  if (!seen.has(key)) {
    if (seen.size > 500) seen.clear();
    seen.set(key, parse(url.trim(), from));
  }
  return seen.get(key);
}

function parse(url: string, base?: string): string | undefined {
  try {
    const u = new URL(url, base);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
