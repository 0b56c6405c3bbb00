// Real loopback servers for the fault suite, each on an origin of its own, as on a real shop:
//   shop       http://127.0.0.1:<E2E_PORT+10>  the cart page (hand-made theme, inline config)
//   CDN        http://localhost:<E2E_PORT+11>  cart-upsell.js and its prompt file
//   collector  http://127.0.0.1:<E2E_PORT+12>  the results service (server/, embedded PostgreSQL,
//              listening on E2E_PORT+13) behind a fault layer that answers 5xx / 429 / 4xx, hangs,
//              or drops the connection on demand, and otherwise passes the request through.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../../server/app';
import { openDb } from '../../server/db';
import { useTimeZone } from '../../server/ingest/store';
import { settingsFromEnv } from '../../server/settings';
import { validateEvent } from '../../src/events/schema';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const dist = resolve(process.env.CART_UPSELL_OUT ?? join(root, 'dist'));
const base = Number(process.env.E2E_PORT ?? 4173);
export const ports = { shop: base + 10, cdn: base + 11, collector: base + 12, service: base + 13 };
export const origins = { shop: `http://127.0.0.1:${ports.shop}`, cdn: `http://localhost:${ports.cdn}`, collector: `http://127.0.0.1:${ports.collector}` };

/** What the collector does with the next POST: pass it to the reference collector, or a fault. */
export type Fault = { kind: 'ok' } | { kind: 'status'; status: number; retryAfter?: string; expose?: boolean } | { kind: 'hang' } | { kind: 'reset' };
export type Sent = { id: string; type: string; offerId: string };
export type Rule = (n: number, events: Sent[]) => Fault;

const cors = { 'access-control-allow-origin': '*' };
const TOKEN = 'fault-suite-admin-token-0123456789';

const listen = (server: Server, port: number, host: string) => new Promise<void>((r) => server.listen(port, host, () => r()));

const readAll = (req: IncomingMessage) =>
  new Promise<Buffer>((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolveBody(Buffer.concat(chunks)));
    req.on('error', reject);
  });

export async function startServers(shopPage: string) {
  const db = await openDb({ DATA_DIR: 'memory://' });
  const settings = settingsFromEnv({ DATA_DIR: 'memory://', ALLOWED_ORIGINS: origins.shop }, root);
  await useTimeZone(db, settings.timeZone);
  const service = await buildApp({ db, settings, adminToken: TOKEN, validateEvent });
  await service.listen({ port: ports.service, host: '127.0.0.1' });
  const serviceUrl = `http://127.0.0.1:${ports.service}`;

  let rule: Rule = () => ({ kind: 'ok' });
  let n = 0;
  /** Ids the collector acknowledged (2xx), and how often one came again after that. */
  const acked = new Set<string>();
  let duplicates = 0;
  const posts: { at: number; ids: string[]; answer: string }[] = [];
  const hanging = new Set<ServerResponse>();

  const collector = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', origins.collector);
    const body = await readAll(req);
    const pass = async () => {
      // As a reverse proxy would: same method, headers (Origin included) and body.
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === 'string' && !['host', 'connection', 'content-length'].includes(k))) as Record<string, string>;
      const r = await fetch(serviceUrl + url.pathname + url.search, { method: req.method, headers, body: ['GET', 'HEAD'].includes(req.method!) ? undefined : body.toString('utf8') });
      res.writeHead(r.status, Object.fromEntries(r.headers));
      res.end(Buffer.from(await r.arrayBuffer()));
      return r.status;
    };
    if (req.method !== 'POST' || url.pathname !== '/events') return void (await pass());
    let events: Sent[] = [];
    try {
      events = JSON.parse(body.toString('utf8')).events ?? [];
    } catch {
      /* the reference collector answers 400 */
    }
    const ids = events.map((e) => e.id);
    const fault = rule(n++, events);
    const post = { at: Date.now(), ids, answer: fault.kind === 'status' ? String(fault.status) : fault.kind };
    posts.push(post);
    if (fault.kind === 'hang') return void hanging.add(res);
    if (fault.kind === 'reset') return void req.socket.destroy();
    if (fault.kind === 'status') {
      const headers: Record<string, string> = { ...cors, 'content-type': 'application/json' };
      if (fault.retryAfter) headers['retry-after'] = fault.retryAfter;
      if (fault.expose) headers['access-control-expose-headers'] = 'Retry-After';
      res.writeHead(fault.status, headers);
      return void res.end('{}');
    }
    const status = await pass();
    post.answer = String(status);
    if (status >= 200 && status < 300) {
      for (const id of ids) {
        if (acked.has(id)) duplicates++;
        else acked.add(id);
      }
    }
  });

  const cdn = createServer((req, res) => {
    const name = new URL(req.url ?? '/', origins.cdn).pathname.slice(1);
    if (!/^cart-upsell(-ui|-actions-[a-z]+)?\.js$/.test(name)) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(join(dist, name)));
  });

  const shopScript = readFileSync(join(root, 'e2e/pages/foundation-cart.js'));
  const shop = createServer((req, res) => {
    const path = new URL(req.url ?? '/', origins.shop).pathname;
    if (path === '/foundation-cart.js') return void res.writeHead(200, { 'content-type': 'text/javascript' }).end(shopScript);
    if (path === '/cart') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(shopPage);
    res.writeHead(404).end();
  });

  await Promise.all([listen(collector, ports.collector, '127.0.0.1'), listen(cdn, ports.cdn, '127.0.0.1'), listen(shop, ports.shop, '127.0.0.1')]);

  return {
    /** From now on the collector answers by `r` (n counts POSTs from here). */
    setRule(r: Rule) {
      rule = r;
      n = 0;
      // Requests held open so far are let go unanswered, as a server restart would.
      for (const res of hanging) res.socket?.destroy();
      hanging.clear();
    },
    posts,
    acked,
    duplicates: () => duplicates,
    async stored(): Promise<Set<string>> {
      const r = await fetch(`${serviceUrl}/events?limit=10000`, { headers: { authorization: `Bearer ${TOKEN}` } });
      return new Set(((await r.json()).events as { id: string }[]).map((e) => e.id));
    },
    async close() {
      for (const res of hanging) res.socket?.destroy();
      for (const s of [collector, cdn, shop]) s.closeAllConnections();
      await Promise.all([collector, cdn, shop].map((s) => new Promise((r) => s.close(r))));
      await service.close();
      await db.close();
    },
  };
}
