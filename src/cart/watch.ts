import type { Cart } from '../types';
import type { CartConfig } from '../config/types';
import { readCart } from './read';
import { guard } from '../util/log';
import { stringify } from '../util/json';

export type ChangeReason = 'mutation' | 'platform-event' | 'request';

/** jQuery events WooCommerce triggers on document.body; native listeners never see them. */
const JQUERY_EVENTS = 'updated_cart_totals added_to_cart removed_from_cart wc_fragments_refreshed wc_fragments_loaded updated_wc_div';
/** DOM events themes and WooCommerce Blocks dispatch when the cart changed. */
const DOM_EVENTS = ['cart:updated', 'cart:refresh', 'cart:change', 'wc-blocks_added_to_cart', 'wc-blocks_removed_from_cart'];
/**
 * The shops' own cart requests, seen as resource timing entries (no fetch/XHR patching):
 * Shopify AJAX API, WooCommerce wc-ajax and Store API, EC-CUBE 4 cart routes.
 */
export const CART_REQUEST =
  /\/cart\/(?:add|change|update|clear)(?:\.js)?(?:[?#]|$)|[?&]wc-ajax=(?:add_to_cart|remove_from_cart|get_refreshed_fragments|apply_coupon|remove_coupon)\b|\/wp-json\/wc\/store\/(?:v\d+\/)?(?:cart|batch)|[?&]rest_route=\/wc\/store\/(?:v\d+\/)?(?:cart|batch)|\/products\/add_cart\/\d|\/cart\/(?:up|down|remove)\/\d/;

const HOST = '[data-cart-upsell]';
const same = (a: Cart, b: Cart) => stringify(a) === stringify(b);
const inHost = (n: Node | null): boolean => !!n && (n instanceof Element ? n : n.parentElement)?.closest(HOST) != null;

interface JQueryLike {
  (el: unknown): { on(events: string, fn: () => void): unknown; off(events: string, fn: () => void): unknown };
}

/**
 * Calls `onChange` once per real change of the cart. Three signals start a re-read: page
 * mutations (debounced, the widget's own host ignored), the platforms' cart events, and the
 * shop's cart requests finishing. Returns a function that removes everything it set up.
 */
export function watchCart(
  cfg: CartConfig,
  onChange: (cart: Cart, reason: ChangeReason) => void,
  doc: Document = document,
  timing: { debounce?: number; afterRequest?: number } = {},
): () => void {
  const debounce = timing.debounce ?? 120;
  // The theme re-renders its cart after the response; re-reading right away would see the old one.
  const afterRequest = timing.afterRequest ?? 350;
  const win = (doc.defaultView ?? {}) as Window & { jQuery?: JQueryLike; PerformanceObserver?: typeof PerformanceObserver };
  const undo: (() => void)[] = [];
  let last = readCart(cfg, doc);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reason: ChangeReason = 'mutation';

  const check = guard('cart watch', () => {
    timer = undefined;
    const next = readCart(cfg, doc);
    if (same(next, last)) return;
    last = next;
    onChange(next, reason);
  });
  const schedule = (why: ChangeReason, delay: number) => {
    // A request or platform event names the change better than the mutations it causes.
    // A page that re-renders faster than the debounce would otherwise never be read again:
    // mutations wait for the read already planned instead of pushing it back.
    if (timer && why === 'mutation') return;
    reason = why;
    clearTimeout(timer);
    timer = setTimeout(check, delay);
  };
  undo.push(() => clearTimeout(timer));

  const observer = new MutationObserver(
    guard('cart watch', (records: MutationRecord[]) => {
      const ours = (r: MutationRecord) =>
        inHost(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && n.matches(HOST)));
      if (!records.every(ours)) schedule('mutation', debounce);
    }),
  );
  const root = (cfg.root && safeQuery(doc, cfg.root)) || doc.body || doc.documentElement;
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value'] });
  undo.push(() => observer.disconnect());

  const listen = (target: EventTarget, type: string, fn: (e: Event) => void) => {
    target.addEventListener(type, fn, true);
    undo.push(() => target.removeEventListener(type, fn, true));
  };
  // Typing in a quantity box changes the cart the shopper sees before any mutation.
  const onInput = guard('cart watch', (e: Event) => {
    if (!inHost(e.target as Node)) schedule('mutation', debounce);
  });
  listen(doc, 'input', onInput);
  listen(doc, 'change', onInput);
  const onPlatform = guard('cart watch', () => schedule('platform-event', debounce));
  for (const type of DOM_EVENTS) listen(doc, type, onPlatform);

  // WooCommerce's jQuery may load after this script: try now and once more when the page has loaded.
  let jqDone = false;
  const hookJQuery = guard('cart watch', () => {
    const $ = win.jQuery;
    if (jqDone || typeof $ !== 'function' || !doc.body) return;
    jqDone = true;
    const body = $(doc.body);
    body.on(JQUERY_EVENTS, onPlatform);
    undo.push(() => body.off(JQUERY_EVENTS, onPlatform));
  });
  hookJQuery();
  if (!jqDone && typeof win.addEventListener === 'function') listen(win, 'load', hookJQuery);

  const PO = win.PerformanceObserver;
  if (typeof PO === 'function') {
    try {
      const po = new PO(
        guard('cart watch', (list: PerformanceObserverEntryList) => {
          if (list.getEntries().some((e) => CART_REQUEST.test(e.name))) schedule('request', afterRequest);
        }),
      );
      po.observe({ type: 'resource' });
      undo.push(() => po.disconnect());
    } catch {
      /* no resource timing in this browser: mutations and events still work */
    }
  }

  return () => {
    for (const fn of undo.splice(0)) {
      try {
        fn();
      } catch {
        /* the page may have replaced jQuery; nothing else to undo */
      }
    }
  };
}

function safeQuery(doc: Document, sel: string): Element | null {
  try {
    return doc.querySelector(sel);
  } catch {
    return null;
  }
}
