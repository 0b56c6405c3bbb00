#!/usr/bin/env node
// The demo server: serves the start page, the sample shops, the built widget and the test
// fixtures, and mounts the reference event collector at /events and /stats.
// A file `page.html.headers.json` beside a page adds response headers to it (e.g. a strict CSP).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = process.argv.slice(2);
const argValue = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const port = Number(argValue('--port', process.env.PORT ?? 5173));
const host = argValue('--host', '127.0.0.1');
const quiet = args.includes('--quiet');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};
// Only these folders are served; nothing else of the checkout is reachable.
const served = ['dist', 'demo', 'docs', 'test/fixtures', 'e2e/pages'];

let collector = null;
const collectorPath = join(root, 'demo/collector/collector.mjs');
const widgetModule = join(process.env.CART_UPSELL_OUT ? resolve(process.env.CART_UPSELL_OUT) : join(root, 'dist'), 'cart-upsell.mjs');
if (existsSync(collectorPath) && existsSync(widgetModule)) {
  const mod = await import(pathToFileURL(collectorPath).href);
  // The collector checks events with the widget's own validator, from the built module.
  const { validateEvent } = await import(pathToFileURL(widgetModule).href);
  collector = mod.createCollector({ dataDir: process.env.COLLECTOR_DIR ?? join(root, 'demo/collector/data'), validate: validateEvent });
}

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'cache-control': 'no-store', ...headers });
  res.end(body);
}

const server = createServer(async (req, res) => {
  try {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? 'localhost'}`);
    if (url.pathname === '/healthz') return send(res, 200, 'ok', { 'content-type': 'text/plain' });
    if (collector && (await collector(req, res, url))) return;
    let path = decodeURIComponent(url.pathname);
    if (path === '/') path = '/index.html';
    if (path.endsWith('/')) path += 'index.html';
    const rel = normalize(path).replace(/^([/\\])+/, '');
    const allowed = rel === 'index.html' || served.some((dir) => rel === dir || rel.startsWith(dir + '/'));
    // CART_UPSELL_OUT: a build folder other than dist/, served as /dist/.
    const file = rel.startsWith('dist/') && process.env.CART_UPSELL_OUT
      ? join(resolve(process.env.CART_UPSELL_OUT), rel.slice(5))
      : join(root, rel);
    if (!allowed ||  !existsSync(file) || !statSync(file).isFile()) {
      return send(res, 404, 'not found', { 'content-type': 'text/plain' });
    }
    const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
    if (existsSync(file + '.headers.json')) Object.assign(headers, JSON.parse(readFileSync(file + '.headers.json', 'utf8')));
    send(res, 200, readFileSync(file), headers);
  } catch (err) {
    send(res, 500, String(err), { 'content-type': 'text/plain' });
  }
});

server.listen(port, host, () => {
  if (!quiet) {
    console.log(`cart-upsell demo: http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
    if (!existsSync(join(root, 'dist/cart-upsell.js'))) console.log('(dist/ is missing: run `npm run build` first)');
  }
});
