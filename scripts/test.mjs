#!/usr/bin/env node
// `npm test`: build, size budget, typecheck, formatting, unit tests (Vitest), end-to-end tests (Playwright in Chromium).
// Ends with one line "N passed, N failed" over all of them and a non-zero exit on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const out = 'test-results/summary';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

let passed = 0;
let failed = 0;
const steps = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  steps.push(`${label}: ${r.status === 0 ? 'ok' : 'FAILED'}`);
  return r.status === 0;
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

if (!run('build', 'npm', ['run', 'build', '--silent'])) {
  failed += 1;
} else {
  // Size budget: one check, counted as one test.
  if (run('size budget', 'node', ['scripts/size-check.mjs'])) passed += 1;
  else failed += 1;
}

if (!run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit'])) failed += 1;

// Formatting: one check, counted as one test (`npm run format` fixes it).
if (run('format', 'npx', ['prettier', '--check', '--log-level', 'warn', '**/*.{ts,tsx,js,mjs}'])) passed += 1;
else failed += 1;

const unitOk = run('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${out}/unit.json`]);
const unit = readJson(`${out}/unit.json`);
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + (unitOk || unit.numFailedTests ? 0 : 1);
} else if (!unitOk) failed += 1;

const only = process.argv.slice(2);
const e2eOk =
  existsSync('dist/cart-upsell.js') &&
  run('end-to-end tests', 'npx', ['playwright', 'test', ...only, '--reporter=list,json'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: `${out}/e2e.json`,
  });
const e2e = readJson(`${out}/e2e.json`);
if (e2e?.stats) {
  passed += e2e.stats.expected + e2e.stats.flaky;
  failed += e2e.stats.unexpected + (e2eOk || e2e.stats.unexpected ? 0 : 1);
  // A test that passed only on its retry is named, so flakiness is seen and fixed, not hidden.
  const flaky = [];
  const walk = (suite) => {
    for (const spec of suite.specs ?? []) for (const t of spec.tests ?? []) if (t.status === 'flaky') flaky.push(`${spec.file}:${spec.line} ${spec.title}`);
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of e2e.suites ?? []) walk(suite);
  if (flaky.length) steps.push(`flaky (passed on retry): ${flaky.length}\n  ${flaky.join('\n  ')}`);
} else if (!e2eOk) failed += 1;

console.log('\n' + steps.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
