import type { Page } from '@playwright/test';
import type { Config } from '../../src/config/types';
import type { Decision } from '../../src/offers/types';
import { decision, shop } from '../../test/ui/fixtures';

export type Shop = ReturnType<typeof shop>;
export interface ShowOptions {
  lang?: 'ja' | 'en';
  config?: Config;
  /** Accepting fails: the merchant's onAccept throws with this message ('' → returns false). */
  fail?: string;
}

/** Opens the demo cart page and previews the decision built from the shop's fixtures. */
export async function show(page: Page, build: (s: Shop) => Partial<Decision>, opts: ShowOptions = {}) {
  const lang = opts.lang ?? 'ja';
  if (!page.url().includes('/e2e/pages/ui-shop.html')) await page.goto('/e2e/pages/ui-shop.html');
  const d = decision(build(shop(lang, '/e2e/pages/ui-img/')));
  await page.evaluate(
    async ({ d, config, lang, fail }) => {
      document.documentElement.lang = lang;
      const events: unknown[] = ((window as any).previewEvents = []);
      document.addEventListener('cart-upsell:preview', (e) => events.push((e as CustomEvent).detail));
      const onAccept =
        fail === undefined
          ? undefined
          : async () => {
              // Long enough for the pending state to be seen on a busy machine.
              await new Promise((r) => setTimeout(r, 800));
              if (fail) throw new Error(fail);
              return false;
            };
      // CartUpsell.preview may load the prompt code first (it returns a promise then).
      await (window as any).CartUpsell.preview(d, { locale: lang, ...config, ...(onAccept ? { onAccept } : {}) });
    },
    { d, config: opts.config ?? {}, lang, fail: opts.fail },
  );
}

export const previewEvents = (page: Page) => page.evaluate(() => (window as any).previewEvents as { action: string; offerId?: string; kind?: string; sku?: string }[]);
