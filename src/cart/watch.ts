import type { Cart } from '../types';
import type { CartConfig } from '../config/types';
import { readCart, readInSlices } from './read';
import { nextTask } from '../util/tasks';
import { guard } from '../util/log';
import { stringify } from '../util/json';
import { platforms } from '../platforms';

export type ChangeReason = 'mutation' | 'platform-event' | 'request';

/** Events hand-made themes dispatch on document when their cart changed; platforms add their own. */
const THEME_EVENTS = ['cart:updated', 'cart:refresh', 'cart:change'];

/** Every registered platform's cart events (DOM and jQuery): a page may not show its cart yet. */
const domEvents = (): string[] => [...new Set([...THEME_EVENTS, ...platforms().flatMap(([, p]) => p.cartEvents ?? [])])];
const jqueryEvents = (): string =>
  platforms()
    .map(([, p]) => p.jqueryEvents ?? '')
    .filter(Boolean)
    .join(' ');

/**
 * The shops' own cart requests, seen as resource timing entries (no fetch/XHR patching): each
 * registered platform's `cartRequests` (Shopify AJAX API, WooCommerce wc-ajax and Store API, …).
 */
export const CART_REQUEST = new RegExp(
  platforms()
    .map(([, p]) => p.cartRequests.source)
    .join('|') || '(?!)',
);

const HOST = '[data-cart-upsell]';
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
  /** The cart as just read by the caller: not read a second time. */
  initial?: Cart,
): () => void {
  const debounce = timing.debounce ?? 120;
  // The theme re-renders its cart after the response; re-reading right away would see the old one.
  const afterRequest = timing.afterRequest ?? 350;
  const win = (doc.defaultView ?? {}) as Window & { jQuery?: JQueryLike; PerformanceObserver?: typeof PerformanceObserver };
  const undo: (() => void)[] = [];
  // The caller's cart is compared in text at the first re-read, not while the watch is set up:
  // that task also holds the first read of the page.
  let last: string | undefined = initial ? undefined : stringify(readCart(cfg, doc));
  const before = (): string => (last ??= stringify(initial));
  let timer: ReturnType<typeof setTimeout> | undefined;
  let reason: ChangeReason = 'mutation';
  let busy = false;
  let again = false;
  let stopReading = () => {};

  const check = guard('cart watch', () => {
    timer = undefined;
    // A read under way (or its change not yet told) finishes first, then the page is read once
    // more: a page that changes faster than a long cart is read would otherwise never be read
    // to the end, and a change told late must not come after a newer one.
    if (busy) return void (again = true);
    busy = true;
    const why = reason;
    stopReading = readInSlices(cfg, doc, (next, sliced) => {
      const text = stringify(next);
      const tell = () => {
        busy = false;
        if (again) ((again = false), schedule(reason, 0));
        if (text !== before()) ((last = text), onChange(next, why));
      };
      // After a long read the prompts are decided in a task of their own.
      if (sliced) stopReading = nextTask(guard('cart watch', tell));
      else tell();
    });
  });
  undo.push(() => stopReading());
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
      const ours = (r: MutationRecord) => inHost(r.target) || (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every((n) => n instanceof Element && n.matches(HOST)));
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
  for (const type of domEvents()) listen(doc, type, onPlatform);

  // WooCommerce's jQuery may load after this script: try now and once more when the page has loaded.
  const jq = jqueryEvents();
  let jqDone = !jq;
  const hookJQuery = guard('cart watch', () => {
    const $ = win.jQuery;
    if (jqDone || typeof $ !== 'function' || !doc.body) return;
    jqDone = true;
    const body = $(doc.body);
    body.on(jq, onPlatform);
    undo.push(() => body.off(jq, onPlatform));
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
