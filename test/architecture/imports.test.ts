// The folders of src/ import each other one way only, as the README's "Which folder may use which"
// draws it; and offers/ stays pure (no DOM, no network, no clock of its own). Read from the
// source's import lines: type-only imports are the shared vocabulary and may go anywhere.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
  });

/** The folder of a file (or of a folder's index) under src/; '' for the entry files at its top. */
const folderOf = (path: string) => {
  const rel = relative(src, path);
  let dir = false;
  try {
    dir = statSync(path).isDirectory();
  } catch {
    /* a module path without its extension */
  }
  return rel.includes('/') || dir ? rel.split('/')[0] : '';
};

/** What each folder may import code from (besides itself and util/), as in the README. */
const MAY: Record<string, string[]> = {
  '': ['runtime', 'cart', 'config', 'events', 'ui', 'actions', 'platforms', 'offers'],
  runtime: ['cart', 'config', 'offers', 'events', 'platforms'],
  config: ['offers', 'platforms'],
  cart: ['platforms'],
  actions: ['platforms', 'offers'],
  tailor: ['platforms', 'offers'],
  events: ['offers'],
  offers: [],
  ui: [],
  platforms: [],
  util: [],
};

/** Code imports of a file: `import … from`, `export … from` and `import('…')`, minus `import type`. */
function codeImports(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'"]*?\s+from\s+)?['"]([^'"]+)['"]/gm)) if (!m[2]) out.push(m[3]);
  // A dynamic import loads a file on demand (the prompt file): marked, not a static dependency.
  for (const m of text.matchAll(/(?<!typeof\s)\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push('on-demand:' + m[1]);
  return out.filter((s) => /^(on-demand:)?\./.test(s));
}

describe('which folder may use which', () => {
  const all = files(src);
  it("every code import goes down the README's arrows", () => {
    const wrong: string[] = [];
    for (const file of all) {
      const from = folderOf(file);
      for (const imported of codeImports(readFileSync(file, 'utf8'))) {
        const spec = imported.replace('on-demand:', '');
        // runtime/ loads the prompt file on demand, never statically.
        if (from === 'runtime' && imported === 'on-demand:../prompt-module') continue;
        const target = folderOf(resolve(dirname(file), spec));
        if (target === from || target === 'util') continue;
        if (target === '' && /\/types$/.test(spec)) continue; // the shared vocabulary
        if (!(MAY[from] ?? []).includes(target)) wrong.push(`${relative(src, file)} → ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the check sees imports: it finds the ones it must', () => {
    expect(codeImports(`import { a } from '../cart/read';\nimport type { B } from '../x';\nexport { c } from './c';\nconst m = import('../ui/App');`)).toEqual([
      '../cart/read',
      './c',
      'on-demand:../ui/App',
    ]);
  });

  it('offers/ is pure: no DOM, no network, no storage, no clock of its own', () => {
    const impure: string[] = [];
    for (const file of all.filter((f) => folderOf(f) === 'offers')) {
      const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      for (const word of ['document', 'window', 'fetch(', 'XMLHttpRequest', 'navigator', 'localStorage', 'sessionStorage', 'Date.now(', 'new Date()'])
        if (code.includes(word)) impure.push(`${relative(src, file)}: ${word}`);
    }
    expect(impure).toEqual([]);
  });
});
