#!/usr/bin/env node
// The results service under load (`npm run bench -- --server`, or `node bench/server.mjs`):
//   1. ingestion: POST /events batches of 10 new events on loopback with autocannon, events/s,
//      beside the same requests answered without a database (parse, validate, clean only);
//   2. at 100 k, 1 M and 10 M stored events (bulk-generated in SQL: INSERT … SELECT over
//      generate_series with the indexes dropped and rebuilt, rollups rebuilt in one statement),
//      the p95 of every dashboard query (through the HTTP routes, in process) and of storing a
//      10-event batch, each as a ratio to a full scan of the same events;
// for a PostgreSQL server (DATABASE_URL, else a throw-away one from scripts/postgres.mjs) and the
// embedded PGlite. Needs `npm run build` (build/server/main.mjs). Writes bench/server-results.json
// after every size (a run that stops keeps what it measured) and prints the README's tables.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPostgres } from '../scripts/postgres.mjs';

const HELP = `node bench/server.mjs [options]   (npm run bench -- --server [options])
  --sizes 100000,1000000,10000000   stored events to measure at (grown in place, smallest first;
                                    --sizes 0: ingestion only)
  --drivers pg,pglite               which stores (pg: DATABASE_URL, else a throw-away server)
  --budget-minutes N                per store: a size whose growth would end past this many minutes
                                    from the store's start (at the rate measured so far) is not
                                    started, and the results say so (default 75)
  --samples N                       timed runs of each results query (default 20)
  --scan-samples N                  timed full scans and raw range reads (default 5; 3 past 1 M)
  --lift-samples N                  timed runs of the lift and attribution routes (default 3)
  --ingest-seconds N                autocannon duration per store (default 10)
  --port P                          loopback port for the ingestion run (default 4306)
  --out FILE                        where the JSON goes (default bench/server-results.json)
  --markdown FILE                   print the tables of an earlier run's JSON and stop
  --help`;

const args = process.argv.slice(2);
if (args.includes('--help')) {
  console.log(HELP);
  process.exit(0);
}
const opt = (name, d) => (args.includes(name) ? args[args.indexOf(name) + 1] : d);
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const round = (x, d = 2) => Math.round(x * 10 ** d) / 10 ** d;

if (args.includes('--markdown')) {
  const { readFileSync } = await import('node:fs');
  console.log(markdown(JSON.parse(readFileSync(opt('--markdown'), 'utf8'))));
  process.exit(0);
}

const SIZES = opt('--sizes', '100000,1000000,10000000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0);
const DRIVERS = opt('--drivers', 'pg,pglite').split(',');
const BUDGET_MS = Number(opt('--budget-minutes', 75)) * 60_000;
const SAMPLES = Number(opt('--samples', 20));
const SCAN_SAMPLES = opt('--scan-samples') === undefined ? undefined : Number(opt('--scan-samples'));
const LIFT_SAMPLES = Number(opt('--lift-samples', 3));
const INGEST_S = Number(opt('--ingest-seconds', 10));
const PORT = Number(opt('--port', process.env.BENCH_SERVER_PORT ?? 4306));
const OUT = resolve(opt('--out', join(root, 'bench/server-results.json')));
const svc = await import(join(root, 'build/server/main.mjs')).catch(() => {
  console.error('build/server/main.mjs is missing: run `npm run build` first');
  process.exit(1);
});
const { validateEvent } = await import(join(root, 'dist/cart-upsell.mjs'));
const t0 = Date.now();
const log = (...a) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0)}s]`, ...a);
const TOKEN = 'bench-admin-token-0123456789';
const TZ = 'Asia/Tokyo';

const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
async function timed(n, fn, warmUp = true) {
  const ms = [];
  if (warmUp) await fn();
  for (let i = 0; i < n; i++) {
    const s = performance.now();
    await fn();
    ms.push(performance.now() - s);
  }
  return { p50: round(pct(ms, 50)), p95: round(pct(ms, 95)), n };
}

let seq = 0;
const event = (i) => ({
  id: `bench-${process.pid}-${seq}-${i}`,
  type: i % 6 === 5 ? 'accept' : 'impression',
  offerId: `offer-${i % 20}`,
  offerType: 'upsell',
  time: new Date().toISOString(),
  currency: 'JPY',
  cartSubtotal: 4200,
  value: 1100,
  visitorId: `bv-${seq}`,
  sessionId: `bs-${seq}`,
  variant: i % 2 ? 'a' : 'b',
  holdout: i % 10 === 0,
  items: [{ sku: 'TN-0123-DX', quantity: 1, price: 2420 }],
  page: 'https://shop.example.jp/cart',
  version: 'bench',
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
  transaction: async () => new Set(),
  close: async () => {},
};

// Events spread over 2026 (one every ~3 s at 10 M), 20 offers of five types, two copies on two
// offers in three, 10 % of visitors in the holdout, five events a visitor, one event in twenty an
// order; a payload like the widget's. Rows [from, to).
const GENERATE = `
insert into events (id, type, time, offer_id, offer_type, variant, holdout, visitor_id, session_id, currency,
                    cart_subtotal, value, order_id, order_total, payload)
select id, type, time, offer_id, offer_type, variant, holdout, visitor_id, session_id, 'JPY', cart_subtotal, value,
  order_id, order_total,
  case when type = 'order' then
    jsonb_build_object('id', id, 'type', type, 'time', time, 'currency', 'JPY', 'visitorId', visitor_id,
      'sessionId', session_id, 'orderId', order_id, 'total', order_total, 'holdout', holdout,
      'items', jsonb_build_array(jsonb_build_object('sku', 'TN-0123-DX', 'id', '4410', 'quantity', 1, 'price', order_total)),
      'page', 'https://shop.example.jp/checkout/complete', 'version', 'bench')
  else
    jsonb_build_object('id', id, 'type', type, 'offerId', offer_id, 'offerType', offer_type, 'time', time, 'currency', 'JPY',
      'cartSubtotal', cart_subtotal, 'value', value, 'visitorId', visitor_id, 'sessionId', session_id, 'variant', variant,
      'holdout', holdout, 'items', jsonb_build_array(jsonb_build_object('sku', 'TN-0123-DX', 'quantity', 1, 'price', value)),
      'page', 'https://shop.example.jp/cart', 'version', 'bench')
  end
from (
  select id, type, time, visitor_id, session_id, holdout,
    case when type = 'order' then null else offer_id end as offer_id,
    case when type = 'order' then null else offer_type end as offer_type,
    case when type = 'order' then null else variant end as variant,
    case when type = 'order' then null else cart_subtotal end as cart_subtotal,
    case when type = 'order' then null else value end as value,
    case when type = 'order' then 'o-' || g end as order_id,
    case when type = 'order' then cart_subtotal + value end as order_total
  from (
    select g, 'gen-' || g as id,
      (array['impression','impression','impression','impression','impression','impression','impression','impression',
             'impression','impression','impression','impression','accept','accept','decline','decline','dismiss',
             'accept-failed','order','impression'])[1 + (g * 7919) % 20] as type,
      timestamptz '2026-01-01 00:00:00+09' + ((g * 104729) % 31536000) * interval '1 second' as time,
      'offer-' || (g % 20) as offer_id,
      (array['upsell','cross-sell','bundle','volume','free-shipping'])[1 + (g % 20) % 5] as offer_type,
      case when g % 3 = 0 then null else (array['a','b'])[1 + (g / 3) % 2] end as variant,
      (g / 5) % 10 = 0 as holdout,
      'v-' || (g / 5) as visitor_id, 's-' || (g / 5) as session_id,
      3000 + (g % 7000) as cart_subtotal, 500 + (g % 2000) as value
    from generate_series($1::bigint, $2::bigint - 1) g
  ) raw
) x`;

const LIFT_TABLES = ['lift_exposures', 'lift_orders', 'lift_views', 'lift_answers'];

/** Runs `load` with the events table's indexes dropped, then builds them again (sorted, in bulk). */
async function withoutIndexes(db, load) {
  const { rows: cons } = await db.query(`select conname, pg_get_constraintdef(oid) as def from pg_constraint where conrelid = 'events'::regclass and contype in ('p', 'u')`);
  const { rows: idx } = await db.query(
    `select indexname, indexdef from pg_indexes where tablename = 'events'
     and indexname not in (select conname from pg_constraint where conrelid = 'events'::regclass)`,
  );
  for (const i of idx) await db.query(`drop index ${i.indexname}`);
  for (const c of cons) await db.query(`alter table events drop constraint ${c.conname}`);
  await load();
  const s = performance.now();
  for (const c of cons) await db.query(`alter table events add constraint ${c.conname} ${c.def}`);
  for (const i of idx) await db.query(i.indexdef);
  return performance.now() - s;
}

async function grow(db, from, to) {
  const chunk = db.driver === 'pg' ? 1_000_000 : 250_000;
  const started = performance.now();
  await db.query(`set maintenance_work_mem = '${db.driver === 'pg' ? '1GB' : '256MB'}'`).catch(() => {});
  let insertMs = 0;
  const indexMs = await withoutIndexes(db, async () => {
    for (let a = from; a < to; a += chunk) {
      const b = Math.min(to, a + chunk);
      const s = performance.now();
      await db.transaction((tx) => tx.query(GENERATE, [a, b]));
      insertMs += performance.now() - s;
      log(`  ${b.toLocaleString()} events (${Math.round((b - a) / ((performance.now() - s) / 1000)).toLocaleString()} rows/s)`);
      // PGlite runs on this thread: a turn of the event loop lets a Ctrl-C be handled between chunks.
      await new Promise((r) => setImmediate(r));
    }
  });
  const r = performance.now();
  await db.transaction((tx) => svc.rebuildRollups(tx, TZ));
  // Lift and attribution read their own per-visitor tables, kept on ingest; bulk-loaded rows need them built.
  await db.transaction((tx) => svc.rebuildLift(tx));
  const rollupMs = performance.now() - r;
  for (const t of ['events', 'rollup_daily', ...LIFT_TABLES]) await db.query(`analyze ${t}`);
  const { rows } = await db.query(`select pg_total_relation_size('events')::bigint as bytes, (select count(*) from rollup_daily)::bigint as rollup_rows`);
  const load = {
    rows: to - from,
    seconds: round((performance.now() - started) / 1000, 1),
    insertRowsPerS: Math.round((to - from) / (insertMs / 1000)),
    indexSeconds: round(indexMs / 1000, 1),
    rollupSeconds: round(rollupMs / 1000, 1),
    tableMB: Math.round(rows[0].bytes / 1e6),
    rollupRows: rows[0].rollup_rows,
  };
  log(`  loaded: ${JSON.stringify(load)}`);
  return load;
}

// June 2026 (30 days), as the dashboard asks by default for the last 30 days.
const RANGE = 'from=2026-06-01&to=2026-06-30';
/** The dashboard's results queries: all read rollup_daily. */
const QUERIES = {
  'totals, shown vs holdout': `/results/totals?${RANGE}`,
  'series by day': `/results/series?${RANGE}`,
  'per offer': `/results/offers?${RANGE}`,
  'per variant': `/results/variants?${RANGE}`,
  'CSV export': `/results/export.csv?${RANGE}`,
  'series, whole year': '/results/series?from=2026-01-01&to=2026-12-31',
};
/** The lift and attribution routes (orders joined to exposures per visitor). */
const LIFT = {
  'lift, shown vs holdout': `/results/lift?${RANGE}`,
  'lift series': `/results/lift/series?${RANGE}`,
  attribution: `/results/attribution?${RANGE}`,
};
const FULL_SCAN = `select holdout, type, count(*), sum(value) from events group by 1, 2`;
const RAW_RANGE = `select holdout, type, count(*), sum(value) from events
  where time >= '2026-06-01 00:00:00+09' and time < '2026-07-01 00:00:00+09' group by 1, 2`;
// A lift route whose p95 passed this at one size is not timed at the next (it would take minutes).
const LIFT_CAP_MS = 20_000;

async function atSize(db, app, size, skipLift) {
  const out = { size, queries: {}, lift: {} };
  const scans = SCAN_SAMPLES ?? (size > 1_000_000 ? 3 : 5);
  const scan = await timed(scans, () => db.query(FULL_SCAN));
  out.fullScan = scan;
  out.rawRange30d = { ...(await timed(scans, () => db.query(RAW_RANGE))) };
  out.rawRange30d.vsFullScan = round(out.rawRange30d.p95 / scan.p95, 4);
  const get = (url) => async () => {
    const r = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${TOKEN}` } });
    if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
  };
  for (const [name, url] of Object.entries(QUERIES)) {
    const q = await timed(SAMPLES, get(url));
    out.queries[name] = { ...q, vsFullScan: round(q.p95 / scan.p95, 4) };
  }
  for (const [name, url] of Object.entries(LIFT)) {
    if (skipLift.has(name)) {
      out.lift[name] = { skipped: `p95 over ${LIFT_CAP_MS / 1000} s at the previous size` };
      continue;
    }
    const q = await timed(LIFT_SAMPLES, get(url), false);
    out.lift[name] = { ...q, vsFullScan: round(q.p95 / scan.p95, 4) };
    if (q.p95 > LIFT_CAP_MS) skipLift.add(name);
  }
  // Storing one widget batch (10 new events, with its rollups) as the table grows.
  const store = await timed(SAMPLES, () => svc.storeEvents(db, JSON.parse(batch()).events, TZ));
  out.storeBatch = { ...store, vsFullScan: round(store.p95 / scan.p95, 4) };
  log(`  ${size.toLocaleString()}: ${JSON.stringify(out)}`);
  return out;
}

async function runDriver(driver, results) {
  let pgServer = null;
  let dir = null;
  let env;
  if (driver === 'pg') {
    let url = process.env.DATABASE_URL;
    if (!url) {
      pgServer = await startPostgres({ shared_buffers: '1GB', max_wal_size: '8GB', work_mem: '64MB', maintenance_work_mem: '1GB', checkpoint_timeout: '30min' });
      url = pgServer.url;
    }
    env = { DATABASE_URL: url };
  } else {
    dir = mkdtempSync(join(tmpdir(), 'cart-upsell-bench-'));
    env = { DATA_DIR: dir };
  }
  const result = { driver, sizes: [], loads: [] };
  results.drivers.push(result);
  const started = Date.now();
  let db = null;
  try {
    log(`${driver}: ingestion`);
    db = await svc.openDb(driver === 'pg' ? { DATABASE_URL: env.DATABASE_URL } : { DATA_DIR: dir });
    if (driver === 'pg') result.server = (await db.query('show server_version')).rows[0].server_version;
    await svc.useTimeZone(db, TZ);
    await db.query(`truncate events, rollup_daily, ${LIFT_TABLES.join(', ')}`);
    result.ingestion = await ingestion(db, env);
    result.ingestionWithoutDb = await ingestion(noDb, env);
    result.ingestion.vsWithoutDb = round(result.ingestion.eventsPerS / result.ingestionWithoutDb.eventsPerS, 3);
    log(`  ${result.ingestion.eventsPerS} events/s stored; ${result.ingestionWithoutDb.eventsPerS} without a database`);
    await db.query(`truncate events, rollup_daily, ${LIFT_TABLES.join(', ')}`);
    const app = await svc.buildApp({ db, settings: settings(env), adminToken: TOKEN, validateEvent });
    let have = 0;
    const grown = { rows: 0, ms: 0 };
    const skipLift = new Set();
    for (const size of SIZES) {
      const elapsed = Date.now() - started;
      // Growth only (insert, index builds, rollups, analyze): what the next size mostly costs.
      const rate = grown.ms ? grown.rows / (grown.ms / 1000) : null;
      if (rate && elapsed + ((size - have) / rate) * 1000 > BUDGET_MS) {
        result.stopped = {
          at: have,
          before: size,
          why: `growing from ${have.toLocaleString()} to ${size.toLocaleString()} events at the ${Math.round(rate).toLocaleString()} rows/s measured so far (${grown.rows.toLocaleString()} rows in ${Math.round(grown.ms / 1000)} s, all steps) would take ~${Math.round((size - have) / rate / 60)} min more, past the ${BUDGET_MS / 60_000} min budget of this store (${Math.round(elapsed / 60_000)} min used)`,
        };
        log(`${driver}: stopped: ${result.stopped.why}`);
        break;
      }
      log(`${driver}: growing to ${size.toLocaleString()} events`);
      onStop = () => {
        result.stopped = {
          at: have,
          before: size,
          why: `stopped by a signal while growing to ${size.toLocaleString()} events, after ${Math.round((Date.now() - started) / 60_000)} min on this store`,
        };
      };
      const g = performance.now();
      try {
        result.loads.push({ size, ...(await grow(db, have, size)) });
      } catch (err) {
        result.stopped = { at: have, before: size, why: `growing to ${size.toLocaleString()} failed after ${Math.round((performance.now() - g) / 1000)} s: ${err.message}` };
        log(`${driver}: stopped: ${result.stopped.why}`);
        break;
      }
      grown.rows += size - have;
      grown.ms += performance.now() - g;
      have = size;
      result.sizes.push(await atSize(db, app, size, skipLift));
      save(results);
    }
    await app.close();
  } catch (err) {
    result.error = String(err?.stack ?? err);
    log(`${driver}: ${result.error}`);
  } finally {
    result.minutes = round((Date.now() - started) / 60_000, 1);
    await db?.close().catch(() => {});
    if (pgServer) pgServer.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
    save(results);
  }
}

// Stopped by hand (Ctrl-C, kill): what was measured is kept, with where it stopped.
let onStop = () => {};
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    onStop();
    results.minutes = round((Date.now() - t0) / 60_000, 1);
    save(results);
    process.exit(130);
  });
}

function save(results) {
  results.loadavgNow = loadavg().map((x) => round(x, 1));
  writeFileSync(OUT, JSON.stringify(results, null, 2) + '\n');
}

const results = {
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, cpu: cpus()[0]?.model, memoryGB: Math.round(totalmem() / 2 ** 30), loadavg: loadavg().map((x) => round(x, 1)) },
  node: process.version,
  drivers: [],
};
for (const d of DRIVERS) await runDriver(d, results);
results.minutes = round((Date.now() - t0) / 60_000, 1);
save(results);
console.log(markdown(results));

/** The README's tables, from one run's JSON. */
function markdown(results) {
  const name = (d) => (d.driver === 'pg' ? `PostgreSQL ${String(d.server ?? '').split(' ')[0]}`.trim() : 'PGlite');
  const n = (x) => x.toLocaleString('en-US');
  const ms = (x) => (x >= 100 ? n(Math.round(x)) : String(x));
  const cell = (x) => (x?.skipped ? 'not timed' : x ? `${ms(x.p95)} (${x.vsFullScan})` : '—');
  const rows = [
    `One run, ${results.date.slice(0, 16).replace('T', ' ')} UTC, ${results.minutes ?? '?'} min: ${results.machine.cpus} × ${results.machine.cpu}, ${results.machine.memoryGB ?? '?'} GB, Node ${results.node ?? '?'}; load average ${results.machine.loadavg.join(' / ')} at the start, ${(results.loadavgNow ?? []).join(' / ')} at the end.`,
    '',
    '| store | events/s stored (10-event batches, 10 connections) | same requests without a database | ratio | p50 / p99 latency (ms) |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const d of results.drivers) {
    if (!d.ingestion) continue;
    rows.push(`| ${name(d)} | ${n(d.ingestion.eventsPerS)} | ${n(d.ingestionWithoutDb.eventsPerS)} | ${d.ingestion.vsWithoutDb} | ${d.ingestion.p50ms} / ${d.ingestion.p99ms} |`);
  }
  const qs = Object.keys(results.drivers.find((d) => d.sizes.length)?.sizes[0].queries ?? {});
  const ls = Object.keys(results.drivers.find((d) => d.sizes.length)?.sizes[0].lift ?? {});
  rows.push(
    '',
    `p95 in ms, and in brackets as a ratio to the full scan of the same events:`,
    '',
    `| store | stored events | full scan | 30-day raw read | ${qs.join(' | ')} | store a batch |`,
    `| --- | --- | --- | --- | ${qs.map(() => '---').join(' | ')} | --- |`,
  );
  for (const d of results.drivers) {
    for (const s of d.sizes) {
      rows.push(`| ${name(d)} | ${n(s.size)} | ${ms(s.fullScan.p95)} | ${cell(s.rawRange30d)} | ${qs.map((q) => cell(s.queries[q])).join(' | ')} | ${cell(s.storeBatch)} |`);
    }
    if (d.stopped) rows.push(`| ${name(d)} | ${n(d.stopped.before)} | not measured (below) |${' |'.repeat(qs.length + 2)}`);
  }
  for (const d of results.drivers) if (d.stopped) rows.push('', `${name(d)} at ${n(d.stopped.before)} events: ${d.stopped.why}.`);
  rows.push(
    '',
    'The lift and attribution routes, p95 of a few runs in ms, ratio to the full scan in brackets; "not timed" once a p95 passed 20 s at a smaller size:',
    '',
    `| store | stored events | ${ls.join(' | ')} |`,
    `| --- | --- | ${ls.map(() => '---').join(' | ')} |`,
  );
  for (const d of results.drivers) for (const s of d.sizes) rows.push(`| ${name(d)} | ${n(s.size)} | ${ls.map((q) => cell(s.lift[q])).join(' | ')} |`);
  rows.push(
    '',
    'Loading (INSERT … SELECT over generate_series, indexes dropped and rebuilt, then the rollups and the four lift tables rebuilt from the events; seconds is all of it):',
    '',
    '| store | grown to | rows added | seconds | insert rows/s | index build s | rollups + lift tables s | events table MB | rollup rows |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  );
  for (const d of results.drivers)
    for (const l of d.loads ?? [])
      rows.push(`| ${name(d)} | ${n(l.size)} | ${n(l.rows)} | ${l.seconds} | ${n(l.insertRowsPerS)} | ${l.indexSeconds} | ${l.rollupSeconds} | ${n(l.tableMB)} | ${n(l.rollupRows)} |`);
  return rows.join('\n');
}
