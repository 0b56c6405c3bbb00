// cart-upsell — order event for Shopify.
// Paste into Settings → Customer events → Add custom pixel, set ENDPOINT (and HOLDOUT to the same
// share as "holdout" in your cart-upsell config), save and connect.
//
// Shopify runs custom pixels in a sandbox on the Thank you page: no access to the page itself, but
// `browser.localStorage` / `browser.sessionStorage` are the shop's own storage (they run in the top
// frame), which is where the widget keeps its random visitor and visit ids on your cart pages. That
// is how the order reaches the visitor who saw the prompts. Sent: the order number, amounts, product
// SKUs and variant ids — no name, address, e-mail or phone.
// Event fields: https://shopify.dev/docs/api/web-pixels-api/standard-events/checkout_completed
// Storage API: https://shopify.dev/docs/api/web-pixels-api/standard-api/browser
const ENDPOINT = 'https://results.example.jp/events';
const HOLDOUT = 0.1;

// Decimal places of each currency's minor unit, as the widget counts money (src/util/currency.ts;
// a test holds the two equal); the rest have two (yen: ¥3,300 → 3300, dollars: $12.50 → 1250).
const DIGITS = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  CLF: 4,
  UYW: 4,
};

// The widget's holdout rule (src/offers/hash.ts, a test holds the two equal): FNV-1a of "holdout:<visitor id>".
function inHoldout(visitorId) {
  let h = 0x811c9dc5;
  const s = 'holdout:' + visitorId;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) / 4294967296 < HOLDOUT;
}

async function readJson(storage, key) {
  try {
    return JSON.parse((await storage.getItem(key)) || 'null');
  } catch (e) {
    return null;
  }
}

analytics.subscribe('checkout_completed', async (event) => {
  const checkout = event.data && event.data.checkout;
  const orderId = checkout && checkout.order && checkout.order.id;
  if (!orderId) return;
  const currency = checkout.currencyCode || (checkout.totalPrice && checkout.totalPrice.currencyCode) || 'JPY';
  const scale = 10 ** (Object.prototype.hasOwnProperty.call(DIGITS, currency) ? DIGITS[currency] : 2);
  const minor = (money) => Math.max(0, Math.round(Number((money && money.amount) || 0) * scale));
  const state = await readJson(browser.localStorage, 'cart-upsell:state');
  const visit = await readJson(browser.sessionStorage, 'cart-upsell:session');
  // A buyer the widget never met still counts as an order, under Shopify's own client id.
  const visitorId = (state && state.visitorId) || 'shopify-' + event.clientId;
  const location = (event.context && event.context.document && event.context.document.location) || {};
  const body = JSON.stringify({
    events: [
      {
        // Derived from the order id: Shopify may fire the event again, the results keep one.
        id: 'order-' + orderId,
        type: 'order',
        orderId: String(orderId),
        // Goods after discounts, before shipping: the cart's subtotal as the widget reads it.
        total: minor(checkout.subtotalPrice || checkout.totalPrice),
        time: event.timestamp || new Date().toISOString(),
        currency,
        visitorId,
        sessionId: (visit && visit.sessionId) || visitorId,
        variant: null,
        holdout: !!(state && state.visitorId) && inHoldout(state.visitorId),
        items: (checkout.lineItems || []).map((line) => ({
          sku: (line.variant && line.variant.sku) || '',
          id: line.variant && line.variant.id ? String(line.variant.id) : undefined,
          quantity: Math.max(1, line.quantity || 1),
          price: minor(line.variant && line.variant.price),
        })),
        page: (location.origin || '') + (location.pathname || ''),
        version: 'shopify-pixel',
      },
    ],
  });
  // The same delivery rules as the widget: retry network errors, 5xx, 408 and 429 with backoff;
  // any other answer ends it. The Thank you page usually stays open long enough.
  for (let attempt = 0; attempt < 6; attempt++) {
    try {
      const res = await fetch(ENDPOINT, { method: 'POST', body, headers: { 'content-type': 'text/plain' }, keepalive: true, credentials: 'omit' });
      if (res.ok || !/^(5\d\d|408|429)$/.test(String(res.status))) return;
    } catch (e) {
      /* offline or refused: try again */
    }
    await new Promise((resolve) => setTimeout(resolve, 1000 * 2 ** attempt));
  }
});
