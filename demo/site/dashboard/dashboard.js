// The results dashboard. Every measured figure, interval and verdict comes from the results API
// (GET /results/…, with the admin token); this page only lays them out. The planning calculator
// (seed 000) and the traffic simulator are the only arithmetic here.
import uPlot from '/dist/vendor/uplot/uPlot.esm.js';
import { adminFetch } from '../shared/admin.js';
import { h, t2, table } from '../shared/dom.js';
import { yen, pct, int } from '../shared/format.js';
import { currentLang } from '../shared/lang.js';
import { profitScenario, SEED_000 } from './scenario.js';
import { simulate } from './simulate.js';

const $ = (id) => document.getElementById(id);
const DAY = 86400_000;
/** Today in Japan as YYYY-MM-DD (the shop's days are Japan days). */
const jstDay = (ms) => new Date(ms + 9 * 3600_000).toISOString().slice(0, 10);

const params = new URLSearchParams(location.search);
$('from').value = params.get('from') ?? jstDay(Date.now() - 27 * DAY);
$('to').value = params.get('to') ?? jstDay(Date.now());
$('margin').value = params.get('margin') ?? '40';

let data = null;
const charts = [];

const typeName = {
  upsell: ['アップセル', 'Upsell'],
  downsell: ['ダウンセル', 'Downsell'],
  'cross-sell': ['クロスセル', 'Cross-sell'],
  bundle: ['セット', 'Bundle'],
  volume: ['まとめ買い', 'Volume'],
  'free-shipping': ['送料無料', 'Free shipping'],
};
const signed = (x, f) => (x > 0 ? '+' : x < 0 ? '−' : '±') + f(Math.abs(x)).replace(/^−/, '');
const range = (i, f) => (i ? `${f(i.low)}〜${f(i.high)}` : '—');
// An open upper end (a baseline too uncertain to bound the ratio) arrives as null: no limit.
const liftText = (i) => (i ? `${signed(i.estimate, (x) => pct(x))}（${signed(i.low, (x) => pct(x))}〜${i.high == null ? '∞' : signed(i.high, (x) => pct(x))}）` : '—');

async function getJson(path) {
  const res = await adminFetch(path);
  if (!res.ok) throw new Error(`${path.split('?')[0]}: HTTP ${res.status}`);
  return res.json();
}

async function load() {
  const status = $('data-status');
  const q = new URLSearchParams({ from: $('from').value, to: $('to').value });
  status.replaceChildren(...t2('読み込み中…', 'Loading…'));
  try {
    const [lift, series, attribution, names] = await Promise.all([
      getJson(`/results/lift?${q}`),
      getJson(`/results/lift/series?${q}`),
      getJson(`/results/attribution?${q}`),
      getJson('/results/offer-names').catch(() => ({ names: {} })),
    ]);
    data = { lift, series, attribution, names: names.names ?? {} };
    const g = lift.groups ?? {};
    const visitors = (g.shown?.visitors ?? 0) + (g.holdout?.visitors ?? 0);
    status.replaceChildren(
      ...t2(
        `${lift.from} 〜 ${lift.to}：提案に出会った訪問者 ${int(visitors)}人、注文 ${int(attribution.orders.orders)}件`,
        `${lift.from} to ${lift.to}: ${int(visitors)} visitors met a prompt, ${int(attribution.orders.orders)} orders`,
      ),
    );
  } catch (err) {
    data = null;
    status.replaceChildren(...t2(`成果を読み込めませんでした（${err.message}）。`, `Could not load the results (${err.message}).`));
  }
  render();
}

/** The verdict in words, naming a winner only when the result is significant. */
function verdictText(v, [a, b]) {
  if (!v) return t2('データが足りません', 'Too little data');
  if (v.kind === 'significant') return t2(`${v.winner === 'a' ? a[0] : b[0]}の方が高い（95%で有意）`, `${v.winner === 'a' ? a[1] : b[1]} is higher (significant at 95 %)`);
  if (v.kind === 'not-yet') return t2(`まだ判断できません：あと約${int(v.moreVisitors)}人の訪問者が必要`, `Not yet: about ${int(v.moreVisitors)} more visitors needed`);
  if (v.kind === 'no-difference') return t2('差はありません（あっても5%未満）', 'No difference (under 5 % if any)');
  return t2('データが足りません', 'Too little data');
}

const GROUPS = [
  ['提案あり', 'With prompts'],
  ['提案なし（holdout）', 'No prompts (holdout)'],
];
const METRIC = {
  conversion: { name: ['購入率', 'Conversion'], f: (x) => pct(x) },
  rpv: { name: ['1訪問者あたり売上', 'Revenue per visitor'], f: yen },
  aov: { name: ['平均注文額', 'Average order value'], f: yen },
};

/** One comparison as a table: a row per metric, both groups with intervals, the lift, the verdict. */
function comparisonTable(caption, c, labels) {
  return table(
    caption,
    [t2('指標', 'Metric'), t2(labels[0][0], labels[0][1]), t2(labels[1][0], labels[1][1]), t2('差（95%区間）', 'Lift (95 % interval)'), t2('判定', 'Verdict')],
    Object.entries(METRIC).map(([k, m]) => [
      t2(...m.name),
      h('span', {}, m.f(c.a[k].estimate), h('br'), h('small', { class: 'muted' }, range(c.a[k], m.f))),
      h('span', {}, m.f(c.b[k].estimate), h('br'), h('small', { class: 'muted' }, range(c.b[k], m.f))),
      liftText(c[k].lift),
      h('span', { class: c[k].verdict.kind === 'significant' ? 'verdict sig' : 'verdict' }, ...verdictText(c[k].verdict, labels)),
    ]),
    [1, 2, 3],
  );
}

function render() {
  renderPay();
  const lift = data?.lift;
  $('lift').replaceChildren(
    lift?.overall
      ? h('div', { class: 'scroll' }, comparisonTable('提案あり vs 提案なし', lift.overall, GROUPS))
      : h(
          'p',
          { class: 'muted' },
          ...t2(
            'この期間には、提案ありと提案なし（holdout）両方の訪問者がまだいません。設定の "holdout"（例 0.1）を確かめるか、下のシミュレーターを実行してください。',
            'No visitors of both groups in this range yet. Check "holdout" in the config (e.g. 0.1) or run the simulator below.',
          ),
        ),
  );
  renderCharts();
  renderOffers();
  renderVariants();
}

/** The one profit figure, with its formula and interval. */
function renderPay() {
  const c = data?.lift?.overall;
  const margin = Math.min(100, Math.max(0, Number($('margin').value) || 0)) / 100;
  if (!c) {
    $('pay').replaceChildren(h('p', { class: 'muted' }, ...t2('比較できるデータがまだありません。', 'Nothing to compare yet.')));
    return;
  }
  const n = c.a.visitors;
  const d = c.rpv.difference;
  const profit = (x) => x * n * margin;
  $('pay').replaceChildren(
    h('p', { class: 'figure', id: 'profit-figure' }, signed(profit(d.estimate), yen)),
    h(
      'p',
      {},
      ...t2(
        `増えた粗利（95%区間 ${signed(profit(d.low), yen)}〜${signed(profit(d.high), yen)}）`,
        `Added gross profit (95 % interval ${signed(profit(d.low), yen)} to ${signed(profit(d.high), yen)})`,
      ),
    ),
    h(
      'p',
      { class: 'formula small' },
      ...t2(
        `= （1訪問者あたり売上 提案あり ${yen(c.a.rpv.estimate)} − 提案なし ${yen(c.b.rpv.estimate)}）× 提案ありの訪問者 ${int(n)}人 × 粗利率 ${pct(margin, 0)}`,
        `= (revenue per visitor with prompts ${yen(c.a.rpv.estimate)} − without ${yen(c.b.rpv.estimate)}) × ${int(n)} visitors with prompts × margin ${pct(margin, 0)}`,
      ),
    ),
    h('p', { class: c.rpv.verdict.kind === 'significant' ? 'verdict sig' : 'verdict' }, h('strong', {}, ...t2('判定：', 'Verdict: ')), ...verdictText(c.rpv.verdict, GROUPS)),
    h(
      'p',
      { class: 'small muted' },
      ...t2(
        '売れたはずの注文も含めて比べるので、承諾額の合計より正直な数字です。購入率が下がった分も差し引かれています。',
        'Compared with visitors who saw nothing, so orders that would have happened anyway are not counted, and any drop in conversion is subtracted.',
      ),
    ),
  );
}

function renderCharts() {
  for (const c of charts.splice(0)) c.destroy();
  const days = data?.series?.days ?? [];
  const x = days.map((d) => Date.parse(`${d.day}T00:00:00+09:00`) / 1000);
  const per = (g, f) => days.map((d) => (d[g].visitors ? f(d[g]) : null));
  const en = currentLang() === 'en';
  const series = (fmt) => [
    {},
    { label: en ? 'With prompts' : '提案あり', stroke: '#2f5d8a', width: 2, value: (_, v) => (v == null ? '—' : fmt(v)) },
    { label: en ? 'No prompts' : '提案なし', stroke: '#a15c00', width: 2, dash: [6, 4], value: (_, v) => (v == null ? '—' : fmt(v)) },
  ];
  const draw = (el, ys, fmt) => {
    el.replaceChildren();
    const width = Math.max(260, el.clientWidth || 480);
    const opts = {
      width,
      height: 220,
      series: series(fmt),
      axes: [{}, { values: (_, ticks) => ticks.map(fmt), size: 64 }],
      scales: { x: { time: true } },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), 'Asia/Tokyo'),
    };
    charts.push(new uPlot(opts, [x, ...ys], el));
  };
  draw($('rpv-chart'), [per('shown', (g) => g.revenue / g.visitors), per('holdout', (g) => g.revenue / g.visitors)], (v) => yen(v));
  draw($('conv-chart'), [per('shown', (g) => (100 * g.converters) / g.visitors), per('holdout', (g) => (100 * g.converters) / g.visitors)], (v) => `${v.toFixed(1)}%`);
}

const nameOf = (id, type) => {
  const n = data?.names?.[id] ?? id;
  return type === 'downsell' ? `${n}（ダウンセル）` : n;
};

function renderOffers() {
  const a = data?.attribution;
  $('window-days').textContent = String(Math.round((a?.windowHours ?? 168) / 24));
  if (!a?.offers?.length) {
    $('offers').replaceChildren(h('p', { class: 'muted' }, ...t2('この期間の提案の表示はまだありません。', 'No prompt was shown in this range yet.')));
    return;
  }
  const lift = new Map((data.lift.offers ?? []).map((o) => [o.offerId, o]));
  $('offers').replaceChildren(
    h(
      'div',
      { class: 'scroll' },
      table(
        '提案ごとの成果',
        [
          t2('提案', 'Offer'),
          t2('種類', 'Type'),
          t2('表示', 'Shown'),
          t2('承諾率（95%区間）', 'Acceptance (95 % interval)'),
          t2('承諾', 'Accepted'),
          t2('追加失敗', 'Failed'),
          t2('注文で確認できた売上', 'Revenue confirmed by orders'),
          t2('1訪問者あたり売上：提案あり vs なし', 'Revenue per visitor: shown vs holdout'),
        ],
        a.offers.map((o) => {
          const l = o.offerType === 'downsell' ? null : lift.get(o.offerId)?.shownVsHoldout;
          return [
            h('span', {}, nameOf(o.offerId, o.offerType), h('br'), h('small', { class: 'muted' }, o.offerId)),
            t2(...(typeName[o.offerType] ?? [o.offerType, o.offerType])),
            int(o.impressions),
            `${pct(o.acceptance.estimate)}（${pct(o.acceptance.low)}〜${pct(o.acceptance.high)}）`,
            int(o.accepts),
            int(o.failed),
            h('span', {}, yen(o.attributedRevenue), h('br'), h('small', { class: 'muted' }, ...t2(`${int(o.attributedAccepts)}件`, `${int(o.attributedAccepts)} accepts`))),
            l ? h('span', {}, liftText(l.rpv.lift), h('br'), h('small', {}, ...verdictText(l.rpv.verdict, GROUPS))) : '—',
          ];
        }),
        [2, 3, 4, 5, 6],
      ),
    ),
    h(
      'p',
      { class: 'small muted' },
      ...t2(
        `この期間の注文 ${int(a.orders.orders)}件・${yen(a.orders.revenue)}（うち提案に出会った訪問者から ${int(a.orders.fromExposed)}件）`,
        `Orders in this range: ${int(a.orders.orders)}, ${yen(a.orders.revenue)} (${int(a.orders.fromExposed)} from visitors who met a prompt)`,
      ),
    ),
  );
}

/** Per offer with copy variants: each variant's acceptance (page views shown → accepted), the first as the baseline. */
function acceptanceTables() {
  const rows = data?.attribution?.variants ?? [];
  const offers = [...new Set(rows.map((v) => `${v.offerId}\u0000${v.offerType}`))];
  return offers.map((key) => {
    const list = rows.filter((v) => `${v.offerId}\u0000${v.offerType}` === key);
    const { offerId, offerType } = list[0];
    const title = `${nameOf(offerId, offerType)}：文言ごとの承諾率`;
    return h(
      'div',
      { class: 'variant' },
      h('h3', {}, ...t2(title, `${nameOf(offerId, offerType)}: acceptance per copy variant`)),
      h(
        'div',
        { class: 'scroll' },
        table(
          title,
          [
            t2('文言', 'Variant'),
            t2('表示', 'Shown'),
            t2('承諾', 'Accepted'),
            t2('承諾率（95%区間）', 'Acceptance (95 % interval)'),
            t2('差（95%区間）', 'Lift (95 % interval)'),
            t2('判定', 'Verdict'),
          ],
          list.map((v) => {
            const labels = [
              [`文言「${v.variant}」`, `Variant "${v.variant}"`],
              [`文言「${v.against?.variant}」`, `Variant "${v.against?.variant}"`],
            ];
            return [
              `「${v.variant}」`,
              int(v.impressions),
              int(v.acceptedViews),
              `${pct(v.acceptance.estimate)}（${pct(v.acceptance.low)}〜${pct(v.acceptance.high)}）`,
              v.against ? liftText(v.against.lift) : t2('基準', 'Baseline'),
              v.against ? h('span', { class: v.against.verdict.kind === 'significant' ? 'verdict sig' : 'verdict' }, ...verdictText(v.against.verdict, labels)) : '—',
            ];
          }),
          [1, 2, 3, 4],
        ),
      ),
    );
  });
}

function renderVariants() {
  const offers = (data?.lift?.offers ?? []).filter((o) => o.variants.length);
  const acceptance = acceptanceTables();
  $('variants').replaceChildren(
    ...acceptance,
    ...(offers.length
      ? offers.flatMap((o) =>
          o.variants.map((v) => {
            const labels = [
              [`文言「${v.variantA}」`, `Variant "${v.variantA}"`],
              [`文言「${v.variantB}」`, `Variant "${v.variantB}"`],
            ];
            return h(
              'div',
              { class: 'variant' },
              h('h3', {}, `${nameOf(o.offerId)}：「${v.variantA}」vs「${v.variantB}」`),
              h('div', { class: 'scroll' }, comparisonTable(`${o.offerId} 文言 ${v.variantA} vs ${v.variantB}`, v, labels)),
            );
          }),
        )
      : acceptance.length
        ? []
        : [h('p', { class: 'muted' }, ...t2('文言のバリエーション（variants）がある提案のデータがまだありません。', 'No data yet from an offer with copy variants.'))]),
  );
}

function readScenario() {
  const f = new FormData($('scenario-form'));
  const n = (k) => Number(f.get(k)) || 0;
  return {
    units: Math.max(0, Math.round(n('units'))),
    basicPrice: n('basicPrice'),
    premiumPrice: n('premiumPrice'),
    take: n('take') / 100,
    basicMargin: n('basicMargin') / 100,
    premiumMargin: n('premiumMargin') / 100,
  };
}

function renderScenario() {
  const r = profitScenario(readScenario());
  const sign = (x) => (x >= 0 ? '+' : '') + yen(x);
  $('scenario').replaceChildren(
    table(
      '利益シミュレーション',
      [t2('項目', 'Item'), t2('アップセル前', 'Before'), t2('アップセル後', 'After'), t2('差', 'Change')],
      [
        [t2('平均単価（客単価）', 'Average price (AOV)'), yen(r.aovBefore), yen(r.aovAfter), sign(r.aovAfter - r.aovBefore)],
        [t2('月間売上', 'Revenue a month'), yen(r.revenueBefore), yen(r.revenueAfter), sign(r.revenueAfter - r.revenueBefore)],
        [t2('月間利益', 'Profit a month'), yen(r.profitBefore), yen(r.profitAfter), sign(r.profitLift)],
        [t2('年間の利益増加', 'Profit gain a year'), '', '', sign(r.profitLiftYear)],
      ],
      [1, 2, 3],
    ),
    h(
      'p',
      { class: 'small muted formula' },
      ...t2(
        `利益 = 通常 ${int(r.basicUnits)}個 × ${yen(r.basicProfitEach)} + 上位 ${int(r.premiumUnits)}個 × ${yen(r.premiumProfitEach)}`,
        `Profit = ${int(r.basicUnits)} basic × ${yen(r.basicProfitEach)} + ${int(r.premiumUnits)} premium × ${yen(r.premiumProfitEach)}`,
      ),
    ),
  );
}

async function runSimulator(e) {
  e.preventDefault();
  const f = new FormData($('sim-form'));
  const status = $('sim-status');
  const button = $('sim-form').querySelector('button[type=submit]');
  button.disabled = true;
  const events = simulate({
    visitors: Math.min(20000, Math.max(100, Number(f.get('visitors')) || 3000)),
    rpvLift: (Number(f.get('rpvLift')) || 5) / 100,
    conversionLift: Math.min(0, Number(f.get('conversionLift')) || 0) / 100,
    seed: Math.floor(Math.random() * 2 ** 31),
    start: Date.now() - 27 * DAY,
    days: 21,
    origin: location.origin,
    prefix: `sim-${Date.now().toString(36)}`,
  });
  try {
    for (let i = 0; i < events.length; i += 500) {
      status.replaceChildren(...t2(`送信中… ${int(i)}/${int(events.length)}`, `Sending… ${int(i)}/${int(events.length)}`));
      const res = await fetch('/events', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ events: events.slice(i, i + 500) }) });
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

$('range-form').addEventListener('submit', (e) => {
  e.preventDefault();
  const url = new URL(location.href);
  for (const k of ['from', 'to', 'margin']) url.searchParams.set(k, $(k).value);
  history.replaceState(null, '', url);
  void load();
});
$('margin').addEventListener('input', renderPay);
$('scenario-form').addEventListener('input', renderScenario);
$('seed-preset').addEventListener('click', () => {
  const form = $('scenario-form');
  const v = { ...SEED_000, take: SEED_000.take * 100, basicMargin: SEED_000.basicMargin * 100, premiumMargin: SEED_000.premiumMargin * 100 };
  for (const [k, x] of Object.entries(v)) form.elements.namedItem(k).value = String(x);
  renderScenario();
});
$('sim-form').addEventListener('submit', runSimulator);
document.addEventListener('demo:lang', () => data && renderCharts());
let resizeTimer;
addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => data && renderCharts(), 200);
});
renderScenario();
void load();
