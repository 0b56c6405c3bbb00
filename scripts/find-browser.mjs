#!/usr/bin/env node
// Finds a Chromium for the end-to-end tests, installing one if it can, so `npm test` works on a
// fresh machine with nothing but Node. Order: $CHROMIUM_PATH, /usr/bin/chromium (and friends),
// Playwright's own browser, `npx playwright install chromium`, then `apt-get install chromium`
// when running as root. The found path is saved for playwright.config.ts, and so is the
// `--disable-features` switch that keeps Chromium's own background pages out of the tests
// (scripts/browser-path.mjs).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { BROWSER_PATH_FILE, saveQuietSwitch } from './browser-path.mjs';

const require = createRequire(import.meta.url);
const systemPaths = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function playwrightOwn() {
  try {
    const { chromium } = require('playwright-core');
    const p = chromium.executablePath();
    return p && existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

function find() {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (existsSync(env)) return env;
    console.error(`CHROMIUM_PATH is set to ${env}, but there is no file there.`);
    process.exit(1);
  }
  return systemPaths.find((p) => existsSync(p)) ?? playwrightOwn();
}

function run(cmd, args, timeoutMs) {
  console.log(`find-browser: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', timeout: timeoutMs });
  return r.status === 0;
}

let path = find();
if (!path) {
  run('npx', ['--yes', 'playwright', 'install', 'chromium'], 180_000);
  path = find();
}
if (!path && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  run('apt-get', ['update', '-qq'], 300_000);
  run('apt-get', ['install', '-y', '-qq', 'chromium'], 600_000);
  path = find();
}
if (!path) {
  console.error(
    'No Chromium found for the end-to-end tests, and none could be installed.\n' +
      'Install one, then run npm test again:\n' +
      '  Debian/Ubuntu:  sudo apt-get install -y chromium\n' +
      '  anywhere:       npx playwright install chromium\n' +
      'or point CHROMIUM_PATH at an installed Chromium or Chrome.',
  );
  process.exit(1);
}
mkdirSync(dirname(BROWSER_PATH_FILE), { recursive: true });
writeFileSync(BROWSER_PATH_FILE, path);
console.log(`find-browser: using ${path}`);
if (process.platform === 'linux') {
  try {
    await saveQuietSwitch();
  } catch (err) {
    // The tests still run, with the browser as Playwright starts it.
    console.log(`find-browser: could not read Playwright's --disable-features switch (${String(err).split('\n')[0]})`);
  }
}
