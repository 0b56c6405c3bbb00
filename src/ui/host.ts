/**
 * The shadow hosts. One `<cart-upsell data-cart-upsell>` under <html> holds every overlay; content
 * placed in a merchant's slot lives in the shadow root of a `<cart-upsell-slot>` child of that
 * slot, which does not carry `data-cart-upsell` (so "one widget = one [data-cart-upsell]" holds).
 * Both adopt the same constructable stylesheet.
 */
export function attachHost(el: HTMLElement, sheet: CSSStyleSheet): ShadowRoot {
  const root = el.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = [sheet];
  return root;
}

/** Finds (or makes) our shadow root inside the slot element; null when the page lacks the slot. */
export function slotRoot(doc: Document, selector: string, sheet: CSSStyleSheet, made: Map<string, ShadowRoot>): ShadowRoot | null {
  let target: Element | null = null;
  try {
    target = doc.querySelector(selector);
  } catch {
    return null;
  }
  if (!target) return null;
  const have = made.get(selector);
  // A theme that re-renders its cart drawer replaces the slot: follow it to the new element.
  if (have?.host.isConnected && have.host.parentElement === target) return have;
  have?.host.remove();
  const el = doc.createElement('cart-upsell-slot');
  el.setAttribute('data-slot', '');
  target.appendChild(el);
  const root = attachHost(el, sheet);
  made.set(selector, root);
  return root;
}

/**
 * The overlay host goes under <html>, beside <body>, not inside it: a theme's
 * `body { transform | filter | will-change: transform | contain: paint }` makes <body> the box
 * that "fixed" descendants are placed in, which would put the bar and cards at the bottom of a
 * long page instead of the screen. Shops that swap <body> on navigation (Turbo, PJAX) leave it be.
 */
export function placeHost(doc: Document, host: HTMLElement): void {
  if (host.parentNode !== doc.documentElement) doc.documentElement.appendChild(host);
}

/**
 * Calls `seen` once `box` is at least half on screen (or covers half the screen's height), then
 * stops watching; returns a function that stops watching earlier. Without a box or without
 * IntersectionObserver there is nothing to wait for: `seen` runs at once.
 */
export function whenOnScreen(box: Element | null, seen: () => void): () => void {
  if (!box || typeof IntersectionObserver !== 'function') {
    seen();
    return () => {};
  }
  const io = new IntersectionObserver(
    (entries) => {
      for (const e of entries) {
        if (!e.isIntersecting) continue;
        const h = e.rootBounds?.height ?? window.innerHeight;
        if (e.intersectionRatio >= 0.5 || e.intersectionRect.height >= h / 2) {
          io.disconnect();
          seen();
          return;
        }
      }
    },
    { threshold: [0, 0.25, 0.5, 0.75, 1] },
  );
  io.observe(box);
  return () => io.disconnect();
}
