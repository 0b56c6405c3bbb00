import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const BROWSER_PATH_FILE = fileURLToPath(new URL('../node_modules/.cache/cart-upsell/browser-path', import.meta.url));
const SWITCH_FILE = fileURLToPath(new URL('../node_modules/.cache/cart-upsell/disable-features.json', import.meta.url));

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

/**
 * Chromium opens its omnibox popup, a WebUI page (chrome://omnibox-popup.top-chrome/), in the
 * background of some page loads (5 of 10 measured at 4× CPU), and on a two-core machine it takes
 * the CPU from the page under test. These features turn it off.
 */
export const QUIET_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxFullPopup', 'WebUIOmniboxAimPopup', 'OmniboxAimPopup'];

const playwrightVersion = () => {
  try {
    return createRequire(import.meta.url)('playwright-core/package.json').version;
  } catch {
    return null;
  }
};

/**
 * Chromium keeps only the last `--disable-features` switch, and Playwright passes one of its own:
 * a second one would silently turn Playwright's features back on. So its switch is read once from
 * a first launch (`launchServer`, the process's command line; Linux only) and saved with the
 * Playwright version and browser it came from; `launchOptions` replaces it with the extended one.
 */
export async function saveQuietSwitch() {
  const { chromium } = createRequire(import.meta.url)('playwright-core');
  const probe = await chromium.launchServer({ executablePath: browserPath(), args: chromiumArgs });
  let line;
  try {
    line = readFileSync(`/proc/${probe.process().pid}/cmdline`, 'utf8').split('\0');
  } finally {
    await probe.close();
  }
  const own = line.find((a) => a.startsWith('--disable-features='));
  if (!own) return null;
  mkdirSync(dirname(SWITCH_FILE), { recursive: true });
  writeFileSync(SWITCH_FILE, JSON.stringify({ playwright: playwrightVersion(), browser: browserPath() ?? null, own }));
  return own;
}

/**
 * Launch options for Playwright: the found browser, our flags and, when the saved switch matches
 * this Playwright and this browser, Playwright's `--disable-features` extended with QUIET_FEATURES.
 * Anything else (no saved switch, another version): the browser as Playwright starts it.
 */
export function launchOptions() {
  const plain = { executablePath: browserPath(), args: chromiumArgs };
  try {
    const saved = JSON.parse(readFileSync(SWITCH_FILE, 'utf8'));
    if (saved.playwright !== playwrightVersion() || saved.browser !== (browserPath() ?? null) || !String(saved.own).startsWith('--disable-features=')) return plain;
    return { ...plain, ignoreDefaultArgs: [saved.own], args: [...chromiumArgs, `${saved.own},${QUIET_FEATURES.join(',')}`] };
  } catch {
    return plain;
  }
}
