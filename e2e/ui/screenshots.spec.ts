import { test } from '@playwright/test';
import { show, type Shop } from './helpers';
import type { Decision } from '../../src/offers/types';
import type { Config } from '../../src/config/types';

// Writes docs/screenshots/*.png for the README. Not part of the normal run (it changes files):
//   SCREENSHOTS=1 E2E_PORT=4302 npx playwright test e2e/ui/screenshots.spec.ts --workers=1
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to regenerate docs/screenshots');

const shots: [string, (s: Shop) => Partial<Decision>, Config?][] = [
  ['upsell', (s) => ({ modal: s.upsellTwo })],
  ['cross-sell', (s) => ({ panels: [s.cross], bar: s.bar })],
  ['bundle', (s) => ({ panels: [s.bundle] })],
  ['free-shipping', (s) => ({ volume: s.volume, bar: s.bar })],
];
const devices = { desktop: { width: 1280, height: 800 }, mobile: { width: 390, height: 844 } };

for (const [name, build, config] of shots)
  for (const [device, viewport] of Object.entries(devices))
    for (const lang of ['ja', 'en'] as const)
      test(`${name}-${device}-${lang}`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await show(page, build, { lang, config });
        await page.waitForTimeout(400);
        await page.screenshot({ path: `docs/screenshots/${name}-${device}-${lang}.png` });
      });

test('upsell-dark-desktop-ja', async ({ page }) => {
  await page.setViewportSize(devices.desktop);
  await page.emulateMedia({ colorScheme: 'dark' });
  await show(page, (s) => ({ modal: s.upsell, bar: s.bar }), { config: { theme: { colorScheme: 'auto' } } });
  await page.waitForTimeout(400);
  await page.screenshot({ path: 'docs/screenshots/upsell-dark-desktop-ja.png' });
});
