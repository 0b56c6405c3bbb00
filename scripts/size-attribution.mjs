#!/usr/bin/env node
// What each part of a built file costs in gzip, measured: the file is gzipped once whole and
// once with every byte of that part (its source files' spans, from the build's source map) left
// out; the difference is what the part costs the shopper's download. Compression is not
// additive, so the rows do not sum to the file exactly (the remainder is printed). `node
// scripts/size-attribution.mjs dist/shops/wa/cart-upsell.js [--files]` prints a Markdown table;
// `--files` lists source files instead of folders and packages.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decode(seg) {
  const out = [];
  let v = 0;
  let shift = 0;
  for (const c of seg) {
    const d = B64.indexOf(c);
    v += (d & 31) << shift;
    if (d & 32) shift += 5;
    else {
      out.push(v & 1 ? -(v >>> 1) : v >>> 1);
      v = 0;
      shift = 0;
    }
  }
  return out;
}

const tidy = (name) => {
  const nm = name.lastIndexOf('node_modules/');
  if (nm >= 0) return name.slice(nm + 'node_modules/'.length);
  const src = name.lastIndexOf('src/');
  return src >= 0 ? name.slice(src) : name;
};
const folder = (name) => {
  if (name.startsWith('src/')) return name.split('/').length > 2 ? name.split('/').slice(0, 2).join('/') : name;
  if (name.startsWith('(')) return name;
  const p = name.split('/');
  return p[0].startsWith('@') ? `${p[0]}/${p[1]}` : p[0];
};

/** [line, start, end, part] spans of the generated code, from the source map. */
export function spans(code, map, by = folder) {
  const lines = code.split('\n');
  const out = [];
  let source = 0;
  map.mappings.split(';').forEach((line, i) => {
    const text = lines[i] ?? '';
    let col = 0;
    const segs = [];
    for (const seg of line ? line.split(',') : []) {
      const v = decode(seg);
      col += v[0];
      if (v.length >= 4) source += v[1];
      segs.push([col, v.length >= 4 ? by(tidy(map.sources[source])) : '(unmapped)']);
    }
    segs.forEach(([start, part], k) => out.push([i, start, k + 1 < segs.length ? segs[k + 1][0] : text.length, part]));
  });
  return out;
}

/** gzip -9 bytes of the file, and of the file without each part: part → bytes it costs. */
export function attribute(code, map, by = folder) {
  const gz = (s) => gzipSync(Buffer.from(s), { level: 9 }).length;
  const all = spans(code, map, by);
  const whole = gz(code);
  const parts = [...new Set(all.map((s) => s[3]))];
  const lines = code.split('\n');
  const rows = parts.map((part) => {
    // Columns are UTF-16 units, as in source maps: index the string, not code points.
    const keep = lines.map((l) => Array.from({ length: l.length }, () => true));
    for (const [i, a, b, p] of all) if (p === part) for (let c = a; c < b; c++) keep[i][c] = false;
    const rest = lines
      .map((l, i) => {
        let s = '';
        for (let c = 0; c < l.length; c++) if (keep[i][c]) s += l[c];
        return s;
      })
      .join('\n');
    return { part, raw: all.filter((s) => s[3] === part).reduce((n, [, a, b]) => n + b - a, 0), gzip: whole - gz(rest) };
  });
  return { whole, rows: rows.sort((a, b) => b.gzip - a.gzip) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const { whole, rows } = attribute(code, map, process.argv.includes('--files') ? (n) => n : folder);
  const kb = (n) => (n / 1024).toFixed(2);
  console.log(`${file}: ${kb(whole)} KB gzip -9 (${code.length} bytes)\n\n| part | raw bytes | gzip it costs (KB) |\n| --- | --- | --- |`);
  for (const r of rows) console.log(`| ${r.part} | ${r.raw} | ${kb(r.gzip)} |`);
  const sum = rows.reduce((n, r) => n + r.gzip, 0);
  console.log(`| shared (compression across parts) | | ${kb(whole - sum)} |`);
}
