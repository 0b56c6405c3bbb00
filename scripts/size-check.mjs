#!/usr/bin/env node
// Size budget for the one file a shop loads. Fails when dist/cart-upsell.js is over budget.
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const BUDGET_GZIP = 20 * 1024;
const AIM_GZIP = 15 * 1024;
const file = 'dist/cart-upsell.js';
const src = readFileSync(file);
const gz = gzipSync(src, { level: 9 }).length;
const br = brotliCompressSync(src, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(2) + ' KB';
console.log(`${file}: ${kb(src.length)} raw, ${kb(gz)} gzip, ${kb(br)} brotli`);
console.log(`budget ${kb(BUDGET_GZIP)} gzip (aim ${kb(AIM_GZIP)}): ${gz <= BUDGET_GZIP ? 'within' : 'OVER'} budget, ${((gz / BUDGET_GZIP) * 100).toFixed(0)} % used`);
process.exit(gz <= BUDGET_GZIP ? 0 : 1);
