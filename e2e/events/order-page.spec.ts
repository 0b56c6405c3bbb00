import { test, expect } from '@playwright/test';
import { storedEvents } from '../admin';

// WooCommerce's order-received page with the widget's script tag and no order hook: the page's own
// order (number and total, from thankyou.php's overview) reaches the results service once, also
// after a reload, and nothing of the buyer shown on the page goes with it.
type Stored = { id: string; type: string; orderId: string; total: number; currency: string; visitorId: string; items: unknown[] };

test('the order-received page sends its order once, with no personal data', async ({ page, request }) => {
  // A fresh order number per run: the service keeps one event per id whoever sends it.
  const orderNo = String(Date.now()).slice(-9);
  await page.route('**/e2e/pages/woocommerce-order-received.html', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, body: (await res.text()).replace('<strong>1042</strong>', `<strong>${orderNo}</strong>`) });
  });
  // The visitor as the widget stored it on the shop's cart pages.
  const visitor = `e2e-order-${orderNo}`;
  await page.addInitScript((v) => localStorage.setItem('cart-upsell:state', JSON.stringify({ v: 1, visitorId: v, firstSeen: Date.now() - 3_600_000, snoozed: {}, impressions: {} })), visitor);
  const posted: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && /\/events$/.test(r.url()) && (r.postData() ?? '').includes('"type":"order"')) posted.push(r.postData() ?? '');
  });
  await page.goto('/e2e/pages/woocommerce-order-received.html');
  await expect(page.getByRole('heading', { name: '注文を受け付けました' })).toBeVisible();
  const orders = async () => (await storedEvents<Stored>(request, visitor)).filter((e) => e.type === 'order' && e.orderId === orderNo);
  await expect.poll(async () => (await orders()).length, { timeout: 15_000 }).toBe(1);
  await page.reload();
  await expect(page.getByRole('heading', { name: '注文を受け付けました' })).toBeVisible();
  // Two batch waits after the reload: a second copy would have been posted by now.
  await page.waitForTimeout(5_000);
  const [stored] = await orders();
  expect(await orders()).toHaveLength(1);
  expect(posted).toHaveLength(1);
  expect(stored).toMatchObject({ id: `order-${orderNo}`, total: 6080, currency: 'JPY', visitorId: visitor, items: [] });
  // The page shows the buyer's name, e-mail, phone and address: none of it left the browser.
  expect(posted.join('')).not.toMatch(/山田|花子|hanako|example\.jp|渋谷|090-1234|150-0001/);
});
