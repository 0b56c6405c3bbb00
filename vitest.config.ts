import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import { definesOf, GENERIC } from './src/tailor/defines.mjs';

export default defineConfig({
  resolve: {
    alias: {
      '#prompts': fileURLToPath(new URL('./src/runtime/ui-loader.module.ts', import.meta.url)),
      '#actions': fileURLToPath(new URL('./src/actions/load.module.ts', import.meta.url)),
    },
  },
  define: { __VERSION__: JSON.stringify('test'), ...definesOf(GENERIC) },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
  },
});
