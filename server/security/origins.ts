const LOCAL = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Whether a browser page at `origin` may send events and read answers. With a configured list,
 * exactly those origins; without one, this service's own origin (`host` is the request's Host)
 * and pages on this machine only. No Origin header (a server, curl) is not a page: allowed here,
 * since only the admin token guards anything worth reading.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: string[]): boolean {
  if (origin === undefined) return true;
  if (allowed.length) return allowed.includes(origin);
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null' || (url.protocol !== 'http:' && url.protocol !== 'https:')) return false;
  return LOCAL.has(url.hostname) || (host !== undefined && url.host === host);
}
