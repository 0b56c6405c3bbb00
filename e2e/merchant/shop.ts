import { expect, type BrowserContext, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// What the merchant journeys share: the configurator reached from the start page, the config it
// shows, the built widget files, and a shop simulated on its own origin with Playwright routes.

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const dist = (f: string) => readFileSync(join(process.env.CART_UPSELL_OUT ?? join(root, 'dist'), f));

/** The configurator loads the widget, a sample config and two previews: a busy machine needs time. */
export async function openConfigurator(page: Page, timeout = 20_000) {
  await page.goto('/');
  await page.getByRole('link', { name: '自分のショップに入れる（設定ツールへ）' }).click();
  await page.waitForURL(/\/demo\/site\/configurator\/$/);
  await expect(page.getByRole('heading', { name: 'あなたのショップに入れる' })).toBeVisible({ timeout });
  await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません', { timeout });
}

export const configJson = async (page: Page) => JSON.parse(await page.getByRole('textbox', { name: 'JSON' }).inputValue());

/** The shop's origin: its pages, and the widget's files in the folder the merchant chose. Returns the paths asked for. */
export async function serveShop(context: BrowserContext, origin: string, pages: Record<string, string>, files: Record<string, Buffer | string> = {}) {
  const requests: string[] = [];
  await context.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    requests.push(path);
    if (pages[path]) return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: pages[path] });
    const f = files[path];
    if (f) return route.fulfill({ status: 200, contentType: path.endsWith('.json') ? 'application/json' : 'text/javascript', body: f });
    return route.fulfill({ status: 404, body: 'not found' });
  });
  return requests;
}
