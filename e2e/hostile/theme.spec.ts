import { test, expect, type Page } from '@playwright/test';
import { setQty, shownOnLoad, watch } from './helpers';

// A theme that restyles everything (62.5 % root font, inherited spacing and colour, buttons
// unstyled, content-box everywhere, empty divs hidden, a max-z-index fixed header): the widget's
// prompts keep their size and place, and stay on top.

type Box = { x: number; y: number; width: number; height: number } | null;

async function measure(page: Page): Promise<Record<string, Box>> {
  const dialog = page.getByRole('dialog');
  const out: Record<string, Box> = {
    bar: await page.getByRole('status').boundingBox(),
    dialog: await dialog.boundingBox(),
  };
  for (const name of await dialog.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') || b.textContent || ''))) {
    out[`button ${name}`] = await dialog.getByRole('button', { name, exact: true }).boundingBox();
  }
  // The cards step aside while the dialog is open (one prompt at a time): the set is measured
  // only when it is on screen.
  if (await page.getByText('セットでお得').count()) out.set = await page.getByText('セットでお得').boundingBox();
  return out;
}

const round = (boxes: Record<string, Box>) =>
  Object.fromEntries(Object.entries(boxes).map(([k, b]) => [k, b && { x: Math.round(b.x), y: Math.round(b.y), w: Math.round(b.width), h: Math.round(b.height) }]));

/** What the page reports at the centre of a box: our host element, or something of the shop's. */
const hitAt = (page: Page, b: Box) =>
  page.evaluate(
    ([x, y]) => {
      const el = document.elementFromPoint(x, y);
      return el?.closest('[data-cart-upsell]') ? 'widget' : el?.className || el?.tagName || 'nothing';
    },
    [b!.x + b!.width / 2, b!.y + b!.height / 2] as const,
  );

test('aggressive theme CSS: the prompts have the same boxes as without it, and sit above a max-z-index header', async ({ page }) => {
  const log = watch(page);
  await page.goto('/e2e/pages/hostile-theme.html');
  await shownOnLoad(page);
  await setQty(page, 0, 3);
  await expect(page.getByRole('dialog', { name: /特撰にしませんか/ })).toBeVisible();
  await page.waitForTimeout(400); // entrance animation settles
  // The theme really applies to the page.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('10px');
  const header = await page.locator('.site-header').boundingBox();
  expect(header!.height).toBeGreaterThan(500);

  const themed = await measure(page);
  expect(await hitAt(page, themed.dialog)).toBe('widget');
  for (const [name, b] of Object.entries(themed)) if (name.startsWith('button')) expect(await hitAt(page, b), name).toBe('widget');

  await page.evaluate(() => ((document.getElementById('hostile-theme') as HTMLLinkElement).disabled = true));
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('16px');
  await page.waitForTimeout(100);
  const plain = await measure(page);
  expect(Object.keys(themed).length).toBeGreaterThanOrEqual(4);
  expect(round(themed)).toEqual(round(plain));
  expect(log.pageErrors).toEqual([]);
  expect(log.ours('error')).toEqual([]);
});

test('the bar stays readable above a max-z-index header', async ({ page }) => {
  await page.goto('/e2e/pages/hostile-theme.html');
  await shownOnLoad(page);
  const bar = await page.getByRole('status').boundingBox();
  expect(bar!.height).toBeGreaterThan(0);
  expect(await hitAt(page, bar)).toBe('widget');
});
