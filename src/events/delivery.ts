import type { SafeStorage } from '../util/storage';
import type { AnyEvent } from './schema';
import type { StoredQueue } from './queue';
import { retryAfterMs, waitAfter, type Backoff } from './backoff';
import { errorOnce, guard, t, warnOnce } from '../util/log';
import { stringify } from '../util/json';

export interface DeliveryOptions {
  endpoint: string;
  queue: StoredQueue;
  storage: SafeStorage;
  batchSize: number;
  intervalMs: number;
  timeoutMs: number;
  backoff: Backoff;
  fetchImpl?: typeof fetch;
  now: () => number;
}

export interface Delivery {
  /** This page queued the event: send it soon (at once when a batch is full). */
  queued(id: string): void;
  /** Sends one batch now if nothing holds it back (a wait the endpoint asked for, another tab sending). */
  flush(): Promise<void>;
  destroy(): void;
}

/** Browsers allow 64 KB of keepalive bodies in flight per page. */
const MAX_BYTES = 60_000;
/** When the endpoint may be tried again (ms), shared by every tab and the next page view. */
const RETRY_AT = 'events-retry-at';
/** Held by the one tab sending stored events, so two tabs never send the same ones at once. */
const LOCK = 'cart-upsell:events';
const REFUSED = /^4\d\d$/;

const byteLength = (s: string): number => (typeof TextEncoder === 'function' ? new TextEncoder().encode(s).length : s.length * 3);

type Locks = { request(name: string, opts: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<unknown>): Promise<unknown> };

/**
 * Sending: batches from the stored queue, retries on the back-off schedule, and one send of this
 * page's own events when it is hidden or closed. Acknowledged means the endpoint answered 2xx;
 * until then an event stays stored. Nothing here throws or rejects.
 */
export function createDelivery(o: DeliveryOptions): Delivery {
  const { endpoint, queue, storage, batchSize, now } = o;
  const win = typeof window !== 'undefined' ? window : undefined;
  /** Ids this page made: the only ones its closing sends (other tabs' events wait for them or the next view). */
  const own = new Set<string>();
  /** Ids in a request from this page that has not answered yet. */
  const inFlight = new Set<string>();
  /** Ids refused in a batch: sent one by one, so one bad event cannot drop its batch-mates. */
  const alone = new Set<string>();
  let keepaliveBytes = 0;
  let failures = 0;
  let fresh = 0;
  let sending = false;
  let destroyed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let due = Infinity;

  const doFetch = (): typeof fetch | undefined => o.fetchImpl ?? (typeof win?.fetch === 'function' ? win.fetch.bind(win) : undefined);
  const offline = () => win?.navigator?.onLine === false;
  const waiting = () => queue.list().filter((e) => !inFlight.has(e.id));

  /** Runs a send no sooner than `ms` from now (an earlier run already planned stays). */
  function schedule(ms: number): void {
    if (destroyed || now() + ms >= due) return;
    clearTimeout(timer);
    due = now() + ms;
    timer = setTimeout(() => {
      due = Infinity;
      void flush();
    }, ms);
  }

  /** Up to batchSize events from the front of `list` whose JSON fits in `room` bytes. */
  function take(list: AnyEvent[], room: number, keepalive: boolean): AnyEvent[] {
    const batch: AnyEvent[] = [];
    let used = 12; // {"events":[]}
    for (const e of list) {
      if (batch.length >= batchSize || (batch.length && alone.has(e.id))) break;
      const size = byteLength(stringify(e)) + 1;
      if (used + size > room && batch.length) break;
      // One event larger than the room: an ordinary request still carries it (else it would
      // block the queue for good); a keepalive one cannot.
      if (used + size > room) return keepalive ? batch : [e];
      batch.push(e);
      used += size;
      if (alone.has(e.id)) break;
    }
    return batch;
  }

  /** One request; the time until the next one, or null when the queue is empty. */
  async function sendBatch(f: typeof fetch): Promise<number | null> {
    const list = waiting();
    if (!list.length) return null;
    const batch = take(list, MAX_BYTES, false);
    const ids = batch.map((e) => e.id);
    for (const id of ids) inFlight.add(id);
    // A request that never answers must not hold the queue for the rest of the page view.
    const ac = typeof AbortController === 'function' ? new AbortController() : undefined;
    const hung = setTimeout(() => ac?.abort(), o.timeoutMs);
    let status = 0;
    let retryAfter = 0;
    try {
      const res = await f(endpoint, { method: 'POST', body: stringify({ events: batch }), headers: { 'content-type': 'text/plain' }, credentials: 'omit', signal: ac?.signal });
      status = res.status;
      // Readable only when a cross-origin endpoint sends Access-Control-Expose-Headers: Retry-After.
      retryAfter = retryAfterMs(res.headers?.get?.('retry-after'), now());
    } catch {
      status = 0; // network error, timeout, or a page's fetch wrapper that threw
    } finally {
      clearTimeout(hung);
      for (const id of ids) inFlight.delete(id);
    }
    if (status >= 200 && status < 300) {
      failures = 0;
      queue.remove(ids);
      if (storage.get(RETRY_AT) != null) storage.remove(RETRY_AT);
      return waiting().length ? 0 : null;
    }
    if (REFUSED.test(String(status)) && status !== 408 && status !== 429) {
      if (batch.length > 1) {
        for (const id of ids) alone.add(id);
      } else {
        warnOnce(t(`the event endpoint refused an event with ${status}; it was dropped.`, `イベントの送信先が ${status} で断ったため、そのイベントは捨てました。`));
        queue.remove(ids);
      }
      return 0;
    }
    failures++;
    const wait = waitAfter(o.backoff, failures, status, retryAfter);
    storage.set(RETRY_AT, now() + wait);
    return wait;
  }

  /** Runs `send` while holding the tabs' lock; 'busy' when another tab holds it. */
  async function exclusive(send: () => Promise<number | null>): Promise<number | null | 'busy'> {
    const locks = (win?.navigator as { locks?: Locks } | undefined)?.locks;
    if (!locks || typeof locks.request !== 'function') return send();
    try {
      return (await locks.request(LOCK, { ifAvailable: true }, (lock) => (lock ? send() : Promise.resolve('busy')))) as number | null | 'busy';
    } catch {
      // Locks refused (a sandboxed frame): send as a tab alone would.
      return send();
    }
  }

  async function flush(): Promise<void> {
    try {
      const f = doFetch();
      if (sending || destroyed || !f || offline()) return;
      const hold = (storage.get<number>(RETRY_AT) ?? 0) - now();
      if (hold > 0) return schedule(Math.min(hold, 3_600_000));
      sending = true;
      fresh = 0;
      const next = await exclusive(() => sendBatch(f));
      sending = false;
      if (next === 'busy') schedule(o.intervalMs);
      else if (next !== null) schedule(next);
    } catch (err) {
      sending = false;
      errorOnce(t('could not send events; they stay stored for later. The shop is unaffected.', 'イベントを送れませんでした。保存して後で送ります（ショップには影響ありません）。'), err);
      schedule(o.intervalMs);
    }
  }

  /**
   * The page is being hidden or closed: this page's own events go out once, in requests that
   * outlive it (at most 64 KB in flight). A keepalive send that answers 2xx while the page still
   * lives clears its events; otherwise they stay stored for the next page view. A beacon cannot
   * report back, so what the browser accepted is cleared at once.
   */
  const leaving = guard('page hide', () => {
    if (destroyed || offline()) return;
    const f = doFetch();
    const beacon = win?.navigator && typeof win.navigator.sendBeacon === 'function' ? win.navigator.sendBeacon.bind(win.navigator) : null;
    const mine = queue.list().filter((e) => own.has(e.id) && !inFlight.has(e.id));
    let room = MAX_BYTES - keepaliveBytes;
    for (let i = 0; i < mine.length;) {
      const batch = take(mine.slice(i), room, true);
      if (!batch.length) break;
      i += batch.length;
      const body = stringify({ events: batch });
      const bytes = byteLength(body);
      const ids = batch.map((e) => e.id);
      room -= bytes;
      if (f) {
        for (const id of ids) inFlight.add(id);
        keepaliveBytes += bytes;
        const settle = (ok: boolean) => {
          keepaliveBytes -= bytes;
          for (const id of ids) inFlight.delete(id);
          if (ok) queue.remove(ids);
        };
        try {
          Promise.resolve(f(endpoint, { method: 'POST', body, keepalive: true, headers: { 'content-type': 'text/plain' }, credentials: 'omit' })).then(
            (r) => settle(!!r && r.ok),
            () => settle(false),
          );
        } catch {
          settle(false);
        }
      } else if (beacon) {
        if (!beacon(endpoint, body)) break;
        queue.remove(ids);
      }
    }
  });
  const onVisibility = () => {
    if (document.visibilityState === 'hidden') leaving();
  };
  const onOnline = () => {
    failures = 0;
    void flush();
  };
  win?.addEventListener('pagehide', leaving);
  win?.addEventListener('online', onOnline);
  document.addEventListener('visibilitychange', onVisibility);
  // Events from earlier page views (and other tabs) go first, once the page has settled.
  schedule(o.intervalMs);

  return {
    queued(id) {
      own.add(id);
      fresh++;
      schedule(fresh >= batchSize ? 0 : o.intervalMs);
    },
    flush,
    destroy() {
      destroyed = true;
      clearTimeout(timer);
      win?.removeEventListener('pagehide', leaving);
      win?.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisibility);
    },
  };
}
