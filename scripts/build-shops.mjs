#!/usr/bin/env node
// Builds each sample shop's tailored script (`cart-upsell build` on demo/site/shops/<id>/cart-upsell.json)
// into <out>/shops/<id>/, beside the generic build: the size budget checks them and the
// end-to-end tests run the sample shops on them. `npm run build` runs it.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildShop, readConfigFile } from '../lib/build.mjs';

const out = process.env.CART_UPSELL_OUT ?? 'dist';
const shopsDir = 'demo/site/shops';
let failed = 0;
for (const id of readdirSync(shopsDir).sort()) {
  const file = join(shopsDir, id, 'cart-upsell.json');
  if (!existsSync(file)) continue;
  const r = await buildShop({ config: readConfigFile(file), outDir: join(out, 'shops', id), logLevel: 'error' });
  if (!r.ok) {
    failed++;
    console.error(`${file}: not built\n${r.errors.map((i) => `  • ${i.path}: ${i.message}`).join('\n')}`);
  } else console.log(`${join(out, 'shops', id)}: ${r.files.map((f) => `${f.name} ${(f.gzip / 1024).toFixed(2)} KB gzip`).join(', ')}`);
}
process.exit(failed ? 1 : 0);
