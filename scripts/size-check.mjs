#!/usr/bin/env node
// Size budget for the files a shop loads. Fails when a file is over its gzip budget, and shows
// where the bytes go (per source file and per package, from the build's source map) so anyone
// can see what to trim. `--top N` changes how many contributors are listed (default 12).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// The file every page loads (config, cart reading, offer engine, events) has a 22 KB budget: 20 KB
// plus room for the config check speaking Japanese to merchants whose config says "locale": "ja"
// and warning about ids a platform's "yes" needs (measured 19.81 → 21.37 KB gzip in one build:
// Japanese text compresses poorly), and 2 KB more for the generic build's seven platforms (the
// presets, detection and request patterns of カラーミーショップ, MakeShop, futureshop and Magento
// joined Shopify, WooCommerce and EC-CUBE: 21.95 → 23.26 KB gzip in one build). A tailored build
// (below) carries only its shop's platform and leaves the config check out.
// Plus 1.5 KB (1 KB on a tailored core) for delivery that loses nothing: one stored key per
// event drained under a Web Locks lock, back-off that keeps to 429/503 and a stored Retry-After,
// one send per event on leaving, a JSON writer for pages that break JSON.stringify, page-path
// scrubbing, the Trusted Types policy (measured +1.6 KB core, +1.0 KB tailored core).
// The prompt file (Preact prompts + cart actions) loads only when something is to be shown; it
// has a budget of its own so it cannot grow unnoticed either.
// Browser targets (no polyfills shipped for anything older): Chrome/Edge 90+, Firefox 101+,
// Safari 16.4+ — the widget relies on constructable stylesheets and <dialog>.
const out = process.env.CART_UPSELL_OUT ?? 'dist';
const files = [
  // 26 KB: the attention budget (one prompt on a phone, on-screen prompts keep their place),
  // start-up that waits for the cart to be drawn, and the keep-clear list for overlays: +0.6 KB gzip.
  // 26.5 KB: the sum of the changes above measured together in one build (25.99 KB gzip).
  // 27 KB: the start-up cut into short tasks (scheduler.yield / idle callbacks, +0.11 KB) next to
  // the platform changes it was measured with (26.53 KB gzip in one build).
  // 28 KB: every console message a merchant reads (config loading, cart reading, delivery, orders)
  // also in Japanese when the config says "locale": "ja" (25.99 → 26.93 KB gzip alone; 27.45 KB
  // gzip with the changes above in one build).
  // 28.5 KB: the order-complete page's own order, and readCart keeping the page's plan between reads
  // and reading plain price cells natively (27.78 → 28.14 KB gzip in one build, both together).
  { file: `${out}/cart-upsell.js`, budget: 28.5 * 1024, aim: 15 * 1024 },
  // 19 KB: besides the prompts it carries the cart actions, which read the platform's cart before and
  // after a change and undo a half-done one (~3 KB gzip for three platforms). It still loads only
  // when a decision has something to show, never on a plain page view.
  // 19.5 KB since overlays keep off the page's checkout button and total (placement check on
  // scroll), and prices say 税込 and the upgrade shows its price: 19.0 → 19.2 KB gzip.
  // 20 KB: the changes above measured together in one build (19.67 KB gzip).
  // 20.5 KB: "yes" on Magento 2 through its own cart routes (src/actions/magento.ts) instead of the
  // product page: 19.80 → 20.20 KB gzip in one build. A tailored build carries only its shop's adapter.
  // 21.5 KB: before an offer shows a price, the platform's own price where it publishes one (Shopify's
  // /products/{handle}.js, WooCommerce's Store API products/{id}), and the console messages in
  // Japanese (19.67 → 20.58 KB gzip in one build for both, before Magento's "yes").
  // 18 KB: each platform's cart actions moved out of the prompt file into a file of their own,
  // fetched only on that platform (src/actions/load.script.ts): 21.23 → 17.62 KB gzip in one build.
  // 18.5 KB: EC-CUBE's price read from its product page before an offer shows (eccube.classCategories,
  // only what the cart's offers would add, one request per URL, at most 6): 17.62 → 18.03 KB gzip in one build.
  // 18.75 KB: a card's first drawing made shorter at 4× CPU — digit grouping without a look-ahead
  // expression, lazy product images, each URL checked once: 18.42 → 18.52 KB gzip in one build.
  { file: `${out}/cart-upsell-ui.js`, budget: 18.75 * 1024, aim: 14 * 1024 },
  // One platform's cart actions (the adapter and the cart-API helpers it uses): 2.29–3.06 KB gzip.
  ...['shopify', 'woocommerce', 'eccube', 'magento'].map((p) => ({ file: `${out}/cart-upsell-actions-${p}.js`, budget: 3.5 * 1024, aim: 3 * 1024, besides: true })),
];
// Each sample shop's tailored build (`cart-upsell build`, written by `npm run build` into
// <out>/shops/<id>/): only the code its config uses, the config inlined. The aim is a page with a
// prompt at 12 KB gzip with a 6 KB core; the budgets hold what is reached today (see the README,
// "Size budget", for where the rest goes) so it cannot grow back unnoticed. The core's 16.5 KB
// include reading cart-level discounts (subtotal after coupons on every platform) and the SKU
// labels of every language: 15.96 → 16.09 KB gzip for the Dawn sample in one build; 17.5 KB since the
// attention budget and the start-up that waits for the cart (16.5 → 17.2 KB for Dawn); 19 KB and
// 15.5 KB for the tailored prompt file: everything above measured together in one build (Dawn's
// core 18.58 KB, every sample's prompt file 15.16 KB gzip).
const shopsDir = `${out}/shops`;
const shops = existsSync(shopsDir) ? readdirSync(shopsDir).sort() : [];
const samples = readdirSync('demo/site/shops').filter((id) => existsSync(`demo/site/shops/${id}/cart-upsell.json`));
const missing = samples.filter((id) => !shops.includes(id));
if (missing.length && import.meta.url === `file://${process.argv[1]}`) {
  console.error(`no tailored build for the sample shop(s) ${missing.join(', ')} in ${shopsDir}/: run \`npm run build\` (it runs scripts/build-shops.mjs).`);
  process.exit(1);
}
for (const id of shops) {
  files.push(
    // 20 KB: the console messages in Japanese too (Dawn's core 18.58 → 19.50 KB gzip in one build).
    // 20.5 KB: the order-complete page's own order read and sent (Dawn's core 19.92 → 20.05 KB gzip
    // in one build; a shop's tailored core carries the check even where its platform prints no order),
    // then readCart within 3× of the bare reads (plan kept between reads, plain price cells read
    // natively: 20.05 → 20.27 KB gzip).
    // 20.75 KB: a long cart read a slice at a time, at start and on every change, with a read that
    // outlasts the page's changes finished before the next (Dawn's core 20.29 → 20.52 KB gzip in one
    // build; a 2,000-line cart's re-read held the page 130 ms at 4× CPU, now 34 ms at most).
    { file: `${shopsDir}/${id}/cart-upsell.js`, budget: 20.75 * 1024, aim: 6 * 1024, shop: id },
    // 16 KB: the platform's price before an offer shows and Magento's "yes" measured together (15.50 KB gzip).
    // 16.5 KB: no layout forced in the widget's tasks (placement read from an IntersectionObserver's
    // report): 15.65 → 15.73 KB gzip; a first render cut into one prompt per task took it to 16.06 KB
    // and may come back once its end-to-end tests hold.
    { file: `${shopsDir}/${id}/cart-upsell-ui.js`, budget: 16.5 * 1024, aim: 6 * 1024, shop: id },
  );
}
// A page with a prompt on a sample shop's tailored build loads both of its files: 36.5 KB gzip holds
// what is reached (Dawn 35.94 KB in one build, with the order-complete pages' reading), so neither
// file can grow into the other's margin unnoticed. The aim is 12 KB (see the README for the gap).
// 36.75 KB: the long cart's slices above (Dawn 36.32 → 36.55 KB in one build).
const PAGE_BUDGET = 36.75 * 1024;
const topArg = process.argv.indexOf('--top');
const top = topArg > 0 ? Number(process.argv[topArg + 1]) : 12;
const kb = (n) => (n / 1024).toFixed(2) + ' KB';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUE = new Map([...B64].map((c, i) => [c, i]));

/** Decodes one source-map segment (base64 VLQ) into its numbers. */
function decodeSegment(seg) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const c of seg) {
    const digit = B64_VALUE.get(c);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/**
 * Output bytes per source file: each mapped span (from one segment to the next on the same
 * generated line) is charged to its segment's source; unmapped spans (the IIFE wrapper,
 * helpers the bundler adds, punctuation the minifier left unmapped) go to "(unmapped)". Counts UTF-16 columns, as source maps do.
 */
export function bytesPerSource(code, map) {
  const lines = code.split('\n');
  const perSource = new Map();
  const add = (name, n) => n > 0 && perSource.set(name, (perSource.get(name) ?? 0) + n);
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    const text = lines[i] ?? '';
    let col = 0;
    const spans = [];
    for (const seg of line ? line.split(',') : []) {
      const v = decodeSegment(seg);
      col += v[0];
      if (v.length >= 4) {
        source += v[1];
        spans.push([col, map.sources[source]]);
      } else spans.push([col, null]);
    }
    add('(unmapped)', spans.length ? spans[0][0] : text.length);
    spans.forEach(([start, name], k) => {
      const end = k + 1 < spans.length ? spans[k + 1][0] : text.length;
      add(name ? tidy(name) : '(unmapped)', end - start);
    });
    add('(unmapped)', 1); // the newline
  });
  return perSource;
}

/** A lookup from a generated (line, column), both 0-based, to the source file it came from. */
export function sourceAt(map) {
  const byLine = [];
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    let col = 0;
    const segs = (byLine[i] = []);
    for (const seg of line ? line.split(',') : []) {
      const v = decodeSegment(seg);
      col += v[0];
      if (v.length >= 4) source += v[1];
      segs.push([col, v.length >= 4 ? tidy(map.sources[source]) : '(unmapped)']);
    }
  });
  return (line, col) => {
    const segs = byLine[line] ?? [];
    let found = '(unmapped)';
    for (const [c, name] of segs) {
      if (c > col) break;
      found = name;
    }
    return found;
  };
}

/** "../../x/node_modules/preact/dist/preact.mjs" → "preact/dist/preact.mjs"; our files from src/. */
function tidy(name) {
  const nm = name.lastIndexOf('node_modules/');
  if (nm >= 0) return name.slice(nm + 'node_modules/'.length);
  const src = name.lastIndexOf('src/');
  return src >= 0 ? name.slice(src) : name;
}

/** Package (node_modules) or our own folder (src/offers, …). */
function group(name) {
  if (name.startsWith('src/'))
    return name
      .split('/')
      .slice(0, name.split('/').length > 2 ? 2 : 1)
      .join('/');
  if (name.startsWith('(')) return name;
  const parts = name.split('/');
  return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
}

function report(file, code, gz) {
  const mapFile = `${file}.map`;
  if (!existsSync(mapFile)) return;
  const per = bytesPerSource(code, JSON.parse(readFileSync(mapFile, 'utf8')));
  const total = [...per.values()].reduce((a, b) => a + b, 0);
  // The gzip figure per entry is its share of the raw bytes applied to the file's gzip size:
  // an estimate (compression is not additive), good enough to rank where bytes go.
  const row = ([name, n]) => `    ${name.padEnd(44)} ${String(n).padStart(7)} B  ${((n / total) * 100).toFixed(1).padStart(5)} %  ~${kb((n / total) * gz)} gzip`;
  const groups = new Map();
  for (const [name, n] of per) groups.set(group(name), (groups.get(group(name)) ?? 0) + n);
  console.log('  by package / folder:');
  for (const g of [...groups].sort((a, b) => b[1] - a[1])) console.log(row(g));
  console.log(`  top ${top} source files:`);
  for (const f of [...per].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(row(f));
}

const main = import.meta.url === `file://${process.argv[1]}`;
let ok = true;
/** gzip bytes of a page with a prompt (both files), per build: '' is the generic one. */
const pages = new Map();
const brief = process.argv.includes('--brief');
// Imported (the benchmark uses sourceAt), it only lends its helpers.
for (const { file, budget, aim, shop = '', besides = false } of main ? files : []) {
  const src = readFileSync(file);
  const gz = gzipSync(src, { level: 9 }).length;
  const br = brotliCompressSync(src, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  // A platform's cart actions load only for a "yes" on that platform: not part of every prompt.
  if (!besides) pages.set(shop, (pages.get(shop) ?? 0) + gz);
  const within = gz <= budget;
  ok &&= within;
  console.log(
    `${file}: ${kb(src.length)} raw, ${kb(gz)} gzip, ${kb(br)} brotli — budget ${kb(budget)} gzip (aim ${kb(aim)}): ${within ? 'within' : 'OVER'}, ${((gz / budget) * 100).toFixed(0)} % used`,
  );
  if (brief) continue;
  try {
    report(file, src.toString('utf8'), gz);
  } catch (err) {
    // The breakdown is a help, never a reason to fail the budget check.
    console.log(`  (no breakdown: ${err.message})`);
  }
}
if (main) {
  console.log(`\na page with a prompt loads both files (gzip; aim for a tailored build: 12 KB):`);
  for (const [shop, n] of pages) {
    const over = shop && n > PAGE_BUDGET;
    ok &&= !over;
    console.log(`  ${(shop ? `shop "${shop}", tailored` : 'generic build').padEnd(28)} ${kb(n)}${shop ? ` — budget ${kb(PAGE_BUDGET)}: ${over ? 'OVER' : 'within'}` : ''}`);
  }
  process.exit(ok ? 0 : 1);
}
