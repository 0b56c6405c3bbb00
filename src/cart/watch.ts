import type { Cart } from '../types';
import type { CartConfig } from '../config/types';
import { readCart } from './read';
import { guard } from '../util/log';

const same = (a: Cart, b: Cart) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Calls `onChange` once per real change of the cart: a debounced MutationObserver on the page,
 * ignoring the widget's own host. Returns a function that removes everything it set up.
 */
export function watchCart(cfg: CartConfig, onChange: (cart: Cart, reason: 'mutation' | 'platform-event' | 'request') => void, doc: Document = document): () => void {
  let last = readCart(cfg, doc);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const check = guard('cart watch', () => {
    timer = undefined;
    const next = readCart(cfg, doc);
    if (same(next, last)) return;
    last = next;
    onChange(next, 'mutation');
  });
  const observer = new MutationObserver((records) => {
    if (records.every((r) => r.target instanceof Element && r.target.closest('[data-cart-upsell]'))) return;
    clearTimeout(timer);
    timer = setTimeout(check, 120);
  });
  const root = (cfg.root && doc.querySelector(cfg.root)) || doc.body || doc.documentElement;
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value'] });
  const onInput = (e: Event) => {
    if (e.target instanceof Element && e.target.closest('[data-cart-upsell]')) return;
    clearTimeout(timer);
    timer = setTimeout(check, 120);
  };
  doc.addEventListener('input', onInput, true);
  doc.addEventListener('change', onInput, true);
  return () => {
    observer.disconnect();
    clearTimeout(timer);
    doc.removeEventListener('input', onInput, true);
    doc.removeEventListener('change', onInput, true);
  };
}
