#!/usr/bin/env node
// `npm start`: the results service (build/server/main.mjs) with the demo mounted — the start page,
// the sample shops, the built widget under /dist/, the test fixtures and e2e pages — in one process.
// A file `page.html.headers.json` beside a page adds response headers to it (e.g. a strict CSP).
// Options: --port (else PORT, else 5173), --host (else HOST, else 127.0.0.1), --quiet.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const service = new URL('../build/server/main.mjs', import.meta.url);
if (!existsSync(fileURLToPath(service))) {
  console.error('cart-upsell: build/server/main.mjs is missing: run `npm run build` first (or `npm start`).');
  process.exit(1);
}
const { startService, stopOnSignals } = await import(service.href);

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const port = argValue('--port');

// The demo's shop config, unless another is given: the dashboard names the offers from it.
const env = { ...process.env, CONFIG_FILE: process.env.CONFIG_FILE || fileURLToPath(new URL('site/shops/wa/cart-upsell.json', import.meta.url)) };

try {
  const s = await startService({
    root,
    env,
    demo: true,
    quiet: args.includes('--quiet'),
    port: port === undefined ? undefined : Number(port),
    host: argValue('--host'),
  });
  stopOnSignals(s);
  if (!args.includes('--quiet') && !existsSync(fileURLToPath(new URL('../dist/cart-upsell.js', import.meta.url)))) {
    console.log('(dist/ is missing: run `npm run build` first)');
  }
} catch (err) {
  console.error(`cart-upsell: could not start: ${err.message}`);
  process.exit(1);
}
