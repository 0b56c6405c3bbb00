/**
 * Start-up work is cut into tasks so that none of it holds the page's main thread for 50 ms on a
 * slow phone (a long task delays the shopper's taps). `nextTask` runs `fn` in a task of its own,
 * ahead of other queued work where the browser can say so (`scheduler.yield`), else after a
 * zero timeout; `whenIdle` waits for a moment the page has nothing else to do (at most `ms`).
 * Both return a function that cancels.
 */
type Sched = { yield?: () => Promise<void> };

export function nextTask(fn: () => void): () => void {
  let live = true;
  const run = () => live && fn();
  const s = (globalThis as { scheduler?: Sched }).scheduler;
  if (s?.yield) void s.yield().then(run, run);
  else {
    const t = setTimeout(run);
    return () => ((live = false), clearTimeout(t));
  }
  return () => (live = false);
}

/** A promise of `nextTask`: the code after `await nextTurn()` runs in a task of its own. */
export const nextTurn = (): Promise<void> => new Promise((ok) => nextTask(ok));

/**
 * Runs `fn` in the task after the page's next frame, so that what the previous task changed is
 * styled, laid out and painted in a frame of its own. A hidden page draws no frames: then the
 * next task.
 */
export function afterFrame(doc: Document, fn: () => void): () => void {
  const w = doc.defaultView;
  if (typeof w?.requestAnimationFrame !== 'function' || doc.visibilityState === 'hidden') return nextTask(fn);
  let stop = () => {};
  const id = w.requestAnimationFrame(() => (stop = nextTask(fn)));
  return () => (w.cancelAnimationFrame(id), stop());
}

export function whenIdle(fn: () => void, ms: number): () => void {
  const w = globalThis as { requestIdleCallback?: (f: () => void, o: { timeout: number }) => number; cancelIdleCallback?: (n: number) => void };
  if (!w.requestIdleCallback) {
    const t = setTimeout(fn, 1);
    return () => clearTimeout(t);
  }
  const n = w.requestIdleCallback(fn, { timeout: ms });
  return () => w.cancelIdleCallback?.(n);
}
