import { guard } from '../util/log';

const overlaps = (a: { top: number; bottom: number; left: number; right: number }, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Keeps the overlay dock off the page's checkout / cart buttons and its total. When a card or the
 * bar would cover one, the dock moves to the top of the window; when it would cover one there
 * too, it steps out of sight until the shopper scrolls on. Measured once per frame at most, on
 * scroll, resize and every render. Returns `check` (call after a render) and `stop`.
 */
export function keepClear(root: ShadowRoot, win: Window, elements: () => Element[]): { check(): void; stop(): void } {
  let frame = 0;
  let guarded: Element[] | null = null;
  const measure = guard('placement', () => {
    frame = 0;
    const dock = root.querySelector<HTMLElement>('.dock:not(.top)');
    if (!dock) return;
    const vh = win.innerHeight;
    const keep = (guarded ??= elements()).map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh);
    const d = dock.getBoundingClientRect();
    const boxes = [...dock.children].map((c) => c.getBoundingClientRect()).filter((r) => r.height > 0);
    // Where each box would be with the dock at the bottom (dy = 0 there) or at the top.
    const at = (top: boolean) => boxes.map((b) => ({ left: b.left, right: b.right, top: b.top - d.top + (top ? 0 : vh - d.height), bottom: b.bottom - d.top + (top ? 0 : vh - d.height) }));
    const hits = (top: boolean) => at(top).some((b) => keep.some((k) => overlaps(b, k)));
    const down = !hits(false);
    const up = !down && !hits(true);
    dock.classList.toggle('up', up);
    dock.classList.toggle('tuck', !down && !up);
  });
  // Measured in the task after the frame: the frame has laid the page out by then, so reading the
  // boxes costs nothing, where a read inside the frame would lay out the new prompts there.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    if (!frame) frame = win.requestAnimationFrame(() => (timer = setTimeout(measure)));
  };
  const opts = { capture: true, passive: true };
  win.addEventListener('scroll', soon, opts);
  win.addEventListener('resize', soon, opts);
  return {
    check() {
      // The page may have re-rendered its cart (and its buttons) since the last look.
      guarded = null;
      soon();
    },
    stop() {
      win.cancelAnimationFrame(frame);
      clearTimeout(timer);
      win.removeEventListener('scroll', soon, opts);
      win.removeEventListener('resize', soon, opts);
    },
  };
}
