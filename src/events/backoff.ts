/**
 * How long to wait before sending again. The schedule doubles from `baseMs` up to `maxMs`.
 * An endpoint that says "too many" or "unavailable" (429, 503) is never retried sooner than the
 * schedule's next step, whether or not the browser lets us read its Retry-After (a cross-origin
 * response hides the header unless the endpoint exposes it); other failures get the usual
 * jitter below the step, so tabs and visitors do not retry in lock-step.
 */
export interface Backoff {
  baseMs: number;
  maxMs: number;
}

/** Capped at an hour so a typo cannot park events for days. */
const MAX_WAIT = 3_600_000;

/** Retry-After in seconds or as an HTTP date; 0 when missing or unreadable. */
export function retryAfterMs(header: string | null | undefined, nowMs: number): number {
  if (!header) return 0;
  const secs = Number(header);
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(header) - nowMs;
  return ms > 0 ? Math.min(ms, MAX_WAIT) : 0;
}

/** The schedule's step for the n-th failure in a row (n ≥ 1). */
export const step = (b: Backoff, n: number): number => Math.min(b.maxMs, b.baseMs * 2 ** Math.max(0, n - 1));

export function waitAfter(b: Backoff, n: number, status: number, retryAfter: number, random: () => number = Math.random): number {
  const s = step(b, n);
  if (status === 429 || status === 503) return Math.max(retryAfter, s * (1 + random() / 4));
  return Math.max(retryAfter, s * (0.5 + random() / 2));
}
