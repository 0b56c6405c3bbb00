// Live events: polls GET /events (the 200 latest to arrive, of one visitor when a prefix is typed)
// every 2 s, with the admin token.
import { h, t2, table } from '../shared/dom.js';
import { yen } from '../shared/format.js';
import { adminFetch } from '../shared/admin.js';

const list = document.getElementById('list');
const count = document.getElementById('count');
const pause = document.getElementById('pause');
const visitorBox = document.getElementById('visitor');
let paused = false;
let lastKey = '';
// A shop's busy minute brings more than 200 events: one shopper's are found by their visitor id
// (kept in the address, so that a link shows the same list).
visitorBox.value = new URLSearchParams(location.search).get('visitor') ?? '';
const typedVisitor = () => visitorBox.value.trim();

const typeName = { impression: ['表示', 'shown'], accept: ['承諾', 'accepted'], decline: ['辞退', 'declined'], dismiss: ['閉じた', 'closed'], 'accept-failed': ['追加失敗', 'add failed'] };
const time = (iso) => {
  const d = new Date(iso);
  return isNaN(d) ? String(iso) : d.toLocaleString('ja-JP', { hour12: false });
};

async function poll() {
  if (paused) return;
  try {
    const visitor = typedVisitor();
    const res = await adminFetch(`/events?order=desc&limit=200${visitor ? `&visitor=${encodeURIComponent(visitor)}` : ''}`);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const { events: received = [] } = await res.json();
    if (visitor !== typedVisitor()) return; // typed over while this was on its way
    // One batch arrives at one moment: within it, the shopper's own order (event time) decides.
    const at = (e) => Date.parse(e.time) || 0;
    const newest = received
      .map((e, i) => [e, i])
      .sort((a, b) => at(b[0]) - at(a[0]) || a[1] - b[1])
      .map(([e]) => e);
    // What arrived last, not what is newest by the shopper's clock: an event stamped ahead (a
    // device whose clock runs fast) would otherwise hide every later arrival.
    const key = `${visitor}|${received.length}:${received[0]?.id ?? ''}`;
    if (key === lastKey) return;
    lastKey = key;
    count.replaceChildren(...t2(`新しい順に${newest.length}件（最大200件）`, `${newest.length} events, newest first (200 at most)`));
    list.replaceChildren(
      newest.length
        ? table(
            'イベント',
            [
              t2('時刻', 'Time'),
              t2('種類', 'Event'),
              t2('提案', 'Offer'),
              t2('文言', 'Variant'),
              t2('金額', 'Value'),
              t2('カート小計', 'Cart subtotal'),
              'holdout',
              t2('ページ', 'Page'),
              t2('訪問者', 'Visitor'),
            ],
            newest.map((e) => [
              time(e.time),
              t2(...(typeName[e.type] ?? [e.type, e.type])),
              `${e.offerId}（${e.offerType}）`,
              e.variant ?? '—',
              yen(e.value),
              yen(e.cartSubtotal),
              e.holdout ? 'holdout' : '',
              String(e.page ?? '').replace(location.origin, ''),
              String(e.visitorId ?? ''),
            ]),
            [4, 5],
          )
        : visitor
          ? h('p', { class: 'muted' }, ...t2(`訪問者ID「${visitor}」で始まるイベントはまだありません。`, `No events yet from a visitor id starting "${visitor}".`))
          : h('p', { class: 'muted' }, ...t2('まだイベントがありません。見本ショップで商品をカートに入れてみてください。', 'No events yet. Add a product to the cart on a sample shop.')),
    );
  } catch (err) {
    count.replaceChildren(...t2(`イベントを読み込めませんでした（${err.message}）`, `Could not load the events (${err.message})`));
  }
}

pause.addEventListener('click', () => {
  paused = !paused;
  pause.setAttribute('aria-pressed', String(paused));
  if (!paused) void poll();
});
let typing;
visitorBox.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    const url = new URL(location.href);
    const visitor = typedVisitor();
    if (visitor) url.searchParams.set('visitor', visitor);
    else url.searchParams.delete('visitor');
    history.replaceState(null, '', url);
    void poll();
  }, 300);
});
void poll();
setInterval(poll, 2000);
