import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterStable } from '../../src/runtime/settle';

const tick = () => new Promise((r) => setTimeout(r, 0));

afterEach(() => {
  delete (document as { readyState?: unknown }).readyState;
  vi.restoreAllMocks();
});

describe('afterStable', () => {
  it("on a page still loading, the DOMContentLoaded listener only schedules: observing starts in a task of its own, not in the shop's", async () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const made = vi.fn();
    const MO = window.MutationObserver;
    vi.spyOn(window, 'MutationObserver').mockImplementation(function (this: unknown, cb: MutationCallback) {
      made();
      return new MO(cb);
    } as unknown as typeof MutationObserver);
    const done = vi.fn();
    const cancel = afterStable(document, done, { quiet: 20, max: 1000 });
    await tick();
    expect(made).not.toHaveBeenCalled();
    document.dispatchEvent(new Event('DOMContentLoaded'));
    // Still inside the page's DOMContentLoaded task: nothing of ours has run but a timer set.
    expect(made).not.toHaveBeenCalled();
    await tick();
    expect(made).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(done).toHaveBeenCalledTimes(1));
    cancel();
  });

  it('waits until the page has been still for the quiet time: each change pushes the read back', async () => {
    vi.useFakeTimers();
    try {
      const done = vi.fn();
      afterStable(document, done, { quiet: 60, max: 2000 });
      for (let i = 0; i < 4; i++) {
        await vi.advanceTimersByTimeAsync(30);
        document.body.append(document.createElement('p'));
        await vi.advanceTimersByTimeAsync(0);
      }
      // Four changes 30 ms apart: 120 ms in, the page has never been still for 60 ms.
      await vi.advanceTimersByTimeAsync(59);
      expect(done).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(2);
      expect(done).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a stop before DOMContentLoaded leaves nothing to run', async () => {
    Object.defineProperty(document, 'readyState', { value: 'loading', configurable: true });
    const done = vi.fn();
    const cancel = afterStable(document, done, { quiet: 10, max: 50 });
    document.dispatchEvent(new Event('DOMContentLoaded'));
    cancel();
    await new Promise((r) => setTimeout(r, 100));
    expect(done).not.toHaveBeenCalled();
  });
});
