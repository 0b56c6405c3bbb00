/**
 * The shadow hosts. One `<cart-upsell data-cart-upsell>` on <body> holds every overlay; content
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
