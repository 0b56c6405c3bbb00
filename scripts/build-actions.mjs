#!/usr/bin/env node
// Builds the script-tag build's per-platform cart actions (<out>/cart-upsell-actions-<platform>.js,
// see src/actions/load.script.ts) in one process: one Vite build per platform with a cart API.
// `npm run build` runs it after the prompt file.
import { build } from 'vite';

for (const platform of ['shopify', 'woocommerce', 'eccube', 'magento']) await build({ mode: `actions-${platform}`, logLevel: 'warn' });
