// The start page states the sample shops' caps and thresholds; they are read from a sample
// config so that what the page promises is what the shops do.
const yen = (n) => `￥${Number(n).toLocaleString('ja-JP')}`;

const res = await fetch('/demo/site/shops/wa/cart-upsell.json').catch(() => null);
const config = res?.ok ? await res.json().catch(() => null) : null;
if (config) {
  const values = {
    modals: String(config.caps?.modalsPerSession ?? 1),
    snooze: String(config.caps?.snoozeDays ?? 7),
    threshold: yen(typeof config.freeShipping?.threshold === 'number' ? config.freeShipping.threshold : (config.freeShipping?.threshold?.JPY ?? 0)),
    tier: yen(config.freeShipping?.tiers?.[0]?.amount ?? 0),
  };
  for (const el of document.querySelectorAll('[data-demo-cap]')) el.textContent = values[el.getAttribute('data-demo-cap')] ?? el.textContent;
}
