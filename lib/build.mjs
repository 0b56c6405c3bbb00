// A shop's tailored build: its config checked now (the merchant reads the messages here, not in a
// shopper's console), inlined, and only the code it uses. Used by `cart-upsell build` (bin/) and
// callable from any Node program (the results service, the configurator):
//
//   import { buildShop } from 'cart-upsell/build';
//   const r = await buildShop({ config, outDir: 'public/shop-a' });
//   // r.ok, r.errors / r.warnings ({ path, message }), r.files ([{ name, bytes, gzip }])
//
// It runs Vite on the package's own sources with the settings of the generic build
// (vite.config.ts) plus the shop's build-time constants (src/tailor/features.ts).
import { build, runnerImport } from 'vite';

import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { definesOf, GENERIC } from '../src/tailor/defines.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = (p) => join(root, 'src', p);

/**
 * Loads one of our TypeScript modules in Node, through Vite (the package ships its sources),
 * with the generic build's constants.
 */
async function load(path) {
  const { module } = await runnerImport(src(path), { configFile: false, root, logLevel: 'silent', define: genericDefines() });
  return module;
}

/** The generic build's constants, as `define` wants them. */
function genericDefines() {
  return { __VERSION__: '"build"', ...definesOf(GENERIC) };
}
export { genericDefines };

/** The config module a tailored build inlines: `import config from 'virtual:cart-upsell/config'`. */
function inlineConfig(config) {
  const id = 'virtual:cart-upsell/config';
  return {
    name: 'cart-upsell:config',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load: (moduleId) => (moduleId === `\0${id}` ? `export default ${JSON.stringify(config)};` : null),
  };
}

/**
 * Checks `config` and, when it has no error, writes `cart-upsell.js` (auto-starts with the config
 * inlined) and `cart-upsell-ui.js` (the prompts, loaded from beside it when there is something to
 * show) into `outDir`. Never writes anything for a config with errors.
 *
 * @param {{ config: object, outDir: string, write?: boolean, logLevel?: 'info' | 'warn' | 'error' | 'silent' }} opts
 *   `write: false` builds in memory only (sizes, tests).
 * @returns {Promise<{ ok: boolean, errors: {path: string, message: string}[], warnings: {path: string, message: string}[],
 *   features: object | null, files: { name: string, bytes: number, gzip: number, code: string }[] }>}
 */
export async function buildShop({ config, outDir, write = true, logLevel = 'warn' }) {
  const { validateConfig } = await load('config/validate.ts');
  const { errors, warnings } = validateConfig(config);
  if (errors.length) return { ok: false, errors, warnings, features: null, files: [] };
  const { featuresOf } = await load('tailor/features.ts');
  const features = featuresOf(config);
  const files = [];
  for (const mode of ['tailored', 'tailored-ui']) {
    const result = await build({
      configFile: join(root, 'vite.config.ts'),
      root,
      mode,
      logLevel,
      define: definesOf(features),
      plugins: [inlineConfig(config)],
      build: { outDir: resolve(outDir ?? join(root, 'dist', 'tailored')), emptyOutDir: false, write, reportCompressedSize: false },
    });
    for (const output of [result].flat()) {
      for (const chunk of output.output) {
        if (chunk.type !== 'chunk') continue;
        files.push({ name: chunk.fileName, bytes: Buffer.byteLength(chunk.code), gzip: gzipSync(chunk.code, { level: 9 }).length, code: chunk.code });
      }
    }
  }
  return { ok: true, errors: [], warnings, features, files };
}

/** Reads a config file; throws an Error whose message names the file and the problem. */
export function readConfigFile(path) {
  let text;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`${path}: could not be read / 読み込めません (${err.code ?? err.message})`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${path}: is not valid JSON / JSON として読めません (${err.message})`);
  }
}
