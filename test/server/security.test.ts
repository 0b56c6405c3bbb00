// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { request as httpRequest } from 'node:http';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { event, freshDb, post, startApp, TOKEN, type TestApp, type TestDb } from './helpers';
import { loadAdminToken, tokenMatches } from '../../server/security/token';

// A database per file on a shared 2-core machine: a single request can take seconds under load.
vi.setConfig({ testTimeout: 60_000 });

const root = resolve(__dirname, '../..');

/** A GET with the path sent exactly as written (fetch and URL would normalise `..` away). */
function rawGet(base: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((done, fail) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('security', () => {
  let t: TestDb;
  let s: TestApp;
  let limited: TestApp;
  let shop: TestApp;
  beforeAll(async () => {
    t = await freshDb('pglite');
    // The demo's folders are served, as by npm start: the traversal tests try to climb out of them.
    s = await startApp(
      t.db,
      {},
      {
        files: {
          folders: ['demo', 'docs', 'test/fixtures', 'e2e/pages'].map((d) => ({ prefix: `/${d}/`, dir: join(root, d) })),
          index: join(root, 'index.html'),
          widgetDir: join(root, 'dist'),
        },
      },
    );
    limited = await startApp(t.db, { RATE_LIMIT: '3' });
    shop = await startApp(t.db, { ALLOWED_ORIGINS: 'https://shop.example.jp, https://www.shop.example.jp' });
  }, 120_000);
  afterAll(async () => {
    for (const a of [s, limited, shop]) await a?.close();
    await t?.drop();
  });

  it('answers 401 on every read, export and delete without the admin token, or with a wrong one', async () => {
    const routes = s.app.adminRoutes;
    // The built-in ones at least; a results plugin added later is in this list too.
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining(['GET /events', 'DELETE /events', 'GET /results/totals', 'GET /results/series', 'GET /results/offers', 'GET /results/variants', 'GET /results/export.csv']),
    );
    await post(s.base, { events: [event('kept-1')] });
    for (const { method, url } of routes) {
      const path = url.replace(/:(\w+)/g, 'x');
      for (const authorization of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`, TOKEN]) {
        const r = await fetch(s.base + path, { method, headers: authorization ? { authorization } : {} });
        expect(r.status, `${method} ${path} with ${authorization}`).toBe(401);
        expect(r.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(await r.text()).not.toContain('kept-1');
      }
    }
    // Nothing was deleted by the refused DELETEs.
    const r = await fetch(`${s.base}/events`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect((await r.json()).events.map((e: { id: string }) => e.id)).toContain('kept-1');
  });

  it('compares tokens exactly', () => {
    expect(tokenMatches('abcdefghijklmnop', 'Bearer abcdefghijklmnop')).toBe(true);
    expect(tokenMatches('abcdefghijklmnop', 'bearer abcdefghijklmnop')).toBe(true);
    expect(tokenMatches('abcdefghijklmnop', 'Bearer abcdefghijklmno')).toBe(false);
    expect(tokenMatches('abcdefghijklmnop', 'Bearer abcdefghijklmnopq')).toBe(false);
    expect(tokenMatches('abcdefghijklmnop', undefined)).toBe(false);
  });

  it('generates a token on first start, keeps it readable by the service only, and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    const first = loadAdminToken(undefined, dir);
    expect(first.generated).toBe(true);
    expect(first.token.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dir, 'admin-token')).mode & 0o777).toBe(0o600);
    const again = loadAdminToken(undefined, dir);
    expect(again).toEqual({ token: first.token, generated: false, file: join(dir, 'admin-token') });
    expect(readFileSync(join(dir, 'admin-token'), 'utf8').trim()).toBe(first.token);
    expect(() => loadAdminToken('short', dir)).toThrow('ADMIN_TOKEN: expected at least 16 characters');
  });

  it('refuses events from a foreign origin, with no CORS answer; accepts localhost and same origin by default', async () => {
    const foreign = await post(s.base, { events: [event('evil-1')] }, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).error).toBe('origin https://evil.example is not allowed to use this service (ALLOWED_ORIGINS)');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await post(s.base, { events: [event('null-1')] }, { origin: 'null' })).status).toBe(403);
    const pre = await fetch(`${s.base}/events`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const same = await post(s.base, { events: [event('same-1')] }, { origin: s.base });
    expect(same.status).toBe(200);
    const local = await post(s.base, { events: [event('local-1')] }, { origin: 'http://localhost:3000' });
    expect(local.status).toBe(200);
    const ids = (await (await fetch(`${s.base}/events?limit=10000`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()).events.map((e: { id: string }) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['same-1', 'local-1']));
    expect(ids).not.toContain('evil-1');
    expect(ids).not.toContain('null-1');
  });

  it('with ALLOWED_ORIGINS, accepts exactly the shop origins (localhost no longer)', async () => {
    const ok = await post(shop.base, { events: [event('shop-1')] }, { origin: 'https://www.shop.example.jp' });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://www.shop.example.jp');
    for (const origin of ['http://localhost:3000', 'https://shop.example.jp.evil.example', 'http://shop.example.jp']) {
      expect((await post(shop.base, { events: [event()] }, { origin })).status, origin).toBe(403);
    }
  });

  it('rate-limits per address: 429 with Retry-After, readable by the widget across origins', async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) {
      last = await post(limited.base, { events: [event()] }, { origin: 'http://localhost:3000' });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last!.headers.get('access-control-allow-origin')).toBe('http://localhost:3000');
    expect(last!.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
    expect((await last!.json()).error).toMatch(/^too many requests from this address: try again in \d+ s$/);
  });

  it('answers 413 (not a reset connection) to a body far over the limit', async () => {
    const r = await post(s.base, 'x'.repeat(5_000_000));
    expect(r.status).toBe(413);
    expect((await r.json()).error).toBe('body over 262144 bytes');
  });

  it('serves nothing outside its folders: traversal in every spelling is a 404', async () => {
    const attempts = [
      '/demo/../package.json',
      '/demo/%2e%2e/package.json',
      '/demo/%2E%2E/%2E%2E/etc/passwd',
      '/demo/site/..%2f..%2fpackage.json',
      '/demo/..%5c..%5cpackage.json',
      '/demo/site/..\\..\\package.json',
      '/dist/../server/app.ts',
      '/e2e/pages/../../data/admin-token',
      '/docs/%2e%2e/.git/config',
      '/demo/%00',
      '/demo/%',
      '/package.json',
      '/server/app.ts',
      '/.git/config',
      '/data/admin-token',
      '/node_modules/fastify/package.json',
      '/test/server/helpers.ts',
      '//etc/passwd',
      '/demo/.well-known/../../../../etc/passwd',
    ];
    for (const path of attempts) {
      const r = await rawGet(s.base, path);
      expect(r.status, path).toBe(404);
      expect(r.body, path).not.toMatch(/"dependencies"|root:|\[core\]|fastify/);
    }
    // The folders themselves are served.
    expect((await rawGet(s.base, '/demo/site/dashboard/')).status).toBe(200);
    expect((await rawGet(s.base, '/')).status).toBe(200);
  });

  it('serves the widget and the shop config with cache headers', async () => {
    const js = await fetch(`${s.base}/cart-upsell.js`);
    if (js.status === 200) {
      expect(js.headers.get('cache-control')).toBe('public, max-age=300, stale-while-revalidate=3600');
      expect(js.headers.get('etag')).toBeTruthy();
      expect(js.headers.get('content-type')).toMatch(/javascript/);
      const again = await rawGet(s.base, '/cart-upsell.js', { 'if-none-match': js.headers.get('etag')! });
      expect(again.status).toBe(304);
    } else {
      // Not built in this checkout: says so.
      expect(js.status).toBe(404);
    }
    const shopConfig = join(root, 'demo/site/shops/wa/cart-upsell.json');
    const withConfig = await startApp(t.db, { CONFIG_FILE: shopConfig });
    try {
      const c = await fetch(`${withConfig.base}/cart-upsell.json`, { headers: { origin: 'http://localhost:8080' } });
      expect(c.status).toBe(200);
      expect(c.headers.get('cache-control')).toBe('public, max-age=60, stale-while-revalidate=600');
      expect(c.headers.get('access-control-allow-origin')).toBe('http://localhost:8080');
      expect(await c.json()).toEqual(JSON.parse(readFileSync(shopConfig, 'utf8')));
    } finally {
      await withConfig.close();
    }
    expect((await fetch(`${s.base}/cart-upsell.json`)).status).toBe(404);
  });
});
