// readCart against the bare DOM reads of the same fields (bench/bare-reads.js) on a
// 500-line cart: within 3×. Measured interleaved — one readCart, one bare
// read, alternately — and compared by the median of the per-pair ratios, so load on a shared
// machine that slows one sample slows its neighbour too and cancels out.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCart } from '../../src/cart/read';
import type { CartConfig } from '../../src/config/types';
import '../../bench/bare-reads.js';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/');

/** Median over alternated pairs of (time of readCart) / (time of the bare reads), each timed over several calls. */
function ratio(doc: Document, cfg: CartConfig, bare: () => unknown, pairs = 31): number {
  const read = () => readCart(cfg, doc);
  const timeOf = (fn: () => unknown, n: number) => {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    return performance.now() - t;
  };
  // Enough calls per sample that the clock's resolution is no part of it (≥ 2 ms of bare reads).
  let n = 1;
  while (timeOf(bare, n) < 2 && n < 4096) n *= 2;
  read();
  const r: number[] = [];
  for (let k = 0; k < pairs; k++) {
    const a = timeOf(read, n);
    const b = timeOf(bare, n);
    r.push(a / b);
  }
  r.sort((x, y) => x - y);
  return r[pairs >> 1];
}

const load = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('readCart costs at most 3× the bare reads of the same fields', () => {
  // The fixture pages' short carts are measured by `npm run bench` (their few lines make the
  // per-read work the whole of it, and a 10 µs read is at the mercy of the machine's load).
  it('on a 500-line cart', () => {
    const doc = load(readFileSync(`${dir}tegaki-shop.html`, 'utf8'));
    const cfg = (Object.values(JSON.parse(readFileSync(`${dir}tegaki-shop.expected.json`, 'utf8')).configs) as CartConfig[]).find((c) => c.selectors)!;
    const row = doc.querySelector(cfg.selectors!.item)!;
    for (let i = 1; i < 500; i++) row.parentElement!.append(row.cloneNode(true));
    expect(readCart(cfg, doc).items.length).toBeGreaterThanOrEqual(500);
    const got = ratio(doc, cfg, bareReads(cfg, doc), 15);
    console.log(`[speed] 500 lines: readCart ${got.toFixed(2)}× the bare reads`);
    expect(got).toBeLessThanOrEqual(3);
  }, 60_000);
});
