import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const BROWSER_PATH_FILE = fileURLToPath(new URL('../node_modules/.cache/cart-upsell/browser-path', import.meta.url));

/** The Chromium that scripts/find-browser.mjs found, or undefined for Playwright's default. */
export function browserPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  if (existsSync(BROWSER_PATH_FILE)) return readFileSync(BROWSER_PATH_FILE, 'utf8').trim() || undefined;
  return undefined;
}

/** Flags for a headless Chromium on a machine with a closed network, run as root in CI. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
