// For the script-tag build: the prompt module is a second file beside cart-upsell.js, added as a
// <script> only when a decision first has something to show. Same origin as the widget, so a
// CSP that allows the widget allows it too; `config.nonce` is passed on for nonce-only policies.
import { currentNonce } from './nonce';
import { trustedUrl } from '../util/script-url';

export type PromptModule = typeof import('../prompt-module');

const KEY = Symbol.for('cart-upsell:prompts');
const self = document.currentScript as HTMLScriptElement | null;
/** Where cart-upsell.js was loaded from: its companion file sits beside it. */
const base = self?.src || '';
let loading: Promise<PromptModule> | null = null;

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
