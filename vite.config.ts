import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { definesOf, GENERIC } from './src/tailor/defines.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Three builds from one config:
//   default      → dist/cart-upsell.js     (IIFE, global CartUpsell: config, cart reading, offer engine, events)
//   --mode ui    → dist/cart-upsell-ui.js  (IIFE: Preact prompts + cart actions, loaded by the first
//                                           file only when a decision has something to show)
//   --mode esm   → dist/cart-upsell.mjs    (ES module for bundlers; Preact left to the bundler)
//   --mode actions-<platform> → dist/cart-upsell-actions-<platform>.js (IIFE: one platform's cart
//                                actions, loaded by the prompt file on that platform only; built
//                                for each platform by scripts/build-actions.mjs)
// and the two files of a shop's tailored build (`cart-upsell build`, lib/build.mjs), which adds
// the shop's config and its build-time constants to these settings:
//   --mode tailored     → cart-upsell.js     (IIFE: the config inlined, auto-starts)
//   --mode tailored-ui  → cart-upsell-ui.js  (IIFE: the prompts this config can show)
// Browser targets: the widget needs constructable stylesheets and <dialog>, so it targets
// Chrome/Edge 90+, Firefox 101+ and Safari 16.4+; no polyfills are shipped for older ones.
export default defineConfig(({ mode }) => {
  // --mode server → build/server/main.mjs: the results service for Node (dependencies left to
  // node_modules), bundled so it can import the widget's own event validator from src/.
  if (mode === 'server') {
    return {
      define: { __VERSION__: JSON.stringify(pkg.version) },
      build: {
        ssr: 'server/main.ts',
        target: 'node20',
        outDir: 'build/server',
        emptyOutDir: true,
        minify: false,
        sourcemap: true,
        rolldownOptions: { output: { entryFileNames: 'main.mjs' } },
      },
    };
  }
  const esm = mode === 'esm';
  const adapter = mode.startsWith('actions-') ? mode.slice('actions-'.length) : '';
  const ui = mode === 'ui' || mode === 'tailored-ui';
  const tailored = mode.startsWith('tailored');
  const lib = adapter
    ? { entry: 'src/actions-entry.ts', formats: ['iife' as const], name: 'CartUpsellActions', fileName: () => `cart-upsell-actions-${adapter}.js` }
    : esm
      ? { entry: 'src/index.ts', formats: ['es' as const], fileName: () => 'cart-upsell.mjs' }
      : ui
        ? { entry: tailored ? here('./src/ui-entry.tailored.ts') : 'src/ui-entry.ts', formats: ['iife' as const], name: 'CartUpsellPrompts', fileName: () => 'cart-upsell-ui.js' }
        : { entry: tailored ? here('./src/tailored.ts') : 'src/iife.ts', formats: ['iife' as const], name: 'CartUpsell', fileName: () => 'cart-upsell.js' };
  return {
    // A tailored build replaces these with its shop's values (lib/build.mjs).
    define: { __VERSION__: JSON.stringify(pkg.version), ...definesOf(GENERIC), ...(adapter ? { __ADAPTER__: JSON.stringify(adapter) } : {}) },
    // Production JSX in every mode (the tailored modes are not named "production").
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact', development: false } },
    resolve: {
      alias: {
        '#prompts': here(esm ? './src/runtime/ui-loader.module.ts' : './src/runtime/ui-loader.script.ts'),
        // The generic prompt file fetches its platform's actions as a file of their own; a tailored
        // one carries its shop's adapter (if any) inline, and the module build leaves chunks to the bundler.
        '#actions': here(mode === 'ui' ? './src/actions/load.script.ts' : './src/actions/load.module.ts'),
      },
    },
    build: {
      // ES2021 is within every target above (logical assignment: Chrome 85, Firefox 79, Safari 14).
      target: ['es2021', 'chrome90', 'firefox101', 'safari16.4'],
      // CART_UPSELL_OUT lets parallel builds (and their e2e servers) use separate folders.
      outDir: process.env.CART_UPSELL_OUT ?? 'dist',
      // The first build of `npm run build` (the core) empties the folder; the other two add to it.
      emptyOutDir: !esm && !ui && !tailored && !adapter,
      sourcemap: true,
      minify: true,
      lib,
      rolldownOptions: esm
        ? { external: [/^preact(\/.*)?$/], output: { chunkFileNames: 'esm/[name]-[hash].mjs' } }
        : // `minify: true` alone lets the minifier lower `a?.b` to `a==null?void 0:a.b` again; naming
          // the target keeps the targets' syntax (measured: −0.28 KB gzip core, −0.21 KB prompt file).
          // No top-level or property mangling: the global CartUpsell and every config/event field are public.
          // `//# allFunctionsCalledOnLoad` (after minifying, so it stays first): nearly every function in
          // both files runs as soon as the file does, so Chromium compiles them while streaming the
          // file off the main thread instead of one by one on first call inside our tasks (measured:
          // start-up task 15.6 → 10.6 ms median, config check 11.4 → 5.4 ms). Other browsers ignore it.
          { output: { minify: { compress: { target: 'es2021' }, mangle: true }, postBanner: '//# allFunctionsCalledOnLoad' } },
    },
  };
});
