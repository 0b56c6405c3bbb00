import { test, expect } from '@playwright/test';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { configJson, openConfigurator } from './shop';
import { buildApp } from '../../server/app';
import { openDb } from '../../server/db';
import { useTimeZone } from '../../server/ingest/store';
import { settingsFromEnv } from '../../server/settings';
import { validateEvent } from '../../src/events/schema';
import { nodeHandler } from '../../demo/site/shared/platforms/http.js';
import { createEccube } from '../../demo/site/shared/platforms/eccube.js';

// The configurator's third hosting: the results service serves the widget and the config, and
// stores the events. The merchant picks EC-CUBE and "the results service", copies the tag, and
// pastes it in the shop; the shop and the service are two loopback origins (a public origin
// reaching loopback would be blocked by Chromium's local-network-access rules, loopback to
// loopback is not), the service started with ALLOWED_ORIGINS = the shop's origin, as the
// configurator tells the merchant. The shop is the stateful EC-CUBE 4 fake (cart page, product
// page, add-cart and cart-line routes, demo/site/shared/platforms/eccube.js).

test.describe.configure({ timeout: 150_000 });

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const base = Number(process.env.E2E_PORT ?? 4173);
const shopOrigin = `http://127.0.0.1:${base + 40}`;
const serviceOrigin = `http://localhost:${base + 41}`;
const TOKEN = 'service-hosting-admin-token-0123456789';

const listen = (server: Server, port: number) => new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));

test('EC-CUBE hosted by the results service: the copied tag runs on the shop, the shopper sees the offer, every event id is stored by the service', async ({ page, context, browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'cart-upsell-service-'));
  const configFile = join(dir, 'cart-upsell.json');
  const db = await openDb({ DATA_DIR: 'memory://' });
  const settings = settingsFromEnv({ DATA_DIR: 'memory://', ALLOWED_ORIGINS: shopOrigin, CONFIG_FILE: configFile }, root);
  await useTimeZone(db, settings.timeZone);
  const service = await buildApp({ db, settings, adminToken: TOKEN, validateEvent });
  await service.listen({ port: base + 41, host: '127.0.0.1' });

  // The shop: EC-CUBE's cart page (Cart/index.twig) with whatever the merchant pastes before </body>.
  let tag = '';
  let fake: ReturnType<typeof createEccube> | null = null;
  const shop = createServer(
    nodeHandler(
      {
        handle(req) {
          const a = fake?.handle(req) ?? null;
          if (a && req.method === 'GET' && req.url.pathname === '/cart' && typeof a.body === 'string') return { ...a, body: a.body.replace('</body>', `${tag}</body>`) };
          return a;
        },
      },
      (_req, res) => void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
    ),
  );
  await listen(shop, base + 40);
  const shopper = await browser.newContext();
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openConfigurator(page, 30_000);
    await page.getByLabel('ひな形').selectOption('eccube');
    await expect(page.getByRole('textbox', { name: 'JSON' })).toHaveValue(/"preset": "eccube"/);
    await page.getByLabel('ショップのURL').fill(shopOrigin);
    await page.getByLabel('プラットフォーム').selectOption('eccube');
    await page.getByLabel('商品CSV').setInputFiles('demo/site/configurator/samples/eccube-product.csv');
    await expect(page.locator('#import-result')).toContainText('EC-CUBE 4の商品CSVから 11 件を読み込みました');

    await page.getByRole('radio', { name: '結果サービス（npm start のサーバー）' }).check();
    await page.getByLabel('ファイルを置くURL（フォルダ）').fill(`${serviceOrigin}/`);
    // Events go where the widget is served: the service's /events, not the sample's "/events" (which would be the shop).
    await expect.poll(async () => (await configJson(page)).events?.endpoint).toBe(`${serviceOrigin}/events`);
    await expect(page.locator('#host-steps')).toContainText(`ALLOWED_ORIGINS=ショップのURL`);
    await expect(page.getByRole('region', { name: '検証結果' })).toContainText('問題はありません');
    await page.getByRole('button', { name: 'タグをコピー' }).click();
    await expect(page.locator('#copy-status')).toContainText('コピーしました。');
    tag = await page.evaluate(() => navigator.clipboard.readText());
    expect(tag).toBe(`<script src="${serviceOrigin}/cart-upsell.js" data-config="${serviceOrigin}/cart-upsell.json" async></script>`);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'cart-upsell.json をダウンロード' }).click();
    const cfg = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(cfg.events.endpoint).toBe(`${serviceOrigin}/events`);
    // The file the service serves (CONFIG_FILE). This visitor is not one of the 10 % holdout, who see no offer.
    writeFileSync(configFile, JSON.stringify({ ...cfg, holdout: 0 }));

    // The shop's catalogue is the one its CSV was exported from; a teapot is in the cart.
    type P = { sku: string; name: string; price: number; id: string; productId: string };
    fake = createEccube({
      products: (cfg.products as P[]).map((p) => ({ sku: p.sku, name: p.name, price: p.price, productClassId: Number(p.id), productId: Number(p.productId) })),
    });
    const teapot = (cfg.products as P[]).find((p) => p.sku === 'KY-01')!;
    fake.seed([{ productClassId: Number(teapot.id), quantity: 1 }]);

    const generated = new Set<string>();
    await shopper.exposeBinding('__generated', (_src, id: string) => void generated.add(id));
    await shopper.addInitScript(() => {
      for (const t of ['impression', 'accept', 'decline', 'dismiss', 'accept-failed'])
        document.addEventListener(`cart-upsell:${t}`, (e) => (window as any).__generated((e as CustomEvent<{ id: string }>).detail.id));
    });
    const tab = await shopper.newPage();
    const errors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && m.text().includes('[cart-upsell]') && errors.push(m.text()));
    tab.on('pageerror', (e) => errors.push(String(e)));
    await tab.goto(`${shopOrigin}/cart`);
    // A teapot in the cart: tea to go with it, from the CSV's catalogue at its tax-included price.
    const tea = tab.getByRole('button', { name: /八女煎茶 100gを追加/ });
    await expect(tea).toBeVisible({ timeout: 30_000 });
    await expect(tab.getByText('￥1,080').first()).toBeVisible();
    await tea.click();
    await expect.poll(() => fake!.summary(), { timeout: 20_000 }).toEqual(['KY-01×1', 'CH-01×1']);

    // Every event the shopper's page generated reaches the service, from the shop's origin.
    const stored = async () => {
      const r = await fetch(`${serviceOrigin}/events?limit=10000`, { headers: { authorization: `Bearer ${TOKEN}` } });
      return ((await r.json()).events as { id: string; type: string; offerId: string }[]) ?? [];
    };
    await expect.poll(async () => generated.size, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(async () => (await stored()).map((e) => e.id).sort(), { timeout: 30_000 }).toEqual([...generated].sort());
    const events = await stored();
    expect(events.filter((e) => e.offerId === 'x-tea').map((e) => e.type)).toEqual(expect.arrayContaining(['impression', 'accept']));
    expect(errors).toEqual([]);
    // The shop's final cart: the teapot, and the tea the shopper said yes to.
    expect(fake.summary()).toEqual(['KY-01×1', 'CH-01×1']);
  } finally {
    await shopper.close();
    shop.closeAllConnections();
    await new Promise((r) => shop.close(r));
    await service.close();
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
