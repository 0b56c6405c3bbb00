import { guard } from '../util/log';
import { platforms } from '../platforms';

/** Checkout buttons of the registered platforms and of common hand-made themes. */
export const checkoutButtons = (): string => ['a[href*="/checkout"]', '[data-cart-upsell-checkout]', ...platforms().map(([, p]) => p.checkout)].join(',');

/**
 * Holds the shopper's first click on a checkout button when a prompt is due (seed 001: propose at
 * checkout "簡潔に、一回だけ"), then continues the same click once the prompt is answered.
 * `ask` returns true when it showed a prompt; `resume` is then called after it was answered.
 */
export function interceptCheckout(doc: Document, extraSelector: string | undefined, ask: (resume: () => void) => boolean): () => void {
  // A tailored build whose offers never speak at checkout leaves the shop's clicks alone.
  if (!__CHECKOUT__) return () => {};
  const base = checkoutButtons();
  const selector = extraSelector ? `${base},${extraSelector}` : base;
  let used = false;
  let passing = false;
  const onClick = guard('checkout', (e: Event) => {
    if (used || passing || !(e.target instanceof Element)) return;
    const button = e.target.closest(selector);
    if (!(button instanceof HTMLElement)) return;
    used = true;
    const resume = () => {
      passing = true;
      try {
        button.click();
      } finally {
        passing = false;
      }
    };
    if (ask(resume)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  });
  doc.addEventListener('click', onClick, true);
  return () => doc.removeEventListener('click', onClick, true);
}

/** Desktop exit intent: the pointer leaves through the top of the window. Fires once. */
export function onExitIntent(doc: Document, fire: () => void): () => void {
  const win = doc.defaultView;
  if (!__EXIT_INTENT__ || !win || !win.matchMedia?.('(pointer: fine)').matches) return () => {};
  const onOut = guard('exit intent', (e: MouseEvent) => {
    if (e.relatedTarget === null && e.clientY <= 0) {
      doc.removeEventListener('mouseout', onOut);
      fire();
    }
  });
  doc.addEventListener('mouseout', onOut);
  return () => doc.removeEventListener('mouseout', onOut);
}
