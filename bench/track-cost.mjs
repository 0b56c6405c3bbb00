#!/usr/bin/env node
// track() with 300–500 events already queued: the stored queue as one list rewritten on every
// write (the design before one key per event, taken from git) against the current one, in the
// same Chromium, alternating, so the machine's noise hits both alike.
//   node bench/track-cost.mjs [--runs 6] [--base <git commit with the old tracker>]
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { launchOptions } from '../scripts/browser-path.mjs';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const opt = (n, d) => (args.includes(n) ? args[args.indexOf(n) + 1] : d);
const RUNS = Number(opt('--runs', 6));
const BASE = opt('--base', '12503fc');
const tmp = `/tmp/cart-upsell-track-cost-${process.pid}`;

async function lib(srcRoot, name) {
  writeFileSync(join(srcRoot, 'entry.ts'), "export { createTracker } from './src/events/tracker';\nexport { safeStorage } from './src/util/storage';\n");
  await build({
    configFile: false,
    logLevel: 'warn',
    root: srcRoot,
    define: { __VERSION__: '"bench"' },
    build: { outDir: join(tmp, 'out'), emptyOutDir: false, minify: true, lib: { entry: join(srcRoot, 'entry.ts'), formats: ['es'], fileName: () => `${name}.js` } },
  });
}

rmSync(tmp, { recursive: true, force: true });
mkdirSync(join(tmp, 'old'), { recursive: true });
execSync(`git archive ${BASE} src | tar -x -C ${join(tmp, 'old')}`, { cwd: root });
await lib(join(tmp, 'old'), 'before');
await lib(root, 'after');

const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>track cost</title>');
  if (url.pathname.endsWith('.js')) return res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(join(tmp, 'out', url.pathname.slice(1))));
  // The endpoint never answers: every event stays queued.
}).listen(0, '127.0.0.1');
await new Promise((r) => server.once('listening', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch(launchOptions());
const MEASURE = async ({ file, queued, samples }) => {
  const L = await import(file);
  localStorage.clear();
  const storage = L.safeStorage('local');
  const t = L.createTracker({ config: { events: { endpoint: '/never', flushIntervalMs: 60000 } }, visitorId: 'v', sessionId: 's', holdout: false, storage });
  const cart = { currency: 'JPY', items: [], subtotal: 7112 };
  const p = {
    offerId: 'x-yunomi',
    offerType: 'free-shipping',
    value: 440,
    currency: 'JPY',
    items: [
      { sku: 'KO-01', name: '小皿 藍', price: 2200 },
      { sku: 'HG-01', name: '箸置き 桜', price: 440 },
    ],
  };
  for (let i = 0; i < queued; i++) {
    t.track('impression', p, cart);
    if (i % 50 === 49) await new Promise((r) => setTimeout(r));
  }
  const each = [];
  for (let i = 0; i < samples; i++) {
    await new Promise((r) => setTimeout(r));
    // One track() in a task of its own, with the microtasks it queued (the old design wrote the
    // stored queue in one).
    const a = performance.now();
    t.track('impression', p, cart);
    await Promise.resolve();
    each.push(performance.now() - a);
  }
  t.destroy();
  const kb = Math.round(Object.keys(localStorage).reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0) / 1024);
  return { each, kb };
};

const results = { before: [], after: [] };
let kb = {};
for (let run = 0; run < RUNS; run++) {
  for (const name of run % 2 ? ['after', 'before'] : ['before', 'after']) {
    const page = await browser.newPage();
    await page.goto(origin + '/');
    const r = await page.evaluate(MEASURE, { file: `${origin}/${name}.js`, queued: 300 + 40 * (run % 5), samples: 100 });
    results[name].push(...r.each);
    kb[name] = r.kb;
    await page.close();
  }
}
await browser.close();
server.close();
rmSync(tmp, { recursive: true, force: true });

const stat = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return { mean: s.reduce((x, y) => x + y, 0) / s.length, median: s[s.length >> 1], p95: s[Math.floor(s.length * 0.95)] };
};
const b = stat(results.before);
const a = stat(results.after);
const f = (x) => x.toFixed(3);
console.log(`track() with 300–460 events queued, ${RUNS} alternating runs × 100 calls each (ms per call, incl. its microtasks):`);
console.log(`| design | mean | median | p95 | stored |`);
console.log(`| --- | --- | --- | --- | --- |`);
console.log(`| one list, rewritten (${BASE}) | ${f(b.mean)} | ${f(b.median)} | ${f(b.p95)} | ${kb.before} KB |`);
console.log(`| one key per event (now) | ${f(a.mean)} | ${f(a.median)} | ${f(a.p95)} | ${kb.after} KB |`);
console.log(`ratio before/after: mean ${(b.mean / a.mean).toFixed(0)}×, median ${(b.median / a.median).toFixed(0)}×`);
