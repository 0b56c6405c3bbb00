import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepClear } from '../../src/ui/clear';

/**
 * The dock's placement reads boxes only from IntersectionObserver reports (computed in the
 * browser's rendering step): here a stand-in observer reports the boxes a layout would give, one
 * report per observer, all observed targets at once, in a later task — as browsers do. Reading
 * layout in the widget's own task (getBoundingClientRect, offsetHeight) fails the test. The real
 * layout is covered by e2e/ui/calm.spec.ts.
 */
type Box = { top: number; left: number; width: number; height: number };
const VH = 800;
let layout = new Map<Element, Box>();
let readings = 0;

class ReportingObserver {
  private targets = new Set<Element>();
  private live = true;
  constructor(private cb: IntersectionObserverCallback) {}
  observe(el: Element) {
    if (!this.targets.size) {
      readings++;
      setTimeout(() => {
        if (!this.live) return;
        const entries = [...this.targets].map((target) => {
          const b = layout.get(target) ?? { top: 0, left: 0, width: 0, height: 0 };
          const rect = { ...b, x: b.left, y: b.top, right: b.left + b.width, bottom: b.top + b.height } as DOMRectReadOnly;
          return { target, boundingClientRect: rect, rootBounds: { height: VH } as DOMRectReadOnly } as IntersectionObserverEntry;
        });
        this.cb(entries, this as unknown as IntersectionObserver);
      });
    }
    this.targets.add(el);
  }
  unobserve() {}
  disconnect() {
    this.live = false;
  }
  takeRecords() {
    return [];
  }
}

const nextTask = () => new Promise((r) => setTimeout(r, 5));
let saved: typeof IntersectionObserver;

beforeEach(() => {
  saved = globalThis.IntersectionObserver;
  globalThis.IntersectionObserver = ReportingObserver as unknown as typeof IntersectionObserver;
  layout = new Map();
  readings = 0;
  for (const m of ['getBoundingClientRect', 'getClientRects'] as const)
    vi.spyOn(Element.prototype, m).mockImplementation(() => {
      throw new Error(`${m} lays the page out in the widget's task`);
    });
  for (const p of ['offsetHeight', 'offsetWidth', 'offsetTop'] as const)
    vi.spyOn(HTMLElement.prototype, p, 'get').mockImplementation(() => {
      throw new Error(`${p} lays the page out in the widget's task`);
    });
});
afterEach(() => {
  globalThis.IntersectionObserver = saved;
  vi.restoreAllMocks();
  document.body.replaceChildren();
  document.querySelectorAll('cart-upsell').forEach((e) => e.remove());
});

/** A dock of one card (120 px) above the bar (72 px) at the bottom of an 800 px window, and the page's checkout button. */
function page(button: Box) {
  const host = document.createElement('cart-upsell');
  document.documentElement.append(host);
  const root = host.attachShadow({ mode: 'open' });
  root.innerHTML = '<aside class="dock"><div class="c">card</div><div class="bar">bar</div></aside>';
  const dock = root.querySelector('.dock')!;
  const [card, bar] = dock.children;
  layout.set(dock, { top: VH - 192, left: 0, width: 1280, height: 192 });
  layout.set(card, { top: VH - 192, left: 904, width: 360, height: 120 });
  layout.set(bar, { top: VH - 72, left: 0, width: 1280, height: 72 });
  const checkout = document.createElement('a');
  checkout.textContent = 'レジに進む';
  document.body.append(checkout);
  layout.set(checkout, button);
  const clear = keepClear(root, window, () => [checkout]);
  return { dock, card, bar, checkout, clear };
}

describe('keepClear', () => {
  it('leaves the dock at the bottom when nothing it holds covers the checkout button', async () => {
    const { dock, clear } = page({ top: 300, left: 900, width: 200, height: 48 });
    clear.check();
    await nextTask();
    expect(readings).toBe(1);
    expect(dock.className).toBe('dock');
    clear.stop();
  });

  it('moves the dock to the top when the bar would cover the button at the bottom, and back when the shopper scrolls it away', async () => {
    const { dock, checkout, clear } = page({ top: VH - 60, left: 100, width: 200, height: 48 });
    clear.check();
    await nextTask();
    expect(dock.classList.contains('up')).toBe(true);
    expect(dock.classList.contains('tuck')).toBe(false);
    // Moved to the top, the dock's boxes are reported there: the reading does not depend on where it sits.
    layout.set(dock, { top: 0, left: 0, width: 1280, height: 192 });
    layout.set(dock.children[0], { top: 0, left: 904, width: 360, height: 120 });
    layout.set(dock.children[1], { top: 120, left: 0, width: 1280, height: 72 });
    layout.set(checkout, { top: 200, left: 100, width: 200, height: 48 });
    window.dispatchEvent(new Event('scroll'));
    await nextTask();
    expect(dock.className).toBe('dock');
    clear.stop();
  });

  it('steps out of sight when the dock would cover the button at the bottom and at the top', async () => {
    // A tall button spanning the window's height: no place for the dock.
    const { dock, clear } = page({ top: 0, left: 0, width: 1280, height: VH });
    clear.check();
    await nextTask();
    expect(dock.classList.contains('tuck')).toBe(true);
    expect(dock.classList.contains('up')).toBe(false);
    clear.stop();
  });

  it('keeps one reading at a time: renders and scrolls meanwhile bring one more reading, not one each', async () => {
    const { clear } = page({ top: 300, left: 900, width: 200, height: 48 });
    clear.check();
    for (let i = 0; i < 5; i++) window.dispatchEvent(new Event('scroll'));
    clear.check();
    await nextTask();
    await nextTask();
    expect(readings).toBe(2);
    clear.stop();
    window.dispatchEvent(new Event('scroll'));
    await nextTask();
    expect(readings).toBe(2);
  });

  it('after stop() a pending reading changes nothing', async () => {
    const { dock, clear } = page({ top: VH - 60, left: 100, width: 200, height: 48 });
    clear.check();
    clear.stop();
    await nextTask();
    expect(dock.className).toBe('dock');
  });
});
