// For the script-tag build: each platform's cart actions are a file of their own beside the prompt
// file (cart-upsell-actions-<platform>.js), added as a <script> the first time a page on that
// platform may need a "yes" carried out, so a shop downloads its own platform's adapter and no
// other. A file that cannot be loaded (not uploaded beside the others, blocked) leaves the "yes"
// to the product page, as on a platform without a cart API.
import { ADAPTER_FILES, type LoadAdapter } from './adapters';
import type { Adapter } from './common';
import { trustedUrl } from '../util/script-url';
import { warnOnce, t } from '../util/log';

const key = (p: string) => Symbol.for(`cart-upsell:actions:${p}`);
/** The prompt file's own script element: the adapters sit beside it, and take its nonce. */
const self = document.currentScript as HTMLScriptElement | null;
const loading = new Map<string, Promise<Adapter | undefined>>();

export const loadAdapter: LoadAdapter = (platform) => {
  if (!Object.prototype.hasOwnProperty.call(ADAPTER_FILES, platform)) return Promise.resolve(undefined);
  const w = window as unknown as Record<symbol, Adapter | undefined>;
  const ready = w[key(platform)];
  if (ready) return Promise.resolve(ready);
  let p = loading.get(platform);
  if (!p) {
    p = new Promise<Adapter | undefined>((resolve) => {
      const file = `cart-upsell-actions-${platform}.js`;
      const s = document.createElement('script');
      const missing = () => {
        loading.delete(platform);
        s.remove();
        warnOnce(t(`could not load ${file}: a "yes" opens the product's page instead.`, `${file} を読み込めません。「追加」は商品ページを開きます。`));
        resolve(undefined);
      };
      try {
        s.src = trustedUrl(new URL(file, self?.src || document.querySelector<HTMLScriptElement>('script[data-cart-upsell-ui]')?.src || document.baseURI).href);
      } catch {
        return missing();
      }
      s.async = true;
      const nonce = self?.nonce;
      if (nonce) s.nonce = nonce;
      s.setAttribute('data-cart-upsell-actions', platform);
      s.onload = () => (w[key(platform)] ? resolve(w[key(platform)]) : missing());
      s.onerror = missing;
      (document.head || document.documentElement).appendChild(s);
    });
    loading.set(platform, p);
  }
  return p;
};
