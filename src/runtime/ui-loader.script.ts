// For the script-tag build: the prompt module is a second file beside cart-upsell.js, added as a
// <script> only when a decision first has something to show. Same origin as the widget, so a
// CSP that allows the widget allows it too; `config.nonce` is passed on for nonce-only policies.
import { currentNonce } from './nonce';

export type PromptModule = typeof import('../prompt-module');

const KEY = Symbol.for('cart-upsell:prompts');
const self = document.currentScript as HTMLScriptElement | null;
/** Where cart-upsell.js was loaded from: its companion file sits beside it. */
const base = self?.src || '';
let loading: Promise<PromptModule> | null = null;

/**
 * Pages with `require-trusted-types-for 'script'` refuse a plain string as a script's URL. The
 * one URL the widget assigns goes through a policy named "cart-upsell" (a page that lists
 * allowed policies adds it to `trusted-types`) that lets through nothing but the prompt file.
 * Kept on window: a second copy of the script must not create it twice.
 */
const POLICY = Symbol.for('cart-upsell:trusted-types');
type Policy = { createScriptURL(u: string): string };
function trustedUrl(url: string): string {
  const w = window as unknown as Record<symbol, Policy> & { trustedTypes?: { createPolicy(n: string, r: Policy): Policy } };
  if (!w.trustedTypes) return url;
  w[POLICY] ??= w.trustedTypes.createPolicy('cart-upsell', {
    createScriptURL: (u) => {
      if (!u.endsWith('/cart-upsell-ui.js')) throw new TypeError(u);
      return u;
    },
  });
  return w[POLICY].createScriptURL(url);
}

const registered = () => (window as unknown as Record<symbol, PromptModule | undefined>)[KEY];

export function loadPrompts(): Promise<PromptModule> {
  const ready = registered();
  if (ready) return Promise.resolve(ready);
  return (loading ??= new Promise<PromptModule>((resolve, reject) => {
    const s = document.createElement('script');
    s.src = trustedUrl(new URL('cart-upsell-ui.js', base || document.baseURI).href);
    s.async = true;
    const nonce = currentNonce();
    if (nonce) s.nonce = nonce;
    s.setAttribute('data-cart-upsell-ui', '');
    s.onload = () => (registered() ? resolve(registered()!) : reject(new Error(`${s.src} did not register`)));
    s.onerror = () => {
      loading = null;
      s.remove();
      reject(new Error(`could not load ${s.src}`));
    };
    (document.head || document.documentElement).appendChild(s);
  }));
}
