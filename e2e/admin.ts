import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The admin token the e2e server is started with (playwright.config.ts). */
export const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin-token-for-tests-only';
export const adminHeaders = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** The demo pages read with the token kept in this browser, as after opening the printed link. */
export async function signIn(page: Page): Promise<void> {
  await page.addInitScript((token) => {
    try {
      localStorage.setItem('cart-upsell:admin-token', token);
    } catch {
      /* a test that blocks storage */
    }
  }, ADMIN_TOKEN);
}

/** Every stored event (GET /events, page by page), optionally of one visitor-id prefix. */
export async function storedEvents<T = { id: string; visitorId: string; type: string; offerId: string }>(request: APIRequestContext, visitor?: string): Promise<T[]> {
  const out: T[] = [];
  let after = '';
  do {
    const q = new URLSearchParams({ limit: '10000', ...(visitor ? { visitor } : {}), ...(after ? { after } : {}) });
    const res = await request.get(`/events?${q}`, { headers: adminHeaders });
    if (!res.ok()) throw new Error(`GET /events: ${res.status()}`);
    const body = (await res.json()) as { events: T[]; next: string | null };
    out.push(...body.events);
    after = body.next ?? '';
  } while (after);
  return out;
}

/** A prompt event as the widget sends it: an impression of the demo's upgrade, unless `over` says otherwise. */
export const promptEvent = (id: string, over: Record<string, unknown> = {}) => ({
  id,
  type: 'impression',
  offerId: 'up-tenugui',
  offerType: 'upsell',
  time: new Date().toISOString(),
  currency: 'JPY',
  cartSubtotal: 2640,
  value: 1100,
  visitorId: id,
  sessionId: id,
  variant: null,
  holdout: false,
  items: [],
  page: 'http://127.0.0.1/demo/site/shops/wa/cart.html',
  version: 'e2e',
  ...over,
});

/** Stores events through the ingestion endpoint, posted as the widget posts them. */
export async function sendEvents(request: APIRequestContext, events: object[]): Promise<void> {
  expect((await request.post('/events', { data: JSON.stringify({ events }), headers: { 'content-type': 'text/plain' } })).ok()).toBe(true);
}
