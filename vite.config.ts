import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

// Two builds from one config:
//   default      → dist/cart-upsell.js  (IIFE, global CartUpsell, Preact bundled in)
//   --mode esm   → dist/cart-upsell.mjs (ES module for bundlers; Preact left to the bundler)
// Browser targets: the widget needs constructable stylesheets and <dialog>, so it targets
// Chrome/Edge 90+, Firefox 101+ and Safari 16.4+; no polyfills are shipped for older ones.
export default defineConfig(({ mode }) => {
  const esm = mode === 'esm';
  return {
    define: { __VERSION__: JSON.stringify(pkg.version) },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    build: {
      target: ['es2020', 'chrome90', 'firefox101', 'safari16.4'],
      // CART_UPSELL_OUT lets parallel builds (and their e2e servers) use separate folders.
      outDir: process.env.CART_UPSELL_OUT ?? 'dist',
      emptyOutDir: false,
      sourcemap: true,
      minify: true,
      lib: esm
        ? { entry: 'src/index.ts', formats: ['es'], fileName: () => 'cart-upsell.mjs' }
        : { entry: 'src/iife.ts', formats: ['iife'], name: 'CartUpsell', fileName: () => 'cart-upsell.js' },
      rolldownOptions: esm
        ? { external: [/^preact(\/.*)?$/, /^@preact\/signals(-core)?$/] }
        : {},
    },
  };
});
