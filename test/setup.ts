import { cleanup } from '@testing-library/preact';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

// happy-dom lays nothing out and its IntersectionObserver never reports. Here an observed
// element that is connected and not inside a `hidden` or display:none ancestor is reported on
// screen, asynchronously as browsers do; what "on screen" means in a real layout is covered
// by the end-to-end tests.
class LayoutlessIntersectionObserver {
  private targets = new Set<Element>();
  constructor(private cb: IntersectionObserverCallback) {}
  observe(el: Element) {
    this.targets.add(el);
    queueMicrotask(() => {
      if (!this.targets.has(el) || !el.isConnected) return;
      for (let n: Element | null = el; n; n = n.parentElement ?? (n.getRootNode() as ShadowRoot).host ?? null) {
        if (n.hasAttribute('hidden') || (n as HTMLElement).style?.display === 'none') return;
      }
      const rect = { x: 0, y: 0, top: 0, left: 0, bottom: 100, right: 100, width: 100, height: 100 } as DOMRectReadOnly;
      this.cb([{ target: el, isIntersecting: true, intersectionRatio: 1, intersectionRect: rect, boundingClientRect: rect, rootBounds: null, time: 0 }], this as unknown as IntersectionObserver);
    });
  }
  unobserve(el: Element) {
    this.targets.delete(el);
  }
  disconnect() {
    this.targets.clear();
  }
  takeRecords() {
    return [];
  }
}
globalThis.IntersectionObserver = LayoutlessIntersectionObserver as unknown as typeof IntersectionObserver;
