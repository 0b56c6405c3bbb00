#!/usr/bin/env node
// Size budget for the one file a shop loads. Fails when dist/cart-upsell.js is over budget.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// The file every page loads (config, cart reading, offer engine, events) has the 20 KB budget.
// The prompt file (Preact prompts + cart actions) loads only when something is to be shown; it
// has a budget of its own so it cannot grow unnoticed either.
const out = process.env.CART_UPSELL_OUT ?? 'dist';
const files = [
  { file: `${out}/cart-upsell.js`, budget: 20 * 1024, aim: 15 * 1024 },
  { file: `${out}/cart-upsell-ui.js`, budget: 16 * 1024, aim: 14 * 1024 },
];
const kb = (n) => (n / 1024).toFixed(2) + ' KB';
let ok = true;
let total = 0;
for (const { file, budget, aim } of files) {
  const src = readFileSync(file);
  const gz = gzipSync(src, { level: 9 }).length;
  const br = brotliCompressSync(src, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  total += gz;
  const within = gz <= budget;
  ok &&= within;
  console.log(`${file}: ${kb(src.length)} raw, ${kb(gz)} gzip, ${kb(br)} brotli — budget ${kb(budget)} gzip (aim ${kb(aim)}): ${within ? 'within' : 'OVER'}, ${((gz / budget) * 100).toFixed(0)} % used`);
}
console.log(`both files together: ${kb(total)} gzip`);
process.exit(ok ? 0 : 1);
