// readCart against the bare DOM reads of the same fields (the floor any cart reader pays) on a
// 500-line cart: within 3×. Measured interleaved — one readCart, one bare
// read, alternately — and compared by the median of the per-pair ratios, so load on a shared
// machine that slows one sample slows its neighbour too and cancels out.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCart } from '../../src/cart/read';
import type { CartConfig } from '../../src/config/types';

const dir = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/');

/** The bare reads: each selector's first matching alternative, its text or value (the sku attribute where named). */
function bareReads(doc: Document, cfg: CartConfig): () => unknown {
  const s = cfg.selectors!;
  const q = (root: ParentNode, sel: string) => {
    for (const x of sel.split(' || ')) {
      const e = root.querySelector(x);
      if (e) return e;
    }
    return null;
  };
  const items = () => {
    for (const x of s.item.split(' || ')) {
      const l = doc.querySelectorAll(x);
      if (l.length) return l;
    }
    return [];
  };
  const fields = (['name', 'sku', 'price', 'quantity', 'lineTotal'] as const).filter((f) => s[f]);
  return () => {
    const out: unknown[] = [];
    for (const el of items())
      out.push(
        fields.map((f) => {
          const e = q(el, s[f]!);
          return e && (f === 'sku' && s.skuAttr ? e.getAttribute(s.skuAttr) : 'value' in e ? (e as HTMLInputElement).value : e.textContent);
        }),
      );
    return [out, s.subtotal && q(doc, s.subtotal)?.textContent, s.discount && doc.querySelectorAll(s.discount.split(' || ')[0]).length];
  };
}

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
    const got = ratio(doc, cfg, bareReads(doc, cfg), 15);
    console.log(`[speed] 500 lines: readCart ${got.toFixed(2)}× the bare reads`);
    expect(got).toBeLessThanOrEqual(3);
  }, 60_000);
});
