import { expect, type Page } from '@playwright/test';

/** FNV-1a as the widget uses it, to pick a visitor id outside (or inside) the 10 % holdout. */
function hash01(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296;
}

export function visitorId(holdout: boolean, share = 0.1): string {
  for (let i = 0; ; i++) {
    const id = `e2e-shopper-${Date.now().toString(36)}-${i}`;
    if (hash01(`holdout:${id}`) < share === holdout) return id;
  }
}

/** Starts the page as a shopper who sees prompts (not in the holdout). */
export async function asShopper(page: Page, holdout = false): Promise<string> {
  const id = visitorId(holdout);
  await page.addInitScript((vid) => {
    if (!localStorage.getItem('cart-upsell:state')) localStorage.setItem('cart-upsell:state', JSON.stringify({ v: 1, visitorId: vid, firstSeen: Date.now(), snoozed: {}, impressions: {} }));
  }, id);
  return id;
}

/** Collects console errors and page errors; call `expectNone()` at the end. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  return { errors, expectNone: () => expect(errors).toEqual([]) };
}

/**
 * The shopper looks at the page a moment before acting. The widget reads the cart once the page
 * has been still (after its config arrived); an add made before that read is part of the cart it
 * first sees — a cart view, never an "add" with its prompt. No request for 500 ms covers it.
 */
export const lookAt = (page: Page): Promise<void> => page.waitForLoadState('networkidle');
