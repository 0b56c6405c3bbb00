#!/usr/bin/env node
// Copies the dashboard's chart library (uPlot, one pinned file and its stylesheet) into the build's
// output as dist/vendor/uplot/. The results service serves only its own folders, never
// node_modules: copying the one file the dashboard needs at build time keeps it that way and
// needs no route of its own.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const out = join(process.env.CART_UPSELL_OUT ?? 'dist', 'vendor', 'uplot');
const from = dirname(createRequire(import.meta.url).resolve('uplot/dist/uPlot.esm.js'));
mkdirSync(out, { recursive: true });
for (const f of ['uPlot.esm.js', 'uPlot.min.css']) copyFileSync(join(from, f), join(out, f));
