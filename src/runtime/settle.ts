import { guard } from '../util/log';

/** How long the page must stay still before its cart counts as drawn. */
export const QUIET_MS = 100;
/** A page that never stops changing (a carousel, a clock) is read after this long anyway. */
export const MAX_WAIT_MS = 1500;

/**
 * True once the page's DOMContentLoaded has fired. `readyState` is already "interactive" while
 * deferred and module scripts — the ones that often draw the cart — are still to run; the
 * navigation entry tells the two apart.
 */
export function domReady(doc: Document): boolean {
  if (doc.readyState === 'complete') return true;
  if (doc.readyState === 'loading') return false;
  try {
    const nav = doc.defaultView?.performance?.getEntriesByType?.('navigation')?.[0] as PerformanceNavigationTiming | undefined;
    return nav ? nav.domContentLoadedEventStart > 0 : true;
  } catch {
    return true;
  }
}

/**
 * Calls `done` once the page has finished drawing what it draws at start-up: after
 * DOMContentLoaded, in a task of its own, once the document has had no change for QUIET_MS, or
 * after MAX_WAIT_MS at most. Returns a function that cancels it.
 *
 * Nothing here runs inside the page's own tasks but a timer re-armed: the DOMContentLoaded
 * listener and the mutation observer run in the shop's tasks (its start-up, its cart drawing),
 * so they only schedule; the observing starts in a task of its own, and `done` runs from a timer.
 * The widget has drawn nothing yet, so every change is the page's.
 */
export function afterStable(doc: Document, done: () => void, timing: { quiet?: number; max?: number } = {}): () => void {
  const quiet = timing.quiet ?? QUIET_MS;
  const max = timing.max ?? MAX_WAIT_MS;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cap: ReturnType<typeof setTimeout> | undefined;
  let later: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | null = null;
  let over = false;
  const finish = guard('start', () => {
    if (over) return;
    cancel();
    done();
  });
  const cancel = () => {
    over = true;
    clearTimeout(timer);
    clearTimeout(cap);
    clearTimeout(later);
    observer?.disconnect();
    doc.removeEventListener('DOMContentLoaded', loaded);
  };
  const still = () => {
    clearTimeout(timer);
    timer = setTimeout(finish, quiet);
  };
  const begin = guard('start', () => {
    if (over) return;
    const MO = doc.defaultView?.MutationObserver;
    if (typeof MO === 'function' && doc.documentElement) {
      observer = new MO(still);
      observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
    }
    cap = setTimeout(finish, max);
    still();
  });
  function loaded() {
    doc.removeEventListener('DOMContentLoaded', loaded);
    later = setTimeout(begin);
  }
  if (domReady(doc)) begin();
  else doc.addEventListener('DOMContentLoaded', loaded);
  return cancel;
}
