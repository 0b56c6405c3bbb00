// The results dashboard: reads GET /events (with the admin token), computes with stats.js, draws tables and SVG bars.
import { summarize, profitScenario, SEED_000, profitFromRevenue } from './stats.js';
import { simulate } from './simulate.js';
import { barChart } from '../shared/chart.js';
import { h, t2, table } from '../shared/dom.js';
import { yen, pct, int } from '../shared/format.js';
import { allEvents } from '../shared/admin.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
$('visitor-filter').value = params.get('visitor') ?? '';
let summary = null;

const typeName = { upsell: 'アップセル', downsell: 'ダウンセル', 'cross-sell': 'クロスセル', bundle: 'セット', volume: 'まとめ買い', 'free-shipping': '送料無料' };
const rateText = (o) => `${pct(o.rate)}（${pct(o.low)}–${pct(o.high)}）`;

async function load() {
  const status = $('data-status');
  try {
    const prefix = $('visitor-filter').value.trim();
    const events = await allEvents(prefix ? { visitor: prefix } : {});
    summary = summarize(events);
    status.replaceChildren(...t2(`${int(summary.events)}件のイベント${prefix ? `（訪問者ID「${prefix}」で始まるもの）` : ''}`, `${int(summary.events)} events${prefix ? ` (visitor id starting "${prefix}")` : ''}`));
  } catch (err) {
    summary = summarize([]);
    status.replaceChildren(...t2(`イベントを読み込めませんでした（${err.message}）。サーバー（npm start）は動いていますか？`, `Could not load the events (${err.message}). Is the server (npm start) running?`));
  }
  render();
}

let statId = 0;
function stat(label, value, note) {
  const id = `stat-${statId++}`;
  return h('div', { class: 'card stat', role: 'group', 'aria-labelledby': id }, h('h3', { id }, label), h('p', { class: 'figure' }, value), note ? h('p', { class: 'small muted' }, note) : null);
}

function render() {
  const s = summary;
  const a = s.aov;
  $('summary').replaceChildren(
    stat(t2('表示回数', 'Impressions'), int(s.impressions)),
    stat(t2('承諾数', 'Acceptances'), int(s.accepts), t2(`承諾率 ${rateText({ rate: s.acceptance.rate, low: s.acceptance.low, high: s.acceptance.high })}`, `rate ${pct(s.acceptance.rate)} (${pct(s.acceptance.low)}–${pct(s.acceptance.high)})`)),
    stat(t2('追加された売上', 'Revenue added'), yen(s.revenue), t2('承諾された提案の金額の合計', 'sum of accepted values')),
    stat(t2('客単価の差（提案あり − なし）', 'Order value difference'), a.difference === null ? '—' : yen(a.difference), a.lift === null ? t2('両方のグループのデータが必要です', 'needs both groups') : t2(`${a.lift >= 0 ? '+' : ''}${pct(a.lift)}`, `${a.lift >= 0 ? '+' : ''}${pct(a.lift)}`)),
  );

  const offers = s.offers;
  $('offers-chart').replaceChildren(
    offers.length
      ? barChart({ title: '承諾率', bars: offers.map((o) => ({ label: o.offerId, value: o.rate, low: o.low, high: o.high })), max: Math.max(...offers.map((o) => o.high), 0.05), format: (x) => pct(x) })
      : h('p', { class: 'muted' }, ...t2('まだイベントがありません。見本ショップで試すか、下のシミュレーターを実行してください。', 'No events yet. Try a sample shop or run the simulator below.')),
  );
  $('offers-table').replaceChildren(
    offers.length
      ? table('提案ごとの承諾率', [t2('提案', 'Offer'), t2('種類', 'Type'), t2('表示', 'Shown'), t2('承諾', 'Accepted'), t2('辞退', 'Declined'), t2('閉じた', 'Closed'), t2('承諾率（95%区間）', 'Rate (95 % interval)'), t2('追加売上', 'Revenue')],
          offers.map((o) => [o.offerId, typeName[o.offerType] ?? o.offerType, int(o.impressions), int(o.accepts), int(o.declines), int(o.dismisses), rateText(o), yen(o.revenue)]), [2, 3, 4, 5, 6, 7])
      : '',
  );

  const withVariants = offers.filter((o) => o.variants.some((v) => v.variant !== null));
  $('variants').replaceChildren(
    ...(withVariants.length
      ? withVariants.flatMap((o) => [
          h('h3', {}, o.offerId),
          h('div', { class: 'two' },
            barChart({ title: `${o.offerId} 文言ごとの承諾率`, bars: o.variants.filter((v) => v.variant !== null).map((v) => ({ label: String(v.variant), value: v.rate, low: v.low, high: v.high, color: '#5b8c51' })), max: Math.max(...o.variants.map((v) => v.high), 0.05), format: (x) => pct(x), width: 460 }),
            table(`${o.offerId} 文言ごと`, [t2('文言', 'Variant'), t2('表示', 'Shown'), t2('承諾', 'Accepted'), t2('承諾率（95%区間）', 'Rate (95 % interval)')],
              o.variants.filter((v) => v.variant !== null).map((v) => [String(v.variant), int(v.impressions), int(v.accepts), rateText(v)]), [1, 2, 3])),
          verdict(o.test),
        ])
      : [h('p', { class: 'muted' }, ...t2('文言のバリエーション（variants）がある提案のイベントがまだありません。', 'No events yet from an offer with copy variants.'))]),
  );

  $('aov').replaceChildren(
    h('div', { class: 'two' },
      barChart({ title: '平均注文額', bars: [{ label: '提案あり', value: a.withPrompts.aov }, { label: '提案なし（holdout）', value: a.holdout.aov, color: '#8a96a3' }], format: yen, width: 460 }),
      table('客単価', [t2('グループ', 'Group'), t2('セッション数', 'Sessions'), t2('平均注文額', 'Average order')], [
        [t2('提案あり', 'With prompts'), int(a.withPrompts.sessions), yen(a.withPrompts.aov)],
        [t2('提案なし（holdout）', 'Without (holdout)'), int(a.holdout.sessions), yen(a.holdout.aov)],
      ], [1, 2])),
  );
  renderProfit();
}

function verdict(test) {
  if (!test) return h('p', { class: 'verdict' }, ...t2('比較できる文言が2つ以上ありません。', 'Fewer than two variants to compare.'));
  const p = test.p < 0.001 ? '< 0.001' : `= ${test.p.toFixed(3)}`;
  const texts = {
    'a-better': [`「${test.a}」の承諾率が有意に高い（z = ${test.z.toFixed(2)}、p ${p}）。`, `"${test.a}" is accepted significantly more often (z = ${test.z.toFixed(2)}, p ${p}).`],
    'b-better': [`「${test.b}」の承諾率が有意に高い（z = ${test.z.toFixed(2)}、p ${p}）。`, `"${test.b}" is accepted significantly more often (z = ${test.z.toFixed(2)}, p ${p}).`],
    'no-difference': [`有意な差はありません（z = ${test.z.toFixed(2)}、p ${p}）。もっとデータを集めてください。`, `No significant difference (z = ${test.z.toFixed(2)}, p ${p}). Keep collecting.`],
    'too-few': ['判定にはデータが足りません（各文言で承諾・非承諾がそれぞれ5件以上必要）。', 'Too little data to judge (each variant needs at least 5 acceptances and 5 non-acceptances).'],
  }[test.verdict];
  return h('p', { class: `verdict${test.verdict.endsWith('better') ? ' sig' : ''}` }, h('strong', {}, ...t2('判定：', 'Verdict: ')), ...t2(texts[0], texts[1]));
}

function renderProfit() {
  if (!summary) return;
  const margin = Math.min(100, Math.max(0, Number($('margin').value) || 0)) / 100;
  const a = summary.aov;
  const perOrder = a.difference === null ? null : a.difference * margin;
  $('profit').replaceChildren(
    table('利益', [t2('項目', 'Item'), t2('金額', 'Amount')], [
      [t2('承諾された提案の粗利（追加売上 × 粗利率）', 'Gross profit of accepted offers (revenue added × margin)'), yen(profitFromRevenue(summary.revenue, margin))],
      [t2('1注文あたりの粗利の差（客単価の差 × 粗利率）', 'Gross profit difference per order (order value difference × margin)'), perOrder === null ? '—' : yen(perOrder)],
      [t2('提案ありのセッション全体での粗利の差', 'Over all sessions with prompts'), perOrder === null ? '—' : yen(perOrder * a.withPrompts.sessions)],
    ], [1]),
  );
}

function readScenario() {
  const f = new FormData($('scenario-form'));
  const n = (k) => Number(f.get(k)) || 0;
  return { units: Math.max(0, Math.round(n('units'))), basicPrice: n('basicPrice'), premiumPrice: n('premiumPrice'), take: n('take') / 100, basicMargin: n('basicMargin') / 100, premiumMargin: n('premiumMargin') / 100 };
}

function renderScenario() {
  const r = profitScenario(readScenario());
  const sign = (x) => (x >= 0 ? '+' : '') + yen(x);
  $('scenario').replaceChildren(
    h('div', { class: 'two' },
      table('利益シミュレーション', [t2('項目', 'Item'), t2('アップセル前', 'Before'), t2('アップセル後', 'After'), t2('差', 'Change')], [
        [t2('平均単価（客単価）', 'Average price (AOV)'), yen(r.aovBefore), yen(r.aovAfter), sign(r.aovAfter - r.aovBefore)],
        [t2('月間売上', 'Revenue a month'), yen(r.revenueBefore), yen(r.revenueAfter), sign(r.revenueAfter - r.revenueBefore)],
        [t2('月間利益', 'Profit a month'), yen(r.profitBefore), yen(r.profitAfter), sign(r.profitLift)],
        [t2('年間の利益増加', 'Profit gain a year'), '', '', sign(r.profitLiftYear)],
      ], [1, 2, 3]),
      barChart({ title: '月間利益', bars: [{ label: 'アップセル前', value: r.profitBefore, color: '#8a96a3' }, { label: 'アップセル後', value: r.profitAfter }], format: yen, width: 460 }),
    ),
    h('p', { class: 'small muted' }, ...t2(`内訳：通常商品 ${int(r.basicUnits)}個 × 利益${yen(r.basicProfitEach)}、上位商品 ${int(r.premiumUnits)}個 × 利益${yen(r.premiumProfitEach)}。`, `Breakdown: ${int(r.basicUnits)} basic × ${yen(r.basicProfitEach)} profit, ${int(r.premiumUnits)} premium × ${yen(r.premiumProfitEach)} profit.`)),
  );
}

async function runSimulator(e) {
  e.preventDefault();
  const f = new FormData(e.target);
  const status = $('sim-status');
  const button = e.target.querySelector('button[type=submit]');
  button.disabled = true;
  const events = simulate({
    shoppers: Math.min(2000, Math.max(10, Number(f.get('shoppers')) || 300)),
    rates: { value: (Number(f.get('rateValue')) || 0) / 100, longevity: (Number(f.get('rateLongevity')) || 0) / 100 },
    seed: Math.floor(Math.random() * 2 ** 31),
    origin: location.origin,
    prefix: `sim-${Date.now().toString(36)}`,
  });
  try {
    for (let i = 0; i < events.length; i += 200) {
      status.replaceChildren(...t2(`送信中… ${i}/${events.length}`, `Sending… ${i}/${events.length}`));
      const res = await fetch('/events', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ events: events.slice(i, i + 200) }) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
    }
    status.replaceChildren(...t2(`${int(events.length)}件のイベントを送信しました。`, `Sent ${int(events.length)} events.`));
    await load();
  } catch (err) {
    status.replaceChildren(...t2(`送信できませんでした（${err.message}）。`, `Could not send (${err.message}).`));
  } finally {
    button.disabled = false;
  }
}

$('filter-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const v = $('visitor-filter').value.trim();
  const url = new URL(location.href);
  if (v) url.searchParams.set('visitor', v);
  else url.searchParams.delete('visitor');
  history.replaceState(null, '', url);
  void load();
});
$('margin').addEventListener('input', renderProfit);
$('scenario-form').addEventListener('input', renderScenario);
$('seed-preset').addEventListener('click', () => {
  const form = $('scenario-form');
  const v = { ...SEED_000, take: SEED_000.take * 100, basicMargin: SEED_000.basicMargin * 100, premiumMargin: SEED_000.premiumMargin * 100 };
  for (const [k, x] of Object.entries(v)) form.elements.namedItem(k).value = String(x);
  renderScenario();
});
$('sim-form').addEventListener('submit', runSimulator);
renderScenario();
void load();
