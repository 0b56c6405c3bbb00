import { test, expect, type Page, type Route } from '@playwright/test';
import { storedEvents } from '../admin';
import { queuedIds } from '../hostile/helpers';

// Delivery faults, with the endpoint faked by page.route: on the events cart page three prompts
// (cross-sell, set, volume step) are shown on load, so three impressions are due.
type Sent = { id: string; type: string; offerId: string };

/** Records every batch that reaches the fake endpoint and answers from a script of statuses. */
function fakeEndpoint(_page: Page, answer: (n: number) => number | 'hang' | 'abort') {
  const received: Sent[] = [];
  let requests = 0;
  const handler = async (route: Route) => {
    if (route.request().method() !== 'POST') return route.continue();
    const n = requests++;
    const a = answer(n);
    if (a === 'hang') return; // never answered
    if (a === 'abort') return route.abort('connectionrefused');
    if (a < 300) received.push(...(JSON.parse(route.request().postData() ?? '{}').events as Sent[]));
    await route.fulfill({ status: a, body: '{}', contentType: 'application/json' });
  };
  return { received, handler, count: () => requests, ids: () => [...new Set(received.map((e) => e.id))] };
}

// A desktop's attention budget on the cart view: the set and the related items (the volume line waits).
const shownOnLoad = async (page: Page) => {
  await expect(page.getByText('湯呑み 白磁と一緒にどうぞ')).toBeVisible();
  await expect(page.getByText('セットでお得')).toBeVisible();
};

test('500 three times, then 200: every event arrives, none lost', async ({ page }) => {
  const ep = fakeEndpoint(page, (n) => (n < 3 ? 500 : 200));
  await page.route('**/events', ep.handler);
  await page.clock.install();
  await page.goto('/e2e/pages/events-cart.html');
  await shownOnLoad(page);
  // 2 s batch wait, then backoff of up to 2, 4, 8 s. Each retry is timed from the answer before
  // it, which arrives in real time: the clock moves on only between real waits, never past an
  // answer still on its way.
  await expect
    .poll(
      async () => {
        await page.clock.runFor(2_000);
        return ep.ids().length;
      },
      { timeout: 30_000 },
    )
    .toBe(2);
  expect(ep.count()).toBeGreaterThanOrEqual(4);
  expect(ep.ids()).toHaveLength(2);
  expect(ep.received.map((e) => `${e.type} ${e.offerId}`).sort()).toEqual(['impression set-tea', 'impression x-yunomi']);
});

test('an endpoint that never answers: the next page view delivers', async ({ page }) => {
  const dead = fakeEndpoint(page, () => 'hang');
  await page.route('**/events', dead.handler);
  await page.goto('/e2e/pages/events-cart.html');
  await shownOnLoad(page);
  // An impression is queued once its prompt is reported on screen, a task or two after drawing.
  await expect.poll(async () => (await queuedIds(page)).length).toBe(2);
  const queued = await queuedIds(page);
  await page.unroute('**/events');
  const alive = fakeEndpoint(page, () => 200);
  await page.route('**/events', alive.handler);
  await page.goto('/e2e/pages/foundation-plain.html');
  await page.evaluate(() => (window as any).CartUpsell.start('/e2e/pages/events.json'));
  // A keepalive send of the leaving page can reach the service outside the page's routing.
  const collected = async () => [...new Set([...alive.ids(), ...(await storedEvents(page.request)).map((e) => e.id).filter((id) => queued.includes(id))])];
  await expect.poll(collected, { timeout: 15_000 }).toEqual(expect.arrayContaining(queued));
});

test('offline, then back online: delivered', async ({ page, context }) => {
  const cfg = await (await page.request.get('/e2e/pages/events.json')).json();
  const ep = fakeEndpoint(page, () => 200);
  await page.route('**/events', ep.handler);
  await page.goto('/e2e/pages/foundation-plain.html');
  // The prompts file is fetched while online (as on any first prompt); then the network goes.
  await page.evaluate((c) => (window as any).CartUpsell.start({ ...c, events: undefined }), cfg);
  await expect(page.getByText('セットでお得')).toBeVisible();
  await page.evaluate(() => (window as any).CartUpsell.stop());
  await context.setOffline(true);
  await page.evaluate(() => localStorage.removeItem('cart-upsell:state'));
  await page.evaluate((c) => (window as any).CartUpsell.start(c), cfg);
  await expect(page.getByText('セットでお得')).toBeVisible();
  await page.waitForTimeout(3000);
  expect(ep.count()).toBe(0);
  await context.setOffline(false);
  await expect.poll(() => ep.ids().length, { timeout: 10_000 }).toBe(2);
});

test('a 400 is not retried in a loop: each event is tried once on its own, then dropped', async ({ page }) => {
  const ep = fakeEndpoint(page, () => 400);
  await page.route('**/events', ep.handler);
  await page.clock.install();
  const warnings: string[] = [];
  page.on('console', (m) => m.type() === 'warning' && m.text().startsWith('[cart-upsell]') && warnings.push(m.text()));
  await page.goto('/e2e/pages/events-cart.html');
  await shownOnLoad(page);
  await page.clock.runFor(3_000);
  // The refused batch, then each of its events alone (so one bad event cannot take its
  // batch-mates with it): the cart page shows two or three prompts, so at least 1 + 2 sends.
  await expect.poll(() => ep.count()).toBeGreaterThanOrEqual(3);
  await expect.poll(() => warnings.filter((w) => /refused|断った/.test(w)).length).toBe(1);
  await page.waitForTimeout(500);
  const tried = ep.count();
  expect(tried).toBeLessThanOrEqual(5);
  await page.clock.runFor(120_000);
  await page.waitForTimeout(300);
  expect(ep.count()).toBe(tried);
});

test('storage blocked: still delivered', async ({ page }) => {
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, {
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  const ep = fakeEndpoint(page, () => 200);
  await page.route('**/events', ep.handler);
  const errors: Error[] = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto('/e2e/pages/events-cart.html');
  await shownOnLoad(page);
  await expect.poll(() => ep.ids().length, { timeout: 10_000 }).toBe(2);
  expect(errors).toEqual([]);
});

test('the results service refuses malformed posts and stores nothing of them', async ({ request }) => {
  const bad = await request.post('/events', { data: '{"events":[{"id":"e2e-bad-1","type":"purchase"}]}', headers: { 'content-type': 'text/plain' } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/^events\[0\]\.type: /);
  expect((await request.post('/events', { data: 'nonsense', headers: { 'content-type': 'text/plain' } })).status()).toBe(400);
  const all = await storedEvents(request);
  expect(all.find((e) => e.id === 'e2e-bad-1')).toBeUndefined();
});

test('events reach the results service from a real page, once each', async ({ page, request }) => {
  await page.goto('/e2e/pages/events-cart.html');
  await shownOnLoad(page);
  const visitor = await page.evaluate(() => JSON.parse(localStorage.getItem('cart-upsell:state') ?? 'null')?.visitorId ?? null);
  await expect
    .poll(
      async () => {
        const all = await storedEvents<Sent & { visitorId: string }>(request, visitor ?? undefined);
        return all.filter((e) => (visitor ? e.visitorId === visitor : true) && e.type === 'impression' && ['x-yunomi', 'set-tea', 'vol-tenugui'].includes(e.offerId)).length;
      },
      { timeout: 10_000 },
    )
    .toBeGreaterThanOrEqual(2);
});
