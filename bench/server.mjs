#!/usr/bin/env node
// The results service under load (`npm run bench -- --server`, or `node bench/server.mjs`):
//   1. ingestion: POST /events batches of 10 new events on loopback with autocannon, events/s,
//      beside the same requests answered without a database (parse, validate, clean only);
//   2. at 100 k, 1 M and 10 M stored events (made with generate_series), p95 of the dashboard's
//      results queries (through the HTTP routes, in process) and of storing a 10-event batch,
//      beside a full scan of the same events and a 30-day range read of the raw events;
// for the embedded PGlite and for a PostgreSQL server (DATABASE_URL, else a throw-away one from
// scripts/postgres.mjs). Needs `npm run build` (build/server/main.mjs). Writes bench/server-results.json.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../scripts/postgres.mjs';

const HELP = `node bench/server.mjs [options]   (npm run bench -- --server [options])
  --sizes 100000,1000000,10000000   stored events to measure at (grown in place, smallest first)
  --drivers pglite,pg               which stores (pg: DATABASE_URL, else a throw-away server)
  --pglite-max N                    largest size tried on PGlite (default 1000000: 10 M rows take
                                    longer to generate in the single-threaded WASM build than a run should)
  --samples N                       timed runs of each query (default 20; scans: 5)
  --ingest-seconds N                autocannon duration per store (default 10)
  --port P                          loopback port for the ingestion run (default 4306)
  --help`;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const SIZES = opt('--sizes', '100000,1000000,10000000').split(',').map(Number);
const DRIVERS = opt('--drivers', 'pglite,pg').split(',');
const PGLITE_MAX = Number(opt('--pglite-max', 1_000_000));
const SAMPLES = Number(opt('--samples', 20));
const INGEST_S = Number(opt('--ingest-seconds', 10));
const PORT = Number(opt('--port', process.env.BENCH_SERVER_PORT ?? 4306));
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const svc = await import(join(root, 'build/server/main.mjs')).catch(() => {
  console.error('build/server/main.mjs is missing: run `npm run build` first');
  process.exit(1);
});
const { validateEvent } = await import(join(root, 'dist/cart-upsell.mjs'));
const log = (...a) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s]`, ...a);
const t0 = Date.now();
const TOKEN = 'bench-admin-token-0123456789';
const TZ = 'Asia/Tokyo';

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
async function timed(n, fn) {
  const ms = [];
  await fn(); // warm-up
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  return { p50: round(pct(ms, 50)), p95: round(pct(ms, 95)) };
}

let seq = 0;
const event = (i) => ({
  id: `bench-${process.pid}-${seq}-${i}`, type: i % 6 === 5 ? 'accept' : 'impression', offerId: `offer-${i % 20}`, offerType: 'upsell',
  time: new Date().toISOString(), currency: 'JPY', cartSubtotal: 4200, value: 1100, visitorId: `bv-${seq}`, sessionId: `bs-${seq}`,
  variant: i % 2 ? 'a' : 'b', holdout: i % 10 === 0, items: [{ sku: 'TN-0123-DX', quantity: 1, price: 2420 }],
  page: 'https://shop.example.jp/cart', version: 'bench',
});
const batch = () => {
  seq++;
  return JSON.stringify({ events: Array.from({ length: 10 }, (_, i) => event(i)) });
};

function settings(env) {
  return { ...svc.settingsFromEnv({ ...env, RATE_LIMIT: '0', MAX_PENDING_BATCHES: '100000' }, root), timeZone: TZ };
}

async function ingestion(db, env) {
  const app = await svc.buildApp({ db, settings: settings(env), adminToken: TOKEN, validateEvent });
  await app.listen({ port: PORT, host: '127.0.0.1' });
  const r = await autocannon({
    url: `http://127.0.0.1:${PORT}/events`,
    connections: 10,
    duration: INGEST_S,
    requests: [{ method: 'POST', headers: { 'content-type': 'text/plain' }, setupRequest: (req) => ({ ...req, body: batch() }) }],
  });
  await app.close();
  const ok = r['2xx'];
  return { eventsPerS: round((ok * 10) / INGEST_S, 0), requestsPerS: round(ok / INGEST_S, 0), p50ms: r.latency.p50, p99ms: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
}

// The same requests with storage replaced by nothing: what HTTP, parsing and validation cost alone.
const noDb = {
  driver: 'pglite',
  query: async () => ({ rows: [] }),
  transaction: async () => 10,
  close: async () => {},
};

// Events spread over 2026 (one a ~3 s), 20 offers, two copies, 10 % holdout, five visits a visitor,
// with a payload like the widget's; rows [from, to).
const GENERATE = `
insert into events (id, type, time, offer_id, offer_type, variant, holdout, visitor_id, session_id, currency, cart_subtotal, value, payload)
select id, type, time, offer_id, offer_type, variant, holdout, visitor_id, session_id, 'JPY', cart_subtotal, value,
  jsonb_build_object('id', id, 'type', type, 'offerId', offer_id, 'offerType', offer_type, 'time', time, 'currency', 'JPY',
    'cartSubtotal', cart_subtotal, 'value', value, 'visitorId', visitor_id, 'sessionId', session_id, 'variant', variant,
    'holdout', holdout, 'items', jsonb_build_array(jsonb_build_object('sku', 'TN-0123-DX', 'quantity', 1, 'price', value)),
    'page', 'https://shop.example.jp/cart', 'version', 'bench')
from (
  select 'gen-' || g as id,
    (array['impression','impression','impression','impression','impression','impression','accept','decline','dismiss','accept-failed'])[1 + (g * 7919) % 10] as type,
    timestamptz '2026-01-01 00:00:00+09' + ((g * 104729) % 31536000) * interval '1 second' as time,
    'offer-' || (g % 20) as offer_id,
    (array['upsell','cross-sell','bundle','volume','free-shipping'])[1 + (g % 20) % 5] as offer_type,
    case when g % 3 = 0 then null else (array['a','b'])[1 + (g / 3) % 2] end as variant,
    (g / 5) % 10 = 0 as holdout,
    'v-' || (g / 5) as visitor_id, 's-' || (g / 5) as session_id,
    3000 + (g % 7000) as cart_subtotal, 500 + (g % 2000) as value
  from generate_series($1::bigint, $2::bigint - 1) g
) x`;

async function grow(db, from, to) {
  const chunk = 500_000;
  for (let a = from; a < to; a += chunk) {
    const b = Math.min(to, a + chunk);
    await db.transaction((tx) => tx.query(GENERATE, [a, b]));
    log(`  ${b.toLocaleString()} events`);
  }
  await db.transaction((tx) => svc.rebuildRollups(tx, TZ));
  // Lift and attribution read their own per-visitor tables, kept on ingest; bulk-loaded rows need them built.
  await db.transaction((tx) => svc.rebuildLift(tx));
  for (const t of ['events', 'rollup_daily', 'lift_exposures', 'lift_orders', 'lift_views', 'lift_answers']) await db.query(`analyze ${t}`);
}

const RANGE = 'from=2026-06-01&to=2026-06-30';
const QUERIES = {
  totals: `/results/totals?${RANGE}`,
  series: `/results/series?${RANGE}`,
  offers: `/results/offers?${RANGE}`,
  variants: `/results/variants?${RANGE}`,
  'series, whole year': '/results/series?from=2026-01-01&to=2026-12-31',
  lift: `/results/lift?${RANGE}`,
  'lift series': `/results/lift/series?${RANGE}`,
  attribution: `/results/attribution?${RANGE}`,
};
const FULL_SCAN = `select holdout, type, count(*), sum(value) from events group by 1, 2`;
const RAW_RANGE = `select holdout, type, count(*), sum(value) from events
  where time >= '2026-06-01 00:00:00+09' and time < '2026-07-01 00:00:00+09' group by 1, 2`;

async function atSize(db, app, size) {
  const out = { size, queries: {} };
  const scan = await timed(Math.max(3, Math.min(5, SAMPLES)), () => db.query(FULL_SCAN));
  const raw = await timed(Math.max(3, Math.min(5, SAMPLES)), () => db.query(RAW_RANGE));
  out.fullScan = scan;
  out.rawRange30d = raw;
  for (const [name, url] of Object.entries(QUERIES)) {
    const q = await timed(SAMPLES, async () => {
      const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TOKEN}` } });
      if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    });
    out.queries[name] = { ...q, vsFullScan: round(q.p95 / scan.p95, 4) };
  }
  // Storing one widget batch (10 new events, with its rollups) as the table grows.
  const store = await timed(SAMPLES, () => svc.storeEvents(db, JSON.parse(batch()).events, TZ));
  out.storeBatch = { ...store, vsFullScan: round(store.p95 / scan.p95, 4) };
  log(`  ${size.toLocaleString()}: full scan p95 ${scan.p95} ms, 30-day raw ${raw.p95} ms, totals ${out.queries.totals.p95} ms, store ${store.p95} ms`);
  return out;
}

async function runDriver(driver) {
  let pgServer = null;
  let dir = null;
  let env;
  if (driver === 'pg') {
    let url = process.env.DATABASE_URL;
    if (!url) {
      pgServer = await startPostgres({ shared_buffers: '256MB', max_wal_size: '4GB', work_mem: '64MB' });
      url = pgServer.url;
    }
    env = { DATABASE_URL: url };
  } else {
    dir = mkdtempSync(join(tmpdir(), 'cart-upsell-bench-'));
    env = { DATA_DIR: dir };
  }
  const result = { driver, sizes: [] };
  try {
    log(`${driver}: ingestion`);
    const open = () => svc.openDb(driver === 'pg' ? { DATABASE_URL: env.DATABASE_URL } : { DATA_DIR: dir });
    let db = await open();
    await svc.useTimeZone(db, TZ);
    if (driver === 'pg') await db.query('truncate events, rollup_daily, lift_exposures, lift_orders, lift_views, lift_answers');
    result.ingestion = await ingestion(db, env);
    result.ingestionWithoutDb = await ingestion(noDb, env);
    result.ingestion.vsWithoutDb = round(result.ingestion.eventsPerS / result.ingestionWithoutDb.eventsPerS, 3);
    log(`  ${result.ingestion.eventsPerS} events/s stored; ${result.ingestionWithoutDb.eventsPerS} without a database`);
    await db.query('truncate events, rollup_daily, lift_exposures, lift_orders, lift_views, lift_answers');
    const app = await svc.buildApp({ db, settings: settings(env), adminToken: TOKEN, validateEvent });
    let have = 0;
    for (const size of SIZES) {
      if (driver === 'pglite' && size > PGLITE_MAX) {
        result.skipped = `sizes above ${PGLITE_MAX.toLocaleString()} (--pglite-max)`;
        break;
      }
      log(`${driver}: growing to ${size.toLocaleString()} events`);
      await grow(db, have, size);
      have = size;
      result.sizes.push(await atSize(db, app, size));
    }
    await app.close();
    await db.close();
  } finally {
    if (pgServer) pgServer.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  return result;
}

const results = { date: new Date().toISOString(), machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadavg: loadavg().map((x) => round(x, 1)) }, drivers: [] };
for (const d of DRIVERS) results.drivers.push(await runDriver(d));
results.loadavgAfter = loadavg().map((x) => round(x, 1));
writeFileSync(join(root, 'bench/server-results.json'), JSON.stringify(results, null, 2) + '\n');

// Markdown for the README.
const rows = ['### Results service', '', `Machine: ${results.machine.cpus} × ${results.machine.cpu}, load average ${results.machine.loadavg.join(' / ')} at the start.`, ''];
rows.push('| store | events/s stored (10-event batches, 10 connections) | without a database | ratio | p50 / p99 latency (ms) |', '| --- | --- | --- | --- | --- |');
for (const d of results.drivers) {
  rows.push(`| ${d.driver} | ${d.ingestion.eventsPerS.toLocaleString()} | ${d.ingestionWithoutDb.eventsPerS.toLocaleString()} | ${d.ingestion.vsWithoutDb} | ${d.ingestion.p50ms} / ${d.ingestion.p99ms} |`);
}
rows.push('', '| store | events | full scan p95 (ms) | 30-day raw read p95 (ms) | totals | series | offers | variants | series, whole year | lift | lift series | attribution | store a batch | (each: p95 ms, ratio to the full scan) |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const d of results.drivers) {
  for (const s of d.sizes) {
    const q = (x) => `${x.p95} (${x.vsFullScan})`;
    rows.push(`| ${d.driver} | ${s.size.toLocaleString()} | ${s.fullScan.p95} | ${s.rawRange30d.p95} | ${q(s.queries.totals)} | ${q(s.queries.series)} | ${q(s.queries.offers)} | ${q(s.queries.variants)} | ${q(s.queries['series, whole year'])} | ${q(s.queries.lift)} | ${q(s.queries['lift series'])} | ${q(s.queries.attribution)} | ${q(s.storeBatch)} | |`);
  }
  if (d.skipped) rows.push(`| ${d.driver} | ${d.skipped}: not measured | | | | | | | | | | | | |`);
}
console.log(rows.join('\n'));
