import { guard } from '../util/log';
import { readBoxes } from './boxes';

const overlaps = (a: { top: number; bottom: number; left: number; right: number }, b: DOMRectReadOnly) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Keeps the overlay dock off the page's checkout / cart buttons and its total. When a card or the
 * bar would cover one, the dock moves to the top of the window; when it would cover one there
 * too, it steps out of sight until the shopper scrolls on. Looked at after every render, scroll
 * and resize, one look at a time, with the boxes the browser's rendering step laid out (see
 * readBoxes): the widget never lays the page out itself. Returns `check` (call after a render)
 * and `stop`.
 */
export function keepClear(root: ShadowRoot, win: Window, elements: () => Element[]): { check(): void; stop(): void } {
  let guarded: Element[] | null = null;
  let reading: (() => void) | undefined;
  let again = false;
  const look = guard('placement', () => {
    if (reading) return void (again = true);
    const dock = root.querySelector<HTMLElement>('.dock:not(.top)');
    if (!dock || typeof IntersectionObserver != 'function') return;
    const keep = (guarded ??= elements());
    const parts = [...dock.children];
    reading = readBoxes(
      [dock, ...parts, ...keep],
      guard('placement', (box, height) => {
        reading = undefined;
        const vh = height ?? win.innerHeight;
        const d = box.get(dock);
        const kept = keep.map((e) => box.get(e)).filter((r): r is DOMRectReadOnly => !!r && r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh);
        const boxes = parts.map((e) => box.get(e)).filter((r): r is DOMRectReadOnly => !!r && r.height > 0);
        if (d) {
          // Where each box would be with the dock at the bottom (dy = 0 there) or at the top.
          const at = (top: boolean) => boxes.map((b) => ({ left: b.left, right: b.right, top: b.top - d.top + (top ? 0 : vh - d.height), bottom: b.bottom - d.top + (top ? 0 : vh - d.height) }));
          const hits = (top: boolean) => at(top).some((b) => kept.some((k) => overlaps(b, k)));
          const down = !hits(false);
          const up = !down && !hits(true);
          dock.classList.toggle('up', up);
          dock.classList.toggle('tuck', !down && !up);
        }
        if (again) ((again = false), look());
      }),
    );
  });
  const opts = { capture: true, passive: true };
  win.addEventListener('scroll', look, opts);
  win.addEventListener('resize', look, opts);
  return {
    check() {
      // The page may have re-rendered its cart (and its buttons) since the last look.
      guarded = null;
      look();
    },
    stop() {
      reading?.();
      reading = undefined;
      again = false;
      win.removeEventListener('scroll', look, opts);
      win.removeEventListener('resize', look, opts);
    },
  };
}
