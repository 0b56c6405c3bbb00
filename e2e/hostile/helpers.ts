import { expect, type Page, type Route } from '@playwright/test';

/** The widget's console messages, the page's uncaught errors and CSP reports from the console. */
export function watch(page: Page) {
  const messages: { type: string; text: string }[] = [];
  const pageErrors: Error[] = [];
  page.on('console', (m) => messages.push({ type: m.type(), text: m.text() }));
  page.on('pageerror', (e) => pageErrors.push(e));
  return {
    ours: (type: string) => messages.filter((m) => m.type === type && m.text.startsWith('[cart-upsell]')).map((m) => m.text),
    all: () => messages,
    csp: () => messages.filter((m) => /Content Security Policy|Refused to/i.test(m.text)).map((m) => m.text),
    pageErrors,
  };
}

export const hosts = (page: Page) => page.locator('[data-cart-upsell]');

/** Every text node in the widget's shadow roots (overlays and slots). */
export const widgetText = (page: Page) =>
  page.evaluate(() => {
    const roots = [...document.querySelectorAll('[data-cart-upsell], cart-upsell-slot')].map((h) => h.shadowRoot).filter(Boolean) as ShadowRoot[];
    return roots.map((r) => r.textContent ?? '').join('\n');
  });

/** Prompts shown on the hostile cart page as soon as it loads (hostile.json on the standard cart). */
export async function shownOnLoad(page: Page) {
  await expect(page.getByRole('status')).toContainText('あと￥2,888で送料無料');
  // A desktop's attention budget: the two cards of highest expected value; the volume line waits.
  await expect(page.getByText('セットでお得')).toBeVisible();
  await expect(page.getByText('湯呑み 白磁と一緒にどうぞ')).toBeVisible();
}

/** Sets a cart quantity the way a shopper's typing does (works even under an overlay). */
export const setQty = (page: Page, row: number, qty: number) =>
  page.evaluate(
    ([r, q]) => {
      const input = document.querySelectorAll<HTMLInputElement>('#cart .qty')[r];
      input.value = String(q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    [row, qty] as const,
  );

export type Sent = { id: string; type: string; offerId: string };

/** A fake endpoint: records the batches it accepts, answers by a script of statuses. */
export function endpoint(answer: (n: number) => number | 'hang' | 'abort') {
  const received: Sent[] = [];
  const bodies: string[] = [];
  let requests = 0;
  const handler = async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const n = requests++;
    const a = answer(n);
    if (a === 'hang') return;
    if (a === 'abort') return route.abort('connectionrefused');
    const body = route.request().postData() ?? '';
    bodies.push(body);
    if (a < 300) received.push(...(JSON.parse(body).events as Sent[]));
    await route.fulfill({ status: a, body: '{}', contentType: 'application/json' });
  };
  return { received, bodies, handler, count: () => requests, ids: () => [...new Set(received.map((e) => e.id))] };
}

/** Ids of the events waiting in the stored queue (one key per event). */
export const queuedIds = (page: Page) =>
  page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('cart-upsell:ev:'))
      .map((k) => k.slice('cart-upsell:ev:'.length)),
  );
